import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { NARRATIVE, SUMMARY_ROWS, summaryTable, tabRows } from './fixtures';

function docs(text: string) {
  const r = readDisclosureText(text, 'f.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs;
}

describe('documents in a file and their metadata', () => {
  it('a 部门 document followed by its unit gives two documents with their own scope (seed 004)', () => {
    const text = [
      summaryTable('部门预算收支总表', '203保定测试部'), '', NARRATIVE, '', '第二部分  部门所属单位预算', '1', '',
      summaryTable('单位预算收支总表', '203001保定测试部（本级）'), '', NARRATIVE.replace('减少12.5万元', '增加1693.18万元'),
    ].join('\n');
    const [dept, unit, ...rest] = docs(text);
    expect(rest).toEqual([]);
    expect(dept.meta).toEqual({ unitCode: '203', unitName: '保定测试部', scope: 'department', stage: 'budget', year: 2023 });
    expect(unit.meta).toEqual({ unitCode: '203001', unitName: '保定测试部（本级）', scope: 'unit', stage: 'budget', year: 2023 });
    const change = (d: typeof dept) => d.figures.find((f) => f.rowCode === 'change_vs_prior')?.amount;
    expect([change(dept), change(unit)]).toEqual([-12_500_000, 1_693_180_000]);
    expect(dept.tables.map((t) => t.table)).toEqual(['summary']);
    expect(unit.tables.map((t) => t.table)).toEqual(['summary']);
  });

  it('the year split over two lines, 「部门：万元」, and a later table copying the department line', () => {
    const text = [
      '单位预算收支总表', '203001测试（本级）', '预算年度：', '2024', '部门：万元', tabRows(SUMMARY_ROWS), '',
      '单位预算收入总表', '203测试', '预算年度：', '2024', '部门：万元', '',
    ].join('\n');
    const [doc] = docs(text);
    expect(doc.meta).toEqual({ unitCode: '203001', unitName: '测试（本级）', scope: 'unit', stage: 'budget', year: 2024 });
  });

  it('a year printed only in the title, and the scope word after it', () => {
    const [doc] = docs(`2022年单位预算收支总表\n101001 测试（本级）\n单位：万元\n${tabRows(SUMMARY_ROWS)}`);
    expect(doc.meta).toMatchObject({ year: 2022, scope: 'unit', unitCode: '101001' });
  });

  it('a 决算 document has stage final', () => {
    const [doc] = docs(summaryTable('收入支出决算总表').replace('预算年度', '决算年度'));
    expect(doc.meta.stage).toBe('final');
    expect(doc.tables[0]).toMatchObject({ table: 'summary', status: 'present', title: '收入支出决算总表' });
  });

  it('a file without standard tables still gives its narrative facts and metadata (seed 002)', () => {
    const [doc] = docs(`中共测试委员会\n2021 年度部门预算情况说明\n${NARRATIVE.replace(/2023/g, '2021')}`);
    expect(doc.tables).toEqual([]);
    expect(doc.meta).toMatchObject({ scope: 'department', stage: 'budget', year: 2021, unitCode: '' });
    expect(doc.figures.filter((f) => f.table === 'facts').length).toBeGreaterThan(5);
  });

  it('every warning carries the line it is about when there is one', () => {
    const [doc] = docs(summaryTable().replace('100.50\t一、一般', '1O0.50\t一、一般'));
    expect(doc.warnings).toEqual([{
      message: expect.stringContaining('1O0.50'), source: { line: 12 },
      kind: 'unread_cell', table: 'summary', title: '部门预算收支总表', rowCode: 'income.general', column: 'amount',
    }]);
  });
});
