import type { SqlJsStatic } from 'sql.js';
import { readFormatCsvStream } from '../ingest/csvStream';
import { LibraryDb, NewerSchemaError, SnapshotError } from '../db/library';
import { SCHEMA_VERSION } from '../db/schema';
import type { SourceKeeper } from '../db/sources';
import { liveChunksOf, type LiveChunks } from './liveFile';
import type { Persistence } from './persistence';
import type { InitResult } from './protocol';

export interface Opened {
  lib: LibraryDb;
  /** Opened from a snapshot (and sql.js shows its files): the writes SQLite made since, for the next save. */
  live: LiveChunks | null;
  restoredFrom: InitResult['restoredFrom'];
  notices: string[];
}

/**
 * The library at start-up: the latest snapshot, else the previous one (saying so), else — on a
 * first visit only — the bundled sample's documents (loadSample; their texts follow: sampleTexts.ts). A snapshot that can't be opened (a chunk missing or failing
 * its hash, not SQLite, failing its integrity check, or lacking our tables) is moved aside as damaged: it is never deleted by the app,
 * and the user can download or discard it (「数据导入导出」).
 */
export async function openLibrary(SQL: SqlJsStatic, persistence: Persistence, sampleUrl: string | null, sources?: SourceKeeper): Promise<Opened> {
  const notices: string[] = [];
  const refused = await persistence.open();
  if (refused) notices.push(refused);
  if (persistence.available) {
    const { current, previous } = await persistence.load();
    // A newer build's library (a deploy rolled back, an old copy of the app on another address of
    // the same site) is not damaged: moved aside as such, this page would start empty and save over it.
    if (current && current.schemaVersion > SCHEMA_VERSION) return leaveNewer(SQL, persistence, current.schemaVersion, notices, sources);
    let damaged = 0;
    for (const [which, snap] of [['current', current], ['previous', previous]] as const) {
      if (!snap) continue;
      // One file at a time: the previous one is read only when the current one fails.
      const read = await persistence.read(snap.id);
      let live: LiveChunks | null = null;
      try {
        if ('damage' in read) throw new SnapshotError(read.damage);
        const lib = LibraryDb.open(SQL, read.bytes, { verified: read.verified, created: (db) => (live = liveChunksOf(SQL, db)), sources });
        (live as LiveChunks | null)?.basedOn(snap.id, read.bytes.length);
        // Saved by a build that kept its files inside the library: the next save stores them beside it.
        if (lib.movedSources) persistence.changed();
        if (which === 'previous') notices.push('上次保存的资料库无法读取，已恢复到更早的一次保存。');
        if (damaged) notices.push(DAMAGED_KEPT);
        return { lib, live, restoredFrom: which, notices };
      } catch (e) {
        (live as LiveChunks | null)?.close();
        if (e instanceof NewerSchemaError) return leaveNewer(SQL, persistence, e.version, notices, sources);
        const reason = e instanceof SnapshotError ? e.message : String(e);
        notices.push(`${which === 'current' ? '最近一次' : '更早一次'}保存的资料库无法打开：${reason}。`);
        await persistence.quarantine(snap.id, reason);
        damaged++;
      }
    }
    if (damaged) {
      notices.push(`已保存的资料库均无法打开，已从空资料库开始。${DAMAGED_KEPT}`);
      return { lib: LibraryDb.create(SQL, undefined, sources), live: null, restoredFrom: 'empty', notices };
    }
  }
  const lib = LibraryDb.create(SQL, undefined, sources);
  if (sampleUrl) {
    try {
      await loadSample(lib, sampleUrl);
      return { lib, live: null, restoredFrom: 'sample', notices };
    } catch (e) {
      notices.push(`示例数据加载失败：${(e as Error).message}`);
    }
  }
  return { lib, live: null, restoredFrom: 'empty', notices };
}

/** An empty library in memory, and a page that saves nothing: the newer build's library stays as it was. */
function leaveNewer(SQL: SqlJsStatic, persistence: Persistence, version: number, notices: string[], sources?: SourceKeeper): Opened {
  persistence.refuse('不保存：本机的资料库由较新版本的预算透镜保存');
  notices.push(`本机保存的资料库由较新版本的预算透镜保存（数据库版本 ${version}，本页的程序只支持到 ${SCHEMA_VERSION}），本页无法打开它。`
    + '为免覆盖它，本页不会保存任何更改。请刷新页面以使用最新版本；刷新后仍是如此，说明网站提供的是旧版本，请告知网站维护者。');
  return { lib: LibraryDb.create(SQL, undefined, sources), live: null, restoredFrom: 'empty', notices };
}

const DAMAGED_KEPT = '无法打开的保存已单独保留，没有删除：可在「数据导入导出」中下载或丢弃。';

/**
 * The bundled sample's documents, from their FORMAT CSV (public/data/seeds.csv): every figure, in a
 * sixth of the bytes of the texts, so a first visit has its data on screen sooner and lighter (issue
 * 17). Their source texts follow once they are on screen (sampleTexts.ts), and replace each document
 * with what the importer reads from its text. A CSV with a bad row means a broken deploy: said, not
 * half-loaded.
 */
async function loadSample(lib: LibraryDb, sampleUrl: string): Promise<void> {
  const res = await fetch(sampleUrl);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const blob = await res.blob();
  const fileName = new URL(sampleUrl).pathname.split('/').pop() ?? '';
  const read = await readFormatCsvStream(blob, fileName, () => undefined, () => false);
  if (!read.ok) throw new Error(read.error);
  const bad = read.errors[0];
  if (bad) throw new Error(`「${fileName}」第 ${bad.line} 行：${bad.message}`);
  if (!read.docs.length) throw new Error(`「${fileName}」中没有文档`);
  lib.transaction(() => lib.addDocuments(read.docs, 'sample', `csv:${fileName}:${blob.size}`));
}
