import type { Database, SqlValue } from 'sql.js';
import { createPeopleSchema } from './peopleSchema';
import { checkReadOnly } from './readOnly';

/** A cell as the page gets it: numbers and text as SQLite gave them, a BLOB described, never its bytes. */
export type ResultCell = string | number | null;

export interface QueryResult {
  columns: string[];
  rows: ResultCell[][];
  /** Rows the query returns in all (counted to the end, not only those sent). */
  total: number;
  /** True when `rows` holds only the first `maxRows`. */
  truncated: boolean;
}

export type RunOutcome = { ok: true; result: QueryResult } | { ok: false; error: string };

/** A cell longer than this is cut: a narrative's JSON in one cell would otherwise freeze the table. */
const MAX_CELL_CHARS = 4000;

function cell(v: SqlValue): ResultCell {
  if (v instanceof Uint8Array) return `（二进制数据，${v.length.toLocaleString('zh-CN')} 字节）`;
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) return `${v.slice(0, MAX_CELL_CHARS)}…（共 ${v.length.toLocaleString('zh-CN')} 字）`;
  return v;
}

/** Engine errors said in Chinese where we know them; SQLite's own words kept for the rest (they name the column or table). */
function explain(message: string): string {
  if (/readonly|read-only|query_only/i.test(message)) return '查询控制台只读：这条语句会改变资料库，已被数据库引擎拒绝。资料库没有任何改变。';
  if (/no such table|no such view/i.test(message)) return `没有这个表或视图（${message}）。可用的视图见右侧「表结构」。`;
  if (/no such column/i.test(message)) return `没有这个列（${message}）。`;
  if (/syntax error|incomplete input/i.test(message)) return `SQL 语法错误（${message}）。`;
  return `查询出错：${message}`;
}

/**
 * Runs one read-only statement: the statement check first, then the engine (the caller's connection
 * has query_only set). Sends the first `maxRows` rows and counts the rest by stepping on, so the page
 * can say 「共 N 行，显示前 M 行」. Never throws.
 */
export function runQuery(db: Database, sql: string, maxRows: number): RunOutcome {
  const verdict = checkReadOnly(sql);
  if (!verdict.ok) return verdict;
  let stmt;
  try {
    stmt = db.prepare(sql);
  } catch (e) {
    return { ok: false, error: explain((e as Error).message) };
  }
  try {
    const columns = stmt.getColumnNames();
    const rows: ResultCell[][] = [];
    let total = 0;
    while (stmt.step()) {
      if (total < maxRows) rows.push(stmt.get().map(cell));
      total++;
    }
    return { ok: true, result: { columns, rows, total, truncated: total > rows.length } };
  } catch (e) {
    return { ok: false, error: explain((e as Error).message) };
  } finally {
    stmt.free();
  }
}

/**
 * Makes a connection the console's: the people's views, then query_only for as long as it lives
 * (the statement check refuses PRAGMA, so no query can turn it off). The console only ever gets a
 * copy of the library (consoleWorker.ts, scripts/sql.ts), so even a write both locks missed would
 * change nothing the user keeps.
 */
export function prepareConsole(db: Database): void {
  createPeopleSchema(db);
  db.exec('PRAGMA query_only = ON');
}
