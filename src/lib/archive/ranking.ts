import type { Stage } from '../model/keys';

/** One unit's change against its document of the year before, in one metric (amounts in fen). */
export interface RankingRow {
  docId: string;
  unitKey: string;
  unitCode: string;
  unitName: string;
  city: string;
  year: number;
  amount: number | null;
  priorYear: number | null;
  prior: number | null;
  change: number | null;
  /** change / prior, null without a prior amount or when it is zero. */
  pct: number | null;
}

/**
 * The change ranking (变动排名) over metrics rows of one province and year: largest increase first,
 * then the units without a prior year (by name). A hook for the ranking view being built on another
 * branch: it needs only these rows, which the archive precomputes at build time.
 */
export function rankingRows(rows: readonly Record<string, unknown>[], metric: string, stage: Stage): RankingRow[] {
  const out: RankingRow[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.stage !== stage || seen.has(`${r.city}|${r.unit_key}`) && r.scope !== 'department') continue;
    seen.add(`${r.city}|${r.unit_key}`);
    const amount = r[metric] as number | null;
    const prior = r[`prior_${metric}`] as number | null;
    const change = amount !== null && prior !== null ? amount - prior : null;
    out.push({
      docId: String(r.doc_id), unitKey: String(r.unit_key), unitCode: String(r.unit_code), unitName: String(r.unit_name), city: String(r.city),
      year: Number(r.year), amount, priorYear: (r.prior_year as number | null) ?? null, prior, change,
      pct: change !== null && prior ? change / prior : null,
    });
  }
  return out.sort((a, b) => (b.change ?? -Infinity) - (a.change ?? -Infinity) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
}
