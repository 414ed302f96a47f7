import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryDb } from '../../../src/lib/db/library';
import { peersQuery, type PeersRequest, type PeersResult } from '../../../src/lib/compare/peers';
import { median, outlierReason, ranks } from '../../../src/lib/compare/stats';
import { library, wan, type DocSpec } from './libraries';

const open: LibraryDb[] = [];
afterEach(() => open.splice(0).forEach((l) => l.close()));
const lib = async (specs: DocSpec[]) => {
  const l = await library(specs);
  open.push(l);
  return l;
};
const base: PeersRequest = { year: 2023, stage: 'budget', scope: 'department', selection: { kind: 'all' } };
const row = (r: PeersResult, key: string) => r.rows.find((x) => x.key === key)!;

const unit = (id: string, code: string, year: number, total: string, project: string, extra: DocSpec['figures'] = []): DocSpec => ({
  id, code, name: `单位${code}`, year,
  figures: [['summary', 'expense.grand_total', 'amount', total], ['expense', 'total', 'project', project], ...extra],
});

describe('横比 query', () => {
  it('puts the chosen year\'s units side by side with shares, ranks and outliers', async () => {
    const l = await lib([
      unit('a', '101', 2023, '100', '10', [['expense', '201', 'total', '100']]),
      unit('b', '102', 2023, '200', '30', [['expense', '201', 'total', '150'], ['expense', '208', 'total', '50']]),
      unit('c', '103', 2023, '50', '40'),
      unit('d', '104', 2022, '70', '7'),
    ]);
    const r = peersQuery(l.db, base);
    expect(r.columns.map((c) => c.unitCode)).toEqual(['101', '102', '103']);
    expect(r.years).toEqual([2022, 2023]);
    const project = row(r, 'm:project');
    expect(project.cells.map((c) => c!.value.amount)).toEqual([wan('10'), wan('30'), wan('40')]);
    expect(project.cells.map((c) => c!.share)).toEqual([0.1, 0.15, 0.8]);
    expect(project.cells.map((c) => c!.rank)).toEqual([3, 2, 1]);
    // Median share 15 %: 80 % is more than twice it, 10 % is not under half of it.
    expect(project.cells.map((c) => c!.outlier === null)).toEqual([true, true, false]);
    expect(project.cells[2]!.outlier).toContain('80.0%');
    expect(project.cells[2]!.outlier).toContain('15.0%');
    // The totals are compared by amount and have no share of themselves.
    const total = row(r, 'm:expense_total');
    expect(total.cells.map((c) => c!.share)).toEqual([null, null, null]);
    expect(total.cells.map((c) => c!.outlier === null)).toEqual([true, true, true]);
    // A class only one unit has is blank (null) for the others, not zero.
    expect(row(r, 'f:208').cells.map((c) => c?.value.amount ?? null)).toEqual([null, wan('50'), null]);
  });

  it('selects by hand, by department, or each unit\'s latest document', async () => {
    const l = await lib([
      unit('a', '203', 2023, '100', '10'), unit('b', '203001', 2023, '90', '9'), unit('c', '455', 2023, '5', '1'),
      unit('d', '203002', 2021, '8', '1'), unit('e', '455', 2021, '6', '1'),
    ]);
    expect(peersQuery(l.db, { ...base, selection: { kind: 'department', code: '203' } }).columns.map((c) => c.unitCode)).toEqual(['203', '203001']);
    expect(peersQuery(l.db, { ...base, selection: { kind: 'units', keys: ['code:455', 'code:203'] } }).columns.map((c) => c.docId)).toEqual(['a', 'c']);
    const latest = peersQuery(l.db, { ...base, year: 'latest' });
    expect(latest.columns.map((c) => `${c.unitCode}/${c.year}`)).toEqual(['203/2023', '203001/2023', '203002/2021', '455/2023']);
    expect(latest.departments).toEqual([{ code: '203', name: '单位203', units: 3 }, { code: '455', name: '单位455', units: 1 }]);
    // No year given: the year with the most documents.
    expect(peersQuery(l.db, { ...base, year: null }).year).toBe(2023);
  });

  // Issue #16: three units ticked (one a 决算) gave two columns and no word about the third; a
  // 单位预算 never got a column beside its 部门预算; a lone unit was ranked 「第 1 名」.
  it('names every chosen unit it cannot show, with the reason, and never mixes 预算 and 决算', async () => {
    const l = await lib([
      { id: 'a', name: '甲局', year: 2025, figures: [['summary', 'expense.grand_total', 'amount', '100']] },
      { id: 'a-unit', name: '甲局', year: 2025, scope: 'unit', figures: [['summary', 'expense.grand_total', 'amount', '60']] },
      { id: 'b', name: '乙委', year: 2025, figures: [['summary', 'expense.grand_total', 'amount', '80']] },
      { id: 'c', name: '丙局', year: 2024, stage: 'final', figures: [['summary', 'expense.grand_total', 'amount', '70']] },
      { id: 'd', name: '丁办', year: 2023, figures: [['summary', 'expense.grand_total', 'amount', '9']] },
      { id: 'e', name: '戊所', year: 2025, scope: 'unit', figures: [['summary', 'expense.grand_total', 'amount', '5']] },
    ]);
    const keys = ['name:甲局', 'name:乙委', 'name:丙局', 'name:丁办', 'name:戊所'];
    const r = peersQuery(l.db, { year: 2025, stage: 'budget', scope: 'department', selection: { kind: 'units', keys } });
    expect(r.columns.map((c) => c.docId)).toEqual(['a', 'b']);
    expect(r.columns.every((c) => c.stage === 'budget')).toBe(true);
    const why = new Map(r.omitted.map((o) => [o.name, o.reason]));
    expect(why.get('丙局')).toMatch(/只有部门决算文档.*当前比较的是预算/);
    expect(why.get('丁办')).toMatch(/没有 2025 年的预算文档（有 2023 年）/);
    expect(why.get('戊所')).toMatch(/只有单位预算文档.*当前只比较部门预算/);
    expect(why.get('甲局（2025年单位预算）')).toMatch(/选择「全部」/);
    expect(r.omitted).toHaveLength(4);

    // Both scopes: 甲局's 单位预算 has its own column beside its 部门预算, keyed apart (names sort by pinyin).
    const both = peersQuery(l.db, { year: 2025, stage: 'budget', scope: 'all', selection: { kind: 'units', keys } });
    expect(both.columns.map((c) => `${c.docId}:${c.key}`)).toEqual(['a:name:甲局', 'a-unit:name:甲局|unit', 'e:name:戊所', 'b:name:乙委']);
    expect(both.omitted.map((o) => o.name)).toEqual(['丙局', '丁办']);

    // One unit alone: no rank.
    const one = peersQuery(l.db, { year: 2025, stage: 'budget', scope: 'department', selection: { kind: 'units', keys: ['name:乙委'] } });
    expect(row(one, 'm:expense_total').cells.map((c) => c!.rank)).toEqual([null]);
    expect(row(both, 'm:expense_total').cells.map((c) => c!.rank)).toEqual([1, 3, 4, 2]);
  });

  it('maps renamed codes when units of different editions are compared', async () => {
    const l = await lib([
      unit('a', '1', 2023, '10', '1', [['expense', '2010308', 'total', '3']]),
      unit('b', '2', 2024, '10', '1', [['expense', '20140', 'total', '4']]),
    ]);
    const r = peersQuery(l.db, { ...base, year: 'latest' });
    expect(row(r, 'f:20140').cells.map((c) => c!.value.amount)).toEqual([wan('3'), wan('4')]);
    expect(r.mappings).toHaveLength(1);
  });
});

describe('peer statistics', () => {
  it.each([
    { values: [3, 1, 2], median: 2 },
    { values: [4, 1, 3, 2], median: 2.5 },
    { values: [], median: null },
  ])('median of $values is $median', ({ values, median: m }) => expect(median(values)).toBe(m));

  it('ranks largest first with ties sharing a rank, and only among two or more', () => {
    expect(ranks([5, null, 9, 5])).toEqual([2, null, 1, 2]);
    expect(ranks([null, 7, null])).toEqual([null, null, null]);
    expect(ranks([])).toEqual([]);
  });

  it('marks nothing below three units or around a zero median', () => {
    const f = String;
    expect(outlierReason(10, [10, 1], 'x', f)).toBeNull();
    expect(outlierReason(5, [0, 0, 5], 'x', f)).toBeNull();
    expect(outlierReason(1, [1, 4, 4], 'x', f)).toContain('1/2');
  });
});
