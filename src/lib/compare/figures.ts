import type { BindParams, Database } from 'sql.js';
import { list, sql, type Query } from '../db/sql';
import { FUNCTION_CLASSES } from '../model/keys';
import { CODE_MAPPINGS } from './codeMapping';
import { METRICS } from './metrics';
import type { Cite } from './types';

/** Old codes are read at any depth: a mapped 项 can land on a 款 row (codeMapping.ts). */
export const MAPPED_CODES = CODE_MAPPINGS.map((m) => m.from);

/**
 * Every single figure the comparisons read by key, [table, row, column]: the metric sources
 * (metrics.ts), the narrative's stated changes (yoy.ts, 据说明推算) and the 收支总表's 类 rows
 * (classes.ts, when a document prints no 支出 table). Only these and the classification columns
 * are fetched: the figure query reads every row of every compared document, so each row it does
 * not return (the other columns of 三公, 收入总表 and the 支出表, the 收支总表's income side, other
 * facts) is work saved at thousands of documents. A figure of a fetched key is never left out, so
 * "the first figure of a key wins" (DocFigures.add) picks the same figure as before.
 */
export const KEYED_FIGURES: readonly (readonly [string, string, string])[] = [...new Set([
  ...METRICS.flatMap((d) => d.sources.map(([t, r, c]) => `${t}|${r}|${c}`)),
  ...METRICS.flatMap((d) => (d.changeFact ? [`facts|${d.changeFact}|amount`] : [])),
  ...Object.keys(FUNCTION_CLASSES).map((code) => `summary|expense.${code}|amount`),
])].map((k) => k.split('|') as [string, string, string]);

/**
 * Bound as one JSON parameter and matched as a row value: SQLite builds one lookup table of it for
 * the statement (measured at 1,000 documents: 266 ms against 355 ms for matching the three columns
 * joined as one string).
 */
const KEYED_JSON = JSON.stringify(KEYED_FIGURES);

/** The classification tables read by code, and only in column `total` (classes.ts). */
export const CLASS_TABLES = ['expense', 'general_expense', 'basic_expense'];

export interface FigureHit extends Cite {
  amount: number;
}

/** The figures of one document that the comparisons read, by table, row and column. */
export class DocFigures {
  private readonly byKey = new Map<string, FigureHit>();
  private readonly byTable = new Map<string, FigureHit[]>();

  add(f: FigureHit): void {
    const k = `${f.table}|${f.rowCode}|${f.column}`;
    // The first figure of a key wins: the importer writes a table's rows in print order.
    if (this.byKey.has(k)) return;
    this.byKey.set(k, f);
    let t = this.byTable.get(f.table);
    if (!t) this.byTable.set(f.table, (t = []));
    t.push(f);
  }

  get(table: string, rowCode: string, column: string): FigureHit | undefined {
    return this.byKey.get(`${table}|${rowCode}|${column}`);
  }

  /** The figures of a table in one column, in print order. */
  column(table: string, column: string): FigureHit[] {
    return (this.byTable.get(table) ?? []).filter((f) => f.column === column);
  }
}

/**
 * Reads what the comparisons need of the given documents in one statement: the figures named in
 * KEYED_FIGURES, and the 功能分类/经济分类 rows (column `total`) down to `maxCodeLength` digits
 * (7 = 项, 5 = 款). The figure primary key (doc_id, seq) finds each document's rows; the unary `+`
 * keeps SQLite from planning a MULTI-INDEX OR over figure_by_key instead, which reads the whole
 * library's rows of those tables (measured: 840 ms instead of 3 ms for 100 documents).
 * The rows come back as one JSON array: sql.js pays a wasm call per cell read, which made reading
 * rows one by one the slowest part of a large comparison (several µs per row); amounts are safe
 * integers, so JSON keeps them exact.
 */
export function loadFigures(db: Database, docIds: readonly string[], maxCodeLength = 7): Map<string, DocFigures> {
  const out = new Map<string, DocFigures>(docIds.map((id) => [id, new DocFigures()]));
  if (!docIds.length) return out;
  const rows = jsonRows<[string, string, string, string, string, number, number | null]>(db, sql`
    SELECT json_group_array(json_array(doc_id, table_key, row_code, row_name, column_key, amount, line)) FROM (
      SELECT * FROM figure
      WHERE doc_id IN (${list(docIds)})
        AND ((+table_key IN (${list(CLASS_TABLES)}) AND column_key = 'total'
            AND (length(row_code) <= ${maxCodeLength} OR row_code IN (${list(MAPPED_CODES)})))
          OR (+table_key, row_code, column_key) IN (
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(${KEYED_JSON})))
      ORDER BY doc_id, seq)`);
  for (const [docId, table, rowCode, rowName, column, amount, line] of rows) {
    out.get(docId)!.add({ docId, table, rowCode, rowName, column, amount, line });
  }
  return out;
}

/** Runs a query whose one cell is a json_group_array, and parses it. */
export function jsonRows<T>(db: Database, q: Query): T[] {
  const stmt = db.prepare(q.text);
  try {
    stmt.bind(q.params as BindParams);
    return stmt.step() ? (JSON.parse(String(stmt.get()[0] ?? '[]')) as T[]) : [];
  } finally {
    stmt.free();
  }
}
