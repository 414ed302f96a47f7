/**
 * Synthetic disclosures for benchmarks and tests (issue 8): N units × Y years of 部门预算 texts in
 * the seeds' two layouts, each adding up exactly, deterministic from a seed number, and named
 * 「合成测试第0123号单位」 so nobody takes them for real. Not imported by the app.
 *
 *   for (const doc of corpus({ units: 300, years: 5, seed: 1 })) renderDocument(doc).text
 */
import { finalDocument, type SynthFinal } from './final';
import { unitDocument, unitProfile, type Layout, type SynthDocument } from './model';

export interface CorpusOptions {
  units: number;
  years: number;
  seed: number;
  firstYear?: number;
  layout?: Layout | 'mixed';
}

/** Documents unit by unit, year by year; a few units skip a year (so there are slightly fewer than units × years). */
export function* corpus({ units, years, seed, firstYear = 2020, layout = 'mixed' }: CorpusOptions): Generator<SynthDocument> {
  const ys = Array.from({ length: years }, (_, i) => firstYear + i);
  for (let u = 0; u < units; u++) {
    const profile = unitProfile(seed, u, ys, layout);
    for (const y of ys) {
      if (y === profile.missingYear) continue;
      yield unitDocument(seed, profile, y, firstYear);
    }
  }
}

/** The first `n` documents of a corpus with 5 years per unit (enough units to reach n). */
export function documents(n: number, seed: number, layout: Layout | 'mixed' = 'mixed'): SynthDocument[] {
  const out: SynthDocument[] = [];
  for (const d of corpus({ units: Math.ceil(n / 4), years: 5, seed, layout })) {
    if (out.length === n) break;
    out.push(d);
  }
  return out;
}

/** Each budget of a corpus with the 决算 of the same unit and year (final.ts). */
export function* budgetsWithFinals(options: CorpusOptions): Generator<{ budget: SynthDocument; final: SynthFinal }> {
  for (const budget of corpus(options)) yield { budget, final: finalDocument(budget) };
}

export { renderDocument, type RenderedDocument } from './render';
export { EXECUTION_BAND, executionRate, finalDocument, type FinalItem, type FinalOutlier, type OutlierKind, type SynthFinal } from './final';
export { finalFigures, finalRows, finalTotals, type FinalRow } from './finalFigures';
export { renderFinalText } from './finalText';
export type { LayoutFigure } from './money';
export type { ExpectedFigure } from './tables';
export type { Layout, SynthDocument } from './model';
