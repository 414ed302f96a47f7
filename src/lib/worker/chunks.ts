/**
 * The library file cut into fixed-size chunks, and which chunks a save has to write. Pure: the
 * IndexedDB side is snapshots.ts.
 *
 * SQLite rewrites only the pages a transaction touches, so between two saves most of the file is
 * byte-for-byte the same; a one-document import at 1,000 documents touches ~50 of its 16,500 4 KiB
 * pages, spread over the B-trees (bench/save.bench.ts). Chunks of 32 KiB keep that to ~1.5 MB at
 * 5,000 documents (a 336 MB file, 45 dirty chunks) while the file stays ~10,000 records (16 KiB:
 * 0.8 MB but twice the records to read at start-up; 1 MiB: 37 MB). A save hashes the chunks SQLite
 * wrote (liveFile.ts), or every chunk when it has the whole file, and writes those whose hash differs
 * from the one the last manifest recorded.
 */
export const CHUNK_SIZE = 32 * 1024;

/**
 * At most this many consecutive changed chunks share one IndexedDB record (2 MiB). Start-up reads
 * every record of the library, and in Chromium each costs far more than its bytes: ~2,100 records
 * of one chunk took ~1 s to read at 1,000 documents. A first save writes the file as a few dozen
 * runs; a small change still writes only its chunks (one short run each).
 */
export const RUN_CHUNKS = 64;

/** Hashes per chunk: two 32-bit lanes each, so a chunk is [2i, 2i + 1]. */
export type ChunkHashes = Uint32Array;

/**
 * Two independent 32-bit lanes over the chunk's 32-bit words (and its length and tail bytes): a
 * changed chunk goes unnoticed only when both lanes collide, about 2⁻⁶⁴ for a random change. Fast
 * enough to run over 200 MB in a few hundred ms: one multiply per lane and word, no allocation.
 */
export function hashChunks(bytes: Uint8Array, chunkSize = CHUNK_SIZE): ChunkHashes {
  const count = chunkCount(bytes.length, chunkSize);
  const out = new Uint32Array(count * 2);
  // A Uint32Array view needs a 4-aligned offset; sql.js's export starts at 0, but don't rely on it.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  for (let c = 0; c < count; c++) {
    const start = c * chunkSize;
    const end = Math.min(start + chunkSize, bytes.length);
    let h1 = 0x811c9dc5 ^ (end - start);
    let h2 = 0x9e3779b9 + (end - start);
    const lastWord = end >>> 2;
    for (let i = start >>> 2; i < lastWord; i++) {
      const w = words[i];
      h1 = Math.imul(h1 ^ w, 0x85ebca6b);
      h1 = (h1 << 13) | (h1 >>> 19);
      h2 = Math.imul(h2 + w, 0xc2b2ae35) ^ (h2 >>> 16);
    }
    for (let i = lastWord << 2; i < end; i++) {
      h1 = Math.imul(h1 ^ aligned[i], 0x85ebca6b);
      h2 = Math.imul(h2 + aligned[i], 0xc2b2ae35) ^ (h2 >>> 16);
    }
    out[2 * c] = h1 >>> 0;
    out[2 * c + 1] = h2 >>> 0;
  }
  return out;
}

export function chunkCount(length: number, chunkSize = CHUNK_SIZE): number {
  return Math.ceil(length / chunkSize);
}

export function chunkOf(bytes: Uint8Array, index: number, chunkSize = CHUNK_SIZE): Uint8Array {
  // slice, not subarray: IndexedDB would clone the whole underlying buffer of a view.
  return bytes.slice(index * chunkSize, (index + 1) * chunkSize);
}

/** The indices of the chunks of `next` that differ from `last` (all of them when there is no last). */
export function changedChunks(next: ChunkHashes, last: ChunkHashes | null): number[] {
  const out: number[] = [];
  for (let c = 0; c < next.length / 2; c++) {
    const same = last !== null && 2 * c + 1 < last.length && last[2 * c] === next[2 * c] && last[2 * c + 1] === next[2 * c + 1];
    if (!same) out.push(c);
  }
  return out;
}

/** `changed` (ascending chunk indices) as runs of consecutive chunks, [first, count], none longer than `max`. */
export function runsOf(changed: readonly number[], max = RUN_CHUNKS): [number, number][] {
  const out: [number, number][] = [];
  for (const i of changed) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i && last[1] < max) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}
