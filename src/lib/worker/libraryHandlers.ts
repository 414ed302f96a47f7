import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
// sql.js's own glue, made by scripts/sqljs-file.ts to show the library file to a save (liveFile.ts).
import initSqlJs from './sqljs/sql-wasm-browser.js';
import { loadStoredDocuments } from '../db/documents';
import { openLibraryFile } from '../db/foreign';
import { LibraryDb, SnapshotError } from '../db/library';
import { libraryFile } from '../db/sources';
import { baseline, mergeChanges, type MergeResult } from '../db/merge';
import type { StoredDocument } from '../model/document';
import type { EntryRead } from './importHandlers';
import { liveChunksOf, type LiveChunks } from './liveFile';
import { Persistence } from './persistence';
import { openLibrary } from './startup';
import type { HandlersFor, WorkerState } from './state';

/**
 * Which library the worker answers from: start-up, a share link's temporary library and going back,
 * a library file opened from outside, another tab taking over, saving and damaged snapshots.
 */
export function libraryHandlers(w: WorkerState, enqueue: (task: () => Promise<void>) => Promise<void>, readEntry: (file: Blob, fileName: string) => Promise<EntryRead>) {
  /**
   * Another tab closed: this one now writes. It starts from what that tab saved last and merges its
   * own changes into it; if nothing that tab saved can be opened, it keeps its own library.
   */
  async function takeOver(): Promise<void> {
    const own = w.ownLib ?? w.lib;
    const { current, previous } = await w.persistence.load();
    // Profiles that came over are read into the library's documents again (a chunk of their own).
    const { reapplyProfiles } = await import('../db/profiles');
    let merged: MergeResult | null = null;
    for (const snap of [current, previous]) {
      if (!snap || !w.base) continue;
      const read = await w.persistence.read(snap.id);
      if ('damage' in read) continue;
      let fresh: LibraryDb;
      let live: LiveChunks | null = null;
      try {
        fresh = LibraryDb.open(w.SQL, read.bytes, { verified: read.verified, created: (db) => (live = liveChunksOf(w.SQL, db)), sources: w.sources });
      } catch {
        (live as LiveChunks | null)?.close();
        continue;
      }
      try {
        merged = mergeChanges(fresh, own, w.base, reapplyProfiles);
      } catch {
        (live as LiveChunks | null)?.close();
        fresh.close();
        continue;
      }
      // The merge's writes are noted like any: the next save writes only what it changed.
      (live as LiveChunks | null)?.basedOn(snap.id, read.bytes.length);
      w.adopt(fresh, live);
      // Files of this tab's documents the merge left out are kept by none of the saved library's.
      w.sources.sweepNext();
      own.close();
      if (w.ownLib) w.ownLib = fresh;
      else w.lib = fresh;
      break;
    }
    w.base = null;
    w.persistence.writer = true;
    const changes = merged ? merged.added + merged.removed + merged.links + merged.profiles : 1;
    if (changes) w.changed();
    else w.persistence.report({ status: 'saved', savedAt: new Date().toISOString() });
    const what = merged === null ? '本页的资料库将从现在起保存。' : changes ? `本页的更改已合并进另一页保存的资料库（${describe(merged)}），并将保存。` : '';
    w.post({ id: 0, event: 'writer', notice: `另一个标签页已关闭，本页现在可以保存资料库。${what}` });
  }

  /** Shared documents as a temporary library; the user's own waits untouched (ownLib). */
  function showShared(docs: StoredDocument[]): { documents: number } {
    const temp = LibraryDb.create(w.SQL);
    temp.addDocuments(docs.map((d) => ({ ...d, fileName: d.fileName || '分享链接' })), 'share', `share:${Date.now()}`);
    if (!w.ownLib) w.ownLib = w.lib;
    else w.lib.close();
    w.lib = temp;
    w.changed();
    return { documents: docs.length };
  }

  const handlers: HandlersFor<'init' | 'shareDocs' | 'openShared' | 'openSharedLink' | 'openSharedFile' | 'keepShared' | 'leaveShared' | 'exportSqlite' | 'openSqlite'
    | 'flush' | 'damagedSnapshots' | 'damagedSnapshot' | 'discardDamaged'> = {
    async init(req) {
      w.SQL = await initSqlJs({ locateFile: () => wasmUrl });
      w.persistence = persistenceOf(w, req.buildId);
      // The takeover waits in the request queue: it swaps the library, which no request may see half-done.
      const writer = await w.persistence.claimWriter(() => enqueue(takeOver));
      const opened = await openLibrary(w.SQL, w.persistence, req.sampleUrl, w.sources);
      w.lib = opened.lib;
      w.adopt(opened.lib, opened.live);
      if (!writer && w.persistence.saving) {
        w.base = baseline(w.lib);
        opened.notices.push('资料库已在另一个标签页中打开：本页的更改先保留在本页，另一页关闭后会合并保存（在那之前请不要先关闭本页）。');
      }
      // The sample is saved once its texts have replaced its CSV documents (sampleTexts.ts): a first
      // visit closed before that starts from the whole sample again, never from texts left out.
      return { restoredFrom: opened.restoredFrom, notices: opened.notices, writer: w.persistence.writer };
    },
    shareDocs: (req) => loadStoredDocuments(w.lib.db, req.docIds),
    openShared: (req) => showShared(req.docs),
    async openSharedLink(req) {
      // Loaded when a link is opened: not on a first visit's path, whose code is held to 150 KB (issue 17).
      const { decodeShareData } = await import('../share/link');
      const ref = await decodeShareData(req.data);
      if (ref.kind === 'inline') return showShared(ref.docs);
      // A catalog dataset is fetched by the page (relative to the site), then read here (openSharedFile).
      if (ref.kind === 'catalog') return { catalog: ref.id };
      return { error: ref.kind === 'invalid' ? ref.error : '分享链接中没有数据。' };
    },
    async openSharedFile(req) {
      const read = await readEntry(req.file, req.fileName);
      if (!read.ok) return { error: read.error };
      if (!read.docs.length) return { error: '数据集是空的' };
      return showShared(read.docs);
    },
    keepShared() {
      if (!w.ownLib) return { added: [], skipped: [] };
      const docs = loadStoredDocuments(w.lib.db, null);
      w.lib.close();
      w.lib = w.ownLib;
      w.ownLib = null;
      const result = w.lib.addDocuments(docs, 'share', `share:${Date.now()}`);
      w.changed();
      return result;
    },
    leaveShared() {
      if (!w.ownLib) return null;
      w.lib.close();
      w.lib = w.ownLib;
      w.ownLib = null;
      w.persistence.reportOwn();
      return null;
    },
    exportSqlite: (req) => (req.withSources ? libraryFile(w.SQL, w.lib) : w.lib.export()),
    openSqlite(req) {
      let opened: LibraryDb;
      try {
        // Never LibraryDb.open: a file from outside is copied through our schema (db/foreign.ts).
        opened = openLibraryFile(w.SQL, req.bytes, w.sources);
      } catch (e) {
        const reason = e instanceof SnapshotError ? e.message : String(e);
        return { ok: false, error: `「${req.fileName}」无法打开：${reason}。当前资料库未改变。` };
      }
      w.lib.close();
      w.lib = opened;
      w.sources.sweepNext();
      w.changed();
      return { ok: true, documents: w.lib.listDocuments().length };
    },
    flush: () => w.persistence.save(),
    damagedSnapshots: () => w.persistence.listDamaged(),
    damagedSnapshot: (req) => w.persistence.damagedBytes(req.id),
    async discardDamaged(req) {
      await w.persistence.discardDamaged(req.id);
      return null;
    },
  };
  return handlers;
}

/** The worker's persistence: what it saves is always the user's own library, its chunks and its documents' files. */
export function persistenceOf(w: WorkerState, buildId: string): Persistence {
  return new Persistence({
    buildId,
    snapshot: () => (w.ownLib ?? w.lib).export(),
    live: () => w.liveOf(w.ownLib ?? w.lib),
    sources: { take: () => w.sources.take((w.ownLib ?? w.lib).db), settled: (write) => w.sources.settled(write) },
    temporary: () => w.ownLib !== null,
    busy: () => w.filesWaiting > 0,
    settle: () => w.endBurst(),
    emit: (state) => w.post({ id: 0, event: 'save', state }),
  });
}

function describe(m: MergeResult): string {
  const parts = [m.added && `新增或更新 ${m.added} 份文档`, m.removed && `删除 ${m.removed} 份`, m.links && `单位关联 ${m.links} 处`, m.profiles && `版式配置 ${m.profiles} 个`].filter(Boolean);
  return parts.join('，');
}
