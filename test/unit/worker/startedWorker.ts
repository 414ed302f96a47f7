import { afterAll, beforeAll, beforeEach, expect, vi } from 'vitest';
import { persistenceOf } from '../../../src/lib/worker/libraryHandlers';
import type { SqlJsWithFiles } from '../../../src/lib/worker/sqljs/sql-wasm-browser.js';
import { openLibrary } from '../../../src/lib/worker/startup';
import { WorkerState } from '../../../src/lib/worker/state';
import { glueSqlJs } from './glueSql';

/**
 * A database worker as init leaves it, on the worker's own wiring: persistence (libraryHandlers.ts
 * persistenceOf), the writer lock, the library start-up opens and its tracker. Needs an IndexedDB
 * (fake-indexeddb in these tests).
 */
export async function startedWorker(SQL: SqlJsWithFiles): Promise<WorkerState> {
  const w = new WorkerState(() => undefined);
  w.SQL = SQL;
  w.persistence = persistenceOf(w, 't');
  expect(await w.persistence.claimWriter(async () => undefined)).toBe(true);
  const opened = await openLibrary(SQL, w.persistence, null, w.sources);
  w.lib = opened.lib;
  w.adopt(opened.lib, opened.live);
  return w;
}

/** The app's IndexedDB database deleted: each test starts with nothing saved. */
export function emptyStore(): Promise<unknown> {
  return new Promise((resolve) => (indexedDB.deleteDatabase('budget-lens').onsuccess = resolve));
}

/**
 * A describe block's hooks for these tests: the worker's sql.js glue (handed to `take`), a navigator
 * without storage APIs, and nothing saved before each test.
 */
export function workerHooks(take: (SQL: SqlJsWithFiles) => void): void {
  beforeAll(async () => {
    vi.stubGlobal('navigator', {});
    take(await glueSqlJs());
  });
  afterAll(() => vi.unstubAllGlobals());
  beforeEach(emptyStore);
}
