import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { Persistence } from '../../../src/lib/worker/persistence';
import { openLibrary } from '../../../src/lib/worker/startup';
import { seedsDir } from '../../support/shared';

/**
 * Start-up on chunked snapshots of a real library (two seed disclosures, saved one after the
 * other): a damaged chunk that only the latest save lists sends the app to the save before, says
 * so, and keeps the damaged file for the user.
 */
describe('openLibrary on chunked snapshots', () => {
  beforeAll(() => vi.stubGlobal('navigator', {}));
  afterAll(() => vi.unstubAllGlobals());

  it('falls back to the previous generation when a chunk of the current one is damaged', async () => {
    const SQL = await initSqlJs();
    const lib = LibraryDb.create(SQL);
    const p = new Persistence({ buildId: 't', snapshot: () => lib.export(), temporary: () => false, emit: () => undefined });
    expect(await p.open()).toBeNull();
    expect(await p.claimWriter(async () => undefined)).toBe(true);
    const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().slice(0, 2);
    for (const name of seeds) {
      const read = await importFile(readFileSync(path.join(seedsDir, name)), name);
      if (!read.ok) throw new Error(read.error);
      lib.addDocuments(read.docs, read.kind, read.contentHash, read.text);
      p.changed();
      expect((await p.save()).status).toBe('saved');
    }
    // The second save wrote the chunks the second document changed (one of them is damaged below).
    expect(p.lastWrite!.chunks).toBeGreaterThan(0);
    expect(p.lastWrite!.bytes).toBeLessThanOrEqual(lib.export().length);
    const { current } = await p.load();

    // Flip a byte in a chunk only the current manifest lists, as a faulty disk might.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('budget-lens');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction(['chunks'], 'readwrite');
    const keys = await new Promise<number[][]>((resolve) => (tx.objectStore('chunks').getAllKeys().onsuccess = (e) => resolve((e.target as IDBRequest).result)));
    const key = keys.find((k) => k[0] === current!.id)!;
    const chunk = await new Promise<Uint8Array>((resolve) => (tx.objectStore('chunks').get(key).onsuccess = (e) => resolve((e.target as IDBRequest).result)));
    chunk[chunk.length - 1] ^= 0xff;
    tx.objectStore('chunks').put(chunk, key);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    let reopened: LibraryDb | null = null;
    const again = new Persistence({ buildId: 't', snapshot: () => reopened!.export(), temporary: () => false, emit: () => undefined });
    const opened = await openLibrary(SQL, again, null);
    reopened = opened.lib;
    expect(opened.restoredFrom).toBe('previous');
    expect(opened.lib.listDocuments()).toHaveLength(1);
    expect(opened.notices.join('\n')).toMatch(/最近一次保存的资料库无法打开：第 \d+ 块数据已损坏（校验不符）/);
    expect(opened.notices.join('\n')).toContain('已恢复到更早的一次保存');
    const damaged = await again.listDamaged();
    expect(damaged.map((d) => d.size)).toEqual([current!.size]);

    // The library as restored, saved again: only what the reopening changed (SQLite's header page),
    // not the whole file.
    await again.claimWriter(async () => undefined);
    again.changed();
    expect((await again.save()).status).toBe('saved');
    expect(again.lastWrite!.chunks).toBeLessThanOrEqual(2);
    opened.lib.close();
    lib.close();
  }, 60_000);
});
