import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll } from 'vitest';
import { comparedSnapshot, comparedInStep } from './comparedInStep';
import { countsOutOfStep } from './countsInStep';
import type { LibraryDb } from '../../../src/lib/db/library';

/**
 * sql.js for a test file, and libraries closed after each test (`track` returns what it is given).
 * Before closing, each library still open is checked: its compared figures (db/compared.ts) must be
 * what its figure rows make now, and its counts (db/counts.ts) what its rows are, whatever the test did to
 * it (imports, pairing, profiles, merges).
 */
export function trackedLibraries(): { SQL: () => SqlJsStatic; track: (lib: LibraryDb) => LibraryDb } {
  let SQL: SqlJsStatic;
  const opened: LibraryDb[] = [];
  beforeAll(async () => {
    SQL = await initSqlJs();
  });
  afterEach(() => {
    const stale: string[] = [];
    while (opened.length) {
      const lib = opened.pop()!;
      if (comparedSnapshot(lib) !== null && !comparedInStep(lib)) stale.push('doc_compared 与 figure 不一致');
      const miscounted = countsOutOfStep(lib);
      if (miscounted?.length) stale.push(`doc_count 与行数不一致：${miscounted.slice(0, 3).join('、')}`);
      lib.close();
    }
    if (stale.length) throw new Error(stale.join('; '));
  });
  return { SQL: () => SQL, track: (lib) => (opened.push(lib), lib) };
}
