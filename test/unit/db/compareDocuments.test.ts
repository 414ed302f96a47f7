import { describe, expect, it } from 'vitest';
import { loadUnits } from '../../../src/lib/compare/units';
import { LibraryDb } from '../../../src/lib/db/library';
import { linkUnits } from '../../../src/lib/db/unitLinks';
import type { StoredDocument } from '../../../src/lib/model/document';
import { addSeeds, firstSeed } from './seedLibrary';
import { trackedLibraries } from './tracked';

/**
 * The comparisons' documents kept per connection (db/compareDocuments.ts): after any write, by any
 * writer, they must be exactly what the SQL read they replace gives, in its order.
 */
const { SQL, track } = trackedLibraries();

function fromSql(lib: LibraryDb) {
  const rows = lib.db.exec('SELECT doc_id, unit_code, unit_name, scope, stage, year FROM document ORDER BY year, imported_at, doc_id')[0]?.values ?? [];
  return rows.map(([docId, unitCode, unitName, scope, stage, year]) => ({ docId, unitCode, unitName, scope, stage, year }));
}
const kept = (lib: LibraryDb) => lib.compare.documents().map(({ docId, unitCode, unitName, scope, stage, year }) => ({ docId, unitCode, unitName, scope, stage, year }));

function copies(of: StoredDocument, names: readonly string[], suffix: string): StoredDocument[] {
  return names.map((unitName, i) => ({ ...of, docId: `${of.docId}-${suffix}${i}`, meta: { ...of.meta, unitName } }));
}

describe('the comparisons\' documents, kept (db/compareDocuments.ts)', { timeout: 60_000 }, () => {
  it('follows additions, removals and rows rewritten by plain SQL, in the SQL order', async () => {
    const lib = track(LibraryDb.create(SQL()));
    expect(kept(lib)).toEqual([]);
    await addSeeds(lib);
    expect(kept(lib)).toEqual(fromSql(lib));
    expect(kept(lib).length).toBeGreaterThan(3);

    const [first, second, third] = fromSql(lib);
    lib.removeDocument(String(first.docId));
    expect(kept(lib)).toEqual(fromSql(lib));

    // A year, a name and an id rewritten, and an import time that moves a row within its year.
    lib.db.exec(`UPDATE document SET unit_name = '甲' || unit_name, year = year + 9 WHERE doc_id = '${second.docId}'`);
    // An id rewritten, as no writer of ours does (its rows' references are left behind for a moment).
    const renameId = (from: unknown, to: string) => lib.db.exec(`PRAGMA foreign_keys = OFF; UPDATE document SET doc_id = '${to}' WHERE doc_id = '${from}'; PRAGMA foreign_keys = ON`);
    renameId(third.docId, 'renamed-id');
    lib.db.exec(`UPDATE document SET imported_at = '0000' WHERE doc_id = (SELECT doc_id FROM document ORDER BY year DESC, imported_at DESC LIMIT 1)`);
    expect(kept(lib)).toEqual(fromSql(lib));
    expect(kept(lib).some((d) => d.docId === 'renamed-id')).toBe(true);
    expect(kept(lib).some((d) => d.docId === third.docId)).toBe(false);
    renameId('renamed-id', String(third.docId));
    expect(kept(lib)).toEqual(fromSql(lib));
    expect(kept(lib).some((d) => d.docId === third.docId)).toBe(true);
  });

  it('orders import times and ids as SQLite does, past the Basic Multilingual Plane', async () => {
    const lib = track(LibraryDb.create(SQL()));
    const seed = await firstSeed();
    lib.addDocuments(copies(seed, ['甲', '乙', '丙'], 'a'), 'text', 'h1', undefined, new Date('2024-01-01T00:00:00Z'));
    kept(lib);
    // Ids that UTF-16 order and code-point order put differently (U+FF21 and U+20000), added later
    // with an earlier import time.
    const ids = ['𠀀', 'Ａ', 'z'];
    lib.addDocuments(copies(seed, ['丁', '戊', '己'], 'b').map((d, i) => ({ ...d, docId: ids[i] })), 'text', 'h2', undefined, new Date('2023-01-01T00:00:00Z'));
    expect(kept(lib)).toEqual(fromSql(lib));
    expect(kept(lib).map((d) => d.docId).slice(0, 3)).toEqual(['z', 'Ａ', '𠀀']);
  });

  it('gives the same array while no document changed, whatever else was written', async () => {
    const lib = track(await addSeeds(LibraryDb.create(SQL())));
    const before = lib.compare.documents();
    const version = lib.compare.version();
    lib.db.exec(`UPDATE doc_warning SET message = message`);
    lib.db.exec(`UPDATE doc_count SET doc_id = doc_id`);
    expect(lib.compare.version()).not.toBe(version);
    expect(lib.compare.documents()).toBe(before);

    // And the units derived from it are kept too, until a link changes them.
    const units = loadUnits(lib.compare);
    lib.db.exec(`UPDATE doc_warning SET message = message`);
    lib.db.exec(`UPDATE doc_count SET doc_id = doc_id`);
    expect(loadUnits(lib.compare)).toBe(units);
    const [a, b] = units.groups;
    linkUnits(lib.db, a.key, b.key);
    const linked = loadUnits(lib.compare);
    expect(linked).not.toBe(units);
    expect(linked.groups.length).toBe(units.groups.length - 1);
    expect(loadUnits(lib.compare, { fresh: true })).toEqual(linked);
  });

  it('misses nothing a rolled-back transaction wrote, read inside it or not', async () => {
    const lib = track(await addSeeds(LibraryDb.create(SQL())));
    const seed = await firstSeed();
    kept(lib);
    const [victim] = fromSql(lib);
    expect(() => lib.transaction(() => {
      lib.removeDocument(String(victim.docId));
      lib.addDocuments(copies(seed, ['回滚单位'], 'r'), 'text', 'hr');
      // Read inside the transaction: it sees what the transaction wrote, as SQL would.
      expect(kept(lib)).toEqual(fromSql(lib));
      expect(kept(lib).some((d) => d.unitName === '回滚单位')).toBe(true);
      throw new Error('中途失败');
    })).toThrow('中途失败');
    expect(kept(lib)).toEqual(fromSql(lib));
    expect(kept(lib).some((d) => d.unitName === '回滚单位')).toBe(false);
    expect(kept(lib).some((d) => d.docId === victim.docId)).toBe(true);
  });

  it('reads everything again once a trigger is gone, and after many changes at once', async () => {
    const lib = track(await addSeeds(LibraryDb.create(SQL())));
    const seed = await firstSeed();
    kept(lib);
    // As a migration rebuilding the table would: the removal below is not noted.
    lib.db.exec('DROP TRIGGER temp.compare_document_delete');
    lib.removeDocument(String(fromSql(lib)[0].docId));
    expect(kept(lib)).toEqual(fromSql(lib));
    // Reinstalled by that read: noted again.
    lib.removeDocument(String(fromSql(lib)[0].docId));
    expect(kept(lib)).toEqual(fromSql(lib));
    // More changed documents than are worth reading one by one.
    lib.addDocuments(copies(seed, Array.from({ length: 250 }, (_, i) => `单位${i}`), 'm'), 'text', 'hm');
    expect(kept(lib)).toEqual(fromSql(lib));
    expect(kept(lib).length).toBe(fromSql(lib).length);
  });

  it('writes nothing of its own into the file', async () => {
    const lib = track(await addSeeds(LibraryDb.create(SQL())));
    kept(lib);
    const copy = track(LibraryDb.open(SQL(), lib.export()));
    expect(copy.db.exec("SELECT name FROM sqlite_master WHERE name LIKE 'compare_document_%'")).toEqual([]);
    // The copy is a connection of its own: its documents are read, and kept, on their own.
    expect(kept(copy)).toEqual(fromSql(lib));
  });
});
