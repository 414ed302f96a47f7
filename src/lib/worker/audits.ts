import { auditDocuments, dependentDocIds, neededDocIds, AUDIT_VERSION, type DocumentAudit } from '../audit/audit';
import { markUnaudited, readAudits, unauditedIds, writeAudits } from '../db/audits';
import { loadStoredDocuments } from '../db/documents';
import type { LibraryDb } from '../db/library';
import type { StoredDocument } from '../model/document';
import { neighbourMetas } from '../db/neighbours';

/**
 * The audit step of the pipeline (document → store → audit): the worker calls it where a change to
 * the library finishes, and the store keeps the results (db/audits.ts).
 */
const AUDIT_BATCH = 100;

/**
 * Above this many documents to audit, their neighbours are found in one read of every document's
 * metadata rather than a few index lookups each (a whole library after an upgrade, a large CSV).
 */
const LOOKUPS_UP_TO = 200;

/**
 * Libraries in which no document waits for an audit, as of the last full look (unauditedIds) and
 * the changes audited since. Only there may a change name what it touched instead of a scan of
 * every document: a library opened, replaced or changed without a name is looked at in full again.
 */
const settled = new WeakSet<LibraryDb>();

/**
 * Audits (勾稽) every document without results of the current AUDIT_VERSION — new, migrated, or
 * whose related document was removed — together with the documents whose checks read them, which a
 * new arrival can change (the next year, a department and its units). Returns the ids audited.
 *
 * `touched`: the documents a change added or marked for audit (an import, a removal). Where the
 * library was settled before it, they are all that waits, so the scan of every document (and every
 * document's metadata) is skipped and an import costs the same at 5,000 documents as at 0 (issue 17).
 * `stored`: documents the change stored just now, exactly as they are in memory (an import), which
 * the audit takes from there instead of reading them back (db/documents.ts storedForm).
 */
export function auditPending(lib: LibraryDb, touched?: readonly string[], stored?: ReadonlyMap<string, StoredDocument>): string[] {
  const pending = touched && settled.has(lib) ? touched : unauditedIds(lib, AUDIT_VERSION);
  settled.delete(lib); // until this audit is stored: should it throw, the next one looks in full
  // Many documents (a whole library after an upgrade, a large CSV): every document's metadata read
  // once serves every batch. Index lookups per batch were a third of auditing 5,000 documents.
  let every = pending.length > LOOKUPS_UP_TO ? lib.documentMetas() : null;
  const targets = pending.length ? dependentDocIds(every ?? neighbourMetas(lib, pending), pending) : [];
  if (!every && targets.length > LOOKUPS_UP_TO) every = lib.documentMetas();
  // In batches: a whole library (first start after an upgrade) is audited without holding every
  // document in memory at once; each batch loads its documents and the ones their checks read.
  for (let at = 0; at < targets.length; at += AUDIT_BATCH) {
    const batch = targets.slice(at, at + AUDIT_BATCH);
    const library = neededDocIds(every ?? neighbourMetas(lib, batch), batch);
    writeAudits(lib, auditDocuments(loadStoredDocuments(lib.db, library, stored), new Set(batch)), AUDIT_VERSION);
  }
  settled.add(lib);
  return targets;
}


/**
 * Current audit results (auditing what is pending first), for the given documents or all. A
 * settled library has nothing pending (every change audits what it touched), so a read does not
 * scan every document for it: the badges ask for the counts after every import.
 */
export function storedAudits(lib: LibraryDb, docIds: readonly string[] | null, withFindings: boolean): DocumentAudit[] {
  auditPending(lib, []);
  return readAudits(lib, docIds, withFindings);
}

/** One page of the audit view's summary (checks per document, no findings). */
export interface AuditPage {
  from: number;
  total: number;
  audits: DocumentAudit[];
}

/**
 * The page of `size` documents starting at `from` (in the library's order), or the page holding
 * `docId` when it is in the library: the audit view shows the document the link names. The whole
 * summary was 11 MB at 5,000 documents, and its table 125,000 cells.
 */
export function auditPage(lib: LibraryDb, from: number, size: number, docId: string | null): AuditPage {
  auditPending(lib, []);
  const ids = lib.documentIds();
  const at = docId === null ? -1 : ids.indexOf(docId);
  const wanted = at >= 0 ? at : Math.max(0, from);
  const last = Math.max(0, Math.floor((ids.length - 1) / size) * size);
  const start = Math.min(Math.floor(wanted / size) * size, last);
  return { from: start, total: ids.length, audits: readAudits(lib, ids.slice(start, start + size), false) };
}

/**
 * Removes a document; those whose cross-document checks involved it are audited again. Returns
 * them, for auditPending(lib, touched).
 */
export function removeDocument(lib: LibraryDb, docId: string): string[] {
  const related = dependentDocIds(neighbourMetas(lib, [docId]), [docId]).filter((id) => id !== docId);
  // Marked first: should the removal fail, they are only audited once more.
  markUnaudited(lib, related);
  lib.removeDocument(docId);
  return related;
}
