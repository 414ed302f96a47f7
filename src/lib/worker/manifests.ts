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
  /** Chunk i is the record [gens[i], i] of the chunks store. */
  gens: Uint32Array;
  /** hashChunks of the file: tells the next save which chunks changed, and a load which are damaged. */
  hashes: Uint32Array;
  savedAt: string;
  schemaVersion: number;
  buildId: string;
}

export type Stored = SnapshotRecord | Manifest;

/** A snapshot's bytes, or why they can't be put together (then it is damaged). */
export type SnapshotRead = { bytes: Uint8Array } | { damage: string };

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

/** Why a manifest can't describe a file, or null: records may be damaged like any bytes. */
export function manifestProblem(m: Manifest): string | null {
  const count = Number.isSafeInteger(m.length) && m.length >= 0 && m.chunkSize > 0 ? chunkCount(m.length, m.chunkSize) : -1;
  if (count < 0 || !(m.gens instanceof Uint32Array) || !(m.hashes instanceof Uint32Array) || m.gens.length !== count || m.hashes.length !== 2 * count) {
    return '保存清单已损坏';
  }
  return null;
}

export async function assemble(tx: IDBTransaction, rec: Stored): Promise<SnapshotRead> {
  if (!isManifest(rec)) return rec.bytes instanceof Uint8Array ? { bytes: rec.bytes } : { damage: '保存记录中没有数据' };
  const problem = manifestProblem(rec);
  if (problem) return { damage: problem };
  const out = new Uint8Array(rec.length);
  const parts = await fetchChunks(tx, rec);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const want = Math.min(rec.chunkSize, rec.length - i * rec.chunkSize);
    if (!(part instanceof Uint8Array)) return { damage: `缺少第 ${i + 1} 块数据（共 ${parts.length} 块）` };
    if (part.length !== want) return { damage: `第 ${i + 1} 块数据长度不对（${part.length} 字节，应为 ${want}）` };
    out.set(part, i * rec.chunkSize);
  }
  const hashes = hashChunks(out, rec.chunkSize);
  for (let i = 0; i < parts.length; i++) {
    if (hashes[2 * i] !== rec.hashes[2 * i] || hashes[2 * i + 1] !== rec.hashes[2 * i + 1]) return { damage: `第 ${i + 1} 块数据已损坏（校验不符）` };
  }
  return { bytes: out };
}

/**
 * The chunks a manifest lists, in order (undefined where one is missing). One getAll per generation
 * rather than one get per chunk: a 336 MB file is ~10,000 chunks, most written by its first save,
 * and each request costs a round trip to the browser's storage process.
 */
async function fetchChunks(tx: IDBTransaction, m: Manifest): Promise<unknown[]> {
  const chunks = tx.objectStore(CHUNKS);
  const parts: unknown[] = new Array(m.gens.length).fill(undefined);
  const gens = [...new Set(m.gens)];
  await Promise.all(gens.map(async (gen) => {
    const range = IDBKeyRange.bound([gen, 0], [gen, Number.MAX_SAFE_INTEGER]);
    const [keys, values] = await Promise.all([promised(chunks.getAllKeys(range)), promised(chunks.getAll(range))]);
    keys.forEach((key, k) => {
      const i = (key as number[])[1];
      // A generation's records may include chunks a later save replaced (listed by the fallback only).
      if (m.gens[i] === gen) parts[i] = values[k];
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

/** Deletes the chunks `dropped` lists that none of `kept` lists. */
export function release(chunks: IDBObjectStore, dropped: Manifest, kept: (Stored | undefined)[]): void {
  const others = kept.filter((k): k is Manifest => !!k && isManifest(k) && k.chunkSize === dropped.chunkSize && !manifestProblem(k));
  dropped.gens.forEach((gen, i) => {
    if (!others.some((k) => k.gens[i] === gen)) chunks.delete([gen, i]);
  });
}

/** Deletes every chunk that the manifests left in the pointer don't list (after a quarantine, rare). */
export async function sweep(tx: IDBTransaction, ids: (number | null)[]): Promise<void> {
  const live = new Set<string>();
  for (const id of ids) {
    const rec = id === null ? undefined : await getStored(tx, id);
    if (rec && isManifest(rec) && !manifestProblem(rec)) rec.gens.forEach((gen, i) => live.add(`${gen}/${i}`));
  }
  const chunks = tx.objectStore(CHUNKS);
  const keys = (await promised(chunks.getAllKeys())) as [number, number][];
  for (const key of keys) if (!live.has(`${key[0]}/${key[1]}`)) chunks.delete(key);
}
