import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryDb } from '../../../src/lib/db/library';
import { executionQuery, type ExecutionResult } from '../../../src/lib/compare/execution';
import { importFile } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import { LibraryDb as Library } from '../../../src/lib/db/library';
import { corpusBytes, shanghaiGold } from '../ingest/pdf/corpus';
import { library, sqlJs, wan, type DocSpec, type Fig } from './libraries';

const open: LibraryDb[] = [];
afterEach(() => open.splice(0).forEach((l) => l.close()));
const lib = async (specs: DocSpec[]) => {
  const l = await library(specs);
  open.push(l);
  return l;
};
const row = (r: ExecutionResult, key: string) => {
  const found = r.rows.find((x) => x.key === key);
  if (!found) throw new Error(`no row ${key}: ${r.rows.map((x) => x.key).join(' ')}`);
  return found;
};

// Hand-made: every figure written out, every rate and flag computed by hand in the comments.
const budget: Fig[] = [
  ['expense', 'total', 'total', '120'], ['expense', 'total', 'basic', '60'], ['expense', 'total', 'project', '60'],
  ['expense', '201', 'total', '120'], ['expense', '20101', 'total', '120'],
  ['expense', '2010101', 'total', '60'], ['expense', '2010102', 'total', '40'], ['expense', '2010103', 'total', '5'],
  ['expense', '2010105', 'total', '10'], ['expense', '2010106', 'total', '5'],
  ['three_public', 'total', 'total', '10'], ['three_public', 'overseas', 'total', '5'], ['three_public', 'reception', 'total', '5'],
];
const final: Fig[] = [
  ['expense', 'total', 'total', '112.9'], ['expense', 'total', 'full_year_budget', '125'], ['expense', 'total', 'basic', '59'], ['expense', 'total', 'project', '53.9'],
  ['expense', '201', 'total', '112.9'], ['expense', '20101', 'total', '112.9'],
  ['expense', '2010101', 'total', '59'], ['expense', '2010102', 'total', '30'], ['expense', '2010102', 'full_year_budget', '35'],
  ['expense', '2010104', 'total', '6'], ['expense', '2010105', 'total', '7.9'], ['expense', '2010106', 'total', '4'],
  ['three_public', 'total', 'total', '13'], ['three_public', 'overseas', 'total', '6'], ['three_public', 'reception', 'total', '7'],
];
const pair: DocSpec[] = [
  { id: 'b24', code: '101', name: '测试局', year: 2024, figures: budget },
  { id: 'f24', code: '101', name: '测试局', year: 2024, stage: 'final', figures: final },
];

describe('执行 (预算 vs 决算) of one unit-year', () => {
  it('pairs the 预算 and the 决算 of the same unit and year', async () => {
    const r = executionQuery((await lib(pair)).compare, 'code:101', 2024)!;
    expect([r.budgetDoc?.docId, r.finalDoc?.docId, r.functionTable]).toEqual(['b24', 'f24', 'expense']);
  });

  it('gives budget, 全年预算, 决算, rate and signed difference in exact fen', async () => {
    const r = executionQuery((await lib(pair)).compare, 'code:101', 2024)!;
    const total = row(r, 'expense_total');
    expect([total.budget?.amount, total.fullYear?.amount, total.actual?.amount, total.difference]).toEqual([wan('120'), wan('125'), wan('112.9'), -wan('7.1')]);
    // 112.9 / 125 (the 全年预算数 where printed) = 0.9032.
    expect(total.rateBase).toBe('full_year');
    expect(total.rate).toBeCloseTo(0.9032, 6);
    const item = row(r, 'fn:2010101');
    expect([item.difference, item.rateBase, item.flags]).toEqual([-wan('1'), 'initial', []]);
    expect(item.rate).toBeCloseTo(59 / 60, 9);
    expect(item.budget?.source).toMatchObject({ docId: 'b24', table: 'expense', rowCode: '2010101', column: 'total' });
    expect(item.actual?.source).toMatchObject({ docId: 'f24', table: 'expense', rowCode: '2010101', column: 'total' });
    expect(row(r, 'basic').difference).toBe(-wan('1'));
    expect(row(r, 'project').difference).toBe(-wan('6.1'));
  });

  it('flags below 80% and above 120% in whole numbers: exactly 80% and 120% are not flagged', async () => {
    const r = executionQuery((await lib(pair)).compare, 'code:101', 2024)!;
    // 30 of 40 (75%) is below 年初, but 30 of the 全年预算数 35 is 85.7%: not flagged.
    expect(row(r, 'fn:2010102').flags).toEqual([]);
    expect(row(r, 'fn:2010105').flags).toEqual(['below']); // 7.9 / 10 = 79%
    expect(row(r, 'fn:2010106').flags).toEqual([]); // 4 / 5 = 80%
    expect(row(r, 'overseas').flags).toEqual([]); // 6 / 5 = 120%
    expect(row(r, 'reception').flags).toEqual(['above']); // 7 / 5 = 140%
    expect(row(r, 'three_public').flags).toEqual(['above']); // 13 / 10 = 130%
    expect(row(r, 'three_public').group).toBe('three_public');
  });

  it('flags an item budgeted with no 决算 line, and one spent without a budget', async () => {
    const r = executionQuery((await lib(pair)).compare, 'code:101', 2024)!;
    expect(row(r, 'fn:2010103')).toMatchObject({ flags: ['no_final'], actual: null, difference: null });
    expect(row(r, 'fn:2010104')).toMatchObject({ flags: ['no_budget'], budget: null, rate: null });
    expect(r.rows.filter((x) => x.flags.length).map((x) => x.key).sort()).toEqual(['fn:2010103', 'fn:2010104', 'fn:2010105', 'reception', 'three_public']);
  });

  it('without a 预算 document, reads the 决算\'s own 年初预算数 column; a 0 there is no budget', async () => {
    const r = executionQuery((await lib([{ id: 'f', code: '7', name: '单位', year: 2023, stage: 'final', figures: [
      ['general_expense', 'total', 'total', '9'], ['general_expense', 'total', 'initial_budget', '10'],
      ['general_expense', '2050101', 'total', '8'], ['general_expense', '2050101', 'initial_budget', '10'],
      ['general_expense', '2050102', 'total', '1'], ['general_expense', '2050102', 'initial_budget', '0'],
    ] }])).compare, 'code:7', 2023)!;
    expect(r.budgetDoc).toBeNull();
    expect(row(r, 'expense_total')).toMatchObject({ budget: { amount: wan('10') }, actual: { amount: wan('9') }, difference: -wan('1') });
    expect(row(r, 'fn:2050101')).toMatchObject({ difference: -wan('2'), flags: [] });
    expect(row(r, 'fn:2050102').flags).toEqual(['no_budget']);
  });

  it('says nothing about missing lines when only one document prints the classification', async () => {
    const r = executionQuery((await lib([
      { id: 'b', code: '8', name: '单位', year: 2023, figures: [['expense', '2050101', 'total', '10']] },
      { id: 'f', code: '8', name: '单位', year: 2023, stage: 'final', figures: [['three_public', 'total', 'total', '1']] },
    ])).compare, 'code:8', 2023)!;
    expect(row(r, 'fn:2050101').flags).toEqual([]);
  });

  it('a unit with no 决算 of the year has budget rows only, no flags', async () => {
    const r = executionQuery((await lib([pair[0]])).compare, 'code:101', 2024)!;
    expect(r.finalDoc).toBeNull();
    expect(r.rows.every((x) => x.actual === null && x.flags.length === 0)).toBe(true);
  });
});

describe('执行 of the real Shanghai 决算 (no 预算 of the same year in the corpus)', () => {
  it('takes 年初预算 from its 三公 table and narrative, the reasons from the per-item paragraphs with their page', { timeout: 60_000 }, async () => {
    const gold = shanghaiGold().find((g) => g.stage === 'final')!;
    const result = await importFile(corpusBytes(gold.file), gold.file, { openPdf: openPdfNode });
    if (!result.ok) throw new Error(result.error);
    const l = Library.create(await sqlJs());
    open.push(l);
    l.addDocuments(result.docs, 'pdf', 'hash-final');
    const unit = [...l.compare.documents()][0];
    const r = executionQuery(l.compare, `name:${unit.unitName}`, gold.year)!;
    // 三公: 预算数 0.95 printed, 决算 0.00 stated in the narrative: 0% executed, with its stated reason.
    const tp = row(r, 'three_public');
    expect([tp.budget?.amount, tp.actual?.amount, tp.difference, tp.flags]).toEqual([wan('0.95'), 0, -wan('0.95'), ['below']]);
    expect(tp.reason?.text).toMatch(/^当年度无/);
    // 行政运行: 「年初预算为 1560.05 万元，支出决算为 1511.89 万元。决算数小于预算数的主要原因：人员进出及退休变化…」
    const admin = r.rows.find((x) => x.code === '2010601')!;
    expect([admin.budget?.amount, admin.actual?.amount, admin.difference]).toEqual([wan('1560.05'), wan('1511.89'), -wan('48.16')]);
    expect(admin.reason).toMatchObject({ text: '人员进出及退休变化，减少人员经费开支', page: 22 });
    expect(admin.budget?.derived?.how).toContain('年初预算');
  });
});

describe('横比 of execution rates, one year', () => {
  it('lists every unit with a 决算, lowest rate first, with its flagged 功能分类 rows counted', async () => {
    const { executionPeersQuery } = await import('../../../src/lib/compare/executionPeers');
    const l = await lib([
      ...pair,
      { id: 'f2', code: '102', name: '另一局', year: 2024, stage: 'final', figures: [['expense', 'total', 'total', '50'], ['expense', 'total', 'initial_budget', '100']] },
      { id: 'b3', code: '103', name: '只有预算', year: 2024, figures: [['expense', 'total', 'total', '50']] },
      { id: 'f4', code: '104', name: '往年决算', year: 2023, stage: 'final', figures: [['expense', 'total', 'total', '50']] },
    ]);
    const peers = executionPeersQuery(l.compare, 2024);
    expect(peers.map((p) => [p.unit.key, p.budget, p.actual])).toEqual([['code:102', wan('100'), wan('50')], ['code:101', wan('120'), wan('112.9')]]);
    expect(peers[0].rate).toBe(0.5);
    expect(peers[1].flagged).toEqual({ below: 1, above: 0, no_final: 1, no_budget: 1 });
  });
});
