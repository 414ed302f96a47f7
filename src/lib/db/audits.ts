import { CHECK_IDS, type CheckRun, type DocumentAudit, type Finding } from '../model/audit';
import type { LibraryDb } from './library';
import { all, list, run, sql } from './sql';

/**
 * Audit results in the library (tables audit_check and audit_finding, migration 2): which documents
 * have none of the current audit version, writing results, and reading them back. Running the audit
 * is the worker's step (worker/audits.ts); the store only keeps what it found.
 */

/** Documents without results of `auditVersion`: new, migrated, changed, or marked stale. */
export function unauditedIds(lib: LibraryDb, auditVersion: number): string[] {
  return all<{ docId: string }>(lib.db, sql`SELECT doc_id AS docId FROM document d WHERE NOT EXISTS
    (SELECT 1 FROM audit_check a WHERE a.doc_id = d.doc_id AND a.audit_version = ${auditVersion})`).map((r) => r.docId);
}

/** Forgets the results of these documents, so that they are audited again. */
export function markUnaudited(lib: LibraryDb, docIds: readonly string[]): void {
  if (docIds.length) run(lib.db, sql`DELETE FROM audit_check WHERE doc_id IN (${list(docIds)})`);
}

export function writeAudits(lib: LibraryDb, audits: readonly DocumentAudit[], auditVersion: number): void {
  const db = lib.db;
  lib.transaction(() => {
    const check = db.prepare(`INSERT INTO audit_check (doc_id, check_id, status, comparisons, errors, warnings, roundings, not_run, audit_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const finding = db.prepare(`INSERT INTO audit_finding (doc_id, seq, check_id, severity, table_key, row_code, row_name, column_key, message, expected, actual, line, related_doc_id, quote, page, file)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    try {
      for (const a of audits) {
        run(db, sql`DELETE FROM audit_check WHERE doc_id = ${a.docId}`);
        run(db, sql`DELETE FROM audit_finding WHERE doc_id = ${a.docId}`);
        for (const c of a.checks) {
          check.run([a.docId, c.check, c.status, c.comparisons, c.errors, c.warnings, c.roundings, c.notRun.join('\n'), auditVersion]);
        }
        a.findings.forEach((f, i) => finding.run([a.docId, i, f.check, f.severity, f.table, f.rowCode, f.rowName, f.column, f.message, f.expected, f.actual, f.line, f.relatedDocId, f.quote, f.page, f.file]));
      }
    } finally {
      check.free();
      finding.free();
    }
  });
}

/** Stored audit results, for the given documents or all; findings only when asked. */
/** Up to this many documents are read by id (bound parameters), more by reading the table whole. */
const FEW = 500;

export function readAudits(lib: LibraryDb, docIds: readonly string[] | null, withFindings: boolean): DocumentAudit[] {
  const db = lib.db;
  const wanted = docIds === null ? null : new Set(docIds);
  // A page of the audit view or of the library's badges asks for ~100 documents: read their rows,
  // not every document's (125,000 rows at 5,000 documents).
  const few = docIds !== null && docIds.length <= FEW;
  const metas = few ? lib.documentMetas(docIds) : lib.documentMetas().filter((m) => wanted === null || wanted.has(m.docId));
  const byId = new Map<string, DocumentAudit>(metas.map((m) => [m.docId, { docId: m.docId, meta: m.meta, checks: [], findings: [] }]));
  const rows = all<Omit<CheckRun, 'notRun'> & { notRun: string }>(db, few
    ? sql`SELECT doc_id AS docId, check_id AS "check", status, comparisons, errors, warnings, roundings, not_run AS notRun
        FROM audit_check WHERE doc_id IN (${list(docIds)})`
    : sql`SELECT doc_id AS docId, check_id AS "check", status, comparisons, errors, warnings, roundings, not_run AS notRun FROM audit_check`);
  const order = new Map<string, number>(CHECK_IDS.map((c, i) => [c, i]));
  for (const r of rows.sort((a, b) => order.get(a.check)! - order.get(b.check)!)) {
    byId.get(r.docId)?.checks.push({ ...r, notRun: r.notRun ? r.notRun.split('\n') : [] });
  }
  if (withFindings) {
    // The file a finding cites, when not the document's own, with its name (doc_file).
    const q = docIds === null
      ? sql`SELECT f.doc_id AS docId, check_id AS "check", severity, table_key AS "table", row_code AS rowCode, row_name AS rowName, column_key AS "column",
          message, expected, actual, line, related_doc_id AS relatedDocId, quote, page, file, d.file_name AS fileName
          FROM audit_finding f LEFT JOIN doc_file d ON d.doc_id = f.doc_id AND d.content_hash = f.file ORDER BY f.doc_id, seq`
      : sql`SELECT f.doc_id AS docId, check_id AS "check", severity, table_key AS "table", row_code AS rowCode, row_name AS rowName, column_key AS "column",
          message, expected, actual, line, related_doc_id AS relatedDocId, quote, page, file, d.file_name AS fileName
          FROM audit_finding f LEFT JOIN doc_file d ON d.doc_id = f.doc_id AND d.content_hash = f.file WHERE f.doc_id IN (${list(docIds)}) ORDER BY f.doc_id, seq`;
    for (const f of all<Finding>(db, q)) byId.get(f.docId)?.findings.push(f);
  }
  return [...byId.values()];
}
