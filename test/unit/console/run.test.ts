import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { EXAMPLES } from '../../../src/lib/console/examples';
import { PEOPLE_VIEWS } from '../../../src/lib/console/peopleSchema';
import { resultToExcelCsv, resultToFormatCsv } from '../../../src/lib/console/resultCsv';
import { prepareConsole, runQuery, type QueryResult } from '../../../src/lib/console/run';
import type { LibraryDb } from '../../../src/lib/db/library';
import { loadStoredDocuments } from '../../../src/lib/db/documents';
import { LibraryDb as Library } from '../../../src/lib/db/library';
import { DocFigures } from '../../../src/lib/compare/figures';
import { METRICS, readMetrics } from '../../../src/lib/compare/metrics';
import { formatWan, parseDecimal } from '../../../src/lib/model/amount';
import { documentsToRows, parseFormatCsv } from '../../../src/lib/model/formatCsv';
import { trackedLibraries } from '../db/tracked';
import { gold } from '../ingest/seeds';
import { libraryOf, seedInputs, synthInputs } from './library';

const { SQL, track } = trackedLibraries();

function query(lib: LibraryDb, sql: string): QueryResult {
  const out = runQuery(lib.db, sql, 100_000);
  if (!out.ok) throw new Error(out.error);
  return out.result;
}
const objects = (r: QueryResult) => r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]])));
const digest = (lib: LibraryDb) => createHash('sha256').update(lib.db.export()).digest('hex');

describe('the console over the seeds', () => {
  let lib: LibraryDb;
  beforeAll(async () => {
    lib = await libraryOf(SQL(), seedInputs());
    prepareConsole(lib.db);
  });

  it('figures gives every stored figure with its exact amount, as the FORMAT export writes it', () => {
    const expected = documentsToRows(loadStoredDocuments(lib.db, null)).map((r) => [r.doc_id, r.table, r.row_code, r.column, r.amount].join('|')).sort();
    const got = objects(query(lib, 'SELECT doc_id, table_key, row_code, column_key, amount_text, amount_fen FROM figures'));
    expect(got.map((g) => [g.doc_id, g.table_key, g.row_code, g.column_key, g.amount_text].join('|')).sort()).toEqual(expected);
    for (const g of got) expect(formatWan(g.amount_fen as number)).toBe(g.amount_text);
  });

  it('document_metrics reads 三公 and 机关运行经费 where the gold has them', () => {
    const metrics = objects(query(lib, "SELECT unit_code, unit_name, three_public, operating_cost FROM document_metrics WHERE scope = 'department'"));
    let checked = 0;
    for (const g of gold.documents.filter((d) => d.scope === 'department')) {
      const tp = g.figures.find((f) => f[0] === 'three_public' && f[1] === 'total' && f[2] === 'total')
        ?? g.figures.find((f) => f[0] === 'facts' && f[1] === 'three_public_total');
      if (!tp) continue;
      const row = metrics.find((m) => m.unit_code === g.unit_code && m.unit_name === g.unit_name);
      expect(row, `${g.unit_name}`).toBeDefined();
      expect(Math.round((row!.three_public as number) * 1e6)).toBe(parseDecimal(tp[3]));
      checked++;
    }
    expect(checked).toBeGreaterThan(2);
  });

  it('document_metrics gives every metric of every document as the comparisons read it', () => {
    const rows = objects(query(lib, `SELECT doc_id, ${METRICS.map((m) => m.key).join(', ')} FROM document_metrics`));
    const docs = loadStoredDocuments(lib.db, null);
    // The seeds as printed, and each without its 人员经费/公用经费 column or statement, as a Jiangsu tables PDF has them.
    const split = (f: { table: string; rowCode: string; column: string }) =>
      (f.table === 'basic_expense' && ['personnel', 'public'].includes(f.column)) || (f.table === 'facts' && ['personnel', 'public'].includes(f.rowCode));
    const bare = docs.map((d) => ({ ...d, docId: `${d.docId}-bare`, figures: d.figures.filter((f) => !split(f)) }));
    const other = Library.create(SQL());
    track(other);
    other.addDocuments(bare, 'csv', 'bare');
    prepareConsole(other.db);
    const bareRows = objects(query(other, `SELECT doc_id, ${METRICS.map((m) => m.key).join(', ')} FROM document_metrics`));
    let derived = 0;
    for (const d of [...docs, ...bare]) {
      const figs = new DocFigures();
      d.figures.forEach((f) => figs.add({ docId: d.docId, table: f.table, rowCode: f.rowCode, rowName: f.rowName, column: f.column, amount: f.amount, line: f.source.line }));
      const expected = readMetrics(figs);
      const row = [...rows, ...bareRows].find((r) => r.doc_id === d.docId)!;
      for (const m of METRICS) {
        const got = row[m.key] === null ? null : Math.round((row[m.key] as number) * 1e6);
        expect(got, `${d.docId} ${m.key}`).toBe(expected.get(m.key)?.amount ?? null);
        if (expected.get(m.key)?.derived && (m.key === 'personnel' || m.key === 'public')) derived++;
      }
    }
    expect(derived).toBeGreaterThan(0);
  });

  it('findings, documents and units count what the store holds', () => {
    const count = (sql: string) => Number(lib.db.exec(sql)[0].values[0][0]);
    expect(query(lib, 'SELECT * FROM findings').total).toBe(count('SELECT count(*) FROM audit_finding'));
    expect(query(lib, "SELECT * FROM findings WHERE severity = 'error'").total).toBeGreaterThan(0);
    expect(query(lib, 'SELECT * FROM documents').total).toBe(6);
    expect(query(lib, 'SELECT * FROM units').total).toBe(count("SELECT count(DISTINCT CASE WHEN unit_code <> '' THEN unit_code ELSE unit_name END) FROM document"));
  });

  it('every view of the people schema answers, with the columns it documents', () => {
    for (const v of PEOPLE_VIEWS) expect(query(lib, `SELECT * FROM ${v.name} LIMIT 1`).columns).toEqual(v.columns.map((c) => c.name));
  });

  it('refuses every write, in the check and in the engine, and the library is unchanged', () => {
    const before = digest(lib);
    for (const sql of ['DELETE FROM document', 'WITH x AS (SELECT 1) DELETE FROM figure', "INSERT INTO unit_link VALUES ('a', 'b')",
      'DROP TABLE figure', 'CREATE TABLE t (x)', "ATTACH DATABASE ':memory:' AS o", 'PRAGMA writable_schema = ON', 'UPDATE figure SET amount = 0']) {
      const out = runQuery(lib.db, sql, 10);
      expect(out.ok, sql).toBe(false);
    }
    // The engine's own lock, without the statement check: query_only refuses the write.
    expect(() => lib.db.exec('DELETE FROM figure')).toThrow(/readonly|read-only|query_only/i);
    expect(() => lib.db.exec('CREATE TEMP TABLE t (x)')).toThrow();
    expect(digest(lib)).toBe(before);
    expect(query(lib, 'SELECT count(*) AS n FROM figures').rows[0][0]).toBeGreaterThan(1000);
  });

  it('sends the first rows and counts the whole', () => {
    const out = runQuery(lib.db, 'SELECT * FROM figures', 10);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.rows).toHaveLength(10);
    expect(out.result.truncated).toBe(true);
    expect(out.result.total).toBe(query(lib, 'SELECT count(*) FROM figures').rows[0][0]);
  });

  it('says what is wrong with a query in Chinese', () => {
    const bad = (sql: string) => {
      const out = runQuery(lib.db, sql, 10);
      return out.ok ? '' : out.error;
    };
    expect(bad('SELECT * FROM nothing_here')).toMatch(/没有这个表或视图/);
    expect(bad('SELECT nope FROM figures')).toMatch(/没有这个列/);
    expect(bad('SELECT FROM WHERE')).toMatch(/语法错误/);
  });

  it('exports a result as FORMAT CSV that reads back to the same figures, and as a formula-safe CSV', () => {
    const r = query(lib, 'SELECT doc_id, unit_code, unit_name, scope, stage, year, table_key, row_code, row_name, column_key, amount_fen FROM figures');
    const out = resultToFormatCsv(r);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const parsed = parseFormatCsv(out.csv);
    expect(parsed.errors).toEqual([]);
    const original = loadStoredDocuments(lib.db, null);
    expect(parsed.docs.map((d) => d.figures.length).reduce((a, b) => a + b)).toBe(original.map((d) => d.figures.length).reduce((a, b) => a + b));
    const key = (rows: ReturnType<typeof documentsToRows>) => rows.map((x) => `${x.doc_id}|${x.table}|${x.row_code}|${x.column}|${x.amount}`).sort();
    expect(key(documentsToRows(parsed.docs))).toEqual(key(documentsToRows(original)));
    // The float column gives back the same fen.
    const viaFloat = resultToFormatCsv(query(lib, 'SELECT doc_id, unit_code, unit_name, scope, stage, year, table_key, row_code, row_name, column_key, amount FROM figures'));
    expect(viaFloat.ok && viaFloat.csv).toBe(out.csv);
    expect(resultToFormatCsv(query(lib, 'SELECT unit_name FROM figures'))).toMatchObject({ ok: false, error: expect.stringContaining('缺少') });
    const excel = resultToExcelCsv(query(lib, "SELECT '=1+1' AS a, '@SUM(A1)' AS b, -12.5 AS c"));
    expect(excel.startsWith('\uFEFF')).toBe(true);
    expect(excel).toContain("'=1+1");
    expect(excel).toContain("'@SUM(A1)");
    expect(excel).toContain('-12.5');
  });

  it('runs every example', () => {
    for (const ex of EXAMPLES) expect(runQuery(lib.db, ex.sql, 100).ok, ex.title).toBe(true);
    expect(query(lib, EXAMPLES[3].sql).total).toBe(query(lib, "SELECT * FROM findings WHERE severity = 'error'").total);
  });
});

describe('the year-on-year examples on a synthetic library', () => {
  it('ranks 项 increases and 机关运行经费 growth exactly as the documents print them', async () => {
    const inputs = synthInputs();
    const lib = track(await libraryOf(SQL(), inputs));
    prepareConsole(lib.db);
    // Expected from the stored figures, computed here without SQL.
    const docs = loadStoredDocuments(lib.db, null);
    const items = new Map<string, number>();
    for (const d of docs) for (const f of d.figures) {
      if (f.table === 'expense' && f.column === 'total' && /^\d{7}$/.test(f.rowCode)) items.set(`${d.meta.unitCode}|${d.meta.year}|${f.rowCode}`, f.amount);
    }
    const increases: number[] = [];
    for (const [k, v] of items) {
      const [u, y, c] = k.split('|');
      const prev = items.get(`${u}|${Number(y) - 1}|${c}`);
      if (prev !== undefined) increases.push(v - prev);
    }
    increases.sort((a, b) => b - a);
    expect(increases.length).toBeGreaterThan(10);
    const top = objects(query(lib, EXAMPLES[1].sql));
    expect(top).toHaveLength(Math.min(10, increases.length));
    expect(top.map((r) => Math.round((r['增加额'] as number) * 1e6))).toEqual(increases.slice(0, top.length));

    const op = new Map(docs.map((d) => [`${d.meta.unitCode}|${d.meta.year}`, d.figures.find((f) => f.table === 'three_public' && f.rowCode === 'operating_cost')?.amount
      ?? d.figures.find((f) => f.table === 'facts' && f.rowCode === 'operating_cost')?.amount]));
    let grew = 0;
    for (const [k, v] of op) {
      const [u, y] = k.split('|');
      const prev = op.get(`${u}|${Number(y) - 1}`);
      if (v !== undefined && prev !== undefined && prev > 0 && v > prev * 1.1) grew++;
    }
    expect(grew).toBeGreaterThan(0);
    expect(query(lib, EXAMPLES[2].sql).total).toBe(grew);
  });
});
