import { describe, expect, it } from 'vitest';
import { LibraryDb, SnapshotError } from '../../../src/lib/db/library';
import { SCHEMA_VERSION } from '../../../src/lib/db/schema';
import type { StoredDocument } from '../../../src/lib/model/document';
import { trackedLibraries } from './tracked';

const libs = trackedLibraries();
const track = libs.track;

function doc(docId: string, amount = 1_000_000): StoredDocument {
  return {
    docId,
    fileName: `${docId}.txt`,
    meta: { unitCode: '202', unitName: '测试局', scope: 'department', stage: 'budget', year: 2023 },
    figures: [
      { table: 'summary', rowCode: 'income.general', rowName: '一般公共预算拨款收入', column: 'amount', amount, source: { line: 3 } },
      { table: 'facts', rowCode: 'basic', rowName: '基本支出', column: 'amount', amount: 5, source: { line: 9 } },
    ],
    tables: [{ table: 'summary', status: 'present', title: '部门预算收支总表', source: { line: 1 } }],
    projects: [{ code: 'P1', name: '项目', amount: 10, fiscalAmount: 10, otherAmount: null, goals: '目标', source: { line: 20 },
      indicators: [{ level1: '产出指标', level2: '数量指标', level3: '次数', description: '', value: '≥1', basis: '', source: { line: 21 } }] }],
    warnings: [{ message: '第 40 行无法识别', source: { line: 40 } }],
  };
}

describe('LibraryDb', () => {
  it('creates the current schema version', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    expect(lib.version).toBe(SCHEMA_VERSION);
  });

  it('keeps no index on figure keys (migration 5): figures are found by their document', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    const indexes = lib.db.exec("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figure'");
    expect(indexes.length ? indexes[0].values.flat() : []).toEqual([]);
    const plan = lib.db.exec("EXPLAIN QUERY PLAN SELECT * FROM figure WHERE doc_id IN ('a', 'b') ORDER BY doc_id, seq")[0].values.map((r) => String(r[3]));
    expect(plan.join(' | ')).toMatch(/SEARCH figure USING PRIMARY KEY/);
  });

  it('stores documents with figures, tables, projects and warnings, and skips duplicates', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    expect(lib.addDocuments([doc('a'), doc('b')], 'text', 'h1')).toEqual({ added: ['a', 'b'], skipped: [] });
    expect(lib.addDocuments([doc('a')], 'text', 'h1')).toEqual({ added: [], skipped: ['a'] });
    expect(lib.hasContent('h1')).toBe(true);
    const [first] = lib.listDocuments();
    expect(first).toMatchObject({ figureCount: 2, tableCount: 1, projectCount: 1, warningCount: 1, year: 2023 });
    expect(lib.figures('a')[0]).toMatchObject({ table: 'summary', rowCode: 'income.general', amount: 1_000_000, line: 3 });
  });

  it('keeps the source text and cites lines from it', async () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    lib.addDocuments([doc('a')], 'text', 'h1', '第一行\r\n第二行\n第三行');
    expect(await lib.sourceLines('a', 2, 9)).toEqual([{ line: 2, text: '第二行' }, { line: 3, text: '第三行' }]);
    expect(await lib.sourceLines('missing', 1, 2)).toEqual([]);
    // Kept beside the file, not in it (db/sources.ts): the snapshot holds none of the text.
    expect(lib.db.exec('SELECT count(*) FROM source_text')[0].values[0][0]).toBe(0);
    expect(new TextDecoder().decode(lib.export()).includes('第二行')).toBe(false);
    lib.removeDocument('a');
    expect(lib.sources.held('h1')).toBeUndefined();
    expect(await lib.sourceLines('a', 1, 3)).toEqual([]);
  });

  it('removes a document and everything read from it', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    lib.addDocuments([doc('a')], 'text', 'h1');
    lib.removeDocument('a');
    expect(lib.listDocuments()).toEqual([]);
    expect(lib.db.exec('SELECT count(*) FROM figure')[0].values[0][0]).toBe(0);
    expect(lib.db.exec('SELECT count(*) FROM indicator')[0].values[0][0]).toBe(0);
  });

  it('rolls back a whole import when one document fails', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    const bad = doc('bad');
    (bad.meta as { scope: string }).scope = 'nonsense';
    expect(() => lib.addDocuments([doc('ok'), bad], 'text', 'h')).toThrow();
    expect(lib.listDocuments()).toEqual([]);
  });

  it('round-trips through export and open', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    lib.addDocuments([doc('a', 123_456)], 'text', 'h');
    const again = track(LibraryDb.open(libs.SQL(), lib.export()));
    expect(again.figures('a')[0].amount).toBe(123_456);
  });

  it('refuses bytes that are not SQLite, not ours, or from a newer schema', () => {
    expect(() => LibraryDb.open(libs.SQL(), new TextEncoder().encode('hello, not a database at all'))).toThrow(SnapshotError);
    const foreign = new (libs.SQL().Database)();
    foreign.run('CREATE TABLE other (x)');
    expect(() => LibraryDb.open(libs.SQL(), foreign.export())).toThrow(/不是预算透镜的资料库/);
    foreign.close();
    const future = LibraryDb.create(libs.SQL());
    future.db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    const bytes = future.export();
    future.close();
    expect(() => LibraryDb.open(libs.SQL(), bytes)).toThrow(/比本程序支持的版本/);
  });

  it('migrates an empty version-0 database forward', () => {
    const empty = new (libs.SQL().Database)();
    const lib = track(LibraryDb.open(libs.SQL(), empty.export()));
    empty.close();
    expect(lib.version).toBe(SCHEMA_VERSION);
  });

  it('never builds libs.SQL() from document text', () => {
    const lib = track(LibraryDb.create(libs.SQL()));
    const evil = doc("x'); DROP TABLE figure; --");
    evil.meta.unitName = "'; DELETE FROM document; --";
    lib.addDocuments([evil, doc('y')], 'text', 'h');
    expect(lib.listDocuments().map((d) => d.docId).sort()).toEqual(["x'); DROP TABLE figure; --", 'y']);
  });
});

describe('loadStoredDocuments', () => {
  it('gives back what was stored, for all documents or a selection', async () => {
    const { loadStoredDocuments } = await import('../../../src/lib/db/documents');
    const lib = track(LibraryDb.create(libs.SQL()));
    lib.addDocuments([doc('a', 7), doc('b', 9)], 'text', 'h');
    const everything = loadStoredDocuments(lib.db, null);
    expect(everything.map((d) => d.docId)).toEqual(['a', 'b']);
    const [b] = loadStoredDocuments(lib.db, ['b']);
    expect(b.meta).toEqual(doc('b').meta);
    expect(b.figures.map((f) => [f.table, f.rowCode, f.amount, f.source.line])).toEqual([
      ['summary', 'income.general', 9, 3], ['facts', 'basic', 5, 9],
    ]);
    expect(b.tables).toEqual(doc('b').tables);
    expect(b.warnings).toEqual(doc('b').warnings);
    expect(loadStoredDocuments(lib.db, [])).toEqual([]);
  });
});
