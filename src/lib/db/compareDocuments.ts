import type { Database } from 'sql.js';
import type { DocumentMeta } from '../model/document';
import type { Scope, Stage } from '../model/keys';
import { byCodePoint } from '../model/textOrder';
import { jsonRows, list, one, sql } from './sql';

export type CompareDocument = DocumentMeta & { docId: string };
type Row = CompareDocument & { importedAt: string };

/**
 * The documents the comparisons group into units (compareReads.documents), kept per connection and
 * read again only where `document` changed (issue 17). Every comparison asks for them after any
 * write (an audit, a save's bookkeeping); at 5,000 documents the read and its JSON were 20–35 ms of
 * the first 同比 or 横比 after each import, while the documents themselves had not changed.
 *
 * Temporary triggers on `document` call a function of this worker with each document id inserted,
 * updated or deleted. The function only notes the id in memory, which a rollback does not undo: a
 * document noted by a write that was rolled back is read again for nothing, never missed. Temporary
 * triggers and the function live as long as the connection and are never in the file; a table
 * rebuilt by a migration loses its triggers, which each read checks (the whole list is then read).
 * A read inside a transaction keeps nothing and takes no notes: the transaction may be rolled back.
 */
interface Kept {
  rows: Map<string, Row>;
  /** Ids written since the last read; null: read everything. */
  touched: Set<string> | null;
  sorted: Row[] | null;
}

const FUNCTION = 'budget_lens_document_written';
const TRIGGERS = [
  ['insert', 'INSERT', 'NEW.doc_id'],
  ['update', 'UPDATE', 'NEW.doc_id), ' + FUNCTION + '(OLD.doc_id'],
  ['delete', 'DELETE', 'OLD.doc_id'],
] as const;
/** Past this many changed documents, one read of all is cheaper than a read of each. */
const REREAD_ALL_FROM = 200;

const kept = new WeakMap<Database, Kept>();

/** Every document, oldest year first, then in import order (as `ORDER BY year, imported_at, doc_id`). */
export function compareDocuments(db: Database): CompareDocument[] {
  // Inside a transaction, what is read may yet be rolled back, and no trigger tells of a rollback:
  // read it all, keep nothing, and leave the notes to the next read outside.
  if (inTransaction(db)) return readAllDocuments(db);
  let k = kept.get(db);
  if (!k || !installed(db)) k = install(db);
  const touched = k.touched;
  if (!touched || touched.size > REREAD_ALL_FROM) {
    k.touched = new Set();
    k.rows = new Map(readRows(db, null).map((r) => [r.docId, r]));
    k.sorted = null;
  } else if (touched.size) {
    k.touched = new Set();
    const ids = [...touched];
    for (const id of ids) k.rows.delete(id);
    for (const r of readRows(db, ids)) k.rows.set(r.docId, r);
    k.sorted = null;
  }
  // The same array while nothing changed, so that what callers derived from it still holds (compare/units.ts).
  return (k.sorted ??= [...k.rows.values()].sort(inSqlOrder));
}

/** Every document read afresh, nothing kept (what a connection's first read costs: the benchmarks). */
export function readAllDocuments(db: Database): CompareDocument[] {
  return readRows(db, null).sort(inSqlOrder);
}

function inSqlOrder(a: Row, b: Row): number {
  return a.year - b.year || byCodePoint(a.importedAt, b.importedAt) || byCodePoint(a.docId, b.docId);
}

function readRows(db: Database, ids: readonly string[] | null): Row[] {
  const where = ids ? sql`WHERE doc_id IN (${list(ids)})` : sql``;
  return jsonRows<[string, string, string, Scope, Stage, number, string]>(db, sql`
    SELECT json_group_array(json_array(doc_id, unit_code, unit_name, scope, stage, year, imported_at)) FROM document ${where}`)
    .map(([docId, unitCode, unitName, scope, stage, year, importedAt]) => ({ docId, unitCode, unitName, scope, stage, year, importedAt }));
}

/** sql.js does not expose sqlite3_get_autocommit; BEGIN fails inside a transaction (or savepoint). */
function inTransaction(db: Database): boolean {
  try {
    db.exec('BEGIN');
  } catch {
    return true;
  }
  db.exec('COMMIT');
  return false;
}

function installed(db: Database): boolean {
  const n = one<{ n: number }>(db, sql`SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'compare_document_%'`);
  return Number(n?.n) === TRIGGERS.length;
}

function install(db: Database): Kept {
  const k: Kept = { rows: new Map(), touched: null, sorted: null };
  // Registered again on each install: the function must answer to this Kept, not a replaced one.
  db.create_function(FUNCTION, (id: unknown) => {
    // An id that is not text can't be looked up as noted: read everything.
    if (typeof id !== 'string') k.touched = null;
    else k.touched?.add(id);
    return null;
  });
  // Only our own constant names and SQL: nothing from a document reaches this text.
  db.exec(TRIGGERS.map(([name, op, ids]) => `DROP TRIGGER IF EXISTS temp.compare_document_${name};
    CREATE TEMP TRIGGER compare_document_${name} AFTER ${op} ON main.document BEGIN SELECT ${FUNCTION}(${ids}); END;`).join('\n'));
  kept.set(db, k);
  return k;
}
