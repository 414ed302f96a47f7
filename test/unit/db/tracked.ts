import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll } from 'vitest';
import type { LibraryDb } from '../../../src/lib/db/library';

/** sql.js for a test file, and libraries closed after each test (`track` returns what it is given). */
export function trackedLibraries(): { SQL: () => SqlJsStatic; track: (lib: LibraryDb) => LibraryDb } {
  let SQL: SqlJsStatic;
  const opened: LibraryDb[] = [];
  beforeAll(async () => {
    SQL = await initSqlJs();
  });
  afterEach(() => {
    while (opened.length) opened.pop()!.close();
  });
  return { SQL: () => SQL, track: (lib) => (opened.push(lib), lib) };
}
