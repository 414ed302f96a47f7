import { auditDocuments, relatedDocIds, AUDIT_VERSION, CHECK_IDS, type CheckRun, type DocumentAudit, type Finding } from '../audit/audit';
import { loadStoredDocuments } from './documents';
import type { LibraryDb } from './library';
import { all, list, run, sql } from './sql';

/**
 * Audit results in the library (tables audit_check and audit_finding, migration 2): which documents
 * still need auditing, storing results, and reading them back.
 */
const AUDIT_BATCH = 100;

/**
 * Audits (勾稽) every document without results of the current AUDIT_VERSION — new, migrated, or
 * whose related document was removed — together with the documents related to them, which a new
 * arrival can change (a prior year, a department and its units). Returns the ids audited.
 */
export function auditPending(lib: LibraryDb): string[] {
  const db = lib.db;
  const pending = all<{ docId: string }>(db, sql`SELECT doc_id AS docId FROM document d WHERE NOT EXISTS
    (SELECT 1 FROM audit_check a WHERE a.doc_id = d.doc_id AND a.audit_version = ${AUDIT_VERSION})`).map((r) => r.docId);
  if (!pending.length) return [];
  const metas = lib.documentMetas();
  const targets = relatedDocIds(metas, pending);
  // In batches: a whole library (first start after an upgrade) is audited without holding every
  // document in memory at once; each batch loads its documents and the ones related to them.
  for (let at = 0; at < targets.length; at += AUDIT_BATCH) {
    const batch = targets.slice(at, at + AUDIT_BATCH);
    storeAudits(lib, auditDocuments(loadStoredDocuments(db, relatedDocIds(metas, batch)), new Set(batch)));
  }
  return targets;
}

function storeAudits(lib: LibraryDb, audits: readonly DocumentAudit[]): void {
  const db = lib.db;
  lib.transaction(() => {
    const check = db.prepare(`INSERT INTO audit_check (doc_id, check_id, status, comparisons, errors, warnings, roundings, not_run, audit_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const finding = db.prepare(`INSERT INTO audit_finding (doc_id, seq, check_id, severity, table_key, row_code, row_name, column_key, message, expected, actual, line, related_doc_id, quote, page)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    try {
      for (const a of audits) {
        run(db, sql`DELETE FROM audit_check WHERE doc_id = ${a.docId}`);
        run(db, sql`DELETE FROM audit_finding WHERE doc_id = ${a.docId}`);
        for (const c of a.checks) {
          check.run([a.docId, c.check, c.status, c.comparisons, c.errors, c.warnings, c.roundings, c.notRun.join('\n'), AUDIT_VERSION]);
        }
        a.findings.forEach((f, i) => finding.run([a.docId, i, f.check, f.severity, f.table, f.rowCode, f.rowName, f.column, f.message, f.expected, f.actual, f.line, f.relatedDocId, f.quote, f.page]));
      }
    } finally {
      check.free();
      finding.free();
    }
  });
}

/** Stored audit results (after auditing what is pending), for the given documents or all; findings only when asked. */
export function storedAudits(lib: LibraryDb, docIds: readonly string[] | null, withFindings: boolean): DocumentAudit[] {
  const db = lib.db;
  auditPending(lib);
  const metas = lib.documentMetas().filter((m) => docIds === null || docIds.includes(m.docId));
  const byId = new Map<string, DocumentAudit>(metas.map((m) => [m.docId, { docId: m.docId, meta: m.meta, checks: [], findings: [] }]));
  const rows = all<Omit<CheckRun, 'notRun'> & { notRun: string }>(db, sql`SELECT doc_id AS docId, check_id AS "check", status, comparisons,
    errors, warnings, roundings, not_run AS notRun FROM audit_check`);
  const order = new Map<string, number>(CHECK_IDS.map((c, i) => [c, i]));
  for (const r of rows.sort((a, b) => order.get(a.check)! - order.get(b.check)!)) {
    byId.get(r.docId)?.checks.push({ ...r, notRun: r.notRun ? r.notRun.split('\n') : [] });
  }
  if (withFindings) {
    const q = docIds === null
      ? sql`SELECT doc_id AS docId, check_id AS "check", severity, table_key AS "table", row_code AS rowCode, row_name AS rowName, column_key AS "column",
          message, expected, actual, line, related_doc_id AS relatedDocId, quote, page FROM audit_finding ORDER BY doc_id, seq`
      : sql`SELECT doc_id AS docId, check_id AS "check", severity, table_key AS "table", row_code AS rowCode, row_name AS rowName, column_key AS "column",
          message, expected, actual, line, related_doc_id AS relatedDocId, quote, page FROM audit_finding WHERE doc_id IN (${list(docIds)}) ORDER BY doc_id, seq`;
    for (const f of all<Finding>(db, q)) byId.get(f.docId)?.findings.push(f);
  }
  return [...byId.values()];
}
