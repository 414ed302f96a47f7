import Papa from 'papaparse';
import { formatWan } from './amount';
import type { StoredDocument } from './document';
import { neutralizeCell } from './formatCsv';
import { SCOPE_NAMES, STAGE_NAMES } from './keys';
import { columnName, printedCode, rowName, tableName } from './labels';

/**
 * The figures as a table for people (Excel): Chinese headers and names instead of keys, UTF-8 with a
 * BOM (without it Excel on Windows reads the Chinese as GBK and shows mojibake), CRLF, every text
 * cell protected from formulas, amounts exact in 万元 as plain numbers. Not for reading back: the
 * FORMAT CSV (formatCsv.ts) is the machines' file. The last column names the layout profile a figure
 * was read through, if any.
 */
export const EXCEL_HEADER = ['单位代码', '单位名称', '文档', '年度', '表', '编码', '项目', '列', '金额（万元）', '文档编号', '读取方式'];

export function documentsToExcelCsv(docs: readonly StoredDocument[]): string {
  const data: string[][] = [];
  for (const d of docs) {
    const kind = `${SCOPE_NAMES[d.meta.scope]}${STAGE_NAMES[d.meta.stage]}`;
    for (const f of d.figures) {
      data.push([
        neutralizeCell(d.meta.unitCode), neutralizeCell(d.meta.unitName), kind, String(d.meta.year), tableName(f.table),
        printedCode(f.rowCode), neutralizeCell(rowName(f.table, f.rowCode, f.rowName)), columnName(f.table, f.column),
        formatWan(f.amount), neutralizeCell(d.docId),
        // Provenance: a figure read through a layout profile says which (issue 18); the importer's own reading is blank.
        f.source.profile ? neutralizeCell(`按版式配置 ${f.source.profile} 读取`) : '',
      ]);
    }
  }
  return '\uFEFF' + Papa.unparse({ fields: EXCEL_HEADER, data }, { newline: '\r\n' }) + '\r\n';
}
