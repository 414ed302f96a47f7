import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { AUDIT_VERSION } from '../../../src/lib/audit/audit';
import { auditCsv } from '../../../src/lib/audit/csv';
import { unauditedIds } from '../../../src/lib/db/audits';
import { prepareConsole, runQuery } from '../../../src/lib/console/run';
import { LibraryDb } from '../../../src/lib/db/library';
import { SCHEMA_VERSION } from '../../../src/lib/db/schema';
import { importFile } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import { FEN_PER_WAN } from '../../../src/lib/model/amount';
import type { Narrative } from '../../../src/lib/model/narrative';
import { storedAudits } from '../../../src/lib/worker/audits';
import { addImported } from '../../../src/lib/worker/imports';

const compact = (t: string) => t.replace(/\s+/g, '');
import { corpusDir } from '../../support/shared';

/**
 * A disclosure published as a narrative PDF and a tables PDF (Jiangsu's 部门预算) is one document
 * in the library, but its rows were read from two files. A narrative figure's line and page count
 * in the narrative's file: the source view must show that file, not the line of that number in the
 * tables. Real files of ../shared, in both orders of import.
 */
const dir = path.join(corpusDir, 'jiangsu');
// A pair: the same name but for its ending, one of them the tables.
const tables = readdirSync(dir).filter((f) => f.endsWith('-tables.pdf')).sort()[0];
const narrative = tables.replace(/-tables\.pdf$/, '-text.pdf');

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

async function read(name: string) {
  const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
  const r = await importFile(bytes, name, { openPdf: openPdfNode });
  if (!r.ok) throw new Error(r.error);
  return { name, bytes, read: r };
}

describe('a narrative joined from another PDF cites its own file', () => {
  for (const order of [[tables, narrative], [narrative, tables]]) {
    it(`${order[0]} then ${order[1]}`, { timeout: 180_000 }, async () => {
      const lib = LibraryDb.create(SQL);
      const files = [];
      for (const name of order) {
        const f = await read(name);
        const added = addImported(lib, f.read, f.name, f.bytes);
        expect(added.status).toBe('added');
        // Joined, not two versions of one disclosure (db/sameDisclosure.ts).
        expect(added.status === 'added' && added.differs).toBeFalsy();
        files.push(f);
      }
      const text = files.find((f) => f.name === narrative)!;
      const own = files.find((f) => f.name === tables)!;
      const [doc, ...more] = lib.listDocuments();
      expect(more).toEqual([]);
      const figures = lib.figures(doc.docId);
      const facts = figures.filter((f) => f.table === 'facts');
      expect(facts.length).toBeGreaterThan(5);
      // Every narrative figure names the narrative's file; every table figure the document's own.
      expect(new Set(facts.map((f) => f.file))).toEqual(new Set([text.read.contentHash]));
      expect(new Set(facts.map((f) => f.fileName))).toEqual(new Set([narrative]));
      expect(figures.filter((f) => f.table !== 'facts').every((f) => f.file === null)).toBe(true);

      const narrativeLines = text.read.text!.split(/\r\n|\r|\n/);
      const tableLines = own.read.text!.split(/\r\n|\r|\n/);
      let stated = 0;
      let elsewhere = 0;
      for (const f of facts) {
        const [shown] = await lib.sourceLines(doc.docId, f.line!, f.line!, f.file);
        expect(shown.text).toBe(narrativeLines[f.line! - 1]);
        if (shown.text.includes((f.amount / FEN_PER_WAN).toFixed(2))) stated++;
        if (tableLines[f.line! - 1] !== shown.text) elsewhere++;
      }
      // The lines say the amounts; the tables file's lines of the same numbers do not.
      expect(stated).toBeGreaterThan(facts.length / 2);
      expect(elsewhere).toBe(facts.length);
      // Its paragraphs and statements (where reasons are quoted from) name the file too.
      const [[stored]] = lib.db.exec('SELECT narrative FROM doc_narrative')[0].values as [[string]];
      const n = JSON.parse(stored) as Narrative;
      expect(n.statements.length).toBeGreaterThan(0);
      expect(new Set([...n.paragraphs, ...n.statements, ...n.shares].map((x) => x.source.file))).toEqual(new Set([text.read.contentHash]));
      // The page view opens the narrative's PDF for them, the tables' for the rest.
      expect(await lib.sourcePdf(doc.docId, facts[0].file)).toEqual(text.bytes);
      expect(await lib.sourcePdf(doc.docId, null)).toEqual(own.bytes);
      // The audit's findings about the narrative's sentences name its file, and their line is there.
      const [audit] = storedAudits(lib, [doc.docId], true);
      const quoted = audit.findings.filter((f) => f.check === 'narrative_percent');
      expect(quoted.length).toBeGreaterThan(0);
      for (const f of quoted) {
        expect([f.file, f.fileName]).toEqual([text.read.contentHash, narrative]);
        const [shown] = await lib.sourceLines(doc.docId, f.line!, f.line!, f.file);
        expect(shown.text).toBe(narrativeLines[f.line! - 1]);
        expect(compact(f.quote)).toContain(compact(shown.text).slice(0, 8));
      }
      // So does the audit CSV; the table findings are the document's own file's.
      const csv = Papa.parse<Record<string, string>>(auditCsv([audit]), { header: true, skipEmptyLines: true }).data;
      expect(csv.filter((r) => r.check === 'narrative_percent').map((r) => r.file)).toEqual(quoted.map(() => narrative));
      expect(audit.findings.filter((f) => f.table !== 'facts' && f.table !== 'document').every((f) => f.file === null)).toBe(true);
      // Either file given again is already in the library, the narrative too: not a second document of its facts.
      for (const f of files) expect(addImported(lib, f.read, f.name, f.bytes).status).toBe('duplicate');
      expect(lib.listDocuments()).toHaveLength(1);
      // The SQL console's views say which file a figure's or finding's page counts in.
      prepareConsole(lib.db);
      const column = (q: string) => {
        const r = runQuery(lib.db, q, 10_000);
        if (!r.ok) throw new Error(r.error);
        return new Set(r.result.rows.map((row) => row[0]));
      };
      expect(column("SELECT source_file FROM figures WHERE table_key = 'facts'")).toEqual(new Set([narrative]));
      expect(column("SELECT source_file FROM figures WHERE table_key <> 'facts'")).toEqual(new Set([tables]));
      expect(column("SELECT source_file FROM findings WHERE check_id = 'narrative_percent'")).toEqual(new Set([narrative]));
      lib.close();
    });
  }
});

describe('migration 9 → 10', () => {
  it('opens a version-9 library: no document lists another file, and each row reads from its own', async () => {
    const lib = LibraryDb.create(SQL);
    lib.addDocuments([{
      docId: 'd1', fileName: 'a.txt', meta: { unitCode: '101', unitName: '测试局', scope: 'department', stage: 'budget', year: 2023 },
      figures: [{ table: 'summary', rowCode: 'income.general', rowName: '一般公共预算', column: 'amount', amount: 7, source: { line: 2 } }],
      tables: [], projects: [], warnings: [{ message: '警告', source: { line: 1 } }],
    }], 'text', 'h1', '第一行\n第二行');
    lib.db.exec('ALTER TABLE project DROP COLUMN carryover_amount; DROP TABLE doc_file; ALTER TABLE audit_finding DROP COLUMN file; PRAGMA user_version = 9');
    const old = LibraryDb.open(SQL, lib.export(), { sources: lib.sources });
    lib.close();
    expect(old.version).toBe(SCHEMA_VERSION);
    expect(old.figures('d1').map((f) => [f.file, f.fileName])).toEqual([[null, null]]);
    expect(old.warnings('d1').map((w) => w.file)).toEqual([null]);
    expect(await old.sourceLines('d1', 2, 2, null)).toEqual([{ line: 2, text: '第二行' }]);
    old.close();
  });
});

describe('migration 10 → 11', () => {
  it('opens a version-10 library: its findings, stored without a file, are audited again and name none', () => {
    const lib = LibraryDb.create(SQL);
    lib.addDocuments([{
      docId: 'd1', fileName: 'a.txt', meta: { unitCode: '101', unitName: '测试局', scope: 'department', stage: 'budget', year: 2023 },
      figures: [
        { table: 'summary', rowCode: 'income.general', rowName: '一般公共预算', column: 'amount', amount: 7, source: { line: 2 } },
        { table: 'summary', rowCode: 'income.total', rowName: '收入合计', column: 'amount', amount: 9, source: { line: 3 } },
      ],
      tables: [], projects: [], warnings: [],
    }], 'text', 'h1', '第一行\n第二行\n第三行');
    expect(storedAudits(lib, null, true)[0].findings.length).toBeGreaterThan(0);
    lib.db.exec('ALTER TABLE project DROP COLUMN carryover_amount; ALTER TABLE audit_finding DROP COLUMN file; UPDATE audit_check SET audit_version = 2; PRAGMA user_version = 10');
    const old = LibraryDb.open(SQL, lib.export(), { sources: lib.sources });
    lib.close();
    expect(old.version).toBe(SCHEMA_VERSION);
    expect(unauditedIds(old, AUDIT_VERSION)).toEqual(['d1']);
    const findings = storedAudits(old, null, true)[0].findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.file === null && f.fileName === null)).toBe(true);
    old.close();
  });
});
