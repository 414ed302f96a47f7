import type { Database, SqlJsStatic } from 'sql.js';
import { MIGRATIONS } from './schema';

/**
 * Whether a saved snapshot has our schema at its version: every table our migrations make, with
 * their columns, and nothing that runs code (a trigger or a view never comes from us). A snapshot
 * that opens but lacks a table would otherwise start the app into 「no such table」 errors; it is
 * treated as damaged instead (startup.ts falls back to the previous one).
 *
 * Returns what is wrong, in Chinese, or null.
 */
export function schemaProblem(SQL: SqlJsStatic, db: Database, version: number): string | null {
  const reference = new SQL.Database();
  try {
    for (let v = 0; v < version; v++) reference.exec(MIGRATIONS[v]);
    const ours = objects(reference);
    const theirs = objects(db);
    for (const [name, type] of theirs) {
      if ((type === 'trigger' || type === 'view') && ours.get(name) !== type) return `含有不属于资料库的${type === 'view' ? '视图' : '触发器'} ${name}`;
    }
    for (const [name, type] of ours) {
      if (type !== 'table') continue;
      if (theirs.get(name) !== 'table') return `缺少表 ${name}`;
      const want = columns(reference, name);
      const have = columns(db, name);
      const missing = want.filter((c) => !have.includes(c));
      if (missing.length) return `表 ${name} 缺少列 ${missing.join('、')}`;
    }
    return null;
  } finally {
    reference.close();
  }
}

function objects(db: Database): Map<string, string> {
  return new Map((db.exec("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")[0]?.values ?? []).map(([n, t]) => [n as string, t as string]));
}

/** Column names; `name` is one of our own table names (from our migrations), quoted. */
function columns(db: Database, name: string): string[] {
  return (db.exec(`PRAGMA table_info("${name.replace(/"/g, '""')}")`)[0]?.values ?? []).map((r) => r[1] as string);
}
