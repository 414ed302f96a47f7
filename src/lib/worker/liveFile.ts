import type { Database } from 'sql.js';
import { CHUNK_SIZE, chunkCount } from './chunks';
import type { LibraryFile } from './sqljs/sql-wasm-browser';

/** A take copies for about this long, then lets the worker answer what came in meanwhile. */
export const SLICE_MS = 8;

/** A task boundary in a worker (and in Node): messages that came in run before it resolves. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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
  /** While a take copies in slices: copies a chunk a write is about to change before it lands. */
  private beforeWrite: ((first: number, last: number) => void) | null = null;

  constructor(private readonly file: LibraryFile) {
    file.watch((position, length) => {
      if (length <= 0) return;
      const first = Math.floor(position / CHUNK_SIZE);
      const last = Math.floor((position + length - 1) / CHUNK_SIZE);
      this.beforeWrite?.(first, last);
      for (let c = first; c <= last; c++) this.dirty.add(c);
    });
  }

  /** The live file was snapshot `id` (`length` bytes) when this tracker began; what SQLite wrote since is noted. */
  basedOn(id: number, length: number): void {
    this.base = { id, length };
  }

  /**
   * What the next save should write: the file as it is at this call. Which chunks is decided at
   * once (the caller reads its other state at the same moment); the copying is done in slices of
   * about SLICE_MS with `pause` between them, so that at 5,000 documents (~230 MB) requests are not
   * held a quarter of a second behind a save. A write that lands meanwhile first has the chunks it
   * touches copied as they were (the watch runs before the write). SQLite shrinks the file only by
   * truncating (VACUUM), which is not watched: when the file is found shorter than at the call,
   * the copy is abandoned and the file taken again in one step, as it is then.
   */
  take(pause: () => Promise<void> = nextTask, sliceMs = SLICE_MS): Promise<SnapshotBody> {
    const plan = this.plan();
    return this.copy(plan, pause, sliceMs).then((body) => body ?? this.copyNow(this.replan(plan)));
  }

  /** The whole take in one step (a caller with nothing to wait for). */
  takeNow(): SnapshotBody {
    return this.copyNow(this.plan());
  }

  private plan(): { length: number; wanted: number[]; whole: boolean } {
    const length = this.file.bytes().length;
    const count = chunkCount(length);
    const base = this.base;
    const dirty = this.dirty;
    this.dirty = new Set();
    if (!base) {
      this.taken = { length, chunks: null };
      return { length, wanted: Array.from({ length: count }, (_, c) => c), whole: true };
    }
    const wanted = dirty;
    // The chunks holding the old and the new end, and every chunk the old file did not have.
    if (base.length > 0) wanted.add(Math.floor((base.length - 1) / CHUNK_SIZE));
    if (length > 0) wanted.add(count - 1);
    for (let c = chunkCount(base.length); c < count; c++) wanted.add(c);
    const chunks = [...wanted].filter((c) => c < count).sort((a, b) => a - b);
    this.taken = { length, chunks: [...wanted] };
    return { length, wanted: chunks, whole: false };
  }

  /** A copy abandoned: what it would have saved is still to do, with whatever was written since. */
  private replan(old: { wanted: number[]; whole: boolean }): { length: number; wanted: number[]; whole: boolean } {
    if (old.whole) this.base = null;
    for (const c of old.wanted) this.dirty.add(c);
    return this.plan();
  }

  private copyNow(plan: { length: number; wanted: number[]; whole: boolean }): SnapshotBody {
    const live = this.file.bytes();
    if (plan.whole) return { bytes: live.slice(0, plan.length) };
    const chunks = new Map<number, Uint8Array>();
    for (const c of plan.wanted) chunks.set(c, live.slice(c * CHUNK_SIZE, Math.min((c + 1) * CHUNK_SIZE, plan.length)));
    return { length: plan.length, base: this.base!.id, chunks };
  }

  /** The sliced copy; null when the file shrank under it. */
  private async copy(plan: { length: number; wanted: number[]; whole: boolean }, pause: () => Promise<void>, sliceMs: number): Promise<SnapshotBody | null> {
    const { length, wanted, whole } = plan;
    const baseId = this.base?.id ?? 0;
    const out = whole ? new Uint8Array(length) : null;
    const chunks = new Map<number, Uint8Array>();
    const done = new Uint8Array(chunkCount(length));
    let shrunk = false;
    const copyChunk = (c: number): void => {
      if (done[c]) return;
      done[c] = 1;
      const live = this.file.bytes();
      if (live.length < length) {
        shrunk = true;
        return;
      }
      const start = c * CHUNK_SIZE;
      const end = Math.min(start + CHUNK_SIZE, length);
      if (out) out.set(live.subarray(start, end), start);
      else chunks.set(c, live.slice(start, end));
    };
    const want = whole ? null : new Set(wanted);
    this.beforeWrite = (first, last) => {
      // Also a write to chunks already copied: one that regrows a truncated file would zero-fill the rest.
      if (this.file.bytes().length < length) shrunk = true;
      for (let c = first; c <= last && c < done.length; c++) if (!want || want.has(c)) copyChunk(c);
    };
    try {
      let since = performance.now();
      for (const c of wanted) {
        if (shrunk) return null;
        copyChunk(c);
        if (performance.now() - since < sliceMs) continue;
        await pause();
        since = performance.now();
      }
    } finally {
      this.beforeWrite = null;
    }
    if (shrunk || this.file.bytes().length < length) return null;
    return out ? { bytes: out } : { length, base: baseId, chunks };
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
