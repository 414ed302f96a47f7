import { readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type SqlJsWithFiles } from '../../../src/lib/worker/sqljs/sql-wasm-browser.js';

/** sql.js as the database worker runs it: the generated glue that shows the library file (scripts/sqljs-file.ts), on the installed wasm. */
export async function glueSqlJs(): Promise<SqlJsWithFiles> {
  const wasm = readFileSync(path.resolve('node_modules/sql.js/dist/sql-wasm-browser.wasm'));
  return initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
}
