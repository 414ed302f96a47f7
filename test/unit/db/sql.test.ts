import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { all, jsonRows, list, one, run, sql } from '../../../src/lib/db/sql';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

type Db = InstanceType<SqlJsStatic['Database']>;

/** Counts the statements prepared on `db`, and those freed, through its own methods. */
function counted(db: Db): { prepared: () => number; open: () => number } {
  let prepared = 0;
  let freed = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = (text, params) => {
    prepared++;
    const stmt = prepare(text, params);
    const free = stmt.free.bind(stmt);
    stmt.free = () => (freed++, free());
    return stmt;
  };
  return { prepared: () => prepared, open: () => prepared - freed };
}

describe('the sql tag (db/sql.ts)', () => {
  it('takes a query of its own as a part: its text in place, its values bound in order', () => {
    const where = sql`WHERE k = ${"x' OR 1 = 1 --"} OR v IN (${list([2, 3])})`;
    const q = sql`SELECT v FROM t ${where} AND v > ${1} ORDER BY v`;
    expect(q.text).toBe('SELECT v FROM t WHERE k = ? OR v IN (?, ?) AND v > ? ORDER BY v');
    expect(q.params).toEqual(["x' OR 1 = 1 --", 2, 3, 1]);
    const db = new SQL.Database();
    run(db, sql`CREATE TABLE t (k TEXT, v INTEGER)`);
    for (const v of [1, 2, 3, 4]) run(db, sql`INSERT INTO t (k, v) VALUES (${`k${v}`}, ${v})`);
    expect(all<{ v: number }>(db, q).map((r) => r.v)).toEqual([2, 3]);
    // A value that merely looks like a query is still a value: bytes stay bytes.
    expect(sql`SELECT ${new Uint8Array([1])}`.text).toBe('SELECT ?');
    db.close();
  });
});

describe('the sql helpers keep prepared statements per connection (db/sql.ts)', () => {
  it('runs the same text again on one statement, with new parameters each time', () => {
    const db = new SQL.Database();
    const n = counted(db);
    run(db, sql`CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)`);
    for (let i = 0; i < 50; i++) run(db, sql`INSERT INTO t (k, v) VALUES (${`k${i}`}, ${i})`);
    expect(one<{ n: number }>(db, sql`SELECT count(*) AS n FROM t`)?.n).toBe(50);
    expect(all<{ v: number }>(db, sql`SELECT v FROM t WHERE k IN (${list(['k3', 'k7'])}) ORDER BY v`).map((r) => r.v)).toEqual([3, 7]);
    expect(jsonRows<number>(db, sql`SELECT json_group_array(v) FROM t WHERE v < ${3}`)).toEqual([0, 1, 2]);
    // Five texts (create, insert, count, the list query, the json one): not one statement per call.
    expect(n.prepared()).toBe(5);
    db.close();
  });

  it('frees the oldest statements beyond its bound, and they still run when asked again', () => {
    const db = new SQL.Database();
    const n = counted(db);
    // Lists of 1..300 values are 300 different texts.
    for (let n = 1; n <= 300; n++) expect(all(db, sql`SELECT 1 AS x WHERE 1 IN (${list(Array.from({ length: n }, (_, i) => i + 1))})`)).toHaveLength(1);
    expect(n.prepared()).toBe(300);
    expect(n.open()).toBe(96);
    expect(all(db, sql`SELECT 1 AS x WHERE 1 IN (${list([1])})`)).toHaveLength(1);
    expect(n.prepared()).toBe(301);
    db.close();
  });

  it('leaves no statement active: a failed insert, a schema change, COMMIT and VACUUM all go on', () => {
    const db = new SQL.Database();
    run(db, sql`CREATE TABLE t (k TEXT PRIMARY KEY)`);
    run(db, sql`BEGIN`);
    run(db, sql`INSERT INTO t (k) VALUES (${'a'})`);
    expect(() => run(db, sql`INSERT INTO t (k) VALUES (${'a'})`)).toThrow(/UNIQUE/);
    run(db, sql`INSERT INTO t (k) VALUES (${'b'})`);
    // A query stopped after its first row (one() reads them all, a step() loop may not): reset after use.
    expect(one<{ k: string }>(db, sql`SELECT k FROM t ORDER BY k`)?.k).toBe('a');
    run(db, sql`COMMIT`);
    db.exec('VACUUM');
    // The same text after the table changed shape: SQLite prepares the cached statement again.
    db.exec('ALTER TABLE t ADD COLUMN n INTEGER DEFAULT 7');
    expect(all(db, sql`SELECT * FROM t ORDER BY k`)).toEqual([{ k: 'a', n: 7 }, { k: 'b', n: 7 }]);
    db.close();
  });
});
