import type { Fen } from '../model/amount';
import type { Stage } from '../model/keys';
import { functionClasses } from './classes';
import { mappingsFor } from './codeMapping';
import { defOf } from './execution';
import { loadFigures, type DocFigures } from './figures';
import { readMetric } from './metrics';
import type { CompareSource } from './source';
import type { Cell, DocRef, UnitGroup } from './types';
import { loadUnits, pickDocument } from './units';

/**
 * 长期趋势: one item of a unit over every year the library has, 预算 and 决算 as two series where both
 * exist, with the average change per year and the largest jump between two consecutive points of
 * each series. Items: the totals execution reads (本年支出合计, 基本/项目, 三公 and its parts,
 * 机关运行经费) and the 功能分类 类/款 (`fn:<code>`). Amounts in fen; averages and percentages are
 * display floats.
 */
export const TREND_METRICS = ['expense_total', 'basic', 'project', 'three_public', 'overseas', 'vehicle', 'reception', 'operating_cost'];

export interface TrendPoint {
  year: number;
  value: Cell | null;
  doc: DocRef | null;
}

export interface Jump {
  fromYear: number;
  toYear: number;
  change: Fen;
  /** change / |from|, null from 0. */
  pct: number | null;
}

export interface TrendSeries {
  stage: Stage;
  points: TrendPoint[];
  /** (last − first) / years between them, fen per year (a float); null with fewer than two points. */
  averageChange: number | null;
  /** The mean of the year-on-year percentages between consecutive points; null with fewer than two. */
  averagePct: number | null;
  /** The consecutive pair with the largest |change|. */
  largestJump: Jump | null;
}

export interface TrendResult {
  unit: UnitGroup;
  item: string;
  label: string;
  years: number[];
  series: TrendSeries[];
  /** The items this unit's documents have, for choosing: key and label. */
  items: { key: string; label: string }[];
}

export function trendQuery(src: CompareSource, unitKey: string, item: string): TrendResult | null {
  const units = loadUnits(src);
  const unit = units.byKey.get(unitKey);
  if (!unit) return null;
  const mine = units.docs.filter((d) => d.unitKey === unitKey);
  const years = [...new Set(mine.map((d) => d.year))].sort((a, b) => a - b);
  const docsOf = (stage: Stage) => years.map((y) => pickDocument(mine.filter((d) => d.year === y && d.stage === stage)));
  const byStage = { budget: docsOf('budget'), final: docsOf('final') };
  const figs = loadFigures(src, [...byStage.budget, ...byStage.final].flatMap((d) => (d ? [d.docId] : [])), 5);
  const mappings = mappingsFor(years);
  const items = new Map<string, string>();
  const read = (f: DocFigures, year: number): Map<string, Cell> => {
    const out = new Map<string, Cell>();
    for (const key of TREND_METRICS) {
      const c = readMetric(f, defOf(key));
      if (c) out.set(key, c);
    }
    const fn = functionClasses(f, year, mappings, 5);
    for (const [code, c] of fn.cells) {
      out.set(`fn:${code}`, c);
      if (!items.has(`fn:${code}`)) items.set(`fn:${code}`, `${code} ${fn.names.get(code) ?? ''}`);
    }
    return out;
  };
  const series: TrendSeries[] = [];
  for (const stage of ['budget', 'final'] as const) {
    const docs = byStage[stage];
    if (!docs.some(Boolean)) continue;
    const points = docs.map((doc, i): TrendPoint => ({ year: years[i], doc, value: doc ? (read(figs.get(doc.docId)!, years[i]).get(item) ?? null) : null }));
    series.push({ stage, points, ...summarize(points) });
  }
  const metricItems = TREND_METRICS.map((k) => ({ key: k, label: defOf(k).label }));
  const fnItems = [...items].sort(([a], [b]) => a.localeCompare(b)).map(([key, label]) => ({ key, label }));
  const label = [...metricItems, ...fnItems].find((i) => i.key === item)?.label ?? item;
  return { unit, item, label, years, series, items: [...metricItems, ...fnItems] };
}

/** Average change and largest jump over the points that have a value. Pure. */
export function summarize(points: readonly TrendPoint[]): Pick<TrendSeries, 'averageChange' | 'averagePct' | 'largestJump'> {
  const have = points.filter((p) => p.value !== null);
  if (have.length < 2) return { averageChange: null, averagePct: null, largestJump: null };
  const first = have[0];
  const last = have[have.length - 1];
  let largestJump: Jump | null = null;
  const pcts: number[] = [];
  for (let i = 1; i < have.length; i++) {
    const from = have[i - 1].value!.amount;
    const change = have[i].value!.amount - from;
    const pct = from === 0 ? null : change / Math.abs(from);
    if (pct !== null) pcts.push(pct);
    if (!largestJump || Math.abs(change) > Math.abs(largestJump.change)) largestJump = { fromYear: have[i - 1].year, toYear: have[i].year, change, pct };
  }
  return {
    averageChange: (last.value!.amount - first.value!.amount) / (last.year - first.year),
    averagePct: pcts.length ? pcts.reduce((s, p) => s + p, 0) / pcts.length : null,
    largestJump,
  };
}
