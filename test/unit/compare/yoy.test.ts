import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryDb } from '../../../src/lib/db/library';
import { yoyQuery, type YoyResult } from '../../../src/lib/compare/yoy';
import { loadUnits } from '../../../src/lib/compare/units';
import { linkUnits, unlinkUnit } from '../../../src/lib/db/unitLinks';
import { library, wan, type DocSpec } from './libraries';

const open: LibraryDb[] = [];
afterEach(() => open.splice(0).forEach((l) => l.close()));
const lib = async (specs: DocSpec[]) => {
  const l = await library(specs);
  open.push(l);
  return l;
};
const row = (r: YoyResult, key: string) => r.rows.find((x) => x.key === key)!;
const amounts = (r: YoyResult, key: string) => row(r, key).cells.map((c) => c.value?.amount ?? null);

describe('同比 query', () => {
  it('lines up a unit\'s years oldest first, with changes and percentages in exact fen', async () => {
    const l = await lib([
      { id: 'b', code: '301', name: '测试局', year: 2023, figures: [['summary', 'expense.grand_total', 'amount', '150.10'], ['expense', 'total', 'basic', '100.05']] },
      { id: 'a', code: '301', name: '测试局（旧名）', year: 2022, figures: [['summary', 'expense.grand_total', 'amount', '120.00'], ['expense', 'total', 'basic', '100.10']] },
    ]);
    const r = yoyQuery(l.compare, 'code:301')!;
    expect(r.unit.name).toBe('测试局');
    expect(r.columns.map((c) => c.year)).toEqual([2022, 2023]);
    expect(amounts(r, 'm:expense_total')).toEqual([wan('120'), wan('150.10')]);
    const total = row(r, 'm:expense_total').cells[1];
    expect(total.change).toBe(wan('30.10'));
    expect(total.pct).toBeCloseTo(25.0833, 3);
    expect(row(r, 'm:basic').cells[1].change).toBe(-wan('0.05'));
    expect(row(r, 'm:expense_total').cells[0]).toMatchObject({ change: null, pct: null });
  });

  it('takes each metric from the first table the document has, and cites it', async () => {
    const l = await lib([
      { id: 'a', code: '301', name: '测试局', year: 2022, figures: [['facts', 'expense_total', 'amount', '99'], ['expense', 'total', 'total', '98']] },
      { id: 'b', code: '301', name: '测试局', year: 2023, figures: [['facts', 'expense_total', 'amount', '97']] },
    ]);
    const r = yoyQuery(l.compare, 'code:301')!;
    const cells = row(r, 'm:expense_total').cells.map((c) => c.value!);
    expect(cells[0]).toMatchObject({ amount: wan('98'), source: { docId: 'a', table: 'expense', rowCode: 'total', column: 'total', line: 11 } });
    expect(cells[1]).toMatchObject({ amount: wan('97'), source: { docId: 'b', table: 'facts', rowCode: 'expense_total' } });
  });

  it('infers a missing prior year from the narrative\'s stated change, marked as derived', async () => {
    const l = await lib([
      { id: 'x', code: '543', name: '信访局（市委群工部）', year: 2024, figures: [
        ['summary', 'expense.grand_total', 'amount', '1550.13'], ['expense', 'total', 'basic', '1082.00'],
        ['facts', 'change_vs_prior', 'amount', '218.10'], ['facts', 'basic_change', 'amount', '-37.03']] },
    ]);
    const r = yoyQuery(l.compare, 'code:543')!;
    expect(r.columns.map((c) => [c.year, c.inferred])).toEqual([[2023, true], [2024, false]]);
    const prior = row(r, 'm:expense_total').cells[0].value!;
    expect(prior.amount).toBe(wan('1332.03'));
    expect(prior.source).toBeUndefined();
    expect(prior.derived!.how).toContain('据说明推算');
    expect(prior.derived!.inputs.map((c) => c.rowCode)).toEqual(['expense.grand_total', 'change_vs_prior']);
    expect(row(r, 'm:expense_total').cells[1].change).toBe(wan('218.10'));
    expect(amounts(r, 'm:basic')).toEqual([wan('1119.03'), wan('1082')]);
    // Nothing else is inferred: the narrative states no prior 人员经费.
    expect(amounts(r, 'm:personnel')).toEqual([null, null]);
  });

  it('does not infer a year that is loaded, and compares across a gap against the previous column', async () => {
    const l = await lib([
      { id: 'a', code: '7', name: '甲', year: 2021, figures: [['summary', 'expense.grand_total', 'amount', '10']] },
      { id: 'c', code: '7', name: '甲', year: 2023, figures: [['summary', 'expense.grand_total', 'amount', '16'], ['facts', 'change_vs_prior', 'amount', '4']] },
      { id: 'b', code: '7', name: '甲', year: 2020, figures: [['summary', 'expense.grand_total', 'amount', '9'], ['facts', 'change_vs_prior', 'amount', '1']] },
    ]);
    const r = yoyQuery(l.compare, 'code:7')!;
    expect(r.columns.map((c) => `${c.year}${c.inferred ? '*' : ''}`)).toEqual(['2019*', '2020', '2021', '2022*', '2023']);
    expect(amounts(r, 'm:expense_total')).toEqual([wan('8'), wan('9'), wan('10'), wan('12'), wan('16')]);
  });

  it('marks classes that appear or vanish between two documents that both print the table', async () => {
    const l = await lib([
      { id: 'a', code: '9', name: '乙', year: 2022, figures: [['expense', '201', 'total', '5'], ['expense', '20103', 'total', '5'], ['expense', '212', 'total', '3']] },
      { id: 'b', code: '9', name: '乙', year: 2023, figures: [['expense', '201', 'total', '6'], ['expense', '20103', 'total', '4'], ['expense', '20106', 'total', '2'], ['expense', '208', 'total', '1']] },
      { id: 'c', code: '9', name: '乙', year: 2024, figures: [['facts', 'expense_total', 'amount', '9']] },
    ]);
    const r = yoyQuery(l.compare, 'code:9')!;
    expect(row(r, 'f:208').cells.map((c) => c.status)).toEqual([null, 'new', null]);
    expect(row(r, 'f:212').cells.map((c) => c.status)).toEqual([null, 'gone', null]);
    expect(row(r, 'f:20106')).toMatchObject({ parent: 'f:201', depth: 1, cells: [{ status: null }, { status: 'new' }, { status: null }] });
    expect(row(r, 'f:201').hasChildren).toBe(true);
    expect(row(r, 'f:201').cells[1].change).toBe(wan('1'));
  });

  it('moves 2010308 信访事务 onto 20140 across the 2024 edition, and says so', async () => {
    const l = await lib([
      { id: 'a', code: '5', name: '丙', year: 2023, figures: [['expense', '201', 'total', '10'], ['expense', '20103', 'total', '10'], ['expense', '2010308', 'total', '3']] },
      { id: 'b', code: '5', name: '丙', year: 2024, figures: [['expense', '201', 'total', '12'], ['expense', '20140', 'total', '4']] },
    ]);
    const r = yoyQuery(l.compare, 'code:5')!;
    expect(r.mappings.map((m) => [m.from, m.to])).toEqual([['2010308', '20140']]);
    expect(r.rows.some((x) => x.code === '2010308')).toBe(false);
    const mapped = row(r, 'f:20140');
    expect(mapped.cells.map((c) => c.value?.amount)).toEqual([wan('3'), wan('4')]);
    expect(mapped.cells[0].value!.mapped).toContain('2010308');
    expect(mapped.cells[0].value!.source!.rowCode).toBe('2010308');
    expect(mapped.cells[1]).toMatchObject({ change: wan('1'), status: null });
    // Within one edition nothing is mapped.
    const same = await lib([{ id: 'c', code: '5', name: '丙', year: 2023, figures: [['expense', '2010308', 'total', '3']] }]);
    expect(yoyQuery(same.compare, 'code:5')!.rows.some((x) => x.code === '2010308')).toBe(true);
  });
});

describe('units across years', () => {
  it('matches by code, else by name, and lets the user link and unlink renamed units', async () => {
    const l = await lib([
      { id: 'a', name: '信访局', year: 2023, figures: [['facts', 'expense_total', 'amount', '100']] },
      { id: 'b', name: '信访局（市委群工部）', year: 2024, figures: [['facts', 'expense_total', 'amount', '120']] },
      { id: 'c', code: '88', name: '丁', year: 2022, figures: [] },
      { id: 'd', name: '丁', year: 2023, figures: [] },
    ]);
    expect(loadUnits(l.compare).groups.map((g) => [g.key, g.years])).toEqual([
      ['code:88', [2022, 2023]], ['name:信访局', [2023]], ['name:信访局（市委群工部）', [2024]],
    ]);
    linkUnits(l.db, 'name:信访局', 'name:信访局（市委群工部）');
    const linked = yoyQuery(l.compare, 'name:信访局（市委群工部）')!;
    expect(linked.columns.map((c) => c.year)).toEqual([2023, 2024]);
    expect(linked.unit.members).toEqual([{ key: 'name:信访局', linked: true }]);
    expect(row(linked, 'm:expense_total').cells[1].change).toBe(wan('20'));
    expect(yoyQuery(l.compare, 'name:信访局')).toBeNull();
    expect(() => linkUnits(l.db, 'name:信访局（市委群工部）', 'name:信访局')).toThrow(/已经是同一个单位/);
    unlinkUnit(l.db, 'name:信访局');
    expect(yoyQuery(l.compare, 'name:信访局（市委群工部）')!.columns.map((c) => c.year)).toEqual([2024]);
  });

  it('prefers the 部门 document when a unit has two in one year', async () => {
    const l = await lib([
      { id: 'd', code: '4', name: '戊', year: 2023, scope: 'department', figures: [['facts', 'expense_total', 'amount', '2']] },
      { id: 'u', code: '4', name: '戊', year: 2023, scope: 'unit', figures: [['facts', 'expense_total', 'amount', '1']] },
    ]);
    const r = yoyQuery(l.compare, 'code:4')!;
    expect(r.columns).toMatchObject([{ year: 2023, docCount: 2, doc: { docId: 'd' } }]);
  });
});

describe('unit cache', () => {
  it('sees a document added or removed after the units were first read', async () => {
    const l = await lib([{ id: 'a', code: '1', name: '甲', year: 2022, figures: [] }]);
    expect(loadUnits(l.compare).groups.map((g) => g.years)).toEqual([[2022]]);
    l.addDocuments([(await import('./libraries')).doc({ id: 'b', code: '1', name: '甲', year: 2023, figures: [] })], 'text', 'h-b');
    expect(loadUnits(l.compare).groups.map((g) => g.years)).toEqual([[2022, 2023]]);
    l.removeDocument('a');
    expect(loadUnits(l.compare).groups.map((g) => g.years)).toEqual([[2023]]);
  });
});
