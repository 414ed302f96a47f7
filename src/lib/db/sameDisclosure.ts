import type { StoredDocument } from '../model/document';
import type { LibraryDb } from './library';
import { all, list, sql } from './sql';

/** A document of the library a new one repeats. */
export interface SameDisclosure {
  docId: string;
  fileName: string;
}

/**
 * The document of the library read from another file that says exactly what `doc` says: the same
 * unit (code and name), year, stage and scope, and the same figures, cell for cell, and as many
 * performance projects. That is one disclosure published in two formats (its PDF and its Word
 * file, a text saved again in another encoding): as two documents it was listed twice, and 同比
 * had to pick one of 「共 2 份」.
 *
 * Only documents read from their own files here count (`readHere`: a CSV, link or .sqlite file is a
 * claim, which a real file replaces, worker/imports.ts). A document without figures is never the
 * same as another: there is nothing to tell two of them apart by. Figures that differ in a single
 * cell (a corrected re-publication, or one format read less well than the other) keep both
 * documents, so nothing read is lost.
 */
export function sameDisclosure(lib: LibraryDb, doc: StoredDocument, contentHash: string, readHere: readonly string[]): SameDisclosure | null {
  if (!doc.figures.length) return null;
  const m = doc.meta;
  const candidates = all<SameDisclosure & { projects: number | null }>(lib.db, sql`
    SELECT d.doc_id AS docId, d.file_name AS fileName, c.projects AS projects FROM document d LEFT JOIN doc_count c ON c.doc_id = d.doc_id
    WHERE d.unit_code = ${m.unitCode} AND d.unit_name = ${m.unitName} AND d.year = ${m.year} AND d.stage = ${m.stage} AND d.scope = ${m.scope}
      AND d.source_kind IN (${list(readHere)}) AND d.content_hash <> ${contentHash}`);
  if (!candidates.length) return null;
  const mine = cellsOf(doc.figures.map((f) => [f.table, f.rowCode, f.column, f.amount]));
  for (const c of candidates) {
    if (c.projects !== null && c.projects !== doc.projects.length) continue;
    const rows = all<{ t: string; r: string; c: string; a: number }>(lib.db, sql`SELECT table_key AS t, row_code AS r, column_key AS c, amount AS a FROM figure WHERE doc_id = ${c.docId}`);
    if (rows.length === doc.figures.length && cellsOf(rows.map((f) => [f.t, f.r, f.c, f.a])) === mine) return { docId: c.docId, fileName: c.fileName };
  }
  return null;
}

/** Every cell of a document, in one order, as one string: two documents print the same numbers when theirs are equal. */
function cellsOf(cells: readonly (readonly [string, string, string, number])[]): string {
  return cells.map((c) => c.join('\u001f')).sort().join('\u001e');
}
