import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { gridToXlsx, libraryToXlsx } from '../../../../src/lib/ingest/office/export';
import { readWorkbook } from '../../../../src/lib/ingest/office/xlsx';
import { FORMAT_COLUMNS } from '../../../../src/lib/model/formatCsv';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { seedBytes, seedFiles } from '../seeds';

const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (p: string) => (files[p] ? new TextDecoder().decode(files[p]) : null);
};

const figureKeys = (docs: readonly StoredDocument[]) =>
  docs.flatMap((d) => d.figures.map((f) => `${d.docId}|${d.meta.unitName}|${d.meta.year}|${f.table}|${f.rowCode}|${f.rowName}|${f.column}|${f.amount}`)).sort();

describe('library → .xlsx → import', () => {
  it('gives back exactly the same figures, fen for fen, under the same document ids', { timeout: 60_000 }, async () => {
    const docs: StoredDocument[] = [];
    for (const file of seedFiles) {
      const r = await importFile(seedBytes(file), file);
      if (!r.ok) throw new Error(r.error);
      docs.push(...r.docs);
    }
    const library = docs.map((d) => ({
      doc: { docId: d.docId, unitCode: d.meta.unitCode, unitName: d.meta.unitName, year: d.meta.year, scope: d.meta.scope, stage: d.meta.stage, fileName: d.fileName ?? '', importedAt: '2026-12-01T00:00:00Z', figureCount: d.figures.length },
      figures: d.figures,
    }));
    const bytes = libraryToXlsx(FORMAT_COLUMNS, library);
    const back = await importFile(bytes, '资料库.xlsx');
    if (!back.ok) throw new Error(back.error);
    expect(back.kind).toBe('csv');
    expect(back.rowErrors).toEqual([]);
    expect(figureKeys(back.docs)).toEqual(figureKeys(docs));
    // The documents sheet lists each document once, in Chinese.
    const book = readWorkbook(parts(bytes), 'xl/workbook.xml');
    expect(book.sheets.map((s) => s.name)).toEqual(['数字', '文档']);
    expect(book.sheets[1].cells.size).toBe(docs.length + 1);
    expect(book.sheets[1].cells.get(1)?.get(4)).toMatch(/^(部门|单位)$/);
  });
});

describe('a view\'s table → .xlsx', () => {
  const grid = [
    ['信访局 同比（预算）'],
    ['项目', '编码', '2023（万元）', '2023 较上一列增减（万元）', '2023 较上一列增减（%）'],
    ['支出合计', '', '1443.77', '-12.5', '-0.9'],
    ['　一般公共服务支出', '201', '894.530001', '', ''],
    ['=HYPERLINK("http://x","点我")', '20103', '0.00', '', ''],
    ['来源：开发区群众工作局 2023年部门预算；另一单位 2022年部门预算'],
  ];
  const bytes = gridToXlsx(grid);
  const read = parts(bytes);
  const sheet = read('xl/worksheets/sheet1.xml')!;

  it('has a title row, 单位：万元, the header frozen with the first column, and 「#,##0.00」 amounts', () => {
    const book = readWorkbook(read, 'xl/workbook.xml');
    const cells = book.sheets[0].cells;
    expect(cells.get(0)?.get(0)).toBe('信访局 同比（预算）');
    expect(cells.get(1)?.get(0)).toBe('单位：万元');
    expect([...cells.get(2)!.values()]).toEqual(grid[1]);
    expect(sheet).toContain('<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>');
    // Amount columns show two decimals with separators; the value stored is exact.
    expect(cells.get(3)?.get(2)).toBe('1443.77');
    expect(cells.get(4)?.get(2)).toBe('894.53');
    expect(sheet).toContain('<v>894.530001</v>');
    expect(read('xl/styles.xml')).toContain('numFmtId="4"');
    // Percentages are plain numbers; codes stay text.
    expect(cells.get(3)?.get(4)).toBe('-0.9');
    expect(sheet).toMatch(/<c r="B5" t="inlineStr"><is><t xml:space="preserve">201<\/t>/);
  });

  it('writes no formula: text that looks like one is an inline string', () => {
    for (const xml of [sheet, read('xl/worksheets/sheet2.xml')!]) expect(xml).not.toContain('<f>');
    expect(sheet).toContain('<t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;)</t>');
  });

  it('lists the sources of the figures on a sheet of their own', () => {
    const book = readWorkbook(read, 'xl/workbook.xml');
    expect(book.sheets.map((s) => s.name)).toEqual(['表格', '来源']);
    const sources = book.sheets[1].cells;
    expect(sources.get(1)?.get(1)).toBe('开发区群众工作局 2023年部门预算');
    expect(sources.get(2)?.get(1)).toBe('另一单位 2022年部门预算');
  });
});
