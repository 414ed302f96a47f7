/// <reference lib="webworker" />
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { importFile } from '../ingest/file';
import type { PdfOpen } from '../ingest/pdf/types';
import { auditCsv } from '../audit/csv';
import { documentsToRows, rowsToCsv } from '../model/formatCsv';
import { loadStoredDocuments } from './documents';
import { readFormatCsvStream } from '../ingest/csvStream';
import type { StoredDocument } from '../model/document';
import { LibraryDb, SnapshotError } from './library';
import type { Envelope, ImportFileResult, InitResult, Reply, Request, RequestOf, Responses, SaveState } from './protocol';
import { SCHEMA_VERSION } from './schema';
import { departments } from '../compare/departments';
import { peersQuery } from '../compare/peers';
import { linkUnits, unlinkUnit } from '../compare/unitLinks';
import { loadUnits } from '../compare/units';
import { yoyQuery } from '../compare/yoy';
import { QuotaError, SnapshotStore } from './snapshots';

/**
 * The database worker: owns the only sql.js instance, answers the protocol, and saves snapshots to
 * IndexedDB after changes. All SQL lives on this side of the boundary.
 */
declare const self: DedicatedWorkerGlobalScope;

// Short: it only gathers a burst of changes into one write. A long debounce loses more on a crash.
const SAVE_COALESCE_MS = 30;
const WRITER_LOCK = 'budget-lens-writer';

let SQL: SqlJsStatic;
let lib: LibraryDb;
/** While a share link's data is shown, the user's own library waits here, unsaved changes none. */
let ownLib: LibraryDb | null = null;
let store: SnapshotStore | null = null;
let buildId = '';
let writer = false;
let dirty = false;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
let saveRun: Promise<SaveState> | null = null;
let lastSave: SaveState = { status: 'saved', savedAt: '' };

function post(reply: Reply): void {
  self.postMessage(reply);
}

function setSaveState(state: SaveState): void {
  lastSave = state;
  post({ id: 0, event: 'save', state });
}

async function loadLibrary(sampleUrl: string | null): Promise<Omit<InitResult, 'writer'>> {
  const notices: string[] = [];
  try {
    store = await SnapshotStore.open();
  } catch {
    notices.push('浏览器不允许使用本地存储（IndexedDB），本次导入的资料在关闭页面后不会保留。');
  }
  if (store) {
    const { current, previous } = await store.load();
    for (const [which, snap] of [['current', current], ['previous', previous]] as const) {
      if (!snap) continue;
      try {
        lib = LibraryDb.open(SQL, snap.bytes);
        if (which === 'previous') {
          notices.push('上次保存的资料库无法读取，已恢复到更早的一次保存。');
          await store.dropCurrent();
        }
        return { restoredFrom: which, notices };
      } catch (e) {
        const reason = e instanceof SnapshotError ? e.message : String(e);
        notices.push(`${which === 'current' ? '最近一次' : '更早一次'}保存的资料库无法打开：${reason}。`);
      }
    }
    if (current || previous) {
      lib = LibraryDb.create(SQL);
      notices.push('已保存的资料库均无法打开，已从空资料库开始；原有数据未被删除。');
      return { restoredFrom: 'empty', notices };
    }
  }
  lib = LibraryDb.create(SQL);
  if (sampleUrl) {
    try {
      await loadSample(sampleUrl);
      dirty = true;
      return { restoredFrom: 'sample', notices };
    } catch (e) {
      notices.push(`示例数据加载失败：${(e as Error).message}`);
    }
  }
  return { restoredFrom: 'empty', notices };
}

/**
 * The bundled sample: the seed disclosures themselves, read by the same importer as a user's files,
 * so the sample has source lines, tables, projects and warnings like anything imported by hand.
 */
async function loadSample(manifestUrl: string): Promise<void> {
  const res = await fetch(manifestUrl);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const manifest = (await res.json()) as { files: string[] };
  for (const name of manifest.files) {
    const file = await fetch(new URL(`samples/${encodeURIComponent(name)}`, manifestUrl));
    if (!file.ok) throw new Error(`${name}: HTTP ${file.status}`);
    const read = await importFile(new Uint8Array(await file.arrayBuffer()), name);
    if (!read.ok) throw new Error(read.error);
    lib.addDocuments(read.docs, 'sample', read.contentHash, read.text);
  }
}

/**
 * One writer across tabs: the first tab holds the lock for its lifetime; later tabs work in memory
 * and are told so, and take over (reloading the saved library) when the writer tab closes.
 */
function claimWriter(): Promise<boolean> {
  if (!('locks' in navigator)) return Promise.resolve(true);
  return new Promise((resolve) => {
    void navigator.locks.request(WRITER_LOCK, { ifAvailable: true }, async (lock) => {
      if (!lock) {
        resolve(false);
        return;
      }
      resolve(true);
      await new Promise(() => undefined); // hold until the tab goes away
    });
  });
}

function waitForWriter(): void {
  void navigator.locks.request(WRITER_LOCK, async () => {
    const reloaded = store ? await store.load() : {};
    if (reloaded.current) {
      try {
        const fresh = LibraryDb.open(SQL, reloaded.current.bytes);
        lib.close();
        lib = fresh;
      } catch {
        /* keep what this tab has; it will be saved from now on */
      }
    }
    writer = true;
    post({ id: 0, event: 'writer', notice: '另一个标签页已关闭，本页现在可以保存资料库。' });
    await new Promise(() => undefined);
  });
}

function scheduleSave(): void {
  // Every change to the library passes here: audit what it added (and the documents related to it)
  // before the change is reported, so the audit is always current.
  lib.auditPending();
  if (ownLib) {
    setSaveState({ status: 'temporary' });
    return;
  }
  dirty = true;
  if (!writer || !store) {
    setSaveState({ status: 'readonly' });
    return;
  }
  setSaveState({ status: 'pending' });
  if (!saveTimer && !saveRun) saveTimer = setTimeout(() => void save(), SAVE_COALESCE_MS);
}

/**
 * Writes snapshots until nothing is left unsaved. Only then is 「已保存」 reported: a change made
 * while a snapshot was being written must not be announced as saved by that older write.
 */
function save(): Promise<SaveState> {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  if (saveRun) return saveRun;
  if (!dirty) return Promise.resolve(lastSave);
  if (!writer || !store) return Promise.resolve<SaveState>({ status: 'readonly' });
  const snapshotStore = store;
  saveRun = (async (): Promise<SaveState> => {
    let state: SaveState = lastSave;
    while (dirty) {
      dirty = false;
      try {
        // Always the user's own library, also while a shared link's temporary data is on screen.
        await snapshotStore.save({ bytes: (ownLib ?? lib).export(), savedAt: new Date().toISOString(), schemaVersion: SCHEMA_VERSION, buildId });
        state = { status: 'saved', savedAt: new Date().toISOString() };
      } catch (e) {
        dirty = true;
        const message = e instanceof QuotaError
          ? '存储空间不足，最近的更改没有保存。已保存的资料库完好；请删除一些文档或释放磁盘空间后再试。'
          : `保存资料库失败：${(e as Error).message ?? e}`;
        state = { status: 'error', message };
        break;
      }
    }
    return state;
  })();
  return saveRun.then((state) => {
    saveRun = null;
    // While a shared link's data is on screen the status bar says so, even as the own library saves.
    setSaveState(ownLib && state.status === 'saved' ? { status: 'temporary' } : state);
    return state;
  });
}

let importCancelled = false;

/** pdf.js is loaded on the first PDF only (pdf/browser.ts): most visits never need it. */
const openPdf: PdfOpen = async (bytes) => (await import('../ingest/pdf/browser')).openPdfBrowser(bytes);
let stagedToken = 0;
let staged: { token: number; fileName: string; docs: StoredDocument[] } | null = null;

function addParsed(fileName: string, docs: StoredDocument[], contentHash: string): ImportFileResult {
  const { added, skipped } = lib.addDocuments(docs, 'csv', contentHash);
  if (!added.length) return { status: 'duplicate', message: `「${fileName}」中的文档已全部在资料库中，未重复导入。` };
  scheduleSave();
  const summaries = docs.filter((d) => added.includes(d.docId)).map((d) => ({
    docId: d.docId, unitName: d.meta.unitName, year: d.meta.year, figureCount: d.figures.length, warningCount: d.warnings.length,
  }));
  return { status: 'added', docs: summaries, skipped: skipped.length, rowErrors: [] };
}

type Handlers = { [T in Request['type']]: (req: RequestOf<T>) => Promise<Responses[T]> | Responses[T] };

const handlers: Handlers = {
  async init(req) {
    buildId = req.buildId;
    SQL = await initSqlJs({ locateFile: () => wasmUrl });
    writer = await claimWriter();
    const result = await loadLibrary(req.sampleUrl);
    if (!writer) {
      result.notices.push('资料库已在另一个标签页中打开：本页的更改暂不保存，关闭另一页后会自动接管。');
      waitForWriter();
    }
    if (dirty) scheduleSave();
    return { ...result, writer };
  },
  addDocuments(req) {
    const result = lib.addDocuments(req.docs, req.sourceKind, req.contentHash);
    if (result.added.length) scheduleSave();
    return result;
  },
  hasContent: (req) => lib.hasContent(req.contentHash),
  async importFile(req) {
    importCancelled = false;
    const read = await importFile(req.bytes, req.fileName, {
      openPdf,
      onPage: (loaded, total) => post({ id: 0, event: 'progress', loaded, total }),
      cancelled: () => importCancelled,
    });
    if (!read.ok) return { status: 'error', message: read.error };
    if (lib.hasContent(read.contentHash)) {
      return { status: 'duplicate', message: `「${req.fileName}」已在资料库中（内容相同），未重复导入。` };
    }
    // A PDF's bytes are kept: the page view renders the page a figure was read from.
    const { added, skipped } = lib.addDocuments(read.docs, read.kind, read.contentHash, read.text, undefined,
      read.kind === 'pdf' ? req.bytes : undefined);
    if (!added.length) {
      return { status: 'duplicate', message: `「${req.fileName}」中的文档已全部在资料库中，未重复导入。` };
    }
    scheduleSave();
    const docs = read.docs.filter((d) => added.includes(d.docId)).map((d) => ({
      docId: d.docId, unitName: d.meta.unitName, year: d.meta.year, figureCount: d.figures.length, warningCount: d.warnings.length,
    }));
    return { status: 'added', docs, skipped: skipped.length, rowErrors: read.rowErrors.slice(0, 200) };
  },
  removeDocument(req) {
    lib.removeDocument(req.docId);
    scheduleSave();
    return null;
  },
  listDocuments: () => lib.listDocuments(),
  sourcePdf: (req) => lib.sourcePdf(req.docId),
  figures: (req) => lib.figures(req.docId),
  warnings: (req) => lib.warnings(req.docId),
  sourceLines: (req) => lib.sourceLines(req.docId, req.line - req.context, req.line + req.context),
  audits: (req) => lib.storedAudits(req.docIds, req.withFindings),
  auditCsv: (req) => auditCsv(lib.storedAudits(req.docIds, true), { bom: true, severities: req.severities }),
  async importCsvFile(req) {
    importCancelled = false;
    const read = await readFormatCsvStream(req.file, req.fileName,
      (loaded, total) => post({ id: 0, event: 'progress', loaded, total }), () => importCancelled);
    if (!read.ok) return { status: 'error', message: read.error };
    for (const d of read.docs) d.fileName = req.fileName;
    if (!read.docs.length) {
      const first = read.errors[0];
      return { status: 'error', message: `「${req.fileName}」没有可导入的行${first ? `（第 ${first.line} 行：${first.message}）` : ''}。` };
    }
    if (read.errors.length) {
      const token = ++stagedToken;
      // Staged in memory only: nothing reaches the library until the user accepts.
      staged = { token, fileName: req.fileName, docs: read.docs };
      return {
        status: 'confirm', token, documents: read.docs.length, goodRows: read.rows - read.errors.length,
        errorCount: read.errors.length, errors: read.errors.slice(0, 200),
      };
    }
    return addParsed(req.fileName, read.docs, `csv:${req.fileName}:${req.file.size}`);
  },
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
  openShared(req) {
    const temp = LibraryDb.create(SQL);
    temp.addDocuments(req.docs.map((d) => ({ ...d, fileName: d.fileName || '分享链接' })), 'share', `share:${Date.now()}`);
    if (!ownLib) ownLib = lib;
    else lib.close();
    lib = temp;
    scheduleSave();
    return { documents: req.docs.length };
  },
  keepShared() {
    if (!ownLib) return { added: [], skipped: [] };
    const docs = loadStoredDocuments(lib.db, null);
    lib.close();
    lib = ownLib;
    ownLib = null;
    const result = lib.addDocuments(docs, 'share', `share:${Date.now()}`);
    scheduleSave();
    return result;
  },
  leaveShared() {
    if (!ownLib) return null;
    lib.close();
    lib = ownLib;
    ownLib = null;
    setSaveState(lastSave.status === 'temporary' ? { status: 'saved', savedAt: '' } : lastSave);
    return null;
  },
  exportSqlite: () => lib.export(),
  openSqlite(req) {
    let opened: LibraryDb;
    try {
      opened = LibraryDb.open(SQL, req.bytes);
    } catch (e) {
      const reason = e instanceof SnapshotError ? e.message : String(e);
      return { ok: false, error: `「${req.fileName}」无法打开：${reason}。当前资料库未改变。` };
    }
    lib.close();
    lib = opened;
    scheduleSave();
    return { ok: true, documents: lib.listDocuments().length };
  },
  exportCsv: (req) => rowsToCsv(documentsToRows(loadStoredDocuments(lib.db, req.docIds))),
  compareUnits: () => {
    const { groups } = loadUnits(lib.db);
    return { units: groups, departments: departments(groups) };
  },
  yoy: (req) => yoyQuery(lib.db, req.unitKey, req.stage),
  peers: (req) => peersQuery(lib.db, req.query),
  linkUnits(req) {
    linkUnits(lib.db, req.fromKey, req.toKey);
    scheduleSave();
    return null;
  },
  unlinkUnit(req) {
    unlinkUnit(lib.db, req.unitKey);
    scheduleSave();
    return null;
  },
  flush: () => save(),
};

// Requests run one at a time, in order: sql.js is synchronous, but init and saves await, and a
// request must never see a half-initialised library.
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<Envelope>) => {
  const { id, request } = event.data;
  if (request.type === 'cancelImport') {
    // Not queued: it must reach a running import, which only yields between chunks.
    post({ id, ok: true, value: handlers.cancelImport(request) });
    return;
  }
  queue = queue.then(async () => {
    try {
      const handler = handlers[request.type] as (r: Request) => unknown;
      const value = await handler(request);
      post({ id, ok: true, value });
    } catch (e) {
      post({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
};
