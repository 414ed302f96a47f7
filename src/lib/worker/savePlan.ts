import { CHUNK_SIZE, changedChunks, chunkCount, hashChunks } from './chunks';
import type { SnapshotBody } from './liveFile';
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

export function hashBody(body: SnapshotBody): Hashed {
  if ('bytes' in body) {
    const bytes = body.bytes;
    return { length: bytes.length, chunk: (i) => bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE), whole: hashChunks(bytes), given: null, base: null };
  }
  const given = [...body.chunks].sort((a, b) => a[0] - b[0]).map(([i, bytes]) => [i, hashChunks(bytes)] as [number, Uint32Array]);
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
