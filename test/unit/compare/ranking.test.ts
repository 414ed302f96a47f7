import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rankingQuery } from '../../../src/lib/compare/ranking';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import { reasonAbout, reasonIn } from '../../../src/lib/model/reasons';
import { corpusDir, seedsDir } from '../../support/shared';
import { library, sqlJs, wan, type DocSpec } from './libraries';

const open: LibraryDb[] = [];
afterEach(() => open.splice(0).forEach((l) => l.close()));
const lib = async (specs: DocSpec[]) => {
  const l = await library(specs);
  open.push(l);
  return l;
};

// Two years of two units, every change computed by hand.
const specs: DocSpec[] = [
  { id: 'a23', code: '1', name: '甲局', year: 2023, figures: [['expense', 'total', 'basic', '100'], ['expense', 'total', 'project', '50'], ['expense', '20101', 'total', '100'], ['expense', '20102', 'total', '50'], ['expense', '20103', 'total', '0.5'], ['three_public', 'reception', 'total', '2']] },
  { id: 'a24', code: '1', name: '甲局', year: 2024, figures: [['expense', 'total', 'basic', '110'], ['expense', 'total', 'project', '20'], ['expense', '20101', 'total', '110'], ['expense', '20103', 'total', '2'], ['expense', '20104', 'total', '20'], ['three_public', 'reception', 'total', '1']] },
  { id: 'b23', code: '2', name: '乙局', year: 2023, figures: [['expense', 'total', 'basic', '30'], ['expense', '20501', 'total', '30']] },
  { id: 'b24', code: '2', name: '乙局', year: 2024, figures: [['expense', 'total', 'basic', '75'], ['expense', '20501', 'total', '75']] },
  { id: 'c24', code: '3', name: '丙局', year: 2024, figures: [['expense', 'total', 'basic', '5']] },
];
const keys = (list: { unit: { name: string }; key: string; change: number }[]) => list.map((c) => `${c.unit.name} ${c.key} ${c.change / 1_000_000}`);

describe('变化最大 (largest changes)', () => {
  it('ranks the whole library by the size of the change, largest first', async () => {
    const r = rankingQuery((await lib(specs)).compare, { year: 2024 });
    expect(keys(r.absolute)).toEqual([
      '乙局 basic 45', '乙局 fn:20501 45', '甲局 project -30', '甲局 basic 10', '甲局 fn:20101 10', '甲局 fn:20103 1.5', '甲局 reception -1',
    ]);
    expect(r.absolute[0]).toMatchObject({ prior: { amount: wan('30') }, current: { amount: wan('75') }, pct: 1.5, status: 'changed' });
    expect(r.withoutPrior.map((u) => u.name)).toEqual(['丙局']);
  });

  it('ranks relative changes only from the floor up, so a tiny item does not lead', async () => {
    const l = await lib(specs);
    const r = rankingQuery(l.compare, { year: 2024, floor: wan('10') });
    // 0.5 → 2 (+300%) and 2 → 1 (−50%) are under the floor.
    expect(r.relative.map((c) => `${c.unit.name} ${c.key}`)).toEqual(['乙局 basic', '乙局 fn:20501', '甲局 project', '甲局 basic', '甲局 fn:20101']);
    expect(r.relative[2].pct).toBeCloseTo(-0.6, 12);
    const low = rankingQuery(l.compare, { year: 2024, floor: wan('0.5') });
    expect(low.relative[0].key).toBe('fn:20103');
  });

  it('lists new and discontinued items where both years print the table', async () => {
    const r = rankingQuery((await lib(specs)).compare, { year: 2024, unitKey: 'code:1' });
    expect(r.appeared.map((c) => [c.key, c.status, c.change])).toEqual([['fn:20102', 'gone', -wan('50')], ['fn:20104', 'new', wan('20')]]);
    expect(r.appeared.every((c) => c.pct === null || c.status === 'gone')).toBe(true);
    expect(r.absolute.every((c) => c.unit.name === '甲局')).toBe(true);
  });

  it('keeps `limit` changes per list', async () => {
    const r = rankingQuery((await lib(specs)).compare, { year: 2024, limit: 2 });
    expect([r.absolute.length, r.relative.length, r.appeared.length]).toEqual([2, 2, 2]);
  });
});

describe('reasons, on real sentences from the corpora', () => {
  it('a seed\'s 三公 paragraph: the reason after 「增减变化的主要原因是」, both of its points', () => {
    const text = readFileSync(path.join(seedsDir, '003_3753cf426c7ec0a0.txt'), 'utf8');
    const paragraph = text.split('\n').find((l) => l.includes('增减变化的主要原因是'))!;
    const reason = reasonAbout(paragraph.replace(/\s/g, ''), /三公|公务用车/, /增加|减少|相比/);
    expect(reason.startsWith('（一）公务用车运维费用支出管理更加完善')).toBe(true);
    expect(reason.endsWith('因此公务接待费预算减少')).toBe(true);
  });

  it('a seed\'s 「主要原因是：主要原因本单位无此项支出」 says its reason once', () => {
    const text = readFileSync(path.join(seedsDir, '001_0e01da1d0149c9a7.txt'), 'utf8');
    const line = text.split('\n').find((l) => l.includes('主要原因是：主要原因'))!;
    expect(reasonIn(line)).toBe('本单位无此项支出');
  });

  it('Shanghai\'s 决算: 「决算数小于预算数的主要原因：…」; a reason about last year is not one about the budget', () => {
    expect(reasonIn('年初预算为 135.90 万元，支出决算为 135.25 万元。决算数小于预算数的主要原因：因产业政策扶持资金管理系统项目进度，调减相关经费。'.replace(/\s/g, '')))
      .toBe('因产业政策扶持资金管理系统项目进度，调减相关经费');
    const paragraph = '上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。主要原因：基本支出中人员进出及退休变化。';
    expect(reasonAbout(paragraph, /基本支出/, /年初预算|预算数/)).toBe('');
    expect(reasonAbout(paragraph, /收入支出总计/, /相比|减少/)).toBe('基本支出中人员进出及退休变化');
  });

  it('Jiangsu: each item\'s change ranked with the reason its paragraph states, and the page', { timeout: 120_000 }, async () => {
    const l = LibraryDb.create(await sqlJs());
    open.push(l);
    for (const year of [2017, 2018]) {
      const file = `jiangsu-gjfy-${year}-dept-budget.pdf`;
      const r = await importFile(new Uint8Array(readFileSync(path.join(corpusDir, 'jiangsu', file))), file, { openPdf: openPdfNode });
      if (!r.ok) throw new Error(r.error);
      l.addDocuments(r.docs, 'pdf', `hash-${year}`);
    }
    const unitKey = l.compare.documents()[0].unitName;
    const r = rankingQuery(l.compare, { year: 2018, limit: 100, unitKey: `name:${unitKey}` });
    expect(r.withoutPrior).toEqual([]);
    // The whole library is ranked down to 款, one unit down to 项.
    expect(rankingQuery(l.compare, { year: 2018, limit: 100 }).absolute.some((c) => (c.code?.length ?? 0) > 5)).toBe(false);
    // 「行政运行（项）…增加 3070.69 万元，主要原因是人员经费工资福利及机关事业单位养老保险、职业年金缴费等增加」
    const admin = r.absolute.find((c) => c.code === '2040501')!;
    expect(admin.change).toBe(wan('3070.69'));
    expect(admin.reason).toMatchObject({ text: '人员经费工资福利及机关事业单位养老保险、职业年金缴费等增加', page: 19 });
    const execution = r.absolute.find((c) => c.code === '2040505')!;
    expect([execution.change, execution.reason?.text]).toEqual([-wan('100'), '压减了案件执行经费的支出预算安排']);
    // Sorted by the size of the change.
    const sizes = r.absolute.map((c) => Math.abs(c.change));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });
});
