import type { Database, SqlValue } from 'sql.js';
import type { CopyTable } from './copyTables';
import { SnapshotError } from './library';

/**
 * Copies the rows of one table from one database into another, column by column as `columns` names
 * them, checking every value against its CopyTable entry first. `where` picks the rows of one key
 * (one document, one content hash); `orIgnore` keeps a row the target already has.
 *
 * Table and column names come from COPY_TABLES and our own schema (copyTables.ts checks their form);
 * they are spliced into the SQL text quoted, because identifiers cannot be bound. Values are bound.
 */
export function copyRows(from: Database, into: Database, spec: CopyTable, columns: readonly string[],
  where?: { column: string; value: SqlValue }, orIgnore = false): number {
  const { table } = spec;
  for (const c of [...columns, ...(where ? [where.column] : [])]) {
    if (!spec.columns[c]) throw new Error(`COPY_TABLES 缺少 ${table}.${c} 的检查`);
  }
  const list = columns.map((c) => `"${c}"`).join(', ');
  const read = from.prepare(`SELECT ${list} FROM "${table}"${where ? ` WHERE "${where.column}" = ?` : ''}`);
  const write = into.prepare(`INSERT${orIgnore ? ' OR IGNORE' : ''} INTO "${table}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
  let n = 0;
  try {
    if (where) read.bind([where.value]);
    while (read.step()) {
      n++;
      const row = read.get() as SqlValue[];
      columns.forEach((c, i) => {
        const problem = spec.columns[c](row[i]);
        if (problem) throw new SnapshotError(`表 ${table} 第 ${n} 行的 ${c} 不对：${problem}`);
      });
      try {
        write.run(row);
      } catch (e) {
        throw new SnapshotError(`表 ${table} 第 ${n} 行与资料库的结构不符（${constraint((e as Error).message)}）`);
      }
    }
  } finally {
    read.free();
    write.free();
  }
  return n;
}

/** Column names of a table (ours, or the same name in a file being read). */
export function columnsOf(db: Database, table: string): string[] {
  return (db.exec(`PRAGMA table_info("${table.replace(/"/g, '""')}")`)[0]?.values ?? []).map((r) => r[1] as string);
}

/** SQLite's constraint message in words a user can act on. */
function constraint(message: string): string {
  if (/UNIQUE|PRIMARY KEY/i.test(message)) return '重复的行';
  if (/FOREIGN KEY/i.test(message)) return '引用了不存在的文档或项目';
  if (/NOT NULL/i.test(message)) return '缺少必填的值';
  if (/CHECK/i.test(message)) return '值不在允许的范围内';
  return message.slice(0, 100);
}
