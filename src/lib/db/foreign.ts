import type { Database, SqlJsStatic } from 'sql.js';
import { columnsOf, copyRows } from './copyRows';
import { COPY_TABLES, type CopyTable } from './copyTables';
import { LibraryDb, SnapshotError } from './library';
import { one, run, sql } from './sql';
import { SCHEMA_VERSION } from './schema';
import type { SourceKeeper } from './sources';

/**
 * A .sqlite file opened by the user: data from a stranger, however much it looks like ours. Nothing
 * of its schema is kept (a trigger `AFTER INSERT ON figure … amount*10` would otherwise rewrite
 * every later import, and a table rebuilt without its keys breaks every later save). Its rows are
 * read, column by column as COPY_TABLES names them, into a fresh library built by our own migrations
 * at the file's version, every value checked; then that library is migrated forward. Anything else
 * is refused with a SnapshotError in Chinese, and the caller's library is never touched.
 *
 * Reading a table runs no code of the file: SELECT fires no trigger, and views are refused (a name
 * of ours that is not a plain table).
 */
export function openLibraryFile(SQL: SqlJsStatic, bytes: Uint8Array, sources?: SourceKeeper): LibraryDb {
  let file: Database;
  try {
    file = new SQL.Database(bytes);
  } catch {
    throw new SnapshotError('不是有效的 SQLite 数据库文件');
  }
  let fresh: LibraryDb | null = null;
  try {
    const version = checkFile(file);
    fresh = LibraryDb.create(SQL, version, sources);
    const lib = fresh;
    const tables = tablesOf(lib.db);
    lib.transaction(() => {
      for (const table of tables.filter((t) => !specFor(t).rebuilt)) copyTable(file, lib.db, specFor(table), columnsOf(lib.db, table));
      // Where these documents came from can't be checked: they are claims, and a disclosure file
      // imported later replaces them (imports.ts), whatever source_kind the file said.
      run(lib.db, sql`UPDATE document SET source_kind = 'sqlite'`);
    });
    lib.migrate();
    // The file's source texts and PDF bytes go where this library keeps them (db/sources.ts).
    lib.moveSourcesOut();
    return lib;
  } catch (e) {
    fresh?.close();
    if (e instanceof SnapshotError) throw e;
    throw new SnapshotError(`无法读取数据库：${(e as Error).message}`);
  } finally {
    file.close();
  }
}

/** The file's schema version, after refusing what is not a library of ours at all. */
function checkFile(file: Database): number {
  const verdict = file.exec('PRAGMA integrity_check')[0]?.values[0]?.[0];
  if (verdict !== 'ok') throw new SnapshotError(`数据库完整性检查未通过（${String(verdict).slice(0, 100)}）`);
  const version = Number(file.exec('PRAGMA user_version')[0].values[0][0]);
  if (version > SCHEMA_VERSION) throw new SnapshotError(`数据库版本 ${version} 比本程序支持的版本 ${SCHEMA_VERSION} 新`);
  const objects = file.exec("SELECT count(*) FROM sqlite_master")[0].values[0][0] as number;
  if (version === 0 && objects > 0) throw new SnapshotError('这不是预算透镜的资料库（缺少版本标记）');
  if (version > 0) {
    const theirs = new Map(file.exec('SELECT name, type FROM sqlite_master')[0]?.values.map(([n, t]) => [n as string, t as string]) ?? []);
    const ours = COPY_TABLES.map((t) => t.table);
    if (!ours.some((t) => theirs.get(t) === 'table')) throw new SnapshotError('这不是预算透镜的资料库（没有资料库的任何一张表）');
  }
  return version;
}

/** Our tables at the fresh library's version, in COPY_TABLES order (parents first). */
function tablesOf(db: Database): string[] {
  const present = new Set((db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values ?? []).map(([n]) => n as string));
  const unknown = [...present].filter((t) => !COPY_TABLES.some((c) => c.table === t));
  // A migration added a table without an entry in COPY_TABLES: a defect of ours, caught by the tests.
  if (unknown.length) throw new Error(`COPY_TABLES 缺少表 ${unknown.join('、')}`);
  return COPY_TABLES.map((c) => c.table).filter((t) => present.has(t));
}

function specFor(table: string): CopyTable {
  return COPY_TABLES.find((c) => c.table === table)!;
}

function copyTable(file: Database, into: Database, spec: CopyTable, columns: readonly string[]): void {
  const { table } = spec;
  const kind = one<{ type: string }>(file, sql`SELECT type FROM sqlite_master WHERE name = ${table}`)?.type;
  if (kind === undefined) throw new SnapshotError(`缺少表 ${table}`);
  if (kind !== 'table') throw new SnapshotError(`${table} 不是一张表（是 ${String(kind)}）`);
  const theirs = new Set(columnsOf(file, table));
  const missing = columns.filter((c) => !theirs.has(c));
  if (missing.length) throw new SnapshotError(`表 ${table} 缺少列 ${missing.join('、')}`);
  copyRows(file, into, spec, columns);
}
