import { describe, expect, it } from 'vitest';
import type { DocumentSummary, FigureRow } from '../../../src/lib/worker/protocol';
import { filterChoices, filterDocs, NO_REGION, sortDocs } from '../../../src/ui/library/docList';
import { matchFigure, nextSort, sortFigures } from '../../../src/ui/library/figureList';

const doc = (unitName: string, year: number, scope: 'department' | 'unit', stage: 'budget' | 'final', figureCount: number): DocumentSummary => ({
  docId: `${unitName}${year}${scope}${stage}`, fileName: `${unitName}.pdf`, sourceKind: 'pdf', unitCode: '', unitName, scope, stage, year,
  importedAt: '', figureCount, tableCount: 9, projectCount: 0, warningCount: 0,
});
const docs = [
  doc('甲乙市财政局', 2024, 'department', 'final', 30),
  doc('甲乙市财政局', 2025, 'department', 'budget', 20),
  doc('丙丁省法院', 2025, 'unit', 'budget', 50),
  doc('教育局', 2023, 'department', 'budget', 10),
];

describe('the library list', () => {
  it('offers the years, regions and kinds it holds, and filters by each', () => {
    const c = filterChoices(docs);
    expect(c.years).toEqual([2025, 2024, 2023]);
    expect(c.regions).toEqual(['丙丁省', '甲乙市', NO_REGION]);
    expect(c.kinds.map((k) => k.name)).toEqual(['部门预算', '部门决算', '单位预算']);
    const none = { text: '', year: '', region: '', kind: '' };
    expect(filterDocs(docs, { ...none, region: '甲乙市' })).toHaveLength(2);
    expect(filterDocs(docs, { ...none, region: NO_REGION }).map((d) => d.unitName)).toEqual(['教育局']);
    expect(filterDocs(docs, { ...none, year: '2025', kind: 'unit:budget' }).map((d) => d.unitName)).toEqual(['丙丁省法院']);
    expect(filterDocs(docs, { ...none, text: '财政' })).toHaveLength(2);
  });

  it('sorts by a column, numbers as numbers, stable on ties', () => {
    expect(sortDocs(docs, 'figures', 'desc').map((d) => d.figureCount)).toEqual([50, 30, 20, 10]);
    expect(sortDocs(docs, 'year', 'asc').map((d) => d.year)).toEqual([2023, 2024, 2025, 2025]);
    expect(sortDocs(docs, 'year', 'asc').slice(2).map((d) => d.unitName)).toEqual(['甲乙市财政局', '丙丁省法院']);
    expect(sortDocs(docs, null, 'asc')).toEqual(docs);
  });

  it('sorts text by pinyin, and the numbers inside it as numbers', () => {
    expect(sortDocs(docs, 'unit', 'asc').map((d) => d.unitName)).toEqual(['丙丁省法院', '甲乙市财政局', '甲乙市财政局', '教育局']);
    const numbered = [doc('第10号单位', 2025, 'unit', 'budget', 1), doc('第2号单位', 2025, 'unit', 'budget', 1), doc('第1号单位', 2025, 'unit', 'budget', 1)];
    expect(sortDocs(numbered, 'unit', 'asc').map((d) => d.unitName)).toEqual(['第1号单位', '第2号单位', '第10号单位']);
    expect(sortDocs(numbered, 'unit', 'desc').map((d) => d.unitName)).toEqual(['第10号单位', '第2号单位', '第1号单位']);
  });

  it('cycles a header: first direction, the other, then the original order', () => {
    let s = nextSort(null, 'amount', 'desc');
    expect(s).toEqual({ key: 'amount', dir: 'desc' });
    s = nextSort(s, 'amount', 'desc');
    expect(s).toEqual({ key: 'amount', dir: 'asc' });
    expect(nextSort(s, 'amount', 'desc')).toBeNull();
    expect(nextSort(s, 'name', 'asc')).toEqual({ key: 'name', dir: 'asc' });
  });
});

const fig = (seq: number, table: FigureRow['table'], rowCode: string, rowName: string, amount: number): FigureRow =>
  ({ seq, table, rowCode, rowName, column: 'total', amount, line: seq, page: null, box: null, profile: null, file: null, fileName: null });
const figs = [
  fig(0, 'summary', 'income.fiscal', '', 500), fig(1, 'expense', '201', '一般公共服务支出', 300),
  fig(2, 'expense', '20101', '人大事务', 100), fig(3, 'expense', '208', '社会保障和就业支出', 900),
];

describe('a document\'s figures', () => {
  it('are found by name (printed or the key\'s Chinese name) or by code', () => {
    expect(figs.filter((f) => matchFigure(f, '201')).map((f) => f.seq)).toEqual([1, 2]);
    expect(figs.filter((f) => matchFigure(f, '社会保障')).map((f) => f.seq)).toEqual([3]);
    expect(figs.filter((f) => matchFigure(f, '财政拨款')).map((f) => f.seq)).toEqual([0]);
    expect(figs.filter((f) => matchFigure(f, ' ')).length).toBe(4);
  });

  it('sort by amount, by code (rows without one last), or keep print order', () => {
    expect(sortFigures(figs, 'amount', 'desc').map((f) => f.amount)).toEqual([900, 500, 300, 100]);
    expect(sortFigures(figs, 'code', 'asc').map((f) => f.seq)).toEqual([1, 2, 3, 0]);
    expect(sortFigures(figs, null, 'asc').map((f) => f.seq)).toEqual([0, 1, 2, 3]);
  });
});
