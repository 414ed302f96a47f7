import type { BindParams, Database, SqlValue, Statement } from 'sql.js';

/** A statement and its bound parameters. Built only by the `sql` tag, so values never enter SQL text. */
export interface Query {
  text: string;
  params: SqlValue[];
}

/**
 * Tagged template that turns every interpolation into a `?` placeholder:
 * sql`select * from document where doc_id = ${id}`. There is deliberately no escape hatch for raw
 * text; a dynamic list of values uses `list()`, and a part shared by two queries is itself built by
 * this tag and passed as a value.
 */
export function sql(strings: TemplateStringsArray, ...values: (SqlValue | SqlList | Query)[]): Query {
  let text = strings[0];
  const params: SqlValue[] = [];
  values.forEach((v, i) => {
    if (isQuery(v)) {
      // Another query of this tag, as a part of this one: its text is ours, its values stay bound.
      text += v.text;
      for (const item of v.params) params.push(item);
    } else if (v instanceof SqlList) {
      text += v.items.length ? v.items.map(() => '?').join(', ') : 'NULL';
      for (const item of v.items) params.push(item); // not push(...): long lists overflow the stack
    } else {
      text += '?';
      params.push(v);
    }
    text += strings[i + 1];
  });
  return { text, params };
}

function isQuery(v: SqlValue | SqlList | Query): v is Query {
  return typeof v === 'object' && v !== null && !(v instanceof SqlList) && !(v instanceof Uint8Array) && Array.isArray((v as Query).params);
}

export class SqlList {
  constructor(readonly items: readonly SqlValue[]) {}
}

/** `where x in (${list(ids)})`: each item bound separately. An empty list matches nothing. */
export function list(items: readonly SqlValue[]): SqlList {
  return new SqlList(items);
}

/**
 * Prepared statements kept per connection, by their text, the most recently used last. sql.js
 * prepares (parses and plans) a statement on every db.prepare and db.run: an import runs the same
 * few dozen statements a few hundred times per file (its warnings, tables, projects, the neighbours
 * the audit looks up), and preparing them again each time was a tenth of its CPU (issue 17). Texts
 * that differ only in a list's length are different statements: the oldest beyond CACHED are freed.
 * A cached statement is always reset after use, so that none is left active under a COMMIT, VACUUM or
 * DETACH; SQLite prepares it again by itself when the schema changed. db.close() frees them all.
 */
const CACHED = 96;
const statements = new WeakMap<Database, Map<string, Statement>>();

function prepared(db: Database, text: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(text);
  if (stmt) {
    cache.delete(text);
  } else {
    stmt = db.prepare(text);
    if (cache.size >= CACHED) {
      const [oldest, old] = cache.entries().next().value!;
      cache.delete(oldest);
      old.free();
    }
  }
  cache.set(text, stmt);
  return stmt;
}

/** Runs `fn` on the cached statement for `q`, bound to its parameters, and resets it after, whatever happens. */
function withStatement<T>(db: Database, q: Query, fn: (stmt: Statement) => T): T {
  const stmt = prepared(db, q.text);
  try {
    stmt.bind(q.params as BindParams);
    return fn(stmt);
  } finally {
    stmt.reset();
  }
}

/**
 * Runs a query and returns its rows as objects. The column names are read once: sql.js's
 * getAsObject reads them again for every row, and that was two thirds of listing 5,000 documents
 * (issue 17). As with getAsObject, a later column of the same name wins.
 */
export function all<T = Record<string, SqlValue>>(db: Database, q: Query): T[] {
  return withStatement(db, q, (stmt) => {
    const names = stmt.getColumnNames();
    const rows: T[] = [];
    while (stmt.step()) {
      const values = stmt.get();
      const row: Record<string, SqlValue> = {};
      for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
      rows.push(row as T);
    }
    return rows;
  });
}

export function one<T = Record<string, SqlValue>>(db: Database, q: Query): T | undefined {
  return all<T>(db, q)[0];
}

/** Runs one statement (the first of the text, as db.run with parameters does). */
export function run(db: Database, q: Query): void {
  withStatement(db, q, (stmt) => stmt.step());
}

/** Runs a query whose one cell is a json_group_array, and parses it. */
export function jsonRows<T>(db: Database, q: Query): T[] {
  return withStatement(db, q, (stmt) => (stmt.step() ? (JSON.parse(String(stmt.get()[0] ?? '[]')) as T[]) : []));
}
