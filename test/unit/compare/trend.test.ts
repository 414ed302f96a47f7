import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryDb } from '../../../src/lib/db/library';
import { trendQuery } from '../../../src/lib/compare/trend';
import { library, wan, type DocSpec } from './libraries';

const open: LibraryDb[] = [];
afterEach(() => open.splice(0).forEach((l) => l.close()));

// Budgets 2020, 2021, 2023, 2024 (no 2022) and 决算 2021, 2023: every average and jump by hand.
const b = (year: number, basic: string, cls: string): DocSpec => ({ id: `b${year}`, code: '5', name: '趋势局', year, figures: [['expense', 'total', 'basic', basic], ['expense', '201', 'total', cls]] });
const f = (year: number, basic: string): DocSpec => ({ id: `f${year}`, code: '5', name: '趋势局', year, stage: 'final', figures: [['expense', 'total', 'basic', basic]] });
const specs = [b(2020, '100', '10'), b(2021, '110', '12'), b(2023, '150', '9'), b(2024, '140', '9'), f(2021, '105'), f(2023, '149')];

describe('长期趋势', () => {
  it('lines up every year of the library, 预算 and 决算 as two series', async () => {
    const l = await library(specs);
    open.push(l);
    const r = trendQuery(l.compare, 'code:5', 'basic')!;
    expect(r.years).toEqual([2020, 2021, 2023, 2024]);
    expect(r.series.map((s) => s.stage)).toEqual(['budget', 'final']);
    expect(r.series[0].points.map((p) => p.value?.amount ?? null)).toEqual([wan('100'), wan('110'), wan('150'), wan('140')]);
    expect(r.series[1].points.map((p) => p.value?.amount ?? null)).toEqual([null, wan('105'), wan('149'), null]);
  });

  it('marks the average change per year and the largest jump of each series', async () => {
    const l = await library(specs);
    open.push(l);
    const [budget, final] = trendQuery(l.compare, 'code:5', 'basic')!.series;
    // (140 − 100) / 4 years = 10 万元 a year; the largest step is 2021 → 2023, +40.
    expect(budget.averageChange).toBe(wan('10'));
    expect(budget.largestJump).toEqual({ fromYear: 2021, toYear: 2023, change: wan('40'), pct: 40 / 110 });
    expect(budget.averagePct).toBeCloseTo((0.1 + 40 / 110 - 10 / 150) / 3, 12);
    expect(final.averageChange).toBe(wan('22'));
    expect(final.largestJump).toMatchObject({ fromYear: 2021, toYear: 2023, change: wan('44') });
    const cls = trendQuery(l.compare, 'code:5', 'fn:201')!;
    expect(cls.label).toContain('201');
    expect(cls.series[0].largestJump).toMatchObject({ fromYear: 2021, toYear: 2023, change: -wan('3') });
    expect(cls.series[1].largestJump).toBeNull();
    expect(cls.items.map((i) => i.key)).toContain('fn:201');
  });
});
