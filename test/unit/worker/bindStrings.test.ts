import initPlainSqlJs, { type Database, type SqlValue } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCRATCH_MAX } from '../../../scripts/sqljs-file';
import { glueSqlJs } from './glueSql';

/**
 * The worker's glue binds a string through one reused buffer, as SQLITE_TRANSIENT (scripts/sqljs-file.ts
 * bindStringOnce), where sql.js mallocs a buffer per string. SQLite must store exactly what plain
 * sql.js stores, whatever the string: compared byte for byte (hex) with plain sql.js.
 */
const STRINGS: string[] = [
  '', 'a', '一般公共预算财政拨款支出表', '2080501', '😀 astral 𠀀', 'a\u0000b', 'lone \ud800 high', 'lone \udc00 low',
  '预'.repeat(1000), 'x'.repeat(5000), '算'.repeat(SCRATCH_MAX + 1), 'y'.repeat(SCRATCH_MAX * 2),
  // Shorter after longer (the buffer is reused, not refilled), then longer again (it grows).
  'b', '数'.repeat(20_000), 'c',
];

let plain: Database;
let ours: Database;

const SCHEMA = 'CREATE TABLE t (seq INTEGER, a TEXT, b TEXT, c TEXT)';
const READ = 'SELECT seq, hex(a), hex(b), hex(c), typeof(a), typeof(b), typeof(c), length(a) FROM t ORDER BY seq';

function fill(db: Database): void {
  db.run(SCHEMA);
  const stmt = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
  try {
    // Three strings in one statement: each must be kept by SQLite before the next is encoded.
    STRINGS.forEach((s, i) => stmt.run([i, s, STRINGS[(i + 1) % STRINGS.length], `${i}:${s.slice(0, 3)}`]));
  } finally {
    stmt.free();
  }
  // The other ways in: db.run with an array, a statement bound by name, and a query's parameter.
  db.run('INSERT INTO t VALUES (?, ?, ?, ?)', [100, '部门', null, 'z']);
  const named = db.prepare('INSERT INTO t VALUES ($seq, $a, $b, $c)');
  named.run({ $seq: 101, $a: '单位', $b: '', $c: '𠀀'.repeat(40) });
  named.free();
}

beforeAll(async () => {
  plain = new (await initPlainSqlJs()).Database();
  ours = new (await glueSqlJs()).Database();
  fill(plain);
  fill(ours);
});

describe('strings bound through the glue\'s reused buffer', () => {
  it('are stored byte for byte as plain sql.js stores them', () => {
    const expected = plain.exec(READ)[0].values;
    const got = ours.exec(READ)[0].values;
    expect(got.length).toBe(STRINGS.length + 2);
    expect(got).toEqual(expected);
  });

  it('read back as the strings bound (a NUL and all), and empty stays empty, not NULL', () => {
    const rows = ours.exec('SELECT a, b, typeof(b) FROM t ORDER BY seq')[0].values;
    STRINGS.forEach((s, i) => {
      // Lone surrogates have no UTF-8: they read back as U+FFFD, as from plain sql.js.
      if (/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) return;
      expect(rows[i][0]).toBe(s);
    });
    expect(rows[STRINGS.length + 1]).toEqual(['单位', '', 'text']);
    expect(rows[STRINGS.length][2]).toBe('null');
  });

  it('match in a query (a bound parameter of a WHERE), and a statement reused with new strings binds the new ones', () => {
    const find = (db: Database, s: SqlValue) => db.exec('SELECT seq FROM t WHERE a = ?', [s])[0]?.values.map((r) => r[0]) ?? [];
    expect(find(ours, '一般公共预算财政拨款支出表')).toEqual([2]);
    expect(find(ours, '数'.repeat(20_000))).toEqual([13]);
    expect(find(ours, '')).toEqual([0]);
    const stmt = ours.prepare('SELECT ? || ?');
    const out: SqlValue[] = [];
    for (const [x, y] of [['甲', '乙'], ['a'.repeat(300), '丙'], ['', '丁']]) {
      stmt.bind([x, y]);
      stmt.step();
      out.push(stmt.get()[0]);
    }
    stmt.free();
    expect(out).toEqual(['甲乙', `${'a'.repeat(300)}丙`, '丁']);
  });
});
