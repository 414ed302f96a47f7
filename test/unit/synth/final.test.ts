import { describe, expect, it } from 'vitest';
import { budgetsWithFinals, EXECUTION_BAND, executionRate, finalFigures, finalRows, finalTotals, type LayoutFigure, type SynthFinal } from '../../../src/lib/synth';
import { totals } from '../../../src/lib/synth/totals';

// 决算 paired with the synthetic budgets (src/lib/synth/final.ts): data for later tests.
const pairs = [...budgetsWithFinals({ units: 24, years: 3, seed: 41 })];
const value = (figs: readonly LayoutFigure[], table: string, row: string, column: string) =>
  figs.find((f) => f.table === table && f.rowCode === row && f.column === column)?.amount ?? 0;
const outlierCodes = (f: SynthFinal) => new Set(f.outliers.map((o) => o.code));

describe('synthetic 决算', () => {
  it('closes its own budget: same unit and year, each 项 with the budget figure as 年初预算数', () => {
    for (const { budget, final } of pairs) {
      expect([final.unitCode, final.unitName, final.year]).toEqual([budget.unitCode, budget.unitName, budget.year]);
      expect(final.budget).toBe(budget);
      for (const i of budget.items) expect(final.items.find((f) => f.code === i.code)?.initial).toBe(i.basic + i.project);
      expect(finalTotals(final).initial).toBe(totals(budget).total);
      expect(final.threePublic.initial).toEqual(budget.threePublic);
    }
  });

  it('executes around 100% of the 全年预算数, except for the outliers it lists', () => {
    const kinds = new Set<string>();
    for (const { final } of pairs) {
      for (const o of final.outliers) kinds.add(o.kind);
      for (const i of final.items) {
        const rate = i.actual / i.fullYear;
        const [lo, hi] = i.basic ? EXECUTION_BAND.basic : EXECUTION_BAND.project;
        const inBand = rate >= lo - 0.001 && rate <= hi + 0.001;
        // An outlier is out of band, and nothing else is.
        expect(inBand, `${final.unitCode} ${final.year} ${i.code} ${rate.toFixed(3)}`).toBe(!outlierCodes(final).has(i.code) || final.outliers.find((o) => o.code === i.code)!.kind === 'unbudgeted');
        if (final.outliers.some((o) => o.code === i.code && o.kind === 'unbudgeted')) expect(i.initial).toBe(0);
        else expect(i.initial).toBeGreaterThan(0);
      }
      // Without its outliers a document executes 85–100%; with them, what the outliers make it.
      const usual = { ...final, items: final.items.filter((i) => !outlierCodes(final).has(i.code)) };
      expect(executionRate(usual)).toBeGreaterThanOrEqual(0.85);
      expect(executionRate(usual)).toBeLessThanOrEqual(1);
      expect(executionRate(final)).toBeGreaterThan(0.3);
    }
    expect(kinds).toEqual(new Set(['underspent', 'overspent', 'unbudgeted']));
  });

  it('prints 年初预算数 / 全年预算数 / 决算数 columns that add up, in whole 0.01 万元', () => {
    for (const { final } of pairs) {
      const figs = finalFigures(final);
      const keys = figs.map((f) => `${f.table}|${f.rowCode}|${f.column}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of figs) expect(f.amount % 10_000).toBe(0);
      for (const table of ['expense', 'general_expense']) {
        for (const column of ['initial_budget', 'full_year_budget', 'total', 'basic', 'project']) {
          const classes = finalRows(final).filter((r) => r.code.length === 3);
          expect(classes.reduce((s, r) => s + value(figs, table, r.code, column), 0)).toBe(value(figs, table, 'total', column));
        }
        for (const r of finalRows(final)) expect(value(figs, table, r.code, 'basic') + value(figs, table, r.code, 'project')).toBe(value(figs, table, r.code, 'total'));
      }
      expect(value(figs, 'basic_expense', 'total', 'total')).toBe(value(figs, 'general_expense', 'total', 'basic'));
      expect(value(figs, 'summary', 'expense.grand_total', 'amount')).toBe(value(figs, 'expense', 'total', 'total'));
      expect(value(figs, 'three_public', 'total', 'total')).toBeLessThanOrEqual(value(figs, 'three_public', 'total', 'initial_budget'));
    }
  });

  it('is deterministic', () => {
    const again = [...budgetsWithFinals({ units: 24, years: 3, seed: 41 })];
    expect(again.map((p) => finalFigures(p.final))).toEqual(pairs.map((p) => finalFigures(p.final)));
  });
});
