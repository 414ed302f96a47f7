import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_SIZE, hashChunks, RUN_CHUNKS } from '../../../src/lib/worker/chunks';
import { SnapshotStore, type SnapshotRecord } from '../../../src/lib/worker/snapshots';
import { QuotaError } from '../../../src/lib/worker/snapshotInfo';
import { mulberry32 } from '../../support/mutate';

/**
 * The chunked layout on fake-indexeddb: a small change writes only the chunks it touched, a save
 * that dies before its manifest leaves the old library whole, version 2's one-record snapshots are
 * read and replaced, and a damaged chunk or manifest is told apart and kept.
 */
let n = 0;
const stores: SnapshotStore[] = [];
async function fresh(): Promise<{ s: SnapshotStore; name: string }> {
  const name = `chunked-test-${++n}`;
  const s = await SnapshotStore.open(name);
  stores.push(s);
  return { s, name };
}
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  vi.restoreAllMocks();
});

/** A pseudo-random file of `chunks` chunks and a half (a short last chunk, as real files never have but may). */
function file(chunks: number, seed = 1): Uint8Array {
  const rng = mulberry32(seed);
  return Uint8Array.from({ length: chunks * CHUNK_SIZE + CHUNK_SIZE / 2 }, () => Math.floor(rng() * 256));
}
const record = (bytes: Uint8Array, savedAt = '2026-12-01'): SnapshotRecord => ({ bytes, savedAt, schemaVersion: 9, buildId: 't' });

async function bytesOf(s: SnapshotStore, id: number | undefined): Promise<Uint8Array> {
  const read = await s.read(id!);
  if ('damage' in read) throw new Error(read.damage);
  return read.bytes;
}

/** Where two files first differ (-1: they are equal): vitest's deep equality walks 300 KB arrays slowly. */
function diff(x: Uint8Array, y: Uint8Array): number {
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Runs fn on a raw connection to the store's database, as another program (or a failing disk) might. */
async function raw<T>(name: string, stores: string[], fn: (tx: IDBTransaction) => Promise<T>, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<T> {
  const req = indexedDB.open(name, version);
  if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
  const db = await promised(req);
  try {
    const tx = db.transaction(stores, 'readwrite');
    const finished = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
    const out = await fn(tx);
    await finished;
    return out;
  } finally {
    db.close();
  }
}

const chunkKeys = (name: string) => raw(name, ['chunks'], async (tx) => ((await promised(tx.objectStore('chunks').getAllKeys())) as number[][]).map((k) => k.join('/')).sort());

describe('chunked snapshots', () => {
  it('writes only the chunks a change touched, and keeps only the chunks the two manifests list', async () => {
    const { s, name } = await fresh();
    const a = file(10);
    expect(await s.save(record(a))).toEqual({ chunks: 11, bytes: a.length, sources: 0, sourceBytes: 0 });

    const b = a.slice();
    b[3 * CHUNK_SIZE + 17] ^= 1;
    b[7 * CHUNK_SIZE] ^= 0x80;
    expect(await s.save(record(b))).toEqual({ chunks: 2, bytes: 2 * CHUNK_SIZE, sources: 0, sourceBytes: 0 });
    // The same file again: nothing to write but the manifest.
    expect(await s.save(record(b))).toEqual({ chunks: 0, bytes: 0, sources: 0, sourceBytes: 0 });

    const c = b.slice();
    c[3 * CHUNK_SIZE + 18] ^= 1;
    expect(await s.save(record(c))).toEqual({ chunks: 1, bytes: CHUNK_SIZE, sources: 0, sourceBytes: 0 });
    const { current, previous } = await s.load();
    expect(diff(await bytesOf(s, current?.id), c)).toBe(-1);
    expect(diff(await bytesOf(s, previous?.id), b)).toBe(-1);
    // a's first save is one run of 11 chunks (a record stays while any of its chunks is listed), b's
    // chunks 3 and 7 (its 3 stays while b's manifest is the fallback), c's chunk 3: 4 records.
    expect(await chunkKeys(name)).toEqual(['1/0', '2/3', '2/7', '4/3']);
  });

  it('grows and shrinks: a longer file adds chunks, a shorter one drops them', async () => {
    const { s, name } = await fresh();
    const a = file(4);
    await s.save(record(a));
    const longer = new Uint8Array(a.length + 2 * CHUNK_SIZE);
    longer.set(a);
    longer.fill(7, a.length);
    // The old last chunk (half long) changes, two new ones follow.
    expect((await s.save(record(longer))).chunks).toBe(3);
    const shorter = a.slice(0, 2 * CHUNK_SIZE);
    expect((await s.save(record(shorter))).chunks).toBe(0);
    expect(diff(await bytesOf(s, (await s.load()).current?.id), shorter)).toBe(-1);
    await s.save(record(shorter));
    // Only the record holding the two chunks both manifests list remains (the grown run is gone).
    expect(await chunkKeys(name)).toEqual(['1/0']);
  });

  it('leaves the previous library whole when a save dies before its manifest is written', async () => {
    const { s, name } = await fresh();
    const a = file(6);
    await s.save(record(a));
    const before = await chunkKeys(name);
    const b = a.slice();
    b[CHUNK_SIZE] ^= 1;
    b[4 * CHUNK_SIZE] ^= 1;
    // The tab is closed (the transaction aborted) after the chunks are queued, at the manifest's put.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'snapshots') this.transaction.abort();
      return put.call(this, value, key);
    });
    await expect(s.save(record(b))).rejects.toThrow();
    vi.restoreAllMocks();
    const { current, previous } = await s.load();
    expect(previous).toBeUndefined();
    expect(diff(await bytesOf(s, current?.id), a)).toBe(-1);
    expect(await chunkKeys(name)).toEqual(before);
    // And the next save works from there.
    expect((await s.save(record(b))).chunks).toBe(2);
    expect(diff(await bytesOf(s, (await s.load()).current?.id), b)).toBe(-1);
  });

  it('says a full disk in a chunk write is a full disk, and leaves nothing of that save behind', async () => {
    const { s, name } = await fresh();
    const a = file(4);
    await s.save(record(a));
    const before = await chunkKeys(name);
    const b = a.slice();
    b[0] ^= 1;
    b[3 * CHUNK_SIZE] ^= 1;
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'chunks' && ++puts === 2) throw new DOMException('full', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    await expect(s.save(record(b))).rejects.toThrow(QuotaError);
    vi.restoreAllMocks();
    expect(await chunkKeys(name)).toEqual(before);
    const manifests = await raw(name, ['snapshots'], async (tx) => (await promised(tx.objectStore('snapshots').getAllKeys())) as number[]);
    expect(manifests).toEqual([(await s.load()).current!.id]);
    expect(diff(await bytesOf(s, (await s.load()).current?.id), a)).toBe(-1);
  });

  it('reads a version 2 store (one record per snapshot) and replaces it as the user saves, never losing it before', async () => {
    const name = `chunked-test-${++n}`;
    const old = file(3, 2);
    const older = file(3, 3);
    // What version 2 of the app left: the whole file in one record, and the pointer.
    await raw(name, ['snapshots', 'meta'], async (tx) => {
      const id1 = await promised(tx.objectStore('snapshots').add(record(older, '2025-01-01')));
      const id2 = await promised(tx.objectStore('snapshots').add(record(old, '2025-02-01')));
      tx.objectStore('meta').put({ current: id2, previous: id1 }, 'pointer');
    }, 2, (db) => {
      db.createObjectStore('snapshots', { autoIncrement: true });
      db.createObjectStore('meta');
      db.createObjectStore('damaged', { autoIncrement: true });
    });
    const s = await SnapshotStore.open(name);
    stores.push(s);
    const loaded = await s.load();
    expect([loaded.current?.savedAt, loaded.current?.size, loaded.previous?.savedAt]).toEqual(['2025-02-01', old.length, '2025-01-01']);
    expect(diff(await bytesOf(s, loaded.current?.id), old)).toBe(-1);
    expect(diff(await bytesOf(s, loaded.previous?.id), older)).toBe(-1);
    // No hashes: start-up must still run SQLite's own checks on it (LibraryDb.open's `verified`).
    expect(await s.read(loaded.current!.id)).toMatchObject({ verified: false });

    // The first save writes every chunk (there is no manifest to compare with); the old record stays the fallback.
    const next = old.slice();
    next[0] ^= 1;
    expect((await s.save(record(next))).chunks).toBe(4);
    const after = await s.load();
    expect(after.previous?.id).toBe(loaded.current?.id);
    expect(diff(await bytesOf(s, after.previous?.id), old)).toBe(-1);
    await s.save(record(next));
    expect(diff(await bytesOf(s, (await s.load()).current?.id), next)).toBe(-1);
    const records = await raw(name, ['snapshots'], async (tx) => (await promised(tx.objectStore('snapshots').getAll())) as object[]);
    expect(records.every((r) => !('bytes' in r))).toBe(true);
  });

  it('tells a damaged chunk, a missing one and a damaged manifest apart, and keeps the damaged file', async () => {
    const { s, name } = await fresh();
    const a = file(5);
    await s.save(record(a));
    const b = a.slice();
    b[2 * CHUNK_SIZE + 5] ^= 1;
    await s.save(record(b));
    const { current, previous } = await s.load();

    // A bit flipped in the chunk only the current manifest lists.
    await raw(name, ['chunks'], async (tx) => {
      const key = [current!.id, 2];
      const chunk = (await promised(tx.objectStore('chunks').get(key))) as Uint8Array;
      chunk[100] ^= 4;
      tx.objectStore('chunks').put(chunk, key);
    });
    expect(await s.read(current!.id)).toEqual({ damage: '第 3 块数据已损坏（校验不符）' });
    // The previous save does not list that chunk: it is the fallback, whole.
    expect(diff(await bytesOf(s, previous?.id), a)).toBe(-1);

    const damagedId = await s.quarantine(current!.id, '第 3 块数据已损坏（校验不符）');
    const kept = await s.damagedBytes(damagedId!);
    expect(kept?.length).toBe(b.length);
    expect(kept?.[2 * CHUNK_SIZE + 100]).toBe(b[2 * CHUNK_SIZE + 100] ^ 4);
    const now = await s.load();
    expect([now.current?.id, now.previous]).toEqual([previous?.id, undefined]);
    // The quarantined manifest's own chunk is gone from the chunks store; the damaged copy holds it.
    expect(await chunkKeys(name)).toEqual([`${previous!.id}/0`]);

    // A run cut short (its chunks from the fifth on missing), then a manifest that no longer fits its file.
    await raw(name, ['chunks'], async (tx) => {
      const run = (await promised(tx.objectStore('chunks').get([previous!.id, 0]))) as Uint8Array;
      tx.objectStore('chunks').put(run.slice(0, 4 * CHUNK_SIZE), [previous!.id, 0]);
    });
    expect(await s.read(previous!.id)).toEqual({ damage: '缺少第 5 块数据（共 6 块）' });
    await raw(name, ['snapshots'], async (tx) => {
      const m = (await promised(tx.objectStore('snapshots').get(previous!.id))) as { gens: Uint32Array };
      m.gens = m.gens.subarray(0, 2);
      tx.objectStore('snapshots').put(m, previous!.id);
    });
    expect(await s.read(previous!.id)).toEqual({ damage: '保存清单已损坏' });
  });
  // sliceMs 0: the save hashes a chunk and puts a run, then lets other tasks run, at every step.
  it.each([['in one go where it can', undefined], ['pausing at every step', 0]])('writes a first save as a few long runs and a change as short ones, and reads them back (%s)', async (_, sliceMs) => {
    const { s, name } = await fresh();
    if (sliceMs !== undefined) s.sliceMs = sliceMs;
    const a = file(2 * RUN_CHUNKS + 10, 5);
    expect(await s.save(record(a))).toEqual({ chunks: 2 * RUN_CHUNKS + 11, bytes: a.length, sources: 0, sourceBytes: 0 });
    expect(await chunkKeys(name)).toEqual(['1/0', `1/${RUN_CHUNKS}`, `1/${2 * RUN_CHUNKS}`].sort());
    const b = a.slice();
    // Two neighbours on either side of the first run's end, and one far off: two records.
    for (const i of [RUN_CHUNKS - 1, RUN_CHUNKS, 2 * RUN_CHUNKS + 3]) b[i * CHUNK_SIZE + 9] ^= 0x10;
    expect(await s.save(record(b))).toEqual({ chunks: 3, bytes: 3 * CHUNK_SIZE, sources: 0, sourceBytes: 0 });
    expect(await s.read((await s.load()).current!.id)).toMatchObject({ verified: true });
    expect((await chunkKeys(name)).filter((k) => k.startsWith('2/'))).toEqual([`2/${2 * RUN_CHUNKS + 3}`, `2/${RUN_CHUNKS - 1}`]);
    const { current, previous } = await s.load();
    expect(diff(await bytesOf(s, current?.id), b)).toBe(-1);
    expect(diff(await bytesOf(s, previous?.id), a)).toBe(-1);
  });

  it('reads a version 3 store (one record per chunk, no runs) and saves on top of it', async () => {
    const name = `chunked-test-${++n}`;
    const old = file(4, 7);
    const count = 5;
    // What version 3 of the app left: a manifest without firsts, and the record [id, i] per chunk.
    await raw(name, ['snapshots', 'chunks', 'meta'], async (tx) => {
      const hashes = hashChunks(old);
      const m = { length: old.length, chunkSize: CHUNK_SIZE, gens: new Uint32Array(count), hashes, savedAt: '2026-11-01', schemaVersion: 9, buildId: 'v3' };
      const id = (await promised(tx.objectStore('snapshots').add(m))) as number;
      m.gens.fill(id);
      tx.objectStore('snapshots').put(m, id);
      for (let i = 0; i < count; i++) tx.objectStore('chunks').put(old.slice(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE), [id, i]);
      tx.objectStore('meta').put({ current: id, previous: null }, 'pointer');
    }, 3, (db) => {
      db.createObjectStore('snapshots', { autoIncrement: true });
      db.createObjectStore('meta');
      db.createObjectStore('chunks');
      db.createObjectStore('damaged', { autoIncrement: true });
    });
    const s = await SnapshotStore.open(name);
    stores.push(s);
    const loaded = await s.load();
    expect(diff(await bytesOf(s, loaded.current?.id), old)).toBe(-1);
    const next = old.slice();
    next[2 * CHUNK_SIZE + 1] ^= 1;
    next[3 * CHUNK_SIZE + 1] ^= 1;
    expect(await s.save(record(next))).toEqual({ chunks: 2, bytes: 2 * CHUNK_SIZE, sources: 0, sourceBytes: 0 });
    const after = await s.load();
    expect(diff(await bytesOf(s, after.current?.id), next)).toBe(-1);
    expect(diff(await bytesOf(s, after.previous?.id), old)).toBe(-1);
    // Version 3's single chunks stay where either manifest lists them; the change is one run of two.
    expect(await chunkKeys(name)).toEqual(['1/0', '1/1', '1/2', '1/3', '1/4', '2/2'].sort());
    // A version 3 build must not open (and misread) this store.
    await expect(promised(indexedDB.open(name, 3))).rejects.toMatchObject({ name: 'VersionError' });
  });

  it('does not keep a whole run for the few chunks of it no later save rewrote: the store stays near two copies', async () => {
    const { s, name } = await fresh();
    const size = 3 * RUN_CHUNKS;
    let live = file(size, 11);
    await s.save(record(live));
    const stored = () => raw(name, ['chunks'], async (tx) => ((await promised(tx.objectStore('chunks').getAll())) as Uint8Array[]).reduce((n, v) => n + v.length, 0));
    // Each save rewrites every chunk but those frozen so far, then freezes a few more (as SQLite
    // pages that one save writes and later ones never touch): each save's runs keep one listed chunk.
    // Kept whole, every save left most of a file's worth of dead chunks behind.
    const frozen = new Set<number>();
    const sizes: number[] = [];
    for (let k = 1; k <= 10; k++) {
      live = live.slice();
      for (let c = 0; c <= size; c++) if (!frozen.has(c)) live[c * CHUNK_SIZE + (k % 97)] ^= 1 + k;
      await s.save(record(live));
      for (let c = k; c <= size; c += RUN_CHUNKS) frozen.add(c);
      sizes.push(await stored());
    }
    const { current, previous } = await s.load();
    expect(diff(await bytesOf(s, current?.id), live)).toBe(-1);
    expect(await s.read(previous!.id)).toMatchObject({ verified: true });
    // The current and the fallback file, and the few chunks still waiting to be copied forward.
    for (const bytes of sizes) expect(bytes).toBeLessThanOrEqual(2 * live.length + 8 * CHUNK_SIZE);
  });
});
