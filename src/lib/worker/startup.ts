import type { SqlJsStatic } from 'sql.js';
import { importFile, type FileImport } from '../ingest/file';
import { parseSample } from '../model/sample';
import { LibraryDb, SnapshotError } from '../db/library';
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
 * first visit only — the bundled sample. A snapshot that can't be opened (a chunk missing or failing
 * its hash, not SQLite, failing its integrity check, or lacking our tables) is moved aside as damaged: it is never deleted by the app,
 * and the user can download or discard it (「数据导入导出」).
 */
export async function openLibrary(SQL: SqlJsStatic, persistence: Persistence, sampleUrl: string | null): Promise<Opened> {
  const notices: string[] = [];
  const refused = await persistence.open();
  if (refused) notices.push(refused);
  if (persistence.available) {
    const { current, previous } = await persistence.load();
    let damaged = 0;
    for (const [which, snap] of [['current', current], ['previous', previous]] as const) {
      if (!snap) continue;
      // One file at a time: the previous one is read only when the current one fails.
      const read = await persistence.read(snap.id);
      let live: LiveChunks | null = null;
      try {
        if ('damage' in read) throw new SnapshotError(read.damage);
        const lib = LibraryDb.open(SQL, read.bytes, { verified: read.verified, created: (db) => (live = liveChunksOf(SQL, db)) });
        (live as LiveChunks | null)?.basedOn(snap.id, read.bytes.length);
        if (which === 'previous') notices.push('上次保存的资料库无法读取，已恢复到更早的一次保存。');
        if (damaged) notices.push(DAMAGED_KEPT);
        return { lib, live, restoredFrom: which, notices };
      } catch (e) {
        (live as LiveChunks | null)?.close();
        const reason = e instanceof SnapshotError ? e.message : String(e);
        notices.push(`${which === 'current' ? '最近一次' : '更早一次'}保存的资料库无法打开：${reason}。`);
        await persistence.quarantine(snap.id, reason);
        damaged++;
      }
    }
    if (damaged) {
      notices.push(`已保存的资料库均无法打开，已从空资料库开始。${DAMAGED_KEPT}`);
      return { lib: LibraryDb.create(SQL), live: null, restoredFrom: 'empty', notices };
    }
  }
  const lib = LibraryDb.create(SQL);
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

const DAMAGED_KEPT = '无法打开的保存已单独保留，没有删除：可在「数据导入导出」中下载或丢弃。';

/**
 * The bundled sample (public/data/sample.json): the seed disclosures' texts, read here through the
 * importer like any file, so the sample has source lines, tables, projects and warnings like anything
 * imported by hand. A text the importer can't read means a broken deploy: said, not half-loaded.
 */
async function loadSample(lib: LibraryDb, sampleUrl: string): Promise<void> {
  const res = await fetch(sampleUrl);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const sample = parseSample(await res.json());
  const reads: Extract<FileImport, { ok: true }>[] = [];
  for (const file of sample.files) {
    const read = await importFile(new TextEncoder().encode(file.text), file.fileName);
    if (!read.ok) throw new Error(read.error);
    reads.push(read);
  }
  lib.transaction(() => {
    for (const read of reads) lib.addDocuments(read.docs, 'sample', read.contentHash, read.text);
  });
}
