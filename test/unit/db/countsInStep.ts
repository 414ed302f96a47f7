import type { LibraryDb } from '../../../src/lib/db/library';

/**
 * Whether every document has its doc_count row (db/counts.ts) and it says what its rows are now:
 * null when the library is closed or older than the table, else the documents out of step.
 */
export function countsOutOfStep(lib: LibraryDb): string[] | null {
  try {
    return (lib.db.exec(`SELECT d.doc_id FROM document d LEFT JOIN doc_count c ON c.doc_id = d.doc_id
      WHERE c.doc_id IS NULL
        OR c.figures IS NOT (SELECT count(*) FROM figure f WHERE f.doc_id = d.doc_id)
        OR c.tables IS NOT (SELECT count(*) FROM doc_table t WHERE t.doc_id = d.doc_id)
        OR c.projects IS NOT (SELECT count(*) FROM project p WHERE p.doc_id = d.doc_id)
        OR c.warnings IS NOT (SELECT count(*) FROM doc_warning w WHERE w.doc_id = d.doc_id)`)[0]?.values ?? []).map(([id]) => String(id));
  } catch {
    return null;
  }
}
