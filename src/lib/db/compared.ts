import type { BindParams, Database } from 'sql.js';
import { list, run, sql } from './sql';
import type { Figure } from '../model/document';

/**
 * Every document's compared figures, kept beside its figures as one JSON array (table doc_compared):
 * the rows 同比, 横比, 执行 and 变化最大 can ask for, in print order, one array per part of a table.
 *
 * Why: a comparison of a year reads ~80 rows from each of ~1,000 documents. Selecting them out of the
 * figure table and building JSON of them costs SQLite about 2.5 µs a row (measured: 550–750 ms for the
 * whole-library ranking at 5,000 documents); one stored array per document is read and parsed in
 * ~100 ms. The price is ~9 KB a document on disk.
 *
 * The rule is structural (tables, columns, rows), not the comparisons' own lists, because the store
 * sits below compare; test/unit/db/compared.test.ts proves every need of compare falls inside it and
 * that reads through it equal reads of the figure table. Changing the rule needs a migration that
 * empties doc_compared: it is refilled on open (ensureCompared).
 */
interface RulePart {
  tables: readonly string[];
  columns?: readonly string[];
  rows?: readonly string[];
  rowPrefix?: string;
}

/** The columns a classification row is compared in: 决算 prints the two budgets beside the actual. */
const BUDGET_COLUMNS = ['total', 'initial_budget', 'full_year_budget'];
const CLASS_TABLES = ['expense', 'general_expense', 'basic_expense'];

const RULE: readonly RulePart[] = [
  // 功能分类/经济分类 rows (every depth: a mapped old code may be longer) and the tables' totals.
  { tables: CLASS_TABLES, columns: BUDGET_COLUMNS },
  // The total row's other columns: 基本/项目, 人员/公用.
  { tables: CLASS_TABLES, rows: ['total'] },
  // The 收支总表's 类 rows and totals on the expense side, and 收入总计 (its other income rows are
  // printed again in the 收入总表, whose total is read).
  { tables: ['summary'], rowPrefix: 'expense.' },
  { tables: ['summary'], rows: ['income.grand_total'] },
  { tables: ['facts'] },
  { tables: ['three_public'], columns: BUDGET_COLUMNS },
  { tables: ['income'], rows: ['total'] },
  // 单位预留机动经费 where only the 财政拨款收支总表 prints it (schema migration 7 → 8 trimmed the rest).
  { tables: ['fiscal_summary'], rows: ['expense.reserve'] },
];

const parts = RULE.map((p) => ({
  tables: new Set(p.tables),
  columns: p.columns && new Set(p.columns),
  rows: p.rows && new Set(p.rows),
  rowPrefix: p.rowPrefix,
}));

/** Whether a figure is one the comparisons may read (and so is kept in doc_compared). */
export function isCompared(table: string, rowCode: string, column: string): boolean {
  return parts.some((p) => p.tables.has(table) && (!p.columns || p.columns.has(column)) && (!p.rows || p.rows.has(rowCode))
    && (!p.rowPrefix || rowCode.startsWith(p.rowPrefix)));
}

/**
 * Which array of its document a figure is kept in: a table's rows without a code (totals and the
 * like), its codes down to 款 (5 digits) and its deeper codes each have their own, so that the
 * whole-library views, which read to 款, skip the 项 rows, and a view reading a table's total skips
 * its classification.
 */
export function partOf(table: string, rowCode: string): string {
  if (!/^\d+$/.test(rowCode)) return table;
  return rowCode.length <= 5 ? `${table}:5` : `${table}:7`;
}

/** The table a part holds rows of. */
export const tableOfPart = (part: string): string => {
  const i = part.indexOf(':');
  return i < 0 ? part : part.slice(0, i);
};

/** The rule's tables and class columns, for the test that compare's needs fall inside it. */
export const COMPARED_CLASS = { tables: CLASS_TABLES, columns: BUDGET_COLUMNS } as const;

/**
 * A figure as its part's array holds it (the table is the part's): [rowCode, rowName, column, amount,
 * line, seq]; seq puts a table's parts back in print order when a view reads more than one.
 */
export type ComparedTuple = [string, string, string, number, number | null, number];
export type FigureJson = [string, string, string, string, number, number | null, number];

/** What doc_compared should hold for these documents, from their figure rows: part → figures. */
export function comparedOf(db: Database, docIds: readonly string[]): Map<string, Map<string, ComparedTuple[]>> {
  const byDoc = new Map<string, Map<string, ComparedTuple[]>>(docIds.map((id) => [id, new Map()]));
  for (let i = 0; i < docIds.length; i += 500) {
    const ids = docIds.slice(i, i + 500);
    const q = sql`SELECT doc_id, json_group_array(json_array(table_key, row_code, row_name, column_key, amount, line, seq))
      FROM (SELECT * FROM figure WHERE doc_id IN (${list(ids)}) ORDER BY doc_id, seq) GROUP BY doc_id`;
    const stmt = db.prepare(q.text);
    try {
      stmt.bind(q.params as BindParams);
      while (stmt.step()) {
        const [docId, json] = stmt.get() as [string, string];
        byDoc.set(docId, partsOf(JSON.parse(json) as FigureJson[]));
      }
    } finally {
      stmt.free();
    }
  }
  // '' marks a document with none, so that it is not taken for one never filled (ensureCompared).
  for (const tables of byDoc.values()) if (!tables.size) tables.set('', []);
  return byDoc;
}

/**
 * A document's compared figures by part, out of its figures in stored order: [table, row code, row
 * name, column, amount, line, seq], as the figure table holds them (line null where none).
 */
export function partsOf(figures: Iterable<FigureJson>): Map<string, ComparedTuple[]> {
  const tables = new Map<string, ComparedTuple[]>();
  for (const [table, rowCode, rowName, column, amount, line, seq] of figures) {
    if (!isCompared(table, rowCode, column)) continue;
    const part = partOf(table, rowCode);
    let rows = tables.get(part);
    if (!rows) tables.set(part, (rows = []));
    rows.push([rowCode, rowName, column, amount, line, seq]);
  }
  return tables;
}

// Kept while the document's figures are: the import that writes them (insertContent) and the 横比
// summaries derived from them in the same request (worker/warm.ts prime) split them once.
const partsByFigures = new WeakMap<readonly Figure[], Map<string, ComparedTuple[]>>();

/** A new document's compared figures by part, from its figures as parsed (what insertContent writes for it). Not to be changed: shared. */
export function comparedParts(figures: readonly Figure[]): ReadonlyMap<string, ComparedTuple[]> {
  let parts = partsByFigures.get(figures);
  if (!parts) partsByFigures.set(figures, (parts = partsOf(figures.map((f, i): FigureJson => [f.table, f.rowCode, f.rowName, f.column, f.amount, f.source.line ?? null, i]))));
  return parts;
}

/**
 * Rewrites the compared figures of these documents from their figure rows (after any change to
 * them): one array per part (partOf), so that a view reads only the parts it needs (the whole-library
 * ranking reads the 支出总表 to 款 and the 基本支出表's total, not the 一般公共预算 table or any 项).
 */
export function refreshCompared(db: Database, docIds: readonly string[]): void {
  docIds.forEach((id) => touch(db, id));
  for (let i = 0; i < docIds.length; i += 500) {
    const ids = docIds.slice(i, i + 500);
    run(db, sql`DELETE FROM doc_compared WHERE doc_id IN (${list(ids)})`);
    for (const [docId, tables] of comparedOf(db, ids)) writeCompared(db, docId, tables);
  }
}

/**
 * Writes a new document's compared figures from what was just inserted, without reading its figure
 * rows back (the importer's path: issue 17). `tables` is partsOf its figures; none is marked ''.
 */
export function writeCompared(db: Database, docId: string, tables: ReadonlyMap<string, ComparedTuple[]>): void {
  touch(db, docId);
  if (!tables.size) tables = new Map([['', []]]);
  for (const [part, rows] of tables) {
    run(db, sql`INSERT INTO doc_compared (doc_id, part, figures) SELECT doc_id, ${part}, ${JSON.stringify(rows)} FROM document WHERE doc_id = ${docId}`);
  }
}

/** Fills doc_compared for the documents without it: after a migration, a merge or a file from outside (never copied: rebuilt). */
export function ensureCompared(db: Database): number {
  const missing = (db.exec('SELECT doc_id FROM document WHERE doc_id NOT IN (SELECT doc_id FROM doc_compared)')[0]?.values ?? []).map(([id]) => String(id));
  refreshCompared(db, missing);
  return missing.length;
}

/**
 * Every write of a document's compared figures gives it a new generation on this connection (0: as
 * opened). What a view derives from one document (compare/peerSummaries.ts) is kept under its
 * generation, so that a change to the library recomputes only the documents it touched: at 5,000
 * documents, deriving a year's 1,000 anew is most of a 横比. Every write of doc_compared goes through
 * this file (copyTables rebuilds it here; removal cascades). A write rolled back still moves the
 * generation: a needless recomputation, never a stale answer.
 */
const generations = new WeakMap<Database, { next: number; byDoc: Map<string, number> }>();

function touch(db: Database, docId: string): void {
  let g = generations.get(db);
  if (!g) generations.set(db, (g = { next: 1, byDoc: new Map() }));
  g.byDoc.set(docId, g.next++);
}

/** The generation of a document's compared figures on this connection (see touch). */
export function comparedGeneration(db: Database, docId: string): number {
  return generations.get(db)?.byDoc.get(docId) ?? 0;
}
