import { chunkCount, hashChunks } from './chunks';

/**
 * The records of the snapshot store (snapshots.ts) and what is done with them outside a save:
 * checking a manifest, putting a file back together from its chunks, salvaging a damaged one, and
 * deleting chunks no manifest lists.
 */
export const SNAPSHOTS = 'snapshots';
export const CHUNKS = 'chunks';

/** What a save hands over: the whole file and what it was written by. */
export interface SnapshotRecord {
  bytes: Uint8Array;
  savedAt: string;
  schemaVersion: number;
  buildId: string;
}

/** A save since version 3: the chunks that make up the file, where each lives, and their hashes. */
export interface Manifest {
  length: number;
  chunkSize: number;
  /** Chunk i lives in the record [gens[i], firsts[i]] of the chunks store. */
  gens: Uint32Array;
  /**
   * Since version 4: the first chunk of that record, which holds chunks firsts[i], firsts[i] + 1, …
   * back to back (a run written by one save). Version 3 wrote one record per chunk: absent, firsts[i] = i.
   */
  firsts?: Uint32Array;
  /**
   * Since the compacting saves: how many chunks the record holding chunk i was written with, so a
   * save can tell how much of a record no manifest needs any more (savePlan.ts sparseRecords).
   * Absent (older saves) or 0: unknown, judged by the chunks still listed.
   */
  sizes?: Uint32Array;
  /** hashChunks of the file: tells the next save which chunks changed, and a load which are damaged. */
  hashes: Uint32Array;
  savedAt: string;
  schemaVersion: number;
  buildId: string;
}

export type Stored = SnapshotRecord | Manifest;

/** A snapshot's bytes, or why they can't be put together (then it is damaged). */
/** `verified`: every chunk matched the hash its save recorded (version 2's records have no hashes). */
export type SnapshotRead = { bytes: Uint8Array; verified: boolean } | { damage: string };

export function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error);
  });
}

export function isManifest(rec: Stored): rec is Manifest {
  return 'gens' in rec;
}

export async function getStored(tx: IDBTransaction, id: number): Promise<Stored | undefined> {
  return (await promised(tx.objectStore(SNAPSHOTS).get(id))) as Stored | undefined;
}

/** The record that holds chunk i: its first chunk (version 3's manifests: every chunk its own record). */
export function firstOf(m: Manifest, i: number): number {
  return m.firsts ? m.firsts[i] : i;
}

/** The records a manifest lists, as "generation/first" keys. */
export function recordsOf(m: Manifest): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < m.gens.length; i++) out.add(`${m.gens[i]}/${firstOf(m, i)}`);
  return out;
}

/** Why a manifest can't describe a file, or null: records may be damaged like any bytes. */
export function manifestProblem(m: Manifest): string | null {
  const count = Number.isSafeInteger(m.length) && m.length >= 0 && m.chunkSize > 0 ? chunkCount(m.length, m.chunkSize) : -1;
  if (count < 0 || !(m.gens instanceof Uint32Array) || !(m.hashes instanceof Uint32Array) || m.gens.length !== count || m.hashes.length !== 2 * count
    || (m.firsts !== undefined && (!(m.firsts instanceof Uint32Array) || m.firsts.length !== count || m.firsts.some((f, i) => f > i)))
    || (m.sizes !== undefined && (!(m.sizes instanceof Uint32Array) || m.sizes.length !== count))) {
    return '保存清单已损坏';
  }
  return null;
}

export async function assemble(tx: IDBTransaction, rec: Stored): Promise<SnapshotRead> {
  if (!isManifest(rec)) return rec.bytes instanceof Uint8Array ? { bytes: rec.bytes, verified: false } : { damage: '保存记录中没有数据' };
  const problem = manifestProblem(rec);
  if (problem) return { damage: problem };
  const out = new Uint8Array(rec.length);
  const parts = await fetchChunks(tx, rec);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const want = Math.min(rec.chunkSize, rec.length - i * rec.chunkSize);
    if (part === undefined) return { damage: `缺少第 ${i + 1} 块数据（共 ${parts.length} 块）` };
    if (part.length !== want) return { damage: `第 ${i + 1} 块数据长度不对（${part.length} 字节，应为 ${want}）` };
    out.set(part, i * rec.chunkSize);
  }
  const hashes = hashChunks(out, rec.chunkSize);
  for (let i = 0; i < parts.length; i++) {
    if (hashes[2 * i] !== rec.hashes[2 * i] || hashes[2 * i + 1] !== rec.hashes[2 * i + 1]) return { damage: `第 ${i + 1} 块数据已损坏（校验不符）` };
  }
  return { bytes: out, verified: true };
}

/**
 * The chunks a manifest lists, in order (undefined where one is missing). One getAll per generation
 * rather than one get per record: each request costs a round trip to the browser's storage process.
 * A record [gen, first] holds chunks first, first + 1, … back to back; a chunk is taken from it only
 * where the manifest says that is where the chunk lives (the record may also hold chunks a later save
 * replaced, listed by the fallback only).
 */
async function fetchChunks(tx: IDBTransaction, m: Manifest): Promise<(Uint8Array | undefined)[]> {
  const chunks = tx.objectStore(CHUNKS);
  const parts: (Uint8Array | undefined)[] = new Array(m.gens.length).fill(undefined);
  const gens = [...new Set(m.gens)];
  await Promise.all(gens.map(async (gen) => {
    const range = IDBKeyRange.bound([gen, 0], [gen, Number.MAX_SAFE_INTEGER]);
    const [keys, values] = await Promise.all([promised(chunks.getAllKeys(range)), promised(chunks.getAll(range))]);
    keys.forEach((key, k) => {
      const first = (key as number[])[1];
      const value = values[k];
      if (!(value instanceof Uint8Array)) return;
      for (let i = first, at = 0; i < m.gens.length && at < value.length; i++, at += m.chunkSize) {
        if (m.gens[i] === gen && firstOf(m, i) === first) parts[i] = value.subarray(at, Math.min(value.length, at + m.chunkSize));
      }
    });
  }));
  return parts;
}

/** A damaged manifest's file as far as its chunks still hold it (missing ones left as zeros), for the user to keep. */
export async function salvage(tx: IDBTransaction, m: Manifest): Promise<Uint8Array> {
  if (manifestProblem(m)) return new Uint8Array(0);
  const out = new Uint8Array(m.length);
  const parts = await fetchChunks(tx, m);
  parts.forEach((part, i) => {
    if (part instanceof Uint8Array) out.set(part.subarray(0, Math.max(0, Math.min(part.length, m.length - i * m.chunkSize))), i * m.chunkSize);
  });
  return out;
}

/** Deletes the records `dropped` lists that none of `kept` lists (a run stays while any of its chunks is listed). */
export function release(chunks: IDBObjectStore, dropped: Manifest, kept: (Stored | undefined)[]): void {
  const live = new Set<string>();
  for (const k of kept) if (k && isManifest(k) && k.chunkSize === dropped.chunkSize && !manifestProblem(k)) recordsOf(k).forEach((r) => live.add(r));
  for (const r of recordsOf(dropped)) if (!live.has(r)) chunks.delete(r.split('/').map(Number));
}

/** Deletes every record that the manifests left in the pointer don't list (after a quarantine, rare). */
export async function sweep(tx: IDBTransaction, ids: (number | null)[]): Promise<void> {
  const live = new Set<string>();
  for (const id of ids) {
    const rec = id === null ? undefined : await getStored(tx, id);
    if (rec && isManifest(rec) && !manifestProblem(rec)) recordsOf(rec).forEach((r) => live.add(r));
  }
  const chunks = tx.objectStore(CHUNKS);
  const keys = (await promised(chunks.getAllKeys())) as [number, number][];
  for (const key of keys) if (!live.has(`${key[0]}/${key[1]}`)) chunks.delete(key);
}

/**
 * The bytes of chunks `picks` (savePlan.ts sparseRecords) read from the records that hold them, to
 * be written again by a save; each is checked against the manifest's hash first (a chunk that does
 * not match is left where it is: a load will find it).
 */
export async function copyForward(chunks: IDBObjectStore, m: Manifest, count: number, picks: readonly number[]): Promise<Map<number, Uint8Array>> {
  const out = new Map<number, Uint8Array>();
  const byRecord = new Map<string, number[]>();
  for (const i of picks) {
    if (i >= count) continue;
    const key = `${m.gens[i]}/${firstOf(m, i)}`;
    const list = byRecord.get(key);
    if (list) list.push(i);
    else byRecord.set(key, [i]);
  }
  for (const [key, list] of byRecord) {
    const [gen, first] = key.split('/').map(Number);
    const value = await promised(chunks.get([gen, first]));
    if (!(value instanceof Uint8Array)) continue;
    for (const i of list) {
      const bytes = value.slice((i - first) * m.chunkSize, (i - first + 1) * m.chunkSize);
      const hash = hashChunks(bytes, m.chunkSize);
      if (bytes.length === Math.min(m.chunkSize, m.length - i * m.chunkSize) && hash[0] === m.hashes[2 * i] && hash[1] === m.hashes[2 * i + 1]) out.set(i, bytes);
    }
  }
  return out;
}
