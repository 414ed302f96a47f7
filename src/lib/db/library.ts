import type { Database, SqlJsStatic } from 'sql.js';
import type { RawTable, StoredDocument } from '../model/document';
import type { Scope, Stage } from '../model/keys';
import { ensureCompared } from './compared';
import { documentList, ensureCounted } from './counts';
import { documentListSince, type DocumentListAnswer, type ListCursor } from './listChanges';
import { all, list, one, run, sql } from './sql';
import { MIGRATIONS, SCHEMA_VERSION } from './schema';
import { compareReads, type CompareReads } from './compareReads';
import { schemaProblem } from './schemaCheck';
import { insertContent } from './content';
import { MemorySources, moveSourcesOut, SourceJournal, type SourceKeeper, type SourceRecord } from './sources';
import { figureRows, rawTableRows, warningRows, type DocumentSummary, type FigureRow, type SourceKind, type WarningRow } from './rows';
import { NewerSchemaError, SnapshotError } from './openErrors';
import { Transactions } from './transactions';

export type { DocumentSummary, FigureRow, SourceKind, WarningRow } from './rows';
export type { DocumentListAnswer, ListCursor } from './listChanges';

export { NewerSchemaError, SnapshotError } from './openErrors';

/**
 * The library database: sql.js plus our schema. Pure sql.js (no worker, no IndexedDB), so the same
 * class runs in the database worker and in Node tests. Close it when done: sql.js memory lives in
 * the wasm heap and is not garbage-collected.
 */
export class LibraryDb {
  /** What this library's transactions did to the files its documents were read from (db/sources.ts). */
  private readonly journal: SourceJournal;
  private readonly tx: Transactions;
  /** How many files a build before this one had kept inside the file, moved out on opening it (db/sources.ts). */
  movedSources = 0;

  private constructor(readonly db: Database, sources: SourceKeeper = new MemorySources()) {
    LibraryDb.configure(db);
    this.journal = new SourceJournal(sources);
    this.tx = new Transactions(db, this.journal);
  }

  /** Where the files documents were read from are kept (in memory unless the opener gave a keeper). */
  get sources(): SourceKeeper {
    return this.journal.keeper;
  }

  /**
   * sql.js keeps the database in an in-memory file, so durability pragmas buy nothing (snapshots
   * give durability); a rollback journal in memory still makes every import all-or-nothing. A
   * larger page cache halves bulk-insert time once the library outgrows the 2 MB default.
   */
  private static configure(db: Database): void {
    db.exec('PRAGMA foreign_keys = ON; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;');
  }

  /** A new, empty library at the current schema version (or an older one, to copy a file of that version into: foreign.ts). */
  static create(SQL: SqlJsStatic, version = SCHEMA_VERSION, sources?: SourceKeeper): LibraryDb {
    const lib = new LibraryDb(new SQL.Database(), sources);
    lib.migrate(version);
    return lib;
  }

  /**
   * Opens a saved snapshot of ours (a file from outside goes through foreign.ts instead). Throws
   * SnapshotError, and closes what it opened, when the bytes are not a SQLite database, fail
   * integrity_check, come from a newer schema than this build knows, or lack our schema.
   *
   * `verified`: the bytes are known to be exactly a file this app saved from a working library (every
   * chunk matched the hash its save recorded). Damage on disk is then already ruled out, and more
   * finely than integrity_check could (it checks the B-trees, not the figures in them), and the
   * schema is ours: both checks are skipped. At 1,000 documents in Chromium they were most of
   * start-up: integrity_check 0.4–0.7 s, the schema comparison ~0.2 s (bench/README.md, 「启动」).
   * Version 2's whole-file records had no hashes and are still checked, as is the schema version.
   *
   * `created`: called with the database before anything else runs on it, while its file is still
   * exactly `bytes` (the worker starts noting SQLite's writes there: worker/liveFile.ts).
   *
   * `sources`: where the files its documents were read from are kept; files an older build kept
   * inside the file are moved there (`movedSources` says how many: the caller saves the change).
   */
  static open(SQL: SqlJsStatic, bytes: Uint8Array, { verified = false, created, sources }: { verified?: boolean; created?: (db: Database) => void; sources?: SourceKeeper } = {}): LibraryDb {
    let db: Database;
    try {
      db = new SQL.Database(bytes);
    } catch {
      throw new SnapshotError('不是有效的 SQLite 数据库文件');
    }
    try {
      created?.(db);
      if (!verified) {
        const check = db.exec('PRAGMA integrity_check');
        const verdict = check[0]?.values[0]?.[0];
        if (verdict !== 'ok') throw new SnapshotError(`数据库完整性检查未通过（${String(verdict)}）`);
      }
      const version = Number(db.exec('PRAGMA user_version')[0].values[0][0]);
      if (version > SCHEMA_VERSION) throw new NewerSchemaError(version);
      if (version === 0 && !isEmptyDatabase(db)) {
        throw new SnapshotError('这不是预算透镜的资料库（缺少版本标记）');
      }
      const problem = verified ? null : schemaProblem(SQL, db, version);
      if (problem) throw new SnapshotError(`资料库的结构不完整：${problem}`);
      const lib = new LibraryDb(db, sources);
      lib.migrate();
      lib.moveSourcesOut();
      return lib;
    } catch (e) {
      db.close();
      if (e instanceof SnapshotError) throw e;
      throw new SnapshotError(`无法读取数据库：${(e as Error).message}`);
    }
  }

  get version(): number {
    return Number(this.db.exec('PRAGMA user_version')[0].values[0][0]);
  }

  /** What the comparisons read of this library (compare/source.ts). */
  get compare(): CompareReads {
    return compareReads(this.db);
  }

  migrate(to = SCHEMA_VERSION): void {
    for (let v = this.version; v < to; v++) {
      this.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        // PRAGMA takes no bound parameters; v + 1 is our own integer, never user input.
        this.db.exec(`PRAGMA user_version = ${v + 1}`);
      });
    }
    // After a migration that added or emptied it, or rows copied in from a file (foreign.ts).
    if (this.version === SCHEMA_VERSION) {
      this.transaction(() => {
        ensureCompared(this.db);
        ensureCounted(this.db);
      });
    }
  }

  /** All of `fn` or nothing (db/transactions.ts): a savepoint, so that a transaction may hold others (imports.ts replaces and adds in one). */
  transaction<T>(fn: () => T): T {
    return this.tx.run(fn);
  }

  /** The next imports share one transaction until endBurst (db/transactions.ts). */
  beginBurst(): void {
    this.tx.beginBurst();
  }

  endBurst(): void {
    this.tx.endBurst();
  }

  /**
   * Files kept inside the file by an older build (or in a downloaded library file) go to the keeper.
   * Then VACUUM, once: deleted rows leave their bytes in free pages, and the file would keep its size.
   */
  moveSourcesOut(): void {
    const moved = this.transaction(() => moveSourcesOut(this.db, this.journal));
    if (moved) this.db.exec('VACUUM');
    this.movedSources += moved;
  }

  hasContent(contentHash: string): boolean {
    return one(this.db, sql`SELECT 1 AS x FROM document WHERE content_hash = ${contentHash} LIMIT 1`) !== undefined;
  }

  hasDocument(docId: string): boolean {
    return one(this.db, sql`SELECT 1 AS x FROM document WHERE doc_id = ${docId}`) !== undefined;
  }

  /** Inserts documents in one transaction: all of them or, on any error, none. Existing ids are skipped. */
  addDocuments(docs: readonly StoredDocument[], sourceKind: SourceKind, contentHash: string, sourceText?: string, now = new Date(), sourceBytes?: Uint8Array): { added: string[]; skipped: string[] } {
    const added: string[] = [];
    const skipped: string[] = [];
    this.transaction(() => {
      if (sourceText !== undefined || sourceBytes !== undefined) {
        this.journal.put(contentHash, { ...(sourceText !== undefined && { text: sourceText }), ...(sourceBytes !== undefined && { pdf: sourceBytes }) });
      }
      for (const doc of docs) {
        if (this.hasDocument(doc.docId)) {
          skipped.push(doc.docId);
          continue;
        }
        this.insertDocument(doc, sourceKind, contentHash, now.toISOString());
        added.push(doc.docId);
      }
    });
    return { added, skipped };
  }

  private insertDocument(doc: StoredDocument, sourceKind: SourceKind, contentHash: string, importedAt: string): void {
    const { db } = this;
    const m = doc.meta;
    run(db, sql`INSERT INTO document (doc_id, content_hash, file_name, source_kind, unit_code, unit_name, scope, stage, year, imported_at)
      VALUES (${doc.docId}, ${contentHash}, ${doc.fileName}, ${sourceKind}, ${m.unitCode}, ${m.unitName}, ${m.scope}, ${m.stage}, ${m.year}, ${importedAt})`);
    if (doc.rawTables?.length) run(db, sql`INSERT INTO doc_raw_tables (doc_id, tables) VALUES (${doc.docId}, ${JSON.stringify(doc.rawTables)})`);
    for (const t of doc.tables) {
      run(db, sql`INSERT OR REPLACE INTO doc_table (doc_id, table_key, status, title, line, page, note, profile)
        VALUES (${doc.docId}, ${t.table}, ${t.status}, ${t.title}, ${t.source.line}, ${t.source.page ?? null}, ${t.note ?? null}, ${t.source.profile ?? null})`);
    }
    if (doc.narrative) run(db, sql`INSERT INTO doc_narrative (doc_id, narrative) VALUES (${doc.docId}, ${JSON.stringify(doc.narrative)})`);
    insertContent(db, doc.docId, doc, { figures: 0, warnings: 0, projects: 0 }, true);
  }

  /** Removes a document, and its files from the keeper when no other document was read from them. */
  removeDocument(docId: string): void {
    this.transaction(() => {
      const hashes = all<{ h: string }>(this.db, sql`SELECT content_hash AS h FROM document WHERE doc_id = ${docId}
        UNION SELECT content_hash AS h FROM doc_file WHERE doc_id = ${docId}`);
      run(this.db, sql`DELETE FROM document WHERE doc_id = ${docId}`);
      for (const { h } of hashes) this.journal.release(h);
    });
  }

  contentHashOf(docId: string): string | null {
    return one<{ h: string }>(this.db, sql`SELECT content_hash AS h FROM document WHERE doc_id = ${docId}`)?.h ?? null;
  }

  /** A merge copied a document from `from` (another library of this worker, or in a test): its file comes along. */
  adoptSource(from: LibraryDb, hash: string): void {
    const record = from.sources.held(hash);
    if (record && from.sources !== this.sources) this.journal.put(hash, record);
  }

  /** `file` if the document lists it (doc_file: a narrative joined from another PDF), else the document's own file. */
  private fileOf(docId: string, file?: string | null): string | null {
    return file && one(this.db, sql`SELECT 1 AS x FROM doc_file WHERE doc_id = ${docId} AND content_hash = ${file}`) ? file : this.contentHashOf(docId);
  }

  /** Keeps a file a document was read from besides its own (db/pairing.ts), with the document's changes. */
  keepFile(hash: string, record: SourceRecord): void {
    this.journal.put(hash, record);
  }

  /** Lines `from`..`to` (1-based, inclusive) of the text a document (or its row's `file`) was read from; empty if not kept. */
  async sourceLines(docId: string, from: number, to: number, file?: string | null): Promise<{ line: number; text: string }[]> {
    const hash = this.fileOf(docId, file);
    const text = hash === null ? undefined : (await this.sources.get(hash))?.text;
    if (text === undefined) return [];
    const first = Math.max(1, from);
    return text.split(/\r\n|\r|\n/).slice(first - 1, Math.max(first - 1, to)).map((t, i) => ({ line: first + i, text: t }));
  }

  listDocuments(): DocumentSummary[] {
    return documentList(this.db);
  }

  /** The list as the page keeps it: whole, or the changes since its cursor (listChanges.ts). */
  documentListSince(since?: ListCursor | null): DocumentListAnswer {
    return documentListSince(this.db, since);
  }

  figures(docId: string): FigureRow[] {
    return figureRows(this.db, docId);
  }

  /** The bytes of the PDF a document (or its row's `file`) was read from; null when it was not a PDF (or not kept). */
  async sourcePdf(docId: string, file?: string | null): Promise<Uint8Array | null> {
    const hash = this.fileOf(docId, file);
    return (hash === null ? undefined : (await this.sources.get(hash))?.pdf) ?? null;
  }

  warnings(docId: string): WarningRow[] {
    return warningRows(this.db, docId);
  }

  rawTables(docId: string): RawTable[] {
    return rawTableRows(this.db, docId);
  }

  /** The database file. The returned bytes are a copy owned by the caller. */
  export(): Uint8Array {
    this.endBurst();
    // sql.js export() ends any open transaction and resets pragmas on some versions; restore ours.
    const bytes = this.db.export();
    LibraryDb.configure(this.db);
    return bytes;
  }

  close(): void {
    this.endBurst();
    this.db.close();
  }

  /** Documents' metadata in the library's order, of all or of `docIds` (an audit page needs 100 of 5,000; all took ~20 ms). */
  documentMetas(docIds?: readonly string[]): { docId: string; meta: StoredDocument['meta'] }[] {
    const q = docIds
      ? sql`SELECT doc_id AS docId, unit_code AS unitCode, unit_name AS unitName, scope, stage, year FROM document WHERE doc_id IN (${list(docIds)}) ORDER BY rowid`
      : sql`SELECT doc_id AS docId, unit_code AS unitCode, unit_name AS unitName, scope, stage, year FROM document ORDER BY rowid`;
    return all<{ docId: string; unitCode: string; unitName: string; scope: Scope; stage: Stage; year: number }>(this.db, q)
      .map(({ docId, ...meta }) => ({ docId, meta }));
  }

  /** Every document's id in the library's order (documentMetas'), without the rest of its row. */
  documentIds(): string[] {
    return (this.db.exec('SELECT doc_id FROM document ORDER BY rowid')[0]?.values ?? []).map(([id]) => String(id));
  }
}

function isEmptyDatabase(db: Database): boolean {
  return Number(db.exec("SELECT count(*) FROM sqlite_master")[0].values[0][0]) === 0;
}
