import type { Database } from 'sql.js';
import { CHUNK_SIZE, chunkCount } from './chunks';
import type { LibraryFile } from './sqljs/sql-wasm-browser';

/** A save of only some chunks: what changed since the snapshot `base`, copied out of the live file. */
export interface ChunkedBody {
  length: number;
  /** The snapshot id the live file equalled, apart from `chunks`. */
  base: number;
  /** Chunk index → a copy of its bytes now: every chunk SQLite wrote since `base`, and the file's ends. */
  chunks: Map<number, Uint8Array>;
}

/** What a save hands the snapshot store: the whole file, or the chunks that may have changed. */
export type SnapshotBody = { bytes: Uint8Array } | ChunkedBody;

/**
 * Which chunks of the library file SQLite wrote since the last save, seen as it writes them (the
 * MEMFS node of scripts/sqljs-file.ts), so that a save reads, hashes and writes only those instead of
 * exporting and hashing the whole file (1.8 s of CPU at 5,000 documents).
 *
 * Conservative by design: every write is noted, also one a rolled-back transaction made (its bytes
 * may be back to what they were; the save's hash comparison finds that out), and the chunks holding
 * the old and the new end of the file are always looked at (a VACUUM or a removal may shrink it).
 * Until `base` is known — a library created here, a file imported, a merge whose result no snapshot
 * holds — a save takes the whole live file, and after a save the chunks it took are clean.
 */
export class LiveChunks {
  private dirty = new Set<number>();
  private base: { id: number; length: number } | null = null;
  private taken: { length: number; chunks: number[] | null } | null = null;

  constructor(private readonly file: LibraryFile) {
    file.watch((position, length) => {
      if (length <= 0) return;
      const last = Math.floor((position + length - 1) / CHUNK_SIZE);
      for (let c = Math.floor(position / CHUNK_SIZE); c <= last; c++) this.dirty.add(c);
    });
  }

  /** The live file was snapshot `id` (`length` bytes) when this tracker began; what SQLite wrote since is noted. */
  basedOn(id: number, length: number): void {
    this.base = { id, length };
  }

  /** What the next save should write, copied now: a save awaits, and SQLite may write meanwhile. */
  take(): SnapshotBody {
    const live = this.file.bytes();
    const base = this.base;
    if (!base) {
      this.taken = { length: live.length, chunks: null };
      this.dirty.clear();
      return { bytes: live.slice() };
    }
    const count = chunkCount(live.length);
    const wanted = new Set(this.dirty);
    // The chunks holding the old and the new end, and every chunk the old file did not have.
    if (base.length > 0) wanted.add(Math.floor((base.length - 1) / CHUNK_SIZE));
    if (live.length > 0) wanted.add(count - 1);
    for (let c = chunkCount(base.length); c < count; c++) wanted.add(c);
    const chunks = new Map<number, Uint8Array>();
    for (const c of [...wanted].sort((a, b) => a - b)) if (c < count) chunks.set(c, live.slice(c * CHUNK_SIZE, (c + 1) * CHUNK_SIZE));
    this.taken = { length: live.length, chunks: [...wanted] };
    this.dirty.clear();
    return { length: live.length, base: base.id, chunks };
  }

  /** The save of what `take` gave was written as snapshot `id` (null: it failed, so those chunks stay to do). */
  settled(id: number | null): void {
    const taken = this.taken;
    this.taken = null;
    if (!taken) return;
    if (id === null) {
      taken.chunks?.forEach((c) => this.dirty.add(c));
      if (!taken.chunks) this.base = null;
      return;
    }
    this.base = { id, length: taken.length };
  }

  /** A save found the store elsewhere than `base` (another tab's save, a quarantine): the next takes the whole file. */
  forget(): void {
    this.base = null;
  }

  close(): void {
    this.file.unwatch();
  }
}

/** The tracker for a database of an sql.js that exposes its files (null: plain sql.js, e.g. in tests: export). */
export function liveChunksOf(SQL: unknown, db: Database): LiveChunks | null {
  const open = (SQL as { libraryFile?: (name: string) => LibraryFile }).libraryFile;
  const name = (db as unknown as { filename?: string }).filename;
  return open && name ? new LiveChunks(open(name)) : null;
}
