import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { ConsoleReply, ConsoleRequest, ConsoleResponses } from './protocol';
import { prepareConsole, runQuery } from './run';

/**
 * The SQL console's own worker, with its own copy of the library. Two reasons for a worker apart
 * from the database worker: a runaway query (a recursive CTE without end) can be stopped only by
 * terminating the thread that runs it, and terminating this one costs nothing but the copy, while
 * the library, its saves and every other view go on in the database worker. And the copy is the
 * third lock of read-only: whatever a query did, it did to a copy that is never saved.
 */
let SQL: SqlJsStatic | null = null;
let db: Database | null = null;

async function handle(req: ConsoleRequest): Promise<ConsoleResponses[ConsoleRequest['type']]> {
  if (req.type === 'open') {
    SQL ??= await initSqlJs({ locateFile: () => wasmUrl });
    db?.close();
    db = null;
    const next = new SQL.Database(req.bytes);
    prepareConsole(next);
    db = next;
    return { documents: Number(next.exec('SELECT count(*) FROM main.document')[0]?.values[0][0] ?? 0) };
  }
  if (!db) return { ok: false, error: '查询控制台尚未载入资料库。' };
  return runQuery(db, req.sql, req.maxRows);
}

self.onmessage = async (e: MessageEvent<{ id: number; request: ConsoleRequest }>) => {
  const { id, request } = e.data;
  let reply: ConsoleReply;
  try {
    reply = { id, ok: true, value: await handle(request) };
  } catch (err) {
    reply = { id, ok: false, error: `查询控制台出错：${(err as Error).message}` };
  }
  (self as unknown as Worker).postMessage(reply);
};
