import { economicClasses, functionClasses, type ClassCells } from './classes';
import type { CodeMapping } from './codeMapping';
import { loadFigures } from './figures';
import { readMetrics } from './metrics';
import type { CompareSource } from './source';
import type { Cell, DocRef } from './types';

/**
 * What a 横比 reads of one document for every column, whether or not the column is on the page:
 * its metrics and classification rows as amounts (and the 科目对照 mark), no cites. Ranks, medians,
 * outliers, the rows shown and the order of a page need only these; the page's own cells are read
 * again in full (peers.ts), by the same functions, so a cell never differs from its summary.
 */
export interface PeerSummary {
  metrics: Map<string, Cell>;
  fn: ClassCells;
  econ: ClassCells;
}

/** A source that can say when a document's figures were last written (db/compareReads.ts). */
type Generational = CompareSource & { generation?(docId: string): number };

interface Kept {
  generation: number;
  summary: PeerSummary;
}

// Per source (one per database connection): a year of 5,000 documents is ~1,000 summaries, and a
// change to the library (an import, a link) leaves all but a few of them as they were. Without
// them every 横比 after a change read and derived a whole year again (~300 ms at 5,000 documents).
const kept = new WeakMap<CompareSource, Map<string, Kept>>();

/**
 * The summaries of these documents, in order, read with the code mappings that apply to each
 * (functionClasses). Kept per document while its generation holds; a source without generations
 * (an archive's) is read afresh each time.
 */
export function peerSummaries(src: Generational, docs: readonly DocRef[], mappings: readonly CodeMapping[], maxCodeLength: number): PeerSummary[] {
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
  const keyOf = (d: DocRef) => d.docId + suffix(d.year);
  const out: (PeerSummary | null)[] = docs.map((d) => {
    const hit = store?.get(keyOf(d));
    return hit && gen && hit.generation === gen(d.docId) ? hit.summary : null;
  });
  const missing = docs.filter((_, i) => !out[i]);
  if (!missing.length) return out as PeerSummary[];
  const figs = loadFigures(src, missing.map((d) => d.docId), maxCodeLength);
  const made = new Map(missing.map((d) => {
    const f = figs.get(d.docId)!;
    const summary: PeerSummary = {
      metrics: amountsOf(readMetrics(f)),
      fn: classAmounts(functionClasses(f, d.year, mappings, maxCodeLength)),
      econ: classAmounts(economicClasses(f)),
    };
    if (store && gen) store.set(keyOf(d), { generation: gen(d.docId), summary });
    return [d.docId, summary] as const;
  }));
  return docs.map((d, i) => out[i] ?? made.get(d.docId)!);
}

/** Cells without their cites: a kept year of 5,000 documents would otherwise hold ~65,000 cite objects. */
function amountsOf(cells: Map<string, Cell>): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const [k, c] of cells) out.set(k, c.mapped ? { amount: c.amount, mapped: c.mapped } : { amount: c.amount });
  return out;
}

const classAmounts = (c: ClassCells): ClassCells => ({ table: c.table, cells: amountsOf(c.cells), names: c.names });
