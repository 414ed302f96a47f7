import { describe, expect, it } from 'vitest';
import { openLibraryFile } from '../../../src/lib/db/foreign';
import { LibraryDb } from '../../../src/lib/db/library';
import { SCHEMA_VERSION } from '../../../src/lib/db/schema';
import { countsOutOfStep } from './countsInStep';
import { addSeeds } from './seedLibrary';
import { trackedLibraries } from './tracked';

/**
 * Each document's counts kept on import (db/counts.ts, doc_count): the document list reads them, not
 * the figure table. That they stay in step after every write is checked after each test of the
 * libraries tracked (tracked.ts); here, how they are filled, read and refused from outside.
 */
const { SQL, track } = trackedLibraries();

const seeds = () => addSeeds(track(LibraryDb.create(SQL())));

/**
 * How many figure rows `fn` reads: the figure table is shadowed for its run by a temporary view of it
 * that counts each row read (temp objects come first in SQLite's name lookup).
 */
function figureRowsReadBy(lib: LibraryDb, fn: () => void): number {
  let rows = 0;
  lib.db.create_function('row_read', (_docId: unknown) => (rows++, 1));
  lib.db.exec('CREATE TEMP VIEW figure AS SELECT * FROM main.figure WHERE row_read(doc_id)');
  try {
    fn();
  } finally {
    lib.db.exec('DROP VIEW temp.figure');
  }
  return rows;
}

describe('document counts (db/counts.ts)', { timeout: 60_000 }, () => {
  it('lists the counts of the seeds without reading a figure, equal to counting their rows', async () => {
    const lib = await seeds();
    let listed: ReturnType<LibraryDb['listDocuments']> = [];
    expect(figureRowsReadBy(lib, () => (listed = lib.listDocuments()))).toBe(0);
    expect(listed.length).toBeGreaterThan(4);
    for (const d of listed) {
      const [figures, tables, warnings] = ['figure', 'doc_table', 'doc_warning'].map((t) => Number(lib.db.exec(`SELECT count(*) FROM ${t} WHERE doc_id = ?`, [d.docId])[0].values[0][0]));
      expect([d.figureCount, d.tableCount, d.warningCount], d.docId).toEqual([figures, tables, warnings]);
    }
    expect(listed.some((d) => d.figureCount > 100 && d.tableCount > 3)).toBe(true);
  });

  it('migration 8 → 9 counts the documents a version-8 library holds', async () => {
    const lib = await seeds();
    const before = lib.listDocuments();
    lib.db.exec('ALTER TABLE project DROP COLUMN carryover_amount; DROP TABLE doc_file; ALTER TABLE audit_finding DROP COLUMN file; DROP TABLE doc_count; PRAGMA user_version = 8');
    const reopened = track(LibraryDb.open(SQL(), lib.export()));
    expect(reopened.version).toBe(SCHEMA_VERSION);
    expect(countsOutOfStep(reopened)).toEqual([]);
    expect(reopened.listDocuments()).toEqual(before);
  });

  it('never takes counts from a library file: they are counted again from its rows', async () => {
    const lib = await seeds();
    const before = lib.listDocuments();
    lib.db.exec('UPDATE doc_count SET figures = 999999, warnings = 0');
    const opened = track(openLibraryFile(SQL(), lib.export()));
    expect(opened.listDocuments().map((d) => [d.docId, d.figureCount, d.warningCount])).toEqual(before.map((d) => [d.docId, d.figureCount, d.warningCount]));
    // The library the file was made from, counted again on open, as a file from an older build would be.
    lib.db.exec('DELETE FROM doc_count');
    lib.migrate();
    expect(countsOutOfStep(lib)).toEqual([]);
  });

  it('still lists, with its counts, a document whose count row is missing', async () => {
    const lib = await seeds();
    const before = lib.listDocuments();
    const victim = before.find((d) => d.figureCount > 0)!;
    lib.db.exec('DELETE FROM doc_count WHERE doc_id = ?', [victim.docId]);
    let listed: ReturnType<LibraryDb['listDocuments']> = [];
    // Its figures alone are counted (the view that counts rows read works: see the first test).
    expect(figureRowsReadBy(lib, () => (listed = lib.listDocuments()))).toBe(victim.figureCount);
    expect(listed).toEqual(before);
    lib.migrate();
    expect(countsOutOfStep(lib)).toEqual([]);
  });
});
