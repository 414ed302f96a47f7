import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { SCHEMA_VERSION } from '../../../src/lib/db/schema';
import { importFile } from '../../../src/lib/ingest/file';
import type { SaveState } from '../../../src/lib/worker/protocol';
import { Persistence } from '../../../src/lib/worker/persistence';
import { openLibrary } from '../../../src/lib/worker/startup';
import { seedsDir } from '../../support/shared';

/**
 * A library saved by a newer build (a deploy rolled back, an old copy of the app on another address
 * of the same site) is not damaged: this build leaves it as it is, saves nothing over it, and says so.
 */
let SQL: SqlJsStatic;
const seed = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()[0];

beforeAll(async () => {
  vi.stubGlobal('navigator', {});
  SQL = await initSqlJs();
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(async () => {
  await new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase('budget-lens');
    r.onsuccess = resolve;
    r.onerror = () => reject(r.error);
  });
});

/** One real disclosure saved the app's way; `version` is written into the file first. */
async function saved(version = SCHEMA_VERSION) {
  const lib = LibraryDb.create(SQL);
  const p = new Persistence({ buildId: 'newer', snapshot: () => lib.export(), temporary: () => false, emit: () => undefined });
  await p.open();
  await p.claimWriter(async () => undefined);
  const read = await importFile(readFileSync(path.join(seedsDir, seed)), seed);
  if (!read.ok) throw new Error(read.error);
  lib.addDocuments(read.docs, read.kind, read.contentHash, read.text);
  if (version !== SCHEMA_VERSION) lib.db.run(`PRAGMA user_version = ${version}`);
  p.changed();
  expect((await p.save()).status).toBe('saved');
  const { current } = await p.load();
  lib.close();
  return current!;
}

/** Rewrites the stored record's schema version, as a newer build's save would have it. */
async function markNewer(id: number): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('budget-lens');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction(['snapshots'], 'readwrite');
  const store = tx.objectStore('snapshots');
  const rec = await new Promise<Record<string, unknown>>((resolve) => (store.get(id).onsuccess = (e) => resolve((e.target as IDBRequest).result)));
  store.put({ ...rec, schemaVersion: SCHEMA_VERSION + 1 }, id);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

async function openAndTryToSave() {
  const states: SaveState[] = [];
  let lib: LibraryDb | null = null;
  const p = new Persistence({ buildId: 'older', snapshot: () => lib!.export(), temporary: () => false, emit: (s) => states.push(s) });
  const opened = await openLibrary(SQL, p, null);
  lib = opened.lib;
  // The user imports something on the refused page: it stays in memory, and is said to be unsaved.
  const read = await importFile(readFileSync(path.join(seedsDir, seed)), seed);
  if (!read.ok) throw new Error(read.error);
  lib.addDocuments(read.docs, read.kind, read.contentHash, read.text);
  p.changed();
  const save = await p.save();
  lib.close();
  return { opened, states, save, p };
}

/** The store as a fresh page finds it. */
async function stored() {
  const p = new Persistence({ buildId: 'look', snapshot: () => new Uint8Array(), temporary: () => false, emit: () => undefined });
  await p.open();
  const [{ current }, damaged] = await Promise.all([p.load(), p.listDamaged()]);
  return { current, damaged };
}

describe('a library saved by a newer build', () => {
  it('is left as it is when its record says so, and the page saves nothing', async () => {
    const before = await saved();
    await markNewer(before.id);
    const { opened, states, save, p } = await openAndTryToSave();
    expect(opened.restoredFrom).toBe('empty');
    expect(opened.notices.join('\n')).toContain(`较新版本的预算透镜保存（数据库版本 ${SCHEMA_VERSION + 1}，本页的程序只支持到 ${SCHEMA_VERSION}）`);
    expect(opened.notices.join('\n')).toContain('本页不会保存任何更改');
    expect(p.saving).toBe(false);
    expect(p.writer).toBe(false);
    expect(states.at(-1)).toEqual({ status: 'off', message: '不保存：本机的资料库由较新版本的预算透镜保存', unsaved: true });
    expect(save.status).toBe('off');
    const after = await stored();
    expect(after.current).toEqual({ ...before, schemaVersion: SCHEMA_VERSION + 1 });
    expect(after.damaged).toEqual([]);
  }, 60_000);

  it('is left as it is when only its file says so (PRAGMA user_version), not moved aside as damaged', async () => {
    const before = await saved(SCHEMA_VERSION + 1);
    const { opened, save } = await openAndTryToSave();
    expect(opened.restoredFrom).toBe('empty');
    expect(opened.notices.join('\n')).toContain(`数据库版本 ${SCHEMA_VERSION + 1}`);
    expect(opened.notices.join('\n')).not.toContain('无法打开：');
    expect(save.status).toBe('off');
    const after = await stored();
    expect(after.current).toEqual(before);
    expect(after.damaged).toEqual([]);
  }, 60_000);
});

describe('a browser that refuses storage', () => {
  it('is told apart from another tab holding the library: the page says it saves nothing, and why', async () => {
    const refuse = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    try {
      const states: SaveState[] = [];
      const p = new Persistence({ buildId: 'refused', snapshot: () => new Uint8Array(), temporary: () => false, emit: (s) => states.push(s) });
      expect(await p.open()).toContain('浏览器不允许使用本地存储');
      expect(p.saving).toBe(false);
      p.changed();
      expect(states).toEqual([{ status: 'off', message: '不保存：浏览器不允许使用本地存储（IndexedDB）', unsaved: true }]);
      expect((await p.save()).status).toBe('off');
    } finally {
      refuse.mockRestore();
    }
  });
});
