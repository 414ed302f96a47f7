import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLibraryFile } from '../../../src/lib/db/foreign';
import { LibraryDb, SnapshotError } from '../../../src/lib/db/library';
import { SCHEMA_VERSION } from '../../../src/lib/db/schema';
import { importFile } from '../../../src/lib/ingest/file';
import type { StoredDocument } from '../../../src/lib/model/document';
import { seedsDir } from '../../support/shared';
import { auditPending } from '../../../src/lib/worker/audits';

/**
 * Issue 14 finding 1: a .sqlite file is data from a stranger. Its rows are read through our own
 * schema into a fresh database, every value checked; its schema (triggers, views, missing
 * constraints) never enters the library, and anything wrong is refused with a message.
 */
let SQL: SqlJsStatic;
const opened: { close(): void }[] = [];
beforeAll(async () => {
  SQL = await initSqlJs();
});
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});
const track = <T extends { close(): void }>(x: T): T => (opened.push(x), x);

const SEED = '000_90f61d72552513ea.txt';
// gold/seeds.json: seed 000's summary income.general is 1441.70 万元.
const GENERAL = 1_441_700_000;

function doc(docId: string): StoredDocument {
  return {
    docId, fileName: `${docId}.txt`, tables: [], projects: [], warnings: [],
    meta: { unitCode: '999', unitName: '某测试局', scope: 'department', stage: 'budget', year: 2023 },
    figures: [{ table: 'summary', rowCode: 'income.general', rowName: '一般公共预算拨款收入', column: 'amount', amount: 5_000_000, source: { line: 3 } }],
  };
}

/** A document with what schema version 4 added: a narrative, raw tables, an unreadable table, a warning that says what it is about. */
function withV4Fields(d: StoredDocument): StoredDocument {
  const amount = { fen: 5_000_000, text: '5.00', decimals: 2, unit: '万元' as const };
  return {
    ...d,
    tables: [{ table: 'summary', status: 'unreadable', title: '收支总表', source: { line: 2 }, note: '本表无数据' }],
    warnings: [{ message: '这一格没有读到', source: { line: 3 }, kind: 'unread_cell', table: 'summary', title: '收支总表', rowCode: 'income.general', column: 'amount' }],
    rawTables: [{ title: '其他表', header: [['项目', '金额']], body: [['其他', '1.00']], source: { line: 9, page: 2 } }],
    narrative: {
      paragraphs: [{ text: '收入预算5.00万元。', source: { line: 12 } }],
      statements: [{
        key: 'income_total', level: 'total', subject: '收入预算', amount, arranged: null, base: null, baseLabel: '', baseYear: null,
        change: null, direction: '', percent: null, reason: '', sentence: '收入预算5.00万元。', source: { line: 12 },
      }],
      shares: [{ kind: 'share', subject: '基本支出', key: 'basic', amount, whole: amount, wholeLabel: '支出合计', percent: { value: '100', decimals: 0 }, group: 0, sentence: '占100%', source: { line: 13 } }],
    },
  };
}

/** A library file of ours (current version) with one document, then altered by `tamper`. */
function craft(tamper: (db: Database) => void, version = SCHEMA_VERSION, docs = [doc('forged')]): Uint8Array {
  const lib = LibraryDb.create(SQL);
  lib.addDocuments(docs, 'text', 'h0');
  auditPending(lib);
  const raw = new SQL.Database(lib.export());
  lib.close();
  raw.exec('PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;');
  tamper(raw);
  raw.exec(`PRAGMA user_version = ${version}`);
  const bytes = raw.export();
  raw.close();
  return bytes;
}

async function addSeed(lib: LibraryDb): Promise<void> {
  const read = await importFile(new Uint8Array(readFileSync(path.join(seedsDir, SEED))), SEED);
  if (!read.ok) throw new Error(read.error);
  lib.addDocuments(read.docs, read.kind, read.contentHash, read.text);
}

const generalOf = (lib: LibraryDb) =>
  lib.db.exec("SELECT amount FROM figure WHERE table_key = 'summary' AND row_code = 'income.general' AND column_key = 'amount' AND doc_id <> 'forged'")[0].values[0][0];

function refused(bytes: Uint8Array, pattern: RegExp): void {
  let error: unknown = null;
  try {
    track(openLibraryFile(SQL, bytes));
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SnapshotError);
  expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
  expect((error as Error).message).toMatch(pattern);
}

describe('opening a .sqlite file (issue 14, finding 1)', () => {
  it('never keeps a trigger: a later import is stored as read, also after a save and reload', async () => {
    const bytes = craft((db) => db.exec(`CREATE TRIGGER evil AFTER INSERT ON figure BEGIN
      UPDATE figure SET amount = amount * 10 WHERE doc_id = NEW.doc_id AND seq = NEW.seq; END;`));
    const lib = track(openLibraryFile(SQL, bytes));
    expect(lib.listDocuments().map((d) => d.docId)).toEqual(['forged']);
    await addSeed(lib);
    expect(generalOf(lib)).toBe(GENERAL);
    // The library as saved and opened again (a reload): still no foreign schema, still exact.
    const again = track(LibraryDb.open(SQL, lib.export()));
    expect(again.db.exec("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'view')")).toEqual([]);
    await addSeed(again);
    expect(generalOf(again)).toBe(GENERAL);
  });

  it('never keeps a view or an extra table of the file', () => {
    const lib = track(openLibraryFile(SQL, craft((db) => db.exec('CREATE TABLE spy (x); CREATE VIEW v AS SELECT * FROM figure;'))));
    expect(lib.db.exec("SELECT name FROM sqlite_master WHERE name IN ('spy', 'v')")).toEqual([]);
    expect(lib.listDocuments()).toHaveLength(1);
  });

  it.each([
    ["'abc'", /金额|amount/],
    ['1.5', /金额|amount/],
    ['9223372036854775807', /金额|amount/],
  ])('refuses an amount of %s', (value, pattern) => {
    refused(craft((db) => db.exec(`UPDATE figure SET amount = ${value}`)), pattern);
  });

  it('refuses bad values in other columns: a scope, a year, a table key, a box', () => {
    // Our CHECK constraints are caught by integrity_check; a table rebuilt without them is not.
    refused(craft((db) => db.exec("UPDATE document SET scope = 'nonsense'")), /完整性/);
    refused(craft((db) => db.exec(`CREATE TABLE d2 AS SELECT * FROM document; DROP TABLE document; ALTER TABLE d2 RENAME TO document;
      UPDATE document SET scope = 'nonsense'`)), /scope/);
    refused(craft((db) => db.exec("UPDATE document SET year = 'twenty'")), /year/);
    refused(craft((db) => db.exec("UPDATE figure SET table_key = 'evil'")), /table_key/);
    refused(craft((db) => db.exec("UPDATE figure SET box = '{\"x\":1}'")), /box/);
  });

  it('reads a table rebuilt without its constraints, and the result saves and opens again', () => {
    const bytes = craft((db) => db.exec(`
      CREATE TABLE d2 AS SELECT * FROM document; DROP TABLE document; ALTER TABLE d2 RENAME TO document;`));
    const lib = track(openLibraryFile(SQL, bytes));
    expect(lib.figures('forged')[0].amount).toBe(5_000_000);
    lib.removeDocument('forged'); // "foreign key mismatch" came from here and from saving
    const again = track(LibraryDb.open(SQL, lib.export()));
    expect(again.listDocuments()).toEqual([]);
  });

  it('refuses rows that break the constraints the file dropped (a figure of no document, a repeated key)', () => {
    refused(craft((db) => db.exec(`CREATE TABLE f2 AS SELECT * FROM figure; DROP TABLE figure; ALTER TABLE f2 RENAME TO figure;
      INSERT INTO figure SELECT * FROM figure;`)), /figure/);
    refused(craft((db) => db.exec(`CREATE TABLE f2 AS SELECT * FROM figure; DROP TABLE figure; ALTER TABLE f2 RENAME TO figure;
      UPDATE figure SET doc_id = 'nobody';`)), /figure/);
  });

  it('refuses a file with none of our tables, and one missing a table or a column of its version', () => {
    const none = new SQL.Database();
    none.exec(`CREATE TABLE other (x); PRAGMA user_version = ${SCHEMA_VERSION}`);
    const bytes = none.export();
    none.close();
    refused(bytes, /不是预算透镜的资料库|缺少/);
    refused(craft((db) => db.exec('DROP TABLE doc_warning')), /doc_warning/);
    refused(craft((db) => db.exec('CREATE TABLE p2 AS SELECT doc_id, seq FROM project; DROP TABLE project; ALTER TABLE p2 RENAME TO project;')), /project/);
  });

  it('refuses a table replaced by a view of the same name', () => {
    refused(craft((db) => db.exec('ALTER TABLE unit_link RENAME TO ul2; CREATE VIEW unit_link AS SELECT * FROM ul2;')), /unit_link/);
  });

  it('reads an older version through that version\'s schema and migrates it forward', () => {
    const lib = track(openLibraryFile(SQL, craft((db) => db.exec('DROP TABLE source_blob'), 2)));
    expect(lib.version).toBe(SCHEMA_VERSION);
    expect(lib.figures('forged')[0].amount).toBe(5_000_000);
  });

  it('gives back exactly what our own export holds, its documents marked as come from a file', async () => {
    const lib = track(LibraryDb.create(SQL));
    await addSeed(lib);
    lib.addDocuments([withV4Fields(doc('v4'))], 'text', 'h4');
    auditPending(lib);
    expect(lib.db.exec('SELECT count(*) FROM doc_narrative')[0].values[0][0]).toBeGreaterThan(0);
    expect(lib.db.exec('SELECT count(*) FROM doc_raw_tables')[0].values[0][0]).toBe(1);
    const copy = track(openLibraryFile(SQL, lib.export()));
    expect(copy.db.exec('SELECT DISTINCT source_kind FROM document')[0].values).toEqual([['sqlite']]);
    copy.db.exec("UPDATE document SET source_kind = 'text'");
    for (const table of ['document', 'figure', 'doc_table', 'doc_warning', 'doc_raw_tables', 'doc_narrative', 'project', 'indicator', 'source_text', 'audit_check', 'audit_finding']) {
      expect(copy.db.exec(`SELECT * FROM ${table} ORDER BY 1, 2`)).toEqual(lib.db.exec(`SELECT * FROM ${table} ORDER BY 1, 2`));
    }
  });
});

describe('the columns of schema version 4 (narrative, raw tables, what a warning is about)', () => {
  const v4 = (tamper: (db: Database) => void = () => {}) => craft(tamper, SCHEMA_VERSION, [withV4Fields(doc('v4'))]);

  it('reads them back as they were', () => {
    const lib = track(openLibraryFile(SQL, v4()));
    expect(lib.rawTables('v4')).toEqual(withV4Fields(doc('v4')).rawTables);
    expect(lib.warnings('v4')[0]).toMatchObject({ kind: 'unread_cell', table: 'summary', rowCode: 'income.general', column: 'amount' });
    expect(lib.db.exec("SELECT status, note FROM doc_table WHERE doc_id = 'v4'")[0].values).toEqual([['unreadable', '本表无数据']]);
  });

  it.each([
    ['a narrative amount that is not integer fen', "UPDATE doc_narrative SET narrative = replace(narrative, '\"fen\":5000000', '\"fen\":1.5')", /情况说明/],
    ['a narrative amount given as text', "UPDATE doc_narrative SET narrative = replace(narrative, '\"fen\":5000000', '\"fen\":\"abc\"')", /情况说明/],
    ['a narrative that is not JSON', "UPDATE doc_narrative SET narrative = '{'", /情况说明/],
    ['a narrative with a field of its own', "UPDATE doc_narrative SET narrative = '{\"paragraphs\":[],\"statements\":[],\"shares\":[],\"html\":\"<b>\"}'", /情况说明/],
    ['raw table cells that are numbers', "UPDATE doc_raw_tables SET tables = replace(tables, '\"其他\"', '7')", /未归类表格/],
    ['a warning of an unknown kind', "UPDATE doc_warning SET kind = 'evil'", /evil/],
    ['a warning about an unknown table', "UPDATE doc_warning SET table_key = 'evil'", /evil/],
    ['a table status of an unknown kind (constraint dropped)', `CREATE TABLE t2 AS SELECT * FROM doc_table; DROP TABLE doc_table; ALTER TABLE t2 RENAME TO doc_table;
      UPDATE doc_table SET status = 'evil'`, /evil/],
    ['a finding page that is not a number', "UPDATE audit_finding SET page = 'x'", /page/],
  ])('refuses %s', (_, tamper, pattern) => {
    const bytes = v4((db) => {
      // A finding to tamper with: audit_finding rows exist only for documents the audit has seen.
      db.exec(`INSERT INTO audit_finding (doc_id, seq, check_id, severity, table_key, row_code, row_name, column_key, message, expected, actual, line, related_doc_id, quote, page)
        VALUES ('v4', 99, 'c', 'warning', 'summary', '', '', '', 'm', '', '', NULL, NULL, '', 1)`);
      db.exec(tamper);
    });
    refused(bytes, pattern);
  });
});

describe('COPY_TABLES', () => {
  it('has a check for every table and column of the current schema (a new migration adds its entry)', async () => {
    const { COPY_TABLES } = await import('../../../src/lib/db/copyTables');
    const lib = track(LibraryDb.create(SQL));
    const tables = lib.db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")[0].values.map(([n]) => n as string);
    expect(COPY_TABLES.map((t) => t.table).sort()).toEqual(tables);
    for (const t of COPY_TABLES) {
      const columns = lib.db.exec(`PRAGMA table_info("${t.table}")`)[0].values.map((r) => r[1] as string);
      expect(Object.keys(t.columns).sort(), t.table).toEqual(columns.sort());
    }
  });
});
