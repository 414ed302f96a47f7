import type { Fen } from '../model/amount';
import type { Stage } from '../model/keys';
import { change, signedWan } from './change';
import { economicClasses, functionClasses } from './classes';
import { mappingsFor, type CodeMapping } from './codeMapping';
import { loadFigures, type DocFigures } from './figures';
import { METRICS, cite, readMetrics } from './metrics';
import { classRows, metricRows, type BuiltRow } from './tree';
import type { CompareSource } from './source';
import type { Cell, DocRef, RowHead, UnitGroup } from './types';
import { loadUnits, pickDocument } from './units';

export interface YoyColumn {
  year: number;
  /** The document read; null for a year inferred from the next year's narrative (据说明推算). */
  doc: DocRef | null;
  inferred: boolean;
  /** How many documents of this unit, year and stage exist (one is used; see pickDocument). */
  docCount: number;
}

export type ItemStatus = 'new' | 'gone' | null;

export interface YoyCell {
  value: Cell | null;
  /** Against the previous column; null where either side is missing. */
  change: Fen | null;
  pct: number | null;
  /** 新增 / 取消 against the previous column, for classification rows of two documents that both print the table. */
  status: ItemStatus;
}

export interface YoyRow extends RowHead {
  cells: YoyCell[];
}

export interface YoyResult {
  unit: UnitGroup;
  stage: Stage;
  columns: YoyColumn[];
  rows: YoyRow[];
  /** Code mappings that moved at least one figure in this view. */
  mappings: CodeMapping[];
}

/**
 * 同比: one unit's documents of every loaded year as columns, oldest left. A year before a loaded
 * one that is itself not loaded is inferred, where the later narrative states its change
 * (change_vs_prior, basic_change, project_change), for those totals only, and marked as such.
 */
export function yoyQuery(src: CompareSource, unitKey: string, stage: Stage = 'budget'): YoyResult | null {
  const units = loadUnits(src);
  const unit = units.byKey.get(unitKey);
  if (!unit) return null;
  const byYear = new Map<number, DocRef[]>();
  for (const d of units.docs) {
    if (d.unitKey !== unitKey || d.stage !== stage) continue;
    byYear.set(d.year, [...(byYear.get(d.year) ?? []), d]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const docs = years.map((y) => pickDocument(byYear.get(y)!)!);
  const figs = loadFigures(src, docs.map((d) => d.docId));
  const mappings = mappingsFor(years);

  type Col = YoyColumn & { metrics: Map<string, Cell>; fn: ReturnType<typeof functionClasses> | null; eco: ReturnType<typeof economicClasses> | null };
  const cols: Col[] = docs.map((doc) => {
    const f = figs.get(doc.docId)!;
    return { year: doc.year, doc, inferred: false, docCount: byYear.get(doc.year)!.length, metrics: readMetrics(f), fn: functionClasses(f, doc.year, mappings), eco: economicClasses(f) };
  });
  for (const c of [...cols]) {
    if (byYear.has(c.year - 1)) continue;
    const inferred = inferPrior(c.metrics, figs.get(c.doc!.docId)!, c.year);
    if (inferred.size) cols.push({ year: c.year - 1, doc: null, inferred: true, docCount: 0, metrics: inferred, fn: null, eco: null });
  }
  cols.sort((a, b) => a.year - b.year);

  const built: BuiltRow[] = [
    ...metricRows(cols.map((c) => c.metrics)),
    ...classRows('function', cols.map((c) => c.fn)),
    ...classRows('economic', cols.map((c) => c.eco)),
  ];
  const rows = built.map(({ values, ...head }) => ({
    ...head,
    cells: values.map((value, i): YoyCell => {
      const prev = i > 0 ? values[i - 1] : null;
      const { change: d, pct } = change(prev?.amount, value?.amount);
      let status: ItemStatus = null;
      if (i > 0 && head.group !== 'metric') {
        const table = head.group === 'function' ? (c: Col) => c.fn?.table : (c: Col) => c.eco?.table;
        if (table(cols[i]) && table(cols[i - 1])) status = value && !prev ? 'new' : !value && prev ? 'gone' : null;
      }
      return { value, change: d, pct, status };
    }),
  }));
  const used = mappings.filter((m) => rows.some((r) => r.code === m.to && r.cells.some((c) => c.value?.mapped)));
  return { unit, stage, columns: cols.map(({ year, doc, inferred, docCount }) => ({ year, doc, inferred, docCount })), rows, mappings: used };
}

/** The prior year's totals as the narrative states them: this year's figure minus the stated change. */
function inferPrior(metrics: Map<string, Cell>, figs: DocFigures, year: number): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const def of METRICS) {
    if (!def.changeFact) continue;
    const cur = metrics.get(def.key);
    const stated = figs.get('facts', def.changeFact, 'amount');
    if (!cur || !stated) continue;
    const curInputs = cur.source ? [cur.source] : (cur.derived?.inputs ?? []);
    out.set(def.key, {
      amount: cur.amount - stated.amount,
      derived: {
        how: `据说明推算：${year} 年${def.label} − 说明所述比上年增减（${signedWan(stated.amount)} 万元）`,
        inputs: [...curInputs, cite(stated)],
      },
    });
  }
  return out;
}
