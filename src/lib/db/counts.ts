import type { Database } from 'sql.js';
import type { DocumentSummary } from './rows';
import { all, list, run, sql, type Query } from './sql';

/**
 * How many figures, tables, projects and warnings each document holds (doc_count, schema v9), for the
 * document list. Counting them at each listing read every figure row of the library: at 5,000
 * documents 236–281 ms of the worker after every import, most of it the figure table (issue 17).
 *
 * Kept like doc_compared: counted again whenever a document's rows change (content.ts, pairing.ts,
 * profiles.ts), never copied from a file or another tab, filled on open for any document without it.
 * Counted by SQL, not from what a caller says it wrote, so that a count is always what the rows are.
 */
export function recount(db: Database, docIds: readonly string[]): void {
  for (let i = 0; i < docIds.length; i += 500) {
    const ids = list(docIds.slice(i, i + 500));
    run(db, sql`INSERT OR REPLACE INTO doc_count (doc_id, figures, tables, projects, warnings)
      SELECT d.doc_id,
        (SELECT count(*) FROM figure f WHERE f.doc_id = d.doc_id),
        (SELECT count(*) FROM doc_table t WHERE t.doc_id = d.doc_id),
        (SELECT count(*) FROM project p WHERE p.doc_id = d.doc_id),
        (SELECT count(*) FROM doc_warning w WHERE w.doc_id = d.doc_id)
      FROM document d WHERE d.doc_id IN (${ids})`);
  }
}

/**
 * A new document's counts from what was just inserted (content.ts, fresh), without reading its figure
 * rows back: the importer's path, as for its compared figures. Its tables were written before, by
 * table key (INSERT OR REPLACE), so they are counted.
 */
export function writeCounts(db: Database, docId: string, written: { figures: number; projects: number; warnings: number }): void {
  run(db, sql`INSERT OR REPLACE INTO doc_count (doc_id, figures, tables, projects, warnings)
    SELECT ${docId}, ${written.figures}, count(*), ${written.projects}, ${written.warnings} FROM doc_table WHERE doc_id = ${docId}`);
}

/** Counts the documents without a count: after the migration that adds the table, a merge or a file from outside. */
export function ensureCounted(db: Database): number {
  const missing = (db.exec('SELECT doc_id FROM document WHERE doc_id NOT IN (SELECT doc_id FROM doc_count)')[0]?.values ?? []).map(([id]) => String(id));
  recount(db, missing);
  return missing.length;
}

/**
 * The library list's order: newest year first, then unit code, unit name and scope, and the id last
 * so that no two rows tie (the page patches its list with changes and keeps this order:
 * listChanges.ts, worker/documentList.ts). Text compares by code point (SQLite's BINARY on UTF-8).
 */
function summaries(db: Database, where: Query): DocumentSummary[] {
  return all<DocumentSummary>(db, sql`
    SELECT d.doc_id AS docId, d.file_name AS fileName, d.source_kind AS sourceKind,
      d.unit_code AS unitCode, d.unit_name AS unitName, d.scope, d.stage, d.year, d.imported_at AS importedAt,
      -- A document without its counts (a write that did not recount) is still listed, counted here;
      -- coalesce runs its second argument only when the first is null.
      coalesce(c.figures, (SELECT count(*) FROM figure f WHERE f.doc_id = d.doc_id)) AS figureCount,
      coalesce(c.tables, (SELECT count(*) FROM doc_table t WHERE t.doc_id = d.doc_id)) AS tableCount,
      coalesce(c.projects, (SELECT count(*) FROM project p WHERE p.doc_id = d.doc_id)) AS projectCount,
      coalesce(c.warnings, (SELECT count(*) FROM doc_warning w WHERE w.doc_id = d.doc_id)) AS warningCount
    FROM document d LEFT JOIN doc_count c ON c.doc_id = d.doc_id
    ${where}
    ORDER BY d.year DESC, d.unit_code, d.unit_name, d.scope, d.doc_id`);
}

/** The documents with their counts, in the library list's order (LibraryDb.listDocuments). */
export function documentList(db: Database): DocumentSummary[] {
  return summaries(db, sql``);
}

/** The list rows of those of `docIds` still in the library, in the list's order. */
export function documentSummaries(db: Database, docIds: readonly string[]): DocumentSummary[] {
  const rows: DocumentSummary[] = [];
  for (let i = 0; i < docIds.length; i += 500) rows.push(...summaries(db, sql`WHERE d.doc_id IN (${list(docIds.slice(i, i + 500))})`));
  return rows;
}
