import { CHUNK_SIZE, changedChunks, chunkCount, hashChunks } from './chunks';
import { nextTask, SLICE_MS, type SnapshotBody } from './liveFile';

/** Chunks hashed between two looks at the clock (1 MiB). */
const HASH_STEP = 32;
import type { Manifest } from './manifests';

/**
 * What a save writes, worked out in two steps around the snapshot store's transaction (pure): the
 * hashes of what it was given, before (a transaction with no request pending at a task's end
 * commits, so no long work inside it), then, against the current manifest read inside it, the new
 * file's hashes and the chunks whose hash differs.
 */
export interface Hashed {
  length: number;
  /** The bytes of chunk i (only asked for chunks the save was given). */
  chunk(i: number): Uint8Array;
  /** Whole file: every chunk's hashes. Chunks: only the given ones', and the snapshot they are based on. */
  whole: Uint32Array | null;
  given: [number, Uint32Array][] | null;
  base: number | null;
}

export async function hashBody(body: SnapshotBody, pause: () => Promise<void> = nextTask, sliceMs = SLICE_MS): Promise<Hashed> {
  // In slices, like the take: hashing 230 MB is a few hundred ms, and the body is a copy already.
  let since = performance.now();
  const breathe = async () => {
    if (performance.now() - since < sliceMs) return;
    await pause();
    since = performance.now();
  };
  if ('bytes' in body) {
    const bytes = body.bytes;
    const count = chunkCount(bytes.length);
    const whole = new Uint32Array(2 * count);
    for (let c = 0; c < count; c += HASH_STEP) {
      const end = Math.min(count, c + HASH_STEP);
      whole.set(hashChunks(bytes.subarray(c * CHUNK_SIZE, end * CHUNK_SIZE)), 2 * c);
      await breathe();
    }
    return { length: bytes.length, chunk: (i) => bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE), whole, given: null, base: null };
  }
  const given: [number, Uint32Array][] = [];
  for (const [i, bytes] of [...body.chunks].sort((a, b) => a[0] - b[0])) {
    given.push([i, hashChunks(bytes)]);
    await breathe();
  }
  return { length: body.length, chunk: (i) => body.chunks.get(i)!, whole: null, given, base: body.base };
}

/** The new file's hashes and the chunks to write; null when given chunks have no usable base (the caller saves the whole file). */
export function planSave(h: Hashed, base: Manifest | null, currentId: number | null): { hashes: Uint32Array; changed: number[] } | null {
  if (h.whole) return { hashes: h.whole, changed: changedChunks(h.whole, base?.hashes ?? null) };
  if (!base || currentId !== h.base) return null;
  // Only the given chunks can differ from the base: the others are the base's, hashes and all.
  const count = chunkCount(h.length);
  const hashes = new Uint32Array(2 * count);
  hashes.set(base.hashes.subarray(0, Math.min(2 * count, base.hashes.length)));
  const changed: number[] = [];
  for (const [i, hash] of h.given!) {
    if (i >= count) continue;
    const same = i < base.gens.length && base.hashes[2 * i] === hash[0] && base.hashes[2 * i + 1] === hash[1];
    hashes.set(hash, 2 * i);
    if (!same) changed.push(i);
  }
  return { hashes, changed };
}

/**
 * Chunks to copy forward into this save so that records mostly superseded can go: a record (a run
 * one save wrote) stays in the store while any manifest lists one of its chunks, so a library whose
 * saves rewrite most of a run but not all of it kept whole runs for a chunk or two each — without
 * bound, a copy of the file for every such save. Each record that the new manifest would list for
 * fewer than half of its chunks (and wastes at least MIN_WASTE) has those chunks written again here (the emptiest records first,
 * at most `limit` chunks a save, so a one-document save stays small); the record is deleted once the
 * manifests that list it are gone (two saves later). `skip`: the chunks this save writes anyway.
 */
/** A record is worth copying out of when at least this many of its chunks (512 KiB) are dead. */
const MIN_WASTE = 16;

export function sparseRecords(m: Pick<Manifest, 'gens' | 'firsts' | 'sizes'>, count: number, skip: ReadonlySet<number>, limit: number): number[] {
  const records = new Map<number, { live: number[]; size: number }>();
  for (let i = 0; i < Math.min(count, m.gens.length); i++) {
    if (skip.has(i)) continue;
    const first = m.firsts ? m.firsts[i] : i;
    // A record's key from its generation and first chunk (first < 2^20 chunks: a 32 GiB file).
    const key = m.gens[i] * 1_048_576 + first;
    let r = records.get(key);
    if (!r) records.set(key, (r = { live: [], size: 0 }));
    r.live.push(i);
    r.size = Math.max(r.size, m.sizes?.[i] || 0, i - first + 1);
  }
  const sparse = [...records.values()].filter((r) => r.live.length * 2 < r.size && r.size - r.live.length >= MIN_WASTE).sort((a, b) => a.live.length / a.size - b.live.length / b.size);
  const out: number[] = [];
  for (const r of sparse) {
    if (out.length + r.live.length > limit) break;
    out.push(...r.live);
  }
  return out.sort((a, b) => a - b);
}
