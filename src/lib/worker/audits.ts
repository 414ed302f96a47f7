import { auditDocuments, relatedDocIds, AUDIT_VERSION, type DocumentAudit } from '../audit/audit';
import { markUnaudited, readAudits, unauditedIds, writeAudits } from '../db/audits';
import { loadStoredDocuments } from '../db/documents';
import type { LibraryDb } from '../db/library';

/**
 * The audit step of the pipeline (document → store → audit): the worker calls it where a change to
 * the library finishes, and the store keeps the results (db/audits.ts).
 */
const AUDIT_BATCH = 100;

/**
 * Audits (勾稽) every document without results of the current AUDIT_VERSION — new, migrated, or
 * whose related document was removed — together with the documents related to them, which a new
 * arrival can change (a prior year, a department and its units). Returns the ids audited.
 */
export function auditPending(lib: LibraryDb): string[] {
  const pending = unauditedIds(lib, AUDIT_VERSION);
  if (!pending.length) return [];
  const metas = lib.documentMetas();
  const targets = relatedDocIds(metas, pending);
  // In batches: a whole library (first start after an upgrade) is audited without holding every
  // document in memory at once; each batch loads its documents and the ones related to them.
  for (let at = 0; at < targets.length; at += AUDIT_BATCH) {
    const batch = targets.slice(at, at + AUDIT_BATCH);
    writeAudits(lib, auditDocuments(loadStoredDocuments(lib.db, relatedDocIds(metas, batch)), new Set(batch)), AUDIT_VERSION);
  }
  return targets;
}

/** Current audit results (auditing what is pending first), for the given documents or all. */
export function storedAudits(lib: LibraryDb, docIds: readonly string[] | null, withFindings: boolean): DocumentAudit[] {
  auditPending(lib);
  return readAudits(lib, docIds, withFindings);
}

/** Removes a document; those whose cross-document checks involved it are audited again. */
export function removeDocument(lib: LibraryDb, docId: string): void {
  const related = relatedDocIds(lib.documentMetas(), [docId]).filter((id) => id !== docId);
  // Marked first: should the removal fail, they are only audited once more.
  markUnaudited(lib, related);
  lib.removeDocument(docId);
}
