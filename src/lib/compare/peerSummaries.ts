import { economicClasses, functionClasses, type ClassCells } from './classes';
import type { CodeMapping } from './codeMapping';
import { loadFigures } from './figures';
import { METRICS, readMetrics } from './metrics';
import type { CompareSource } from './source';
import { classRows, metricRows, type BuiltRow } from './tree';
import type { Cell, DocRef, RowHead } from './types';

/** A document's classification rows as amounts: codes in the order the document gave them, NaN never. */
export interface ClassAmounts {
  codes: string[];
  names: string[];
  amounts: Float64Array;
  /** The 科目对照 mark of each code read through a code mapping; null when none was. */
  mapped: (string | undefined)[] | null;
}

/**
 * What a 横比 reads of one document for every column, whether or not the column is on the page:
 * its metrics (by METRICS index, NaN where it has none) and classification rows as amounts, no
 * cites. Ranks, medians, outliers, the rows shown and the order of a page need only these; the
 * page's own cells are read again in full (peerCells.ts), by the same functions, so a cell never
 * differs from its summary.
 */
export interface PeerSummary {
  metrics: Float64Array;
  fn: ClassAmounts;
  econ: ClassAmounts;
}

/** A source that can say when a document's figures were last written (db/compareReads.ts). */
type Generational = CompareSource & { generation?(docId: string): number };

interface Kept {
  generation: number;
  summary: PeerSummary;
}

// Per source (one per database connection): a year of 5,000 documents is ~1,000 summaries, and a
// change to the library (an import, a link) leaves all but a few of them as they were. Without
// them every 横比 after a change read and derived a whole year again (~250 ms at 5,000 documents).
// Typed arrays, not maps of cells: 5,000 documents kept as maps of cell objects took ~30 MB.
const kept = new WeakMap<CompareSource, Map<string, Kept>>();

/**
 * The summaries of these documents, in order, read with the code mappings that apply to each
 * (functionClasses). Kept per document while its generation holds; a source without generations
 * (an archive's) is read afresh each time. `from`: where the figures of documents not kept are read,
 * when not from `src` itself (documents just written, read from memory: db/compareReads.ts comparedInMemory).
 */
export function peerSummaries(src: Generational, docs: readonly Pick<DocRef, 'docId' | 'year'>[], mappings: readonly CodeMapping[], maxCodeLength: number, from: Pick<CompareSource, 'figures'> = src): PeerSummary[] {
  const gen = src.generation?.bind(src);
  let store = kept.get(src);
  if (!store && gen) kept.set(src, (store = new Map()));
  // The same document reads differently with a mapping that applies to its year, so that is part of the key.
  const suffixes = new Map<number, string>();
  const suffix = (year: number) => {
    let s = suffixes.get(year);
    if (s === undefined) suffixes.set(year, (s = `|${maxCodeLength}|${mappings.filter((m) => year < m.since).map((m) => m.from).join(',')}`));
    return s;
  };
  const keyOf = (d: Pick<DocRef, 'docId' | 'year'>) => d.docId + suffix(d.year);
  const out: (PeerSummary | null)[] = docs.map((d) => {
    const hit = store?.get(keyOf(d));
    return hit && gen && hit.generation === gen(d.docId) ? hit.summary : null;
  });
  const missing = docs.filter((_, i) => !out[i]);
  if (!missing.length) return out as PeerSummary[];
  const figs = loadFigures(from, missing.map((d) => d.docId), maxCodeLength);
  const made = new Map(missing.map((d) => {
    const f = figs.get(d.docId)!;
    const metrics = readMetrics(f);
    const summary: PeerSummary = {
      metrics: Float64Array.from(METRICS, (def) => metrics.get(def.key)?.amount ?? NaN),
      fn: classAmounts(functionClasses(f, d.year, mappings, maxCodeLength)),
      econ: classAmounts(economicClasses(f)),
    };
    if (store && gen) store.set(keyOf(d), { generation: gen(d.docId), summary });
    return [d.docId, summary] as const;
  }));
  return docs.map((d, i) => out[i] ?? made.get(d.docId)!);
}

function classAmounts(c: ClassCells): ClassAmounts {
  const codes = [...c.cells.keys()];
  const cells = [...c.cells.values()];
  return {
    codes,
    names: codes.map((code) => c.names.get(code)!),
    amounts: Float64Array.from(cells, (x) => x.amount),
    mapped: cells.some((x) => x.mapped) ? cells.map((x) => x.mapped) : null,
  };
}

const METRIC_INDEX = new Map(METRICS.map((d, k) => [d.key, k]));

/** A 横比's rows over the summaries of its columns: heads as tree.ts lays them out, amounts per row and column (NaN: none). */
export interface SummaryRows {
  heads: RowHead[];
  amounts: Float64Array[];
  /** Codes where some column's amount was read through a code mapping. */
  mapped: Set<string>;
}

const headOf = ({ values: _values, ...head }: BuiltRow): RowHead => head;

/**
 * The rows of these columns. The heads come from tree.ts given the union of what the columns have
 * (the rows shown, their order, depth and names depend on nothing else: names are the last column's
 * that prints the code, as there), so they are laid out once instead of over a thousand columns.
 */
export function summaryRows(sums: readonly PeerSummary[]): SummaryRows {
  const n = sums.length;
  const heads: RowHead[] = [];
  const amounts: Float64Array[] = [];
  const printed = new Map<string, Cell>();
  METRICS.forEach((d, k) => {
    if (sums.some((s) => s.metrics[k] === s.metrics[k])) printed.set(d.key, { amount: 0 });
  });
  for (const row of metricRows([printed])) {
    const k = METRIC_INDEX.get(row.key.slice(2))!;
    heads.push(headOf(row));
    amounts.push(Float64Array.from(sums, (s) => s.metrics[k]));
  }
  const mapped = new Set<string>();
  const groups = [['function', (s: PeerSummary) => s.fn], ['economic', (s: PeerSummary) => s.econ]] as const;
  for (const [group, of] of groups) {
    const names = new Map<string, string>();
    for (const s of sums) {
      const c = of(s);
      for (let j = 0; j < c.codes.length; j++) names.set(c.codes[j], c.names[j]);
    }
    const rows = classRows(group, [{ table: null, cells: new Map(), names }]);
    const at = new Map(rows.map((r, i) => [r.code!, amounts.length + i]));
    for (const row of rows) {
      heads.push(headOf(row));
      amounts.push(new Float64Array(n).fill(NaN));
    }
    sums.forEach((s, i) => {
      const c = of(s);
      for (let j = 0; j < c.codes.length; j++) {
        amounts[at.get(c.codes[j])!][i] = c.amounts[j];
        if (c.mapped?.[j]) mapped.add(c.codes[j]);
      }
    });
  }
  return { heads, amounts, mapped };
}
