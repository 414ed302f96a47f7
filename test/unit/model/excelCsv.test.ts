import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { documentsToExcelCsv, EXCEL_HEADER } from '../../../src/lib/model/excelCsv';
import { columnName, printedCode, rowName } from '../../../src/lib/model/labels';
import type { StoredDocument } from '../../../src/lib/model/document';

const doc: StoredDocument = {
  docId: 'abc123', fileName: 'x.txt', tables: [], projects: [], warnings: [],
  meta: { unitCode: '101', unitName: '=某局', scope: 'unit', stage: 'final', year: 2024 },
  figures: [
    { table: 'summary', rowCode: 'income.fiscal', rowName: '', column: 'amount', amount: 12_345_678_900, source: { line: 1 } },
    { table: 'expense', rowCode: '2010301', rowName: '行政运行', column: 'operating', amount: -1, source: { line: 2 } },
    { table: 'income', rowCode: 'total', rowName: '合计', column: 'business', amount: 0, source: { line: 3, profile: '=县级版式' } },
  ],
};

describe('the Excel table of figures (for people)', () => {
  it('starts with a BOM, has Chinese headers and names, exact amounts and no live formulas', () => {
    const csv = documentsToExcelCsv([doc]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(EXCEL_HEADER);
    expect(rows[1]).toEqual(['101', "'=某局", '单位决算', '2024', '收支总表', '', '财政拨款收入', '金额', '12345.6789', 'abc123', '']);
    expect(rows[2]).toEqual(['101', "'=某局", '单位决算', '2024', '支出总表', '2010301', '行政运行', '经营支出', '-0.000001', 'abc123', '']);
    expect(rows[3].slice(6, 9)).toEqual(['合计', '事业收入', '0.00']);
    // A figure read through a layout profile names it, protected like every text cell.
    expect(rows[3][10]).toBe('按版式配置 =县级版式 读取');
    // No English key reaches a person.
    expect(csv).not.toMatch(/income\.|expense\.|\bbusiness\b|\boperating\b/);
  });

  it('names row and column keys in Chinese, keeping printed labels and classification codes', () => {
    const cases: { args: [string, string, string]; expected: string }[] = [
      { args: ['summary', 'income.fiscal', ''], expected: '财政拨款收入' },
      { args: ['summary', 'expense.208', 'expense.208'], expected: '社会保障和就业支出' },
      { args: ['facts', 'change_vs_prior', ''], expected: '比上年增减' },
      { args: ['three_public', 'vehicle_operation', ''], expected: '公务用车运行维护费' },
      { args: ['expense', '2080501', '行政单位离退休'], expected: '行政单位离退休' },
    ];
    for (const { args, expected } of cases) expect(rowName(...args)).toBe(expected);
    expect(columnName('income', 'operating')).toBe('经营收入');
    expect(columnName('expense', 'operating')).toBe('经营支出');
    expect(columnName('basic_expense', 'personnel')).toBe('人员经费');
    expect(printedCode('income.fiscal')).toBe('');
    expect(printedCode('20103')).toBe('20103');
    expect(printedCode('expense.201')).toBe('201');
    expect(printedCode('expense.grand_total')).toBe('');
  });
});
