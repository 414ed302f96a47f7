import type { FileImport } from '../ingest/file';
import type { StoredDocument } from '../model/document';
import type { LibraryDb } from '../db/library';
import { absorbNarratives, importedSummary, joinNarratives } from '../db/pairing';
import type { ImportFileResult, ImportedDoc, SameAs } from './protocol';
import { all, list, sql } from '../db/sql';
import { sameDisclosure } from '../db/sameDisclosure';

/**
 * Adding what the importer read to the library, and who wins when ids meet. A document read here
 * from a disclosure file (text or PDF, and the bundled sample, read the same way) is the real thing:
 * its id is the file's content id. Anything that arrives with an id of its own — a FORMAT CSV, a
 * share link, a .sqlite file — is a claim: it can't be checked, so it never blocks the real file.
 * Importing a disclosure replaces the claims made under its ids or its content hash (issue 14: a
 * forged link under a real file's id made the real file 「已全部在资料库中」 and kept forged figures).
 */
const READ_HERE = ['text', 'pdf', 'sample'];

export function summaries(docs: readonly StoredDocument[], added: readonly string[]): ImportedDoc[] {
  return docs.filter((d) => added.includes(d.docId)).map((d) => ({
    docId: d.docId, unitName: d.meta.unitName, year: d.meta.year, figureCount: d.figures.length, warningCount: d.warnings.length,
  }));
}

/**
 * `stored`, when given, receives the documents stored exactly as read (not joined with a narrative
 * from another file), for the audit to take from memory (audits.ts auditPending).
 */
export function addImported(lib: LibraryDb, read: Extract<FileImport, { ok: true }>, fileName: string, bytes?: Uint8Array, stored?: Map<string, StoredDocument>): ImportFileResult {
  const real = read.kind === 'text' || read.kind === 'pdf';
  if (real && readHere(lib, read.contentHash)) {
    return { status: 'duplicate', message: `「${fileName}」已在资料库中（内容相同），未重复导入。` };
  }
  // The same disclosure from another file (its PDF and its Word file): listed once, not twice.
  // One whose figures differ (a corrected version) is added, and the list says how many differ.
  const sameAs = new Map<string, { docId: string; fileName: string }>();
  const differs: SameAs[] = [];
  if (real) for (const d of read.docs) {
    const same = sameDisclosure(lib, d, read.contentHash, READ_HERE);
    if (same?.cells === 0) sameAs.set(d.docId, same);
    else if (same) differs.push({ unitName: d.meta.unitName, year: d.meta.year, fileName: same.fileName, cells: same.cells });
  }
  const docs = sameAs.size ? read.docs.filter((d) => !sameAs.has(d.docId)) : read.docs;
  if (!docs.length) return { status: 'duplicate', message: sameMessage(fileName, read.docs, sameAs) };
  const { added, skipped, replaced, paired } = lib.transaction(() => {
    const claims = real ? claimsOn(lib, read.contentHash, docs.map((d) => d.docId)) : [];
    for (const id of claims) lib.removeDocument(id);
    // A narrative PDF and its tables PDF, dropped together or one after the other, are one document.
    const record = { ...(read.text !== undefined && { text: read.text }), ...(read.kind === 'pdf' && bytes && { pdf: bytes }) };
    const paired = joinNarratives(lib, docs, { hash: read.contentHash, name: fileName, record });
    // A PDF's bytes are kept: the page view renders the page a figure was read from. The record
    // replaces whatever a claim kept under this hash (a .sqlite file can carry source text or bytes
    // alone): the page view and source lines show the real file.
    const result = lib.addDocuments(paired.docs, read.kind, read.contentHash, read.text, undefined, read.kind === 'pdf' ? bytes : undefined);
    absorbNarratives(lib, paired.docs.filter((d) => result.added.includes(d.docId)), paired.notes);
    return { ...result, replaced: claims.length, paired };
  });
  if (!added.length && !paired.notes.size) {
    return { status: 'duplicate', message: `「${fileName}」中的文档已全部在资料库中，未重复导入。` };
  }
  if (stored) for (const d of paired.docs) if (added.includes(d.docId) && !paired.notes.has(d.docId)) stored.set(d.docId, d);
  const joined = [...paired.notes].filter(([id]) => !added.includes(id)).map(([docId, merged]) => ({ ...importedSummary(lib, docId), merged }));
  const listed = summaries(paired.docs, added).map((d) => (paired.notes.has(d.docId) ? { ...d, merged: paired.notes.get(d.docId) } : d));
  const same = read.docs.filter((d) => sameAs.has(d.docId)).map((d) => ({ unitName: d.meta.unitName, year: d.meta.year, fileName: sameAs.get(d.docId)!.fileName, cells: 0 }));
  const others = differs.filter((o) => listed.some((d) => d.unitName === o.unitName && d.year === o.year));
  return {
    status: 'added', docs: [...listed, ...joined], skipped: skipped.length, replaced, rowErrors: read.rowErrors.slice(0, 200),
    ...(same.length && { sameAs: same }), ...(others.length && { differs: others }),
  };
}

/** Why no document of a file was added: each repeats one read from another file. */
function sameMessage(fileName: string, docs: readonly StoredDocument[], sameAs: ReadonlyMap<string, { fileName: string }>): string {
  const files = [...new Set(docs.map((d) => sameAs.get(d.docId)!.fileName))].map((f) => `「${f}」`).join('、');
  const what = docs.length === 1 ? `${docs[0].meta.unitName} ${docs[0].meta.year}年的 ${docs[0].figures.length} 个数字` : `${docs.length} 份文档的单位、年度和全部数字`;
  return `「${fileName}」与资料库中${files}读出的${what}完全相同（同一份公开文件的另一种格式），未重复导入。`;
}

/**
 * Whether a document of this content was read from its file in this library (not claimed by a CSV,
 * link or .sqlite file), as its own file or as another it joined (doc_file: a narrative PDF).
 */
function readHere(lib: LibraryDb, contentHash: string): boolean {
  return all(lib.db, sql`SELECT 1 AS x FROM document d WHERE source_kind IN (${list(READ_HERE)})
    AND (content_hash = ${contentHash} OR EXISTS (SELECT 1 FROM doc_file f WHERE f.doc_id = d.doc_id AND f.content_hash = ${contentHash})) LIMIT 1`).length > 0;
}

/** Claims in the way of a real file: documents not read here that use its ids or its content hash. */
function claimsOn(lib: LibraryDb, contentHash: string, docIds: readonly string[]): string[] {
  return all<{ id: string }>(lib.db, sql`SELECT doc_id AS id FROM document
    WHERE (doc_id IN (${list(docIds)}) OR content_hash = ${contentHash}) AND source_kind NOT IN (${list(READ_HERE)})`).map((r) => r.id);
}
