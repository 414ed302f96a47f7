import type { Database, SqlJsStatic } from 'sql.js';
import { all, list, run, sql } from './sql';

/**
 * The files documents were read from — a disclosure's decoded text (source lines beside a figure)
 * and a PDF's bytes (the page view) — kept beside the library, not in its SQLite file (issue 17).
 * They were a quarter of the file at 5,000 documents: held in the wasm heap, walked by every save's
 * chunk comparison and written again whenever SQLite moved their pages. A file is written once,
 * keyed by its content hash (the documents read from one file share it), and is never changed.
 *
 * Where they live is the keeper's business: in memory (`MemorySources`: Node, tests, a link's
 * temporary data), or in IndexedDB beside the snapshots, written in the same transaction as the
 * snapshot that first lists a document of the file (worker/sourceFiles.ts): never a library whose
 * documents lack their files, never a file kept for a document the saved library no longer has.
 */
export interface SourceRecord {
  text?: string;
  pdf?: Uint8Array;
}

export interface SourceKeeper {
  /** A document read from this file is in the library now (a later put for a hash replaces the record whole). */
  put(hash: string, record: SourceRecord): void;
  /** No document is read from this file any more. */
  release(hash: string): void;
  /** The record, where one is kept (null: never kept, or lost with a damaged store). */
  get(hash: string): Promise<SourceRecord | null>;
  /** The record if it is in memory now (a merge between two libraries of one worker copies only those). */
  held(hash: string): SourceRecord | undefined;
}

export class MemorySources implements SourceKeeper {
  private readonly records = new Map<string, SourceRecord>();

  put(hash: string, record: SourceRecord): void {
    this.records.set(hash, record);
  }

  release(hash: string): void {
    this.records.delete(hash);
  }

  get(hash: string): Promise<SourceRecord | null> {
    return Promise.resolve(this.records.get(hash) ?? null);
  }

  held(hash: string): SourceRecord | undefined {
    return this.records.get(hash);
  }

  get size(): number {
    return this.records.size;
  }
}

type SourceOp = { hash: string; record: SourceRecord | null };

/**
 * What a library's transactions did to its files, given to the keeper only when the outermost
 * transaction commits, and then by what the library holds at that moment: a put is kept while a
 * document still reads from the hash, a release only when none does. A put in a transaction that
 * rolled back is dropped; a document removed and added back under the same hash in one
 * transaction (a claim replaced by the real file, a merge) keeps its file.
 */
export class SourceJournal {
  private ops: SourceOp[] = [];

  constructor(public keeper: SourceKeeper) {}

  put(hash: string, record: SourceRecord): void {
    this.ops.push({ hash, record });
  }

  release(hash: string): void {
    this.ops.push({ hash, record: null });
  }

  /** Where a (nested) transaction begins: rolling back to it drops what it journaled. */
  mark(): number {
    return this.ops.length;
  }

  rollback(mark: number): void {
    this.ops.length = mark;
  }

  commit(db: Database): void {
    if (!this.ops.length) return;
    const last = new Map<string, SourceRecord | null>();
    for (const op of this.ops) last.set(op.hash, op.record ?? last.get(op.hash) ?? null);
    const released = new Set(this.ops.filter((op) => op.record === null).map((op) => op.hash));
    this.ops = [];
    const held = referenced(db, [...last.keys()]);
    for (const [hash, record] of last) {
      if (held.has(hash)) {
        if (record) this.keeper.put(hash, record);
      } else if (released.has(hash) || record) {
        this.keeper.release(hash);
      }
    }
  }
}

/** Which of `hashes` some document of `db` was read from (its own file, or another: doc_file). */
export function referenced(db: Database, hashes: readonly string[]): Set<string> {
  const out = new Set<string>();
  // Bound in slices: SQLite allows at most 32,766 parameters per statement.
  for (let i = 0; i < hashes.length; i += 500) {
    const part = hashes.slice(i, i + 500);
    for (const r of all<{ h: string }>(db, sql`SELECT content_hash AS h FROM document WHERE content_hash IN (${list(part)})
      UNION SELECT content_hash AS h FROM doc_file WHERE content_hash IN (${list(part)})`)) out.add(r.h);
  }
  return out;
}

/** The content hashes of every file a document of `db` was read from. */
export function allReferenced(db: Database): Set<string> {
  return new Set(all<{ h: string }>(db, sql`SELECT content_hash AS h FROM document UNION SELECT content_hash AS h FROM doc_file`).map((r) => r.h));
}

/**
 * Files kept in the SQLite file itself — by a build before this one, in a library file downloaded
 * (`withSourceTables`), or in one from outside — moved to the keeper and deleted from the tables.
 * Returns how many files moved.
 */
export function moveSourcesOut(db: Database, journal: SourceJournal): number {
  const records = new Map<string, SourceRecord>();
  for (const r of all<{ h: string; t: string }>(db, sql`SELECT content_hash AS h, text AS t FROM source_text`)) records.set(r.h, { text: r.t });
  for (const r of all<{ h: string; b: Uint8Array }>(db, sql`SELECT content_hash AS h, bytes AS b FROM source_blob`)) {
    records.set(r.h, { ...records.get(r.h), pdf: r.b });
  }
  if (!records.size) return 0;
  for (const [hash, record] of records) journal.put(hash, record);
  run(db, sql`DELETE FROM source_text`);
  run(db, sql`DELETE FROM source_blob`);
  return records.size;
}

/**
 * The library file for a download: `bytes` (the exported file) with every file its documents were
 * read from written back into its source tables, so that the file is whole on its own and opens
 * anywhere, by this build (moved out again) or by an older one (which reads the tables).
 */
export async function withSourceTables(SQL: SqlJsStatic, bytes: Uint8Array, hashes: Iterable<string>, keeper: SourceKeeper): Promise<Uint8Array> {
  const copy = new SQL.Database(bytes);
  try {
    for (const hash of hashes) {
      const record = await keeper.get(hash);
      if (record?.text !== undefined) run(copy, sql`INSERT OR REPLACE INTO source_text (content_hash, text) VALUES (${hash}, ${record.text})`);
      if (record?.pdf !== undefined) run(copy, sql`INSERT OR REPLACE INTO source_blob (content_hash, bytes) VALUES (${hash}, ${record.pdf})`);
    }
    return copy.export();
  } finally {
    copy.close();
  }
}

/** The library as a file to download or to open elsewhere: whole, with its documents' files inside. */
export function libraryFile(SQL: SqlJsStatic, lib: { export(): Uint8Array; readonly db: Database; readonly sources: SourceKeeper }): Promise<Uint8Array> {
  return withSourceTables(SQL, lib.export(), allReferenced(lib.db), lib.sources);
}
