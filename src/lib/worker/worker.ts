/// <reference lib="webworker" />
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { auditCsv } from '../audit/csv';
import { departments } from '../compare/departments';
import { peersQuery } from '../compare/peers';
import { linkUnits, unlinkUnit } from '../db/unitLinks';
import { loadUnits } from '../compare/units';
import { yoyQuery } from '../compare/yoy';
import { readFormatCsvStream } from '../ingest/csvStream';
import { importFile } from '../ingest/file';
import { absorbNarratives, importedSummary, joinNarratives } from '../db/pairing';
import { DEFAULT_LIMITS } from '../ingest/pdf/stoppable';
import type { PdfOpen } from '../ingest/pdf/types';
import type { StoredDocument } from '../model/document';
import { documentsToExcelCsv } from '../model/excelCsv';
import { documentsToRows, rowsToCsv } from '../model/formatCsv';
import { loadStoredDocuments } from '../db/documents';
import { openLibraryFile } from '../db/foreign';
import { LibraryDb, SnapshotError } from '../db/library';
import { baseline, mergeChanges, type Baseline, type MergeResult } from '../db/merge';
import { Persistence } from './persistence';
import { addImported } from './imports';
import type { CsvImportResult, Envelope, ImportFileResult, ProgressUnit, Reply, Request, RequestOf, Responses } from './protocol';
import { kindOf, sqliteHere } from './entry';
import { openLibrary } from './startup';
import { auditPending, removeDocument, storedAudits } from './audits';

/**
 * The database worker: owns the only sql.js instance and answers the protocol. All SQL lives on
 * this side of the boundary; saving lives in persistence.ts, start-up in startup.ts.
 */
declare const self: DedicatedWorkerGlobalScope;

let SQL: SqlJsStatic;
let lib: LibraryDb;
/** While a share link's data is shown, the user's own library waits here, untouched. */
let ownLib: LibraryDb | null = null;
let persistence: Persistence;

function post(reply: Reply): void {
  self.postMessage(reply);
}

/**
 * Every change to the library passes here, and the pipeline's last steps run in order: the audit of
 * what changed and of the documents related to it (only those: auditPending), then the save. Reads
 * of audit results never see a stale one.
 */
function changed(): void {
  auditPending(lib);
  persistence.changed();
}

/** While another tab writes: the library this tab started from, to tell its own changes apart (merge.ts). */
let base: Baseline | null = null;

/**
 * Another tab closed: this one now writes. It starts from what that tab saved last and merges its
 * own changes into it; if nothing that tab saved can be opened, it keeps its own library.
 */
async function takeOver(): Promise<void> {
  const own = ownLib ?? lib;
  const { current, previous } = await persistence.load();
  let merged: MergeResult | null = null;
  for (const snap of [current, previous]) {
    if (!snap || !base) continue;
    let fresh: LibraryDb;
    try {
      fresh = LibraryDb.open(SQL, snap.bytes);
    } catch {
      continue;
    }
    try {
      merged = mergeChanges(fresh, own, base);
    } catch {
      fresh.close();
      continue;
    }
    own.close();
    if (ownLib) ownLib = fresh;
    else lib = fresh;
    break;
  }
  base = null;
  persistence.writer = true;
  const changes = merged ? merged.added + merged.removed + merged.links : 1;
  if (changes) changed();
  else persistence.report({ status: 'saved', savedAt: new Date().toISOString() });
  const what = merged === null ? '本页的资料库将从现在起保存。' : changes ? `本页的更改已合并进另一页保存的资料库（${describe(merged)}），并将保存。` : '';
  post({ id: 0, event: 'writer', notice: `另一个标签页已关闭，本页现在可以保存资料库。${what}` });
}

function describe(m: MergeResult): string {
  const parts = [m.added && `新增或更新 ${m.added} 份文档`, m.removed && `删除 ${m.removed} 份`, m.links && `单位关联 ${m.links} 处`].filter(Boolean);
  return parts.join('，');
}

let importCancelled = false;

/** pdf.js is loaded on the first PDF only (pdf/browser.ts): most visits never need it. */
// pdf.js runs where it can be stopped (pdf/stoppable.ts): a page over its time limit or a 取消 ends
// its worker at once, so a damaged file never holds this worker (and every request behind it).
let pdfOpener: PdfOpen | null = null;
const openPdf: PdfOpen = async (bytes) => {
  pdfOpener ??= (await import('../ingest/pdf/browser')).pdfOpenerBrowser({ ...DEFAULT_LIMITS, cancelled: () => importCancelled });
  return pdfOpener(bytes);
};
let stagedToken = 0;
let staged: { token: number; fileName: string; docs: StoredDocument[] } | null = null;

function addParsed(fileName: string, docs: StoredDocument[], contentHash: string): ImportFileResult {
  const result = addImported(lib, { ok: true, kind: 'csv', contentHash, docs, rowErrors: [] }, fileName);
  if (result.status === 'added') changed();
  return result;
}

/**
 * A FORMAT CSV streamed in chunks. Rows with errors: the documents wait in memory (staged) until
 * the user accepts or refuses them (settleCsv); nothing reaches the library before.
 */
async function importCsv(file: Blob, fileName: string, onBytes: (loaded: number, total: number) => void): Promise<CsvImportResult> {
  const read = await readFormatCsvStream(file, fileName, onBytes, () => importCancelled);
  if (!read.ok) return { status: 'error', message: read.error };
  for (const d of read.docs) d.fileName = fileName;
  if (!read.docs.length) {
    const first = read.errors[0];
    return { status: 'error', message: `「${fileName}」没有可导入的行${first ? `（第 ${first.line} 行：${first.message}）` : ''}。` };
  }
  if (read.errors.length) {
    const token = ++stagedToken;
    staged = { token, fileName, docs: read.docs };
    return {
      status: 'confirm', token, documents: read.docs.length, goodRows: read.rows - read.errors.length,
      errorCount: read.errors.length, errors: read.errors.slice(0, 200),
    };
  }
  return addParsed(fileName, read.docs, `csv:${fileName}:${file.size}`);
}

/** Shared documents as a temporary library; the user's own waits untouched (ownLib). */
function showShared(docs: StoredDocument[]): { documents: number } {
  const temp = LibraryDb.create(SQL);
  temp.addDocuments(docs.map((d) => ({ ...d, fileName: d.fileName || '分享链接' })), 'share', `share:${Date.now()}`);
  if (!ownLib) ownLib = lib;
  else lib.close();
  lib = temp;
  changed();
  return { documents: docs.length };
}

/** A file's documents through the one way in, without adding them anywhere (a share link's dataset). */
async function readEntry(file: Blob, fileName: string): Promise<{ ok: true; docs: StoredDocument[] } | { ok: false; error: string }> {
  const kind = await kindOf(file);
  if (kind === 'sqlite') return { ok: false, error: sqliteHere(fileName) };
  if (kind === 'csv') {
    const read = await readFormatCsvStream(file, fileName, () => undefined, () => false);
    return read.ok ? { ok: true, docs: read.docs.map((d) => ({ ...d, fileName })) } : read;
  }
  const read = await importFile(new Uint8Array(await file.arrayBuffer()), fileName, { openPdf });
  return read.ok ? { ok: true, docs: read.docs } : read;
}

type Handlers = { [T in Request['type']]: (req: RequestOf<T>, id: number) => Promise<Responses[T]> | Responses[T] };

const handlers: Handlers = {
  async init(req) {
    SQL = await initSqlJs({ locateFile: () => wasmUrl });
    persistence = new Persistence({
      buildId: req.buildId,
      snapshot: () => (ownLib ?? lib).export(),
      temporary: () => ownLib !== null,
      emit: (state) => post({ id: 0, event: 'save', state }),
    });
    // The takeover waits in the request queue: it swaps the library, which no request may see half-done.
    const writer = await persistence.claimWriter(() => enqueue(takeOver));
    const opened = await openLibrary(SQL, persistence, req.sampleUrl);
    lib = opened.lib;
    if (!writer) {
      base = baseline(lib);
      opened.notices.push('资料库已在另一个标签页中打开：本页的更改先保留在本页，另一页关闭后会合并保存（在那之前请不要先关闭本页）。');
    }
    if (opened.restoredFrom === 'sample') changed();
    return { restoredFrom: opened.restoredFrom, notices: opened.notices, writer };
  },
  addDocuments(req) {
    const result = lib.addDocuments(req.docs, req.sourceKind, req.contentHash);
    if (result.added.length) changed();
    return result;
  },
  async importFile(req, id) {
    importCancelled = false;
    const progress = (unit: ProgressUnit) => (loaded: number, total: number) => post({ id: 0, event: 'progress', requestId: id, unit, loaded, total });
    const kind = await kindOf(req.file);
    if (kind === 'sqlite') return { status: 'error', message: sqliteHere(req.fileName) };
    if (kind === 'csv') return importCsv(req.file, req.fileName, progress('bytes'));
    const bytes = new Uint8Array(await req.file.arrayBuffer());
    const read = await importFile(bytes, req.fileName, { openPdf, onPage: progress('pages'), cancelled: () => importCancelled });
    if (!read.ok) return { status: 'error', message: read.error };
    const result = addImported(lib, read, req.fileName, bytes);
    if (result.status === 'added') changed();
    return result;
  },
  removeDocument(req) {
    removeDocument(lib, req.docId);
    changed();
    return null;
  },
  listDocuments: () => lib.listDocuments(),
  sourcePdf: (req) => lib.sourcePdf(req.docId),
  figures: (req) => lib.figures(req.docId),
  warnings: (req) => lib.warnings(req.docId),
  sourceLines: (req) => lib.sourceLines(req.docId, req.line - req.context, req.line + req.context),
  audits: (req) => storedAudits(lib, req.docIds, req.withFindings),
  auditCsv: (req) => auditCsv(storedAudits(lib, req.docIds, true), { bom: true, severities: req.severities }),
  settleCsv(req) {
    const pending = staged;
    staged = null;
    if (!pending || pending.token !== req.token) return { status: 'error', message: '没有等待确认的导入。' };
    if (!req.accept) return { status: 'error', message: `已放弃导入「${pending.fileName}」，没有导入任何数据。` };
    return addParsed(pending.fileName, pending.docs, `csv:${pending.fileName}:${pending.token}`);
  },
  cancelImport() {
    importCancelled = true;
    return null;
  },
  shareDocs: (req) => loadStoredDocuments(lib.db, req.docIds),
  openShared: (req) => showShared(req.docs),
  async openSharedFile(req) {
    const read = await readEntry(req.file, req.fileName);
    if (!read.ok) return { error: read.error };
    if (!read.docs.length) return { error: '数据集是空的' };
    return showShared(read.docs);
  },
  keepShared() {
    if (!ownLib) return { added: [], skipped: [] };
    const docs = loadStoredDocuments(lib.db, null);
    lib.close();
    lib = ownLib;
    ownLib = null;
    const result = lib.addDocuments(docs, 'share', `share:${Date.now()}`);
    changed();
    return result;
  },
  leaveShared() {
    if (!ownLib) return null;
    lib.close();
    lib = ownLib;
    ownLib = null;
    persistence.reportOwn();
    return null;
  },
  exportSqlite: () => lib.export(),
  openSqlite(req) {
    let opened: LibraryDb;
    try {
      // Never LibraryDb.open: a file from outside is copied through our schema (foreign.ts).
      opened = openLibraryFile(SQL, req.bytes);
    } catch (e) {
      const reason = e instanceof SnapshotError ? e.message : String(e);
      return { ok: false, error: `「${req.fileName}」无法打开：${reason}。当前资料库未改变。` };
    }
    lib.close();
    lib = opened;
    changed();
    return { ok: true, documents: lib.listDocuments().length };
  },
  exportCsv(req) {
    const docs = loadStoredDocuments(lib.db, req.docIds);
    return req.kind === 'excel' ? documentsToExcelCsv(docs) : rowsToCsv(documentsToRows(docs));
  },
  compareUnits: () => {
    const { groups } = loadUnits(lib.compare);
    return { units: groups, departments: departments(groups) };
  },
  yoy: (req) => yoyQuery(lib.compare, req.unitKey, req.stage),
  peers: (req) => peersQuery(lib.compare, req.query),
  linkUnits(req) {
    linkUnits(lib.db, req.fromKey, req.toKey);
    changed();
    return null;
  },
  unlinkUnit(req) {
    unlinkUnit(lib.db, req.unitKey);
    changed();
    return null;
  },
  flush: () => persistence.save(),
  damagedSnapshots: () => persistence.listDamaged(),
  damagedSnapshot: (req) => persistence.damagedBytes(req.id),
  async discardDamaged(req) {
    await persistence.discardDamaged(req.id);
    return null;
  },
};

// Requests run one at a time, in order: sql.js is synchronous, but init and saves await, and a
// request must never see a half-initialised library.
let queue: Promise<unknown> = Promise.resolve();

function enqueue(task: () => Promise<void>): Promise<void> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

self.onmessage = (event: MessageEvent<Envelope>) => {
  const { id, request } = event.data;
  if (request.type === 'cancelImport') {
    // Not queued: it must reach a running import, which only yields between chunks.
    post({ id, ok: true, value: handlers.cancelImport(request, id) });
    return;
  }
  queue = queue.then(async () => {
    try {
      const handler = handlers[request.type] as (r: Request, id: number) => unknown;
      const value = await handler(request, id);
      post({ id, ok: true, value });
    } catch (e) {
      post({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
};
