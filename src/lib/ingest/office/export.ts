/**
 * What the app writes as .xlsx: a view's table as on screen, and the library as FORMAT figures plus
 * its documents. Loaded by dynamic import from the export buttons only. Numbers are written as the
 * exact decimal text the app already has (formatWan), never through a float; every text cell is an
 * inline string, so nothing from a document becomes a formula.
 */
import { formatWan } from '../../model/amount';
import type { FormatRow } from '../../model/formatCsv';
import { writeXlsx, type XCell, type XSheet } from './write';
import { colName } from './xlsx';

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Column widths from the longest text in each column (CJK counts double), within reason. */
function widths(rows: readonly XCell[][]): number[] {
  const out: number[] = [];
  for (const row of rows) {
    row.forEach((cell, c) => {
      const text = cell === null ? '' : typeof cell === 'string' ? cell : cell.num;
      let w = 0;
      for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
      out[c] = Math.min(60, Math.max(out[c] ?? 8, w + 2));
    });
  }
  return out;
}

/**
 * A comparison view's grid (compare/grid.ts: title line, header line, rows, then 「来源：…」) →
 * sheet 「表格」 with the title, 「单位：万元」, the header frozen with the first column, amounts in
 * 「#,##0.00」 (columns whose header says 万元; percentages and ranks as plain numbers, codes as
 * text), and sheet 「来源」 listing the documents the figures come from.
 */
export function gridToXlsx(grid: readonly (readonly string[])[]): Uint8Array {
  const [titleRow, head = [], ...rest] = grid;
  const last = rest[rest.length - 1];
  const hasSources = last?.length === 1 && last[0].startsWith('来源：');
  const body = hasSources ? rest.slice(0, -1) : rest;
  const amount = head.map((h) => h.includes('万元'));
  const code = head.map((h) => h === '编码');
  const rows: XCell[][] = [[titleRow?.[0] ?? '预算透镜'], ['单位：万元'], [...head]];
  for (const row of body) {
    rows.push(row.map((cell, c) => {
      if (cell === '') return null;
      if (code[c] || !NUMBER.test(cell)) return cell;
      return { num: cell, format: amount[c] ? 'amount' : 'plain' };
    }));
  }
  const width = Math.max(1, head.length);
  const table: XSheet = {
    name: '表格', rows, bold: [0, 2], freeze: { rows: 3, cols: 1 }, widths: widths(rows.slice(2)),
    merges: width > 1 ? [`A1:${colName(width - 1)}1`] : [],
  };
  const docs = hasSources ? last[0].slice(3).split('；').filter(Boolean) : [];
  const sources: XSheet = {
    name: '来源', bold: [0], widths: [8, 70],
    rows: [['序号', '数字来源（单位 年度 口径 阶段）'], ...docs.map((d, i): XCell[] => [{ num: String(i + 1), format: 'plain' }, d]),
      [], [null, '金额按文档所印数字换算为万元；表格中的金额、增减、占比与页面显示相同。']],
  };
  return writeXlsx([table, sources]);
}

export interface DocumentRow {
  docId: string;
  unitCode: string;
  unitName: string;
  year: number;
  scope: string;
  stage: string;
  fileName: string;
  importedAt: string;
  figureCount: number;
}

/** A stored figure as the worker lists it (db FigureRow): the amount in fen. */
export interface FigureOut {
  table: string;
  rowCode: string;
  rowName: string;
  column: string;
  amount: number;
}

const SCOPES: Record<string, string> = { department: '部门', unit: '单位' };
const STAGES: Record<string, string> = { budget: '预算', final: '决算' };

/**
 * The library: sheet 「数字」 in FORMAT columns (English keys, one figure per row, amounts exact in
 * 「#,##0.00####」 so every fen shows and reads back), and sheet 「文档」. The importer reads such a
 * workbook back as FORMAT figures (read.ts), so export → import gives the same figures. `columns` is
 * FORMAT_COLUMNS, passed in: importing model/formatCsv here would make the bundler move the CSV code
 * the first visit shares and grow the first visit.
 */
export function libraryToXlsx(columns: readonly (keyof FormatRow)[], library: readonly { doc: DocumentRow; figures: readonly FigureOut[] }[]): Uint8Array {
  const figures: XCell[][] = [[...columns]];
  for (const { doc, figures: list } of library) {
    for (const f of list) {
      const row: FormatRow = {
        doc_id: doc.docId, unit_code: doc.unitCode, unit_name: doc.unitName, scope: doc.scope, stage: doc.stage, year: String(doc.year),
        table: f.table, row_code: f.rowCode, row_name: f.rowName, column: f.column, amount: formatWan(f.amount),
      };
      figures.push(columns.map((c) => (c === 'amount' ? { num: row.amount, format: 'exact' } : row[c] === '' ? null : row[c])));
    }
  }
  const docs: XCell[][] = [['文档编号', '单位编码', '单位名称', '年度', '口径', '阶段', '文件名', '导入时间', '数字个数']];
  for (const { doc: d } of library) {
    docs.push([d.docId, d.unitCode || null, d.unitName, { num: String(d.year), format: 'plain' }, SCOPES[d.scope] ?? d.scope, STAGES[d.stage] ?? d.stage, d.fileName, d.importedAt, { num: String(d.figureCount), format: 'plain' }]);
  }
  return writeXlsx([
    { name: '数字', rows: figures, bold: [0], freeze: { rows: 1, cols: 0 }, widths: [14, 10, 30, 11, 8, 6, 16, 12, 30, 16, 16] },
    { name: '文档', rows: docs, bold: [0], freeze: { rows: 1, cols: 0 }, widths: widths(docs) },
  ]);
}
