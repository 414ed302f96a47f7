import type { Database } from 'sql.js';
import { allReferenced, referenced, type SourceKeeper, type SourceRecord } from '../db/sources';
import { promised } from './manifests';

/**
 * The files documents were read from (db/sources.ts), kept in IndexedDB's `sources` store beside the
 * snapshots instead of inside the SQLite file (issue 17). A file is held in memory from its import
 * until a save has written it, in the same transaction as the snapshot whose documents read from it;
 * a file no document reads from any more is deleted by the save whose snapshot no longer lists one.
 * So the snapshot and the files it needs are stored together or not at all, as the library always
 * was. The fallback snapshot (the one before) may list a document removed since: its file is gone,
 * and the source view says the source is not kept.
 */
export interface SourceWrite {
  /** Content hash → its record, written (replacing any under that key). */
  put: Map<string, SourceRecord>;
  /** Hashes no document of the saved library reads from. */
  remove: string[];
  /** Every hash the saved library's documents read from: anything else in the store is deleted (a sweep), or null. */
  keep: Set<string> | null;
}

export class KeptSources implements SourceKeeper {
  private readonly pending = new Map<string, SourceRecord>();
  private readonly doomed = new Set<string>();
  /** Look through the whole store at the next save: a session's first, and after the library was replaced. */
  private sweep = true;
  /** The last record read from the store: the source view asks for lines of one document again and again. */
  private last: { hash: string; record: SourceRecord | null } | null = null;

  constructor(private readonly read: (hash: string) => Promise<SourceRecord | undefined>) {}

  put(hash: string, record: SourceRecord): void {
    this.pending.set(hash, record);
    this.doomed.delete(hash);
    if (this.last?.hash === hash) this.last = null;
  }

  release(hash: string): void {
    this.pending.delete(hash);
    this.doomed.add(hash);
    if (this.last?.hash === hash) this.last = null;
  }

  held(hash: string): SourceRecord | undefined {
    return this.pending.get(hash);
  }

  async get(hash: string): Promise<SourceRecord | null> {
    const held = this.pending.get(hash);
    if (held) return held;
    if (this.last?.hash === hash) return this.last.record;
    const record = (await this.read(hash)) ?? null;
    // A put or release while the store was read decides instead.
    if (this.pending.has(hash)) return this.pending.get(hash)!;
    if (this.doomed.has(hash)) return null;
    this.last = { hash, record };
    return record;
  }

  /** The library was replaced (a file opened, another tab's saved library merged into): the next save sweeps. */
  sweepNext(): void {
    this.sweep = true;
  }

  /** Held in memory, not yet written (for tests and benchmarks). */
  get unsaved(): number {
    return this.pending.size;
  }

  /** What the next save of the library `db` writes, decided now, as its chunks are copied. */
  take(db: Database): SourceWrite {
    const held = referenced(db, [...this.pending.keys(), ...this.doomed]);
    const put = new Map([...this.pending].filter(([hash]) => held.has(hash)));
    const remove = [...this.doomed].filter((hash) => !held.has(hash));
    return { put, remove, keep: this.sweep ? allReferenced(db) : null };
  }

  /** That save was written: what it wrote is in the store now (a record put again since stays to do). */
  settled(write: SourceWrite): void {
    for (const [hash, record] of write.put) if (this.pending.get(hash) === record) this.pending.delete(hash);
    for (const hash of write.remove) this.doomed.delete(hash);
    if (write.keep) this.sweep = false;
  }
}

/** A save's part in the `sources` store, inside the save's transaction. Returns the bytes it wrote. */
export async function writeSources(store: IDBObjectStore, write: SourceWrite): Promise<number> {
  let bytes = 0;
  for (const [hash, record] of write.put) {
    store.put(record, hash);
    bytes += (record.text?.length ?? 0) * 2 + (record.pdf?.length ?? 0);
  }
  for (const hash of write.remove) store.delete(hash);
  if (write.keep) {
    for (const key of (await promised(store.getAllKeys())) as string[]) if (!write.keep.has(key) && !write.put.has(key)) store.delete(key);
  }
  return bytes;
}
