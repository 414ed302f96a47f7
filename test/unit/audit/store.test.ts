import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { CHECKS } from '../../../src/lib/audit/registry';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadStoredDocuments } from '../../../src/lib/db/documents';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { seedsDir } from '../../support/shared';
import { makeDoc } from './fixtures';
import { auditPage, auditPending, removeDocument, storedAudits } from '../../../src/lib/worker/audits';
import { readdirSync } from 'node:fs';

const seeds = seedsDir;
let SQL: SqlJsStatic;
let lib: LibraryDb | null = null;
beforeAll(async () => {
  SQL = await initSqlJs();
});
afterEach(() => {
  lib?.close();
  lib = null;
});

async function addSeed(db: LibraryDb, file: string): Promise<string[]> {
  const read = await importFile(new Uint8Array(readFileSync(path.join(seeds, file))), file);
  if (!read.ok) throw new Error(read.error);
  return db.addDocuments(read.docs, read.kind, read.contentHash, read.text).added;
}

const errorsOf = (db: LibraryDb, docId: string, check: string) =>
  storedAudits(db, [docId], true)[0].findings.filter((f) => f.check === check && f.severity === 'error').length;

// Imports and audits of whole seeds: generous limits for a hang, not a speed goal (a loaded 2-core machine).
describe('audit results in the library database', { timeout: 60_000 }, () => {
  it('audits what arrives, stores checks and findings, and reads them back', async () => {
    lib = LibraryDb.create(SQL);
    const [doc] = await addSeed(lib, '001_0e01da1d0149c9a7.txt');
    expect(auditPending(lib)).toEqual([doc]);
    expect(auditPending(lib)).toEqual([]); // nothing pending any more
    const [a] = storedAudits(lib, [doc], true);
    expect(a.checks.map((c) => c.check)[0]).toBe('balance');
    expect(a.checks.find((c) => c.check === 'row_total')!.errors).toBe(5);
    expect(a.findings.find((f) => f.table === 'general_expense' && f.rowCode === '201')!.line).toBeGreaterThan(0);
  });

  it('audits a document again when a related one arrives or leaves (department and unit)', async () => {
    lib = LibraryDb.create(SQL);
    await addSeed(lib, '000_90f61d72552513ea.txt');
    auditPending(lib);
    const [dept, unit] = await addSeed(lib, '004_4e927ba8514049a8.txt');
    // Only the new documents (and their relations) are audited, not the unrelated 000.
    expect(auditPending(lib).sort()).toEqual([dept, unit].sort());
    expect(errorsOf(lib, dept, 'cross_document')).toBe(1);
    removeDocument(lib, unit);
    expect(auditPending(lib)).toEqual([dept]);
    expect(errorsOf(lib, dept, 'cross_document')).toBe(0);
    expect(storedAudits(lib, [dept], false)[0].checks.find((c) => c.check === 'cross_document')!.status).toBe('not_run');
  });

  it('migrates an older snapshot forward and audits its documents on first read', async () => {
    lib = LibraryDb.create(SQL);
    const [doc] = await addSeed(lib, '003_3753cf426c7ec0a0.txt');
    // Back to version 1: drop what migrations 2–9 add (4 adds doc_raw_tables, doc_narrative and columns; 6 layout_profile and the profile columns; 7 doc_compared; 9 doc_count).
    lib.db.exec('ALTER TABLE project DROP COLUMN carryover_amount; DROP TABLE doc_file; DROP TABLE doc_count; DROP TABLE doc_compared; DROP TABLE layout_profile; ALTER TABLE figure DROP COLUMN profile; ALTER TABLE doc_table DROP COLUMN profile; DROP TABLE audit_finding; DROP TABLE audit_check; DROP TABLE doc_narrative; DROP TABLE doc_raw_tables; ALTER TABLE doc_table DROP COLUMN note; ' +
      'ALTER TABLE doc_warning DROP COLUMN title; ALTER TABLE doc_warning DROP COLUMN table_key; ALTER TABLE doc_warning DROP COLUMN row_code; ALTER TABLE doc_warning DROP COLUMN column_key; ALTER TABLE doc_warning DROP COLUMN kind; PRAGMA user_version = 1');
    const reopened = LibraryDb.open(SQL, lib.export());
    lib.close();
    lib = reopened;
    const [a] = storedAudits(lib, null, true);
    expect(a.docId).toBe(doc);
    expect(a.checks.length).toBe(CHECKS.length);
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the narrative across a save and reload', { timeout: 60_000 }, () => {
  it('keeps paragraphs and statements, and the findings keep their sentence', async () => {
    const l = LibraryDb.create(SQL);
    try {
      const [doc] = await addSeed(l, '004_4e927ba8514049a8.txt');
      const before = loadStoredDocuments(l.db, [doc])[0].narrative;
      expect(before?.paragraphs.length).toBeGreaterThan(10);
      auditPending(l);
      const reopened = LibraryDb.open(SQL, l.export());
      try {
        expect(loadStoredDocuments(reopened.db, [doc])[0].narrative).toEqual(before);
        const [a] = storedAudits(reopened, [doc], true);
        const text = a.findings.find((f) => f.check === 'narrative_text')!;
        expect(text.quote).toContain('。。');
      } finally {
        reopened.close();
      }
    } finally {
      l.close();
    }
  });
});

describe('what the importer could not read, through the library', { timeout: 60_000 }, () => {
  it('keeps a warning’s table, row and column, so the stored audit says 未执行, not an error on a blank', () => {
    const l = LibraryDb.create(SQL);
    try {
      const doc = makeDoc([['expense', 'total', 'basic', '10.00'], ['expense', 'total', 'project', '5.00']], { docId: 'unread1' });
      doc.warnings.push({ message: '「支出总表」合计行合计未能读取', table: 'expense', rowCode: 'total', column: 'total', kind: 'unread_cell' });
      l.addDocuments([doc], 'text', 'hash-unread');
      const reopened = LibraryDb.open(SQL, l.export());
      try {
        expect(loadStoredDocuments(reopened.db, ['unread1'])[0].warnings.at(-1)).toMatchObject({ table: 'expense', rowCode: 'total', column: 'total', kind: 'unread_cell' });
        const [a] = storedAudits(reopened, ['unread1'], true);
        expect(a.findings.filter((f) => f.check === 'row_total' && f.severity === 'error')).toEqual([]);
        expect(a.checks.find((c) => c.check === 'row_total')!.notRun.join()).toContain('未能读取');
      } finally {
        reopened.close();
      }
    } finally {
      l.close();
    }
  });

  it('reads the summary a page at a time, the page holding a named document, each page as the whole summary has it', async () => {
    lib = LibraryDb.create(SQL);
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()) await addSeed(lib, f);
    const whole = storedAudits(lib, null, false);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    const ids = whole.map((a) => a.docId);
    // Pages of two: each equals its slice of the whole summary (the same order, checks and meta).
    for (let from = 0; from < ids.length; from += 2) {
      const page = auditPage(lib, from, 2, null);
      expect(page).toEqual({ from, total: ids.length, audits: whole.slice(from, from + 2) });
    }
    // A named document brings its own page, wherever the user was; an unknown one keeps the asked page.
    const last = ids.length - 1;
    expect(auditPage(lib, 0, 2, ids[last]).from).toBe(Math.floor(last / 2) * 2);
    expect(auditPage(lib, 2, 2, 'no-such-doc').from).toBe(2);
    // Past the end: the last page.
    expect(auditPage(lib, 999, 2, null).from).toBe(Math.floor(last / 2) * 2);
    // Read by id, a few documents' checks are those of the whole read.
    expect(storedAudits(lib, [ids[1], ids[0]], false)).toEqual([whole[0], whole[1]]);
  });
});
