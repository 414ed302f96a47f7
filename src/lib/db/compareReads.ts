import type { BindParams, Database } from 'sql.js';
import type { Narrative } from '../model/narrative';
import { compareDocuments, type CompareDocument } from './compareDocuments';
import { comparedGeneration, partOf, tableOfPart, type ComparedTuple } from './compared';
import { all, list, sql } from './sql';
import { loadLinks } from './unitLinks';

type FigureTuple = [string, string, string, string, string, number, number | null];
interface Needs {
  keyed: readonly (readonly [string, string, string])[];
  classTables: readonly string[];
  classColumns?: readonly string[];
  maxCodeLength: number;
  mappedCodes: readonly string[];
}

/** What the comparisons read (compare/source.ts CompareSource, matched by shape). */
export interface CompareReads {
  version(): number;
  /** Changes whenever this document's compared figures are written (db/compared.ts comparedGeneration). */
  generation(docId: string): number;
  /** Kept between reads (compareDocuments.ts): the same array while no document changed; not to be modified. */
  documents(): CompareDocument[];
  links(): Map<string, string>;
  figures(docIds: readonly string[], needs: Needs): FigureTuple[];
  narratives(docIds: readonly string[]): Map<string, Narrative>;
}

const reads = new WeakMap<Database, CompareReads>();
/** One per connection, so that what compare derives from it (units) is kept between views. */
export function compareReads(db: Database): CompareReads {
  let r = reads.get(db);
  if (!r) reads.set(db, (r = makeReads(db)));
  return r;
}

function makeReads(db: Database): CompareReads {
  return {
    // SQLite's total_changes() counts every row inserted, updated or deleted on this connection.
    version: () => Number(db.exec('SELECT total_changes()')[0].values[0][0]),
    generation: (docId) => comparedGeneration(db, docId),
    documents: () => compareDocuments(db),
    links: () => loadLinks(db),
    figures: (docIds, needs) => (docIds.length ? figureRows(db, docIds, needs) : []),
    narratives: (docIds) => {
      const out = new Map<string, Narrative>();
      if (!docIds.length) return out;
      for (const r of all<{ docId: string; narrative: string }>(db, sql`SELECT doc_id AS docId, narrative FROM doc_narrative WHERE doc_id IN (${list(docIds)})`)) {
        out.set(r.docId, JSON.parse(r.narrative) as Narrative);
      }
      return out;
    },
  };
}

/**
 * The figures `needs` names, out of each document's compared figures (db/compared.ts: one stored JSON
 * array a document, so that SQLite builds no JSON per row).
 */
function figureRows(db: Database, docIds: readonly string[], needs: Needs): FigureTuple[] {
  const q = sql`SELECT doc_id, part, figures FROM doc_compared WHERE doc_id IN (${list(docIds)}) AND part IN (${list(partsFor(needs))}) ORDER BY doc_id, part`;
  const stmt = db.prepare(q.text);
  try {
    stmt.bind(q.params as BindParams);
    return figuresOfParts((function* () {
      while (stmt.step()) {
        const [docId, part, json] = stmt.get() as [string, string, string];
        yield [docId, part, JSON.parse(json) as ComparedTuple[]] as const;
      }
    })(), needs);
  } finally {
    stmt.free();
  }
}

/**
 * The figure reads of documents just written, from their compared figures as they were written
 * (compared.ts comparedParts), without SQL or JSON: worker/warm.ts derives their 横比 summaries
 * in the import that wrote them. Read as figureRows reads the stored ones, so they read the same.
 */
export function comparedInMemory(parts: ReadonlyMap<string, ReadonlyMap<string, ComparedTuple[]>>): Pick<CompareReads, 'figures'> {
  return {
    figures: (docIds, needs) => {
      const wanted = new Set(partsFor(needs));
      // SQLite's order: by document, then part (binary collation; part names are ASCII).
      const rows = [...new Set(docIds)].sort().flatMap((docId) => [...(parts.get(docId) ?? [])]
        .filter(([part]) => wanted.has(part)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([part, tuples]) => [docId, part, tuples] as const));
      return figuresOfParts(rows, needs);
    },
  };
}

/** The figures `needs` names out of documents' compared parts, each document's parts in stored order. */
function figuresOfParts(parts: Iterable<readonly [string, string, readonly ComparedTuple[]]>, needs: Needs): FigureTuple[] {
  const wanted = matcherFor(needs);
  const out: FigureTuple[] = [];
  // A table's parts come one after another (the (doc_id, part) index); where more than one was read,
  // the table's rows are put back in print order, which DocFigures keeps ("the first figure of a key wins").
  let group: { docId: string; table: string; start: number; parts: number; seqs: number[] } | null = null;
  const close = () => {
    if (!group || group.parts < 2) return;
    // Most documents print a table's total before its rows, as the parts sort: nothing to reorder.
    const seqs = group.seqs;
    if (seqs.every((s, i) => i === 0 || seqs[i - 1] < s)) return;
    const rows = out.slice(group.start).map((f, i) => [group!.seqs[i], f] as const).sort((a, b) => a[0] - b[0]);
    rows.forEach(([, f], i) => (out[group!.start + i] = f));
  };
  for (const [docId, part, tuples] of parts) {
    const t = tableOfPart(part);
    if (group && group.docId === docId && group.table === t) group.parts++;
    else {
      close();
      group = { docId, table: t, start: out.length, parts: 1, seqs: [] };
    }
    for (const [r, name, c, amount, line, seq] of tuples) {
      if (!wanted(t, r, c)) continue;
      out.push([docId, t, r, name, c, amount, line]);
      group.seqs.push(seq);
    }
  }
  close();
  return out;
}

/** The parts of doc_compared that hold what `needs` names (compared.ts partOf). */
function partsFor(needs: Needs): string[] {
  const deep = needs.maxCodeLength > 5 || needs.mappedCodes.some((c) => c.length > 5);
  return [...new Set([
    ...needs.classTables.flatMap((t) => [t, `${t}:5`, ...(deep ? [`${t}:7`] : [])]),
    ...needs.keyed.map(([t, r]) => partOf(t, r)),
  ])];
}

const matchers = new WeakMap<object, (t: string, r: string, c: string) => boolean>();
function matcherFor(needs: Needs): (t: string, r: string, c: string) => boolean {
  let m = matchers.get(needs);
  if (m) return m;
  // table → row → columns: no key string is built for each of the ~50,000 figures a year's views read.
  const keyed = new Map<string, Map<string, Set<string>>>();
  for (const [t, r, c] of needs.keyed) {
    let rows = keyed.get(t);
    if (!rows) keyed.set(t, (rows = new Map()));
    let cols = rows.get(r);
    if (!cols) rows.set(r, (cols = new Set()));
    cols.add(c);
  }
  const tables = new Set(needs.classTables);
  const columns = new Set(needs.classColumns ?? ['total']);
  const mapped = new Set(needs.mappedCodes);
  const max = needs.maxCodeLength;
  m = (t, r, c) => (tables.has(t) && columns.has(c) && (r.length <= max || mapped.has(r))) || keyed.get(t)?.get(r)?.has(c) === true;
  matchers.set(needs, m);
  return m;
}
