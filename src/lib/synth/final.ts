import type { Fen } from '../model/amount';
import { FUNCTION_ITEMS } from './catalog';
import type { SynthDocument, SynthThreePublic } from './model';
import { FEN_PER_WAN_CENT } from './money';
import { mix, Rng } from './random';

/**
 * 决算 documents paired with the synthetic budgets: the same unit and year, each 功能分类 项 with its
 * 年初预算数 (the budget document's figure), 全年预算数 (after the year's adjustments) and 决算数
 * (what was spent). Execution is drawn around 100% of the 全年预算数 (基本支出 97–100%, 项目支出
 * 85–100%) except for the outliers listed in `outliers`, which a test can look for: one project
 * badly underspent, one item spent beyond its 全年预算数, one 项 with no 年初预算 added during the year.
 * Amounts are whole 0.01 万元, as 决算 tables print them; sums close by construction (totals are
 * derived from the 项, see finalFigures.ts).
 */
export interface FinalItem {
  code: string;
  name: string;
  /** Does it carry 基本支出 (its 决算数 is all 基本) or 项目支出. */
  basic: boolean;
  initial: Fen;
  fullYear: Fen;
  actual: Fen;
}

export type OutlierKind = 'underspent' | 'overspent' | 'unbudgeted';

export interface FinalOutlier {
  code: string;
  kind: OutlierKind;
}

export interface FinalEconomic {
  code: string;
  name: string;
  kind: 'personnel' | 'public';
  initial: Fen;
  actual: Fen;
}

export interface SynthFinal {
  /** The 部门预算 this 决算 closes. */
  budget: SynthDocument;
  unitCode: string;
  unitName: string;
  year: number;
  items: FinalItem[];
  economic: FinalEconomic[];
  threePublic: { initial: SynthThreePublic; actual: SynthThreePublic };
  outliers: FinalOutlier[];
}

/** The band a 项 not listed as an outlier executes in (决算数 / 全年预算数). */
export const EXECUTION_BAND = { basic: [0.97, 1], project: [0.85, 1] } as const;

const cents = (v: number) => Math.round(v / FEN_PER_WAN_CENT) * FEN_PER_WAN_CENT;

export function finalDocument(budget: SynthDocument): SynthFinal {
  const rng = new Rng(mix(mix(0xf1a1, budget.unitIndex), budget.year));
  const between = (lo: number, hi: number) => lo + rng.next() * (hi - lo);
  const items: FinalItem[] = budget.items.map((i) => {
    const basic = i.basic > 0;
    const initial = i.basic + i.project;
    // 基本支出 is seldom adjusted; projects are, both ways.
    const fullYear = rng.chance(0.3) ? Math.max(FEN_PER_WAN_CENT, cents(initial * (basic ? between(0.98, 1.03) : between(0.9, 1.15)))) : initial;
    const [lo, hi] = basic ? EXECUTION_BAND.basic : EXECUTION_BAND.project;
    return { code: i.code, name: i.name, basic, initial, fullYear, actual: cents(fullYear * between(lo, hi)) };
  });
  const outliers: FinalOutlier[] = [];
  const projects = items.filter((i) => !i.basic);
  if (projects.length) {
    const under = rng.pick(projects);
    under.actual = cents(under.fullYear * between(0.3, 0.6));
    outliers.push({ code: under.code, kind: 'underspent' });
    const rest = projects.filter((i) => i !== under);
    const over = rest.length ? rng.pick(rest) : null;
    if (over) {
      // Spent beyond its 全年预算数 (from balances carried over): 108–120%.
      over.actual = cents(over.fullYear * between(1.08, 1.2));
      outliers.push({ code: over.code, kind: 'overspent' });
    }
  }
  const unused = FUNCTION_ITEMS.filter((f) => !f.basic && !items.some((i) => i.code === f.code));
  if (unused.length) {
    const f = rng.pick(unused);
    const fullYear = rng.int(5_00, 200_00) * FEN_PER_WAN_CENT;
    items.push({ code: f.code, name: f.name, basic: false, initial: 0, fullYear, actual: cents(fullYear * between(0.9, 1)) });
    outliers.push({ code: f.code, kind: 'unbudgeted' });
    items.sort((a, b) => a.code.localeCompare(b.code));
  }
  return {
    budget, unitCode: budget.unitCode, unitName: budget.unitName, year: budget.year, items,
    economic: economicActuals(budget, items, rng), threePublic: { initial: budget.threePublic, actual: threePublicActual(budget.threePublic, rng) }, outliers,
  };
}

/** 经济分类 决算数: the budget's 款 scaled to the 基本支出 actually spent, the largest 款 taking the rest. */
function economicActuals(budget: SynthDocument, items: readonly FinalItem[], rng: Rng): FinalEconomic[] {
  const basicActual = items.filter((i) => i.basic).reduce((s, i) => s + i.actual, 0);
  const basicInitial = budget.economic.reduce((s, e) => s + e.amount, 0);
  const out = budget.economic.map((e) => ({ code: e.code, name: e.name, kind: e.kind, initial: e.amount, actual: cents((e.amount * basicActual * (0.98 + rng.next() * 0.04)) / basicInitial) }));
  const largest = out.reduce((a, b) => (b.actual > a.actual ? b : a));
  largest.actual += basicActual - out.reduce((s, e) => s + e.actual, 0);
  return out;
}

function threePublicActual(tp: SynthThreePublic, rng: Rng): SynthThreePublic {
  const spent = (v: Fen) => cents(v * (0.6 + rng.next() * 0.4));
  return { overseas: spent(tp.overseas), vehiclePurchase: spent(tp.vehiclePurchase), vehicleOperation: spent(tp.vehicleOperation), reception: spent(tp.reception) };
}

/** 决算数 / 全年预算数 of the whole document (display only: a float, never a figure). */
export function executionRate(final: SynthFinal): number {
  const full = final.items.reduce((s, i) => s + i.fullYear, 0);
  return final.items.reduce((s, i) => s + i.actual, 0) / full;
}
