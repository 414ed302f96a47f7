import initPlainSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { GROW_STEP } from '../../../scripts/sqljs-file';
import type { SqlJsWithFiles } from '../../../src/lib/worker/sqljs/sql-wasm-browser.js';
import { glueSqlJs } from './glueSql';

/**
 * The library file grows in few, large steps (scripts/sqljs-file.ts): MEMFS's own 1/8 steps past
 * 1 MB copied the whole file into a new buffer ~20 times in a 100-file import. The file SQLite
 * leaves must be the same as under MEMFS's growth: the same statements on plain sql.js export the
 * same bytes.
 */
let SQL: SqlJsWithFiles;

const fill = (db: { run(sql: string, params?: (string | number)[]): unknown }, rows: number, from: number) => {
  db.run('BEGIN');
  for (let i = from; i < from + rows; i++) db.run('INSERT INTO t VALUES (?, ?)', [i, `第${i}行 ${'预算'.repeat(20 + (i % 13))}`]);
  db.run('COMMIT');
};

describe('a watched library file grows in large steps', () => {
  beforeAll(async () => {
    SQL = await glueSqlJs();
  });

  it('reallocates a handful of times while the file grows to ~8 MB, and holds what SQLite wrote', async () => {
    const db = new SQL.Database();
    db.run('PRAGMA journal_mode = MEMORY; CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT); CREATE INDEX t_text ON t (text)');
    const file = SQL.libraryFile((db as unknown as { filename: string }).filename);
    const buffers = new Set<ArrayBufferLike>();
    file.watch(() => buffers.add(file.bytes().buffer));
    for (let batch = 0; batch < 40; batch++) fill(db, 1000, batch * 1000);
    buffers.add(file.bytes().buffer);
    const size = file.bytes().length;
    expect(size).toBeGreaterThan(6e6);
    // Doubling from the first write's buffer to ~8 MB: about a dozen at most. MEMFS's own 1/8 steps
    // past 1 MB alone took ~18 more (1.125^18 ≈ 8).
    expect(buffers.size).toBeLessThanOrEqual(14);
    const capacity = file.bytes().buffer.byteLength;
    expect(capacity).toBeLessThanOrEqual(Math.max(2 * size, size + GROW_STEP));

    const plain = new (await initPlainSqlJs()).Database();
    plain.run('PRAGMA journal_mode = MEMORY; CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT); CREATE INDEX t_text ON t (text)');
    for (let batch = 0; batch < 40; batch++) fill(plain, 1000, batch * 1000);
    const ours = file.bytes().slice();
    file.unwatch();
    expect(Buffer.compare(Buffer.from(db.export()), Buffer.from(plain.export()))).toBe(0);
    // The live file is the exported one (export() only rewrites the header's change counters).
    expect(ours.length).toBe(size);
    expect(Buffer.compare(Buffer.from(ours.subarray(100)), Buffer.from(db.export().subarray(100)))).toBe(0);
    expect(db.exec('SELECT count(*), sum(id) FROM t')[0].values[0]).toEqual([40000, (39999 * 40000) / 2]);
    db.close();
    plain.close();
  });
});
