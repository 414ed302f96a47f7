import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addImported } from '../../../src/lib/worker/imports';
import { LibraryDb, SnapshotError } from '../../../src/lib/db/library';
import { baseline, mergeChanges } from '../../../src/lib/db/merge';
import { reapplyProfiles } from '../../../src/lib/db/profiles';
import { joinNarratives } from '../../../src/lib/db/pairing';
import { importFile } from '../../../src/lib/ingest/file';
import type { StoredDocument } from '../../../src/lib/model/document';
import { seedsDir } from '../../support/shared';
import { storedAudits } from '../../../src/lib/worker/audits';
import { trackedLibraries } from './tracked';

/** Issue 14 finding 7: the second tab's changes are merged into what the writer tab saved last. */
const libs = trackedLibraries();
const track = libs.track;

function doc(docId: string, unitName: string): StoredDocument {
  return {
    docId, fileName: `${docId}.csv`, tables: [], projects: [], warnings: [],
    meta: { unitCode: '', unitName, scope: 'department', stage: 'budget', year: 2023 },
    figures: [{ table: 'summary', rowCode: 'income.general', rowName: '一般公共预算拨款收入', column: 'amount', amount: 7, source: { line: 2 } }],
  };
}

async function importSeed(lib: LibraryDb, file: string) {
  const bytes = new Uint8Array(readFileSync(path.join(seedsDir, file)));
  const read = await importFile(bytes, file);
  if (!read.ok) throw new Error(read.error);
  return addImported(lib, read, file, bytes);
}

const ids = (lib: LibraryDb) => lib.listDocuments().map((d) => d.docId).sort();

describe('merging a second tab\'s changes on takeover', () => {
  it('brings the other file a document was read from (a narrative joined from its own PDF)', async () => {
    const b = track(LibraryDb.create(libs.SQL()));
    const base = baseline(b);
    const tables: StoredDocument = { ...doc('t', '丁局'), fileName: 't.pdf', tables: [{ table: 'summary', status: 'present', title: '收支总表', source: { line: 1 } }] };
    const narrative: StoredDocument = { ...doc('n', '丁局'), fileName: 'n.pdf', figures: [{ table: 'facts', rowCode: 'income_total', rowName: '收入总计', column: 'amount', amount: 7, source: { line: 2 } }] };
    b.addDocuments([tables], 'pdf', 'h-t', '表一\n表二\n表三');
    expect(joinNarratives(b, [narrative], { hash: 'h-n', name: 'n.pdf', record: { text: '说明一\n说明二\n说明三' } }).docs).toEqual([]);
    const saved = track(LibraryDb.create(libs.SQL()));
    expect(mergeChanges(saved, b, base, reapplyProfiles).added).toBe(1);
    const fact = saved.figures('t').find((f) => f.table === 'facts')!;
    expect([fact.file, fact.fileName]).toEqual(['h-n', 'n.pdf']);
    expect(await saved.sourceLines('t', fact.line!, fact.line!, fact.file)).toEqual([{ line: 2, text: '说明二' }]);
    expect(await saved.sourceLines('t', 2, 2)).toEqual([{ line: 2, text: '表二' }]);
  });

  it('keeps what the writer saved since, adds the second tab\'s imports, removals and links', async () => {
    const start = track(LibraryDb.create(libs.SQL()));
    start.addDocuments([doc('keep', '甲局'), doc('gone', '乙局')], 'csv', 'h');
    const snapshot = start.export();

    // Tab A (writer) and tab B (read-only) both start from the snapshot.
    const a = track(LibraryDb.open(libs.SQL(), snapshot));
    const b = track(LibraryDb.open(libs.SQL(), snapshot));
    const base = baseline(b);
    a.addDocuments([doc('from-a', '丙局')], 'csv', 'h2');
    const r = await importSeed(b, '001_0e01da1d0149c9a7.txt');
    expect(r.status).toBe('added');
    b.removeDocument('gone');
    b.db.run("INSERT INTO unit_link (unit_key, canonical_key) VALUES ('name:甲局', 'name:丙局')");

    // A closes; B takes over from A's last save.
    const saved = track(LibraryDb.open(libs.SQL(), a.export()));
    const merged = mergeChanges(saved, b, base, reapplyProfiles);
    const seedId = r.status === 'added' ? r.docs[0].docId : '';
    expect(merged).toEqual({ added: 1, removed: 1, links: 1, profiles: 0 });
    expect(ids(saved)).toEqual(['from-a', 'keep', seedId].sort());
    // The import came with everything read from it: figures, tables, projects, warnings, source text.
    const mine = b.listDocuments().find((d) => d.docId === seedId)!;
    const theirs = saved.listDocuments().find((d) => d.docId === seedId)!;
    expect(theirs).toEqual(mine);
    expect(await saved.sourceLines(seedId, 1, 3)).toHaveLength(3);
    expect(await saved.sourceLines(seedId, 1, 3)).toEqual(await b.sourceLines(seedId, 1, 3));
    expect(saved.db.exec("SELECT canonical_key FROM unit_link WHERE unit_key = 'name:甲局'")[0].values).toEqual([['name:丙局']]);
    // Audit results are recomputed for the merged library, not copied.
    expect(storedAudits(saved, [seedId], false)[0].checks.length).toBeGreaterThan(0);
    // And the merged library saves and opens.
    expect(ids(track(LibraryDb.open(libs.SQL(), saved.export())))).toEqual(ids(saved));
  });

  it('changes nothing when the second tab changed nothing', () => {
    const start = track(LibraryDb.create(libs.SQL()));
    start.addDocuments([doc('keep', '甲局')], 'csv', 'h');
    const b = track(LibraryDb.open(libs.SQL(), start.export()));
    const base = baseline(b);
    start.addDocuments([doc('later', '乙局')], 'csv', 'h2');
    const saved = track(LibraryDb.open(libs.SQL(), start.export()));
    expect(mergeChanges(saved, b, base, reapplyProfiles)).toEqual({ added: 0, removed: 0, links: 0, profiles: 0 });
    expect(ids(saved)).toEqual(['keep', 'later']);
  });
});

describe('a snapshot that opens but is not our schema is damaged', () => {
  it.each([
    ['lacks a table', 'DROP TABLE figure', /缺少表 figure/],
    ['lacks a column', 'CREATE TABLE d2 AS SELECT doc_id FROM document; DROP TABLE document; ALTER TABLE d2 RENAME TO document;', /document 缺少列/],
    ['holds a trigger', "CREATE TRIGGER t AFTER INSERT ON figure BEGIN SELECT 1; END", /触发器/],
    ['holds a view', 'CREATE VIEW v AS SELECT 1', /视图/],
  ])('%s', (_, change, pattern) => {
    const lib = LibraryDb.create(libs.SQL());
    lib.db.exec('PRAGMA foreign_keys = OFF');
    lib.db.exec(change);
    const bytes = lib.export();
    lib.close();
    expect(() => track(LibraryDb.open(libs.SQL(), bytes))).toThrow(SnapshotError);
    expect(() => track(LibraryDb.open(libs.SQL(), bytes))).toThrow(pattern);
  });
});
