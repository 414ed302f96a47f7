import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchedGlue, SOURCE, TARGET } from '../../../scripts/sqljs-file';
import initSqlJs, { type SqlJsWithFiles } from '../../../src/lib/worker/sqljs/sql-wasm-browser.js';

/**
 * The worker's sql.js glue is a generated copy of the installed sql.js's (scripts/sqljs-file.ts):
 * it must be what the script makes from the sql.js in node_modules now, or an upgrade of sql.js
 * would run the new wasm with the old glue. And the script refuses a glue it does not recognise.
 */
describe('sql.js glue with the library file shown', () => {
  it('is what scripts/sqljs-file.ts makes from the installed sql.js (after an upgrade: npx tsx scripts/sqljs-file.ts)', () => {
    expect(readFileSync(TARGET, 'utf8') === patchedGlue(readFileSync(SOURCE, 'utf8'))).toBe(true);
  });

  it('refuses a glue without the names it needs', () => {
    expect(() => patchedGlue(readFileSync(SOURCE, 'utf8').replace('.node,u=null', '.node,u=undefined'))).toThrow(/not as expected/);
    expect(() => patchedGlue(readFileSync(SOURCE, 'utf8').replace('<1048576?2:1.125)', '<1048576?2:1.25)'))).toThrow(/MEMFS growth/);
  });

  it('grows a library file of a few MB in 8 MB steps: 4 MB more is written without copying the file again', async () => {
    const wasm = readFileSync(path.resolve('node_modules/sql.js/dist/sql-wasm-browser.wasm'));
    const SQL = (await initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer })) as SqlJsWithFiles;
    const db = new SQL.Database();
    const file = SQL.libraryFile((db as unknown as { filename: string }).filename);
    db.exec('CREATE TABLE t (b BLOB)');
    const add = (mb: number) => {
      const stmt = db.prepare('INSERT INTO t VALUES (?)');
      for (let i = 0; i < mb * 16; i++) stmt.run([new Uint8Array(65536).fill(i % 251)]);
      stmt.free();
    };
    add(1.5);
    const before = file.bytes();
    expect(before.length).toBeGreaterThan(1 << 20);
    add(4);
    const after = file.bytes();
    expect(after.length).toBeGreaterThan(before.length + (3 << 20));
    // The same memory: no copy of the file on the way (1.125× steps copied it about 8 times).
    // (compared as a boolean: a failing toBe would print both buffers, megabytes each)
    expect(after.buffer === before.buffer).toBe(true);
    expect(after.buffer.byteLength - after.length).toBeLessThanOrEqual(8 << 20);
    db.close();
  });
});
