import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { EXECUTION_NEEDS } from '../../../src/lib/compare/execution';
import { CLASS_TABLES, KEYED_FIGURES, MAPPED_CODES } from '../../../src/lib/compare/figures';
import { RANKING_NEEDS } from '../../../src/lib/compare/ranking';
import type { FigureNeeds, FigureTuple } from '../../../src/lib/compare/source';
import { COMPARED_CLASS, isCompared, refreshCompared } from '../../../src/lib/db/compared';
import { SCHEMA_VERSION } from '../../../src/lib/db/schema';
import { LibraryDb } from '../../../src/lib/db/library';
import { readDisclosureText } from '../../../src/lib/ingest';
import { importFile } from '../../../src/lib/ingest/file';
import type { Figure, StoredDocument } from '../../../src/lib/model/document';
import type { TableKey } from '../../../src/lib/model/keys';
import { budgetsWithFinals, finalFigures, renderDocument } from '../../../src/lib/synth';
import { SHARED } from '../../support/shared';
import { comparedInStep } from './comparedInStep';
import { addSeeds } from './seedLibrary';
import { trackedLibraries } from './tracked';

const { SQL, track } = trackedLibraries();

/** Every need the comparisons name (compare/*): the views at their code depths, execution's, the ranking's. */
const NEEDS: [string, FigureNeeds][] = [
  ...[3, 5, 7].map((n): [string, FigureNeeds] => [`loadFigures ${n}`, { keyed: KEYED_FIGURES, classTables: CLASS_TABLES, maxCodeLength: n, mappedCodes: MAPPED_CODES }]),
  ['execution', EXECUTION_NEEDS],
  ['ranking', RANKING_NEEDS],
  ['ranking, 一般公共预算 only', { ...RANKING_NEEDS, keyed: [], classTables: ['general_expense'], maxCodeLength: 5 }],
];

/** The figures `needs` names, selected out of the figure table itself: what the store read before doc_compared. */
function fromFigureTable(db: Database, docIds: readonly string[], needs: FigureNeeds): FigureTuple[] {
  const keyed = new Set(needs.keyed.map((k) => k.join('\u0000')));
  const stmt = db.prepare(`SELECT doc_id, table_key, row_code, row_name, column_key, amount, line FROM figure WHERE doc_id IN (${docIds.map(() => '?').join(',')}) ORDER BY doc_id, seq`);
  stmt.bind([...docIds]);
  const out: FigureTuple[] = [];
  while (stmt.step()) {
    const f = stmt.get() as FigureTuple;
    const [, t, r, , c] = f;
    const classRow = needs.classTables.includes(t) && (needs.classColumns ?? ['total']).includes(c) && (r.length <= needs.maxCodeLength || needs.mappedCodes.includes(r));
    if (classRow || keyed.has([t, r, c].join('\u0000'))) out.push(f);
  }
  stmt.free();
  return out;
}

const sorted = (rows: FigureTuple[]) => rows.map((r) => JSON.stringify(r)).sort();

async function seedsAndPairs(): Promise<LibraryDb> {
  const lib = await addSeeds(track(LibraryDb.create(SQL())));
  // 预算 read through the importer and their paired 决算 with 年初/全年预算 columns (synth/final.ts).
  [...budgetsWithFinals({ units: 3, years: 2, seed: 5 })].forEach(({ budget, final }, i) => {
    const r = renderDocument(budget);
    const figures: Figure[] = finalFigures(final).map((f, k) => ({ table: f.table as TableKey, rowCode: f.rowCode, rowName: f.rowName, column: f.column, amount: f.amount, source: { line: k + 1 } }));
    const fin: StoredDocument = { docId: `final${i}`, fileName: `final${i}.txt`, meta: { unitCode: final.unitCode, unitName: final.unitName, scope: 'department', stage: 'final', year: final.year }, figures, tables: [], projects: [], warnings: [] };
    const read = readDisclosureText(r.text, r.fileName);
    if (!read.ok) throw new Error(read.error);
    lib.addDocuments(read.docs.map((d, k) => ({ ...d, docId: `budget${i}-${k}`, fileName: r.fileName })), 'text', `budget${i}`, r.text);
    lib.addDocuments([fin], 'text', `final${i}`);
  });
  return lib;
}

describe('compared figures (db/compared.ts): what the comparisons read, one array per document and table', () => {
  it('holds every figure any comparison asks for', () => {
    for (const [name, needs] of NEEDS) {
      for (const [t, r, c] of needs.keyed) expect(isCompared(t, r, c), `${name}: ${t} ${r} ${c}`).toBe(true);
      for (const t of needs.classTables) expect(COMPARED_CLASS.tables, name).toContain(t);
      for (const c of needs.classColumns ?? ['total']) expect(COMPARED_CLASS.columns, name).toContain(c);
    }
  });

  it('reads, for every need, exactly the rows the figure table holds (seeds, synthetic 预算 and 决算)', async () => {
    const lib = await seedsAndPairs();
    const ids = lib.compare.documents().map((d) => d.docId);
    expect(ids.length).toBeGreaterThan(8);
    for (const [name, needs] of NEEDS) {
      const read = lib.compare.figures(ids, needs);
      expect(read.length, name).toBeGreaterThan(0);
      expect(sorted(read), name).toEqual(sorted(fromFigureTable(lib.db, ids, needs)));
      // Each table's rows come in print order (the first figure of a key wins: compare/figures.ts).
      const seqOf = new Map(fromFigureTable(lib.db, ids, needs).map((f, i) => [JSON.stringify(f), i]));
      for (const id of ids) {
        for (const t of new Set(read.map((f) => f[1]))) {
          const order = read.filter((f) => f[0] === id && f[1] === t).map((f) => seqOf.get(JSON.stringify(f))!);
          expect(order, `${name} ${id} ${t}`).toEqual([...order].sort((a, b) => a - b));
        }
      }
    }
  });

  it('a library saved before doc_compared existed gets it on open; removing a document removes its rows', async () => {
    const lib = await seedsAndPairs();
    const want = lib.compare.figures(lib.compare.documents().map((d) => d.docId), NEEDS[2][1]);
    // What a version-6 library file is: no doc_compared.
    lib.db.exec('ALTER TABLE project DROP COLUMN carryover_amount; DROP TABLE doc_file; ALTER TABLE audit_finding DROP COLUMN file; DROP TABLE doc_count; DROP TABLE doc_compared; PRAGMA user_version = 6');
    const reopened = track(LibraryDb.open(SQL(), lib.export()));
    expect(reopened.version).toBe(SCHEMA_VERSION);
    const ids = reopened.compare.documents().map((d) => d.docId);
    expect(sorted(reopened.compare.figures(ids, NEEDS[2][1]))).toEqual(sorted(want));
    expect(comparedInStep(reopened)).toBe(true);
    reopened.removeDocument(ids[0]);
    expect(reopened.db.exec('SELECT count(*) FROM doc_compared WHERE doc_id = ?', [ids[0]])[0].values[0][0]).toBe(0);
  });

  it('writes a new document\'s compared figures from memory, equal to a read of its figure rows (seeds)', async () => {
    const lib = track(LibraryDb.create(SQL()));
    const texts: string[] = [];
    const prepare = lib.db.prepare.bind(lib.db);
    lib.db.prepare = (text, params) => (texts.push(text), prepare(text, params));
    const dir = path.join(SHARED, 'seeds');
    for (const name of readdirSync(dir).sort()) {
      const read = await importFile(new Uint8Array(readFileSync(path.join(dir, name))), name);
      if (!read.ok) throw new Error(read.error);
      lib.addDocuments(read.docs, 'text', read.contentHash, read.text);
    }
    lib.db.prepare = prepare;
    expect(lib.compare.documents().length).toBeGreaterThan(4);
    // No figure row was read back to fill doc_compared, and it holds what a read of them makes.
    expect(texts.filter((t) => /FROM figure\b/.test(t))).toEqual([]);
    expect(comparedInStep(lib)).toBe(true);
  });

  it('migration 7 → 8 trims the 收支总表 and 财政拨款收支总表 parts in place to what the rule keeps', async () => {
    const lib = await seedsAndPairs();
    const fig = (table: TableKey, rowCode: string, column: string, amount: number, line: number): Figure => ({ table, rowCode, rowName: rowCode, column, amount, source: { line } });
    lib.addDocuments([{ docId: 'reserve', fileName: 'r.txt', meta: { unitCode: '401', unitName: '某部门', scope: 'department', stage: 'budget', year: 2024 },
      figures: [fig('fiscal_summary', 'expense.201', 'total', 5, 1), fig('fiscal_summary', 'expense.reserve', 'total', 7, 2), fig('fiscal_summary', 'income.general', 'total', 12, 3),
        fig('summary', 'income.general', 'amount', 12, 4), fig('summary', 'income.grand_total', 'amount', 12, 5), fig('summary', 'expense.grand_total', 'amount', 12, 6)],
      tables: [], projects: [], warnings: [] }], 'text', 'reserve');
    // What a version-7 file holds: every 收支总表 row, and every expense row of the 财政拨款收支总表.
    lib.db.exec(`DELETE FROM doc_compared WHERE part IN ('summary', 'fiscal_summary');
      INSERT INTO doc_compared (doc_id, part, figures) SELECT doc_id, table_key, json_group_array(json_array(row_code, row_name, column_key, amount, line, seq))
        FROM (SELECT * FROM figure WHERE table_key = 'summary' OR (table_key = 'fiscal_summary' AND substr(row_code, 1, 8) = 'expense.') ORDER BY doc_id, seq) GROUP BY doc_id, table_key;
      ALTER TABLE project DROP COLUMN carryover_amount; DROP TABLE doc_file; ALTER TABLE audit_finding DROP COLUMN file; DROP TABLE doc_count; PRAGMA user_version = 7`);
    expect(comparedInStep(lib)).toBe(false);
    const reopened = track(LibraryDb.open(SQL(), lib.export()));
    lib.close(); // the version-7 stand-in, out of step on purpose
    expect(reopened.version).toBe(SCHEMA_VERSION);
    expect(comparedInStep(reopened)).toBe(true);
    const part = (id: string, p: string) => JSON.parse(String(reopened.db.exec('SELECT figures FROM doc_compared WHERE doc_id = ? AND part = ?', [id, p])[0]?.values[0][0] ?? '[]')) as unknown[][];
    expect(part('reserve', 'fiscal_summary').map((t) => t[0])).toEqual(['expense.reserve']);
    expect(part('reserve', 'summary').map((t) => t[0])).toEqual(['income.grand_total', 'expense.grand_total']);
  });

  it('marks a document with no compared figure, so that opening does not refill it every time', () => {
    const lib = track(LibraryDb.create(SQL()));
    lib.addDocuments([{ docId: 'x', fileName: 'x.txt', meta: { unitCode: '', unitName: '某单位', scope: 'unit', stage: 'budget', year: 2024 }, figures: [], tables: [], projects: [], warnings: [] }], 'text', 'x');
    expect(lib.db.exec("SELECT part, figures FROM doc_compared WHERE doc_id = 'x'")[0].values).toEqual([['', '[]']]);
    expect(lib.compare.figures(['x'], NEEDS[2][1])).toEqual([]);
  });
  it('gives a document a new generation whenever its compared figures are written, and only that document', () => {
    const lib = track(LibraryDb.create(SQL()));
    const docOf = (id: string, amount: number): StoredDocument => ({ docId: id, fileName: `${id}.txt`, meta: { unitCode: id, unitName: id, scope: 'department', stage: 'budget', year: 2024 },
      figures: [{ table: 'summary', rowCode: 'expense.grand_total', rowName: '支出总计', column: 'amount', amount, source: { line: 1 } }], tables: [], projects: [], warnings: [] });
    lib.addDocuments([docOf('a', 1)], 'text', 'a');
    lib.addDocuments([docOf('b', 2)], 'text', 'b');
    const seen = () => ['a', 'b'].map((id) => lib.compare.generation(id));
    const first = seen();
    expect(new Set(first).size).toBe(2);
    refreshCompared(lib.db, ['a']);
    const second = seen();
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    // Removed and imported again under the same id: a new generation, though the id is the same.
    lib.removeDocument('b');
    lib.addDocuments([docOf('b', 3)], 'text', 'b2');
    expect(seen()[1]).not.toBe(second[1]);
    // Another connection (a library file opened) starts afresh: what was derived there is not shared.
    expect(track(LibraryDb.open(SQL(), lib.export())).compare.generation('a')).toBe(0);
  });
});
