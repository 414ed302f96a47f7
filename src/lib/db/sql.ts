import type { BindParams, Database, SqlValue } from 'sql.js';

/** A statement and its bound parameters. Built only by the `sql` tag, so values never enter SQL text. */
export interface Query {
  text: string;
  params: SqlValue[];
}

/**
 * Tagged template that turns every interpolation into a `?` placeholder:
 * sql`select * from document where doc_id = ${id}`. There is deliberately no escape hatch for raw
 * text; a dynamic list of values uses `list()`.
 */
export function sql(strings: TemplateStringsArray, ...values: (SqlValue | SqlList)[]): Query {
  let text = strings[0];
  const params: SqlValue[] = [];
  values.forEach((v, i) => {
    if (v instanceof SqlList) {
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

export class SqlList {
  constructor(readonly items: readonly SqlValue[]) {}
}

/** `where x in (${list(ids)})`: each item bound separately. An empty list matches nothing. */
export function list(items: readonly SqlValue[]): SqlList {
  return new SqlList(items);
}

/** Runs a query and returns its rows as objects. Statements are always freed: sql.js leaks them otherwise. */
export function all<T = Record<string, SqlValue>>(db: Database, q: Query): T[] {
  const stmt = db.prepare(q.text);
  try {
    stmt.bind(q.params as BindParams);
    const rows: T[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject() as T);
    return rows;
  } finally {
    stmt.free();
  }
}

export function one<T = Record<string, SqlValue>>(db: Database, q: Query): T | undefined {
  return all<T>(db, q)[0];
}

export function run(db: Database, q: Query): void {
  db.run(q.text, q.params as BindParams);
}

/** Runs a query whose one cell is a json_group_array, and parses it. */
export function jsonRows<T>(db: Database, q: Query): T[] {
  const stmt = db.prepare(q.text);
  try {
    stmt.bind(q.params as BindParams);
    return stmt.step() ? (JSON.parse(String(stmt.get()[0] ?? '[]')) as T[]) : [];
  } finally {
    stmt.free();
  }
}
