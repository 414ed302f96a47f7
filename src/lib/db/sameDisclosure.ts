import type { StoredDocument } from '../model/document';
import type { LibraryDb } from './library';
import { all, list, sql } from './sql';

/**
 * A document of the library read from another file for the same unit, year, stage and scope as a
 * new one: `cells` of their figures differ (0: the same disclosure).
 */
export interface SameDisclosure {
  docId: string;
  fileName: string;
  cells: number;
}

/**
 * The document of the library read from another file that is the same disclosure as `doc`: the
 * same unit (code and name), year, stage and scope; then, of those, the one whose figures differ
 * from `doc`'s in the fewest cells (table, row, column, amount). `cells` 0 with as many performance
 * projects: exactly what `doc` says, one disclosure published in two formats (its PDF and its Word
 * file, a text saved again in another encoding), which the import leaves out: as two documents it
 * was listed twice, and 同比 had to pick one of 「共 2 份」. Cells that differ: a corrected
 * re-publication, or one format read less well than the other; both are kept, so nothing read is
 * lost, and the import says how many cells differ.
 *
 * Only documents read from their own files here count (`readHere`: a CSV, link or .sqlite file is a
 * claim, which a real file replaces, worker/imports.ts). A document without figures is never the
 * same as another: there is nothing to tell two of them apart by.
 */
export function sameDisclosure(lib: LibraryDb, doc: StoredDocument, contentHash: string, readHere: readonly string[]): SameDisclosure | null {
  if (!doc.figures.length) return null;
  const m = doc.meta;
  const candidates = all<{ docId: string; fileName: string; projects: number | null }>(lib.db, sql`
    SELECT d.doc_id AS docId, d.file_name AS fileName, c.projects AS projects FROM document d LEFT JOIN doc_count c ON c.doc_id = d.doc_id
    WHERE d.unit_code = ${m.unitCode} AND d.unit_name = ${m.unitName} AND d.year = ${m.year} AND d.stage = ${m.stage} AND d.scope = ${m.scope}
      AND d.source_kind IN (${list(readHere)}) AND d.content_hash <> ${contentHash}`);
  if (!candidates.length) return null;
  const mine = new Map(doc.figures.map((f) => [cellKey(f.table, f.rowCode, f.column), f.amount]));
  let best: SameDisclosure | null = null;
  for (const c of candidates) {
    const theirs = new Map(all<{ t: string; r: string; c: string; a: number }>(lib.db, sql`
      SELECT table_key AS t, row_code AS r, column_key AS c, amount AS a FROM figure WHERE doc_id = ${c.docId}`).map((f) => [cellKey(f.t, f.r, f.c), f.a]));
    const cells = differing(mine, theirs);
    if (cells === 0 && c.projects !== null && c.projects !== doc.projects.length) continue;
    // A narrative alone beside its tables is one disclosure in two files, joined (pairing.ts), not two versions.
    if (cells > 0 && (!withTables(mine) || !withTables(theirs))) continue;
    if (!best || cells < best.cells) best = { docId: c.docId, fileName: c.fileName, cells };
    if (cells === 0) break;
  }
  return best;
}

const cellKey = (table: string, row: string, column: string) => `${table}\u001f${row}\u001f${column}`;

/** Whether a document prints tables, not only its narrative's facts. */
function withTables(cells: ReadonlyMap<string, number>): boolean {
  for (const k of cells.keys()) if (!k.startsWith('facts\u001f')) return true;
  return false;
}

/** Cells printed in one and not the other, or with another amount. */
function differing(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const [k, v] of a) if (b.get(k) !== v) n++;
  for (const k of b.keys()) if (!a.has(k)) n++;
  return n;
}
