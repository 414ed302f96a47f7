import type { Database } from 'sql.js';
import { resolveKey } from '../model/unitKey';
import { all, run, sql } from './sql';

/**
 * Links made by hand between units (信访局 → 信访局（市委群工部）), kept in the library's unit_link
 * table so they are saved with it. A link is stored as made (from → to), not flattened: unlinking a
 * unit then gives back exactly what it brought, including units linked to it before.
 */
export function loadLinks(db: Database): Map<string, string> {
  const rows = all<{ k: string; c: string }>(db, sql`SELECT unit_key AS k, canonical_key AS c FROM unit_link`);
  return new Map(rows.map((r) => [r.k, r.c]));
}

export function linkUnits(db: Database, fromKey: string, toKey: string): void {
  if (fromKey === toKey) throw new Error('不能把单位关联到它自己。');
  const links = loadLinks(db);
  if (resolveKey(toKey, links) === fromKey || resolveKey(toKey, links) === resolveKey(fromKey, links)) {
    throw new Error('这两个单位已经是同一个单位（已关联），无需再关联。');
  }
  run(db, sql`INSERT OR REPLACE INTO unit_link (unit_key, canonical_key) VALUES (${fromKey}, ${toKey})`);
}

export function unlinkUnit(db: Database, unitKey: string): void {
  run(db, sql`DELETE FROM unit_link WHERE unit_key = ${unitKey}`);
}
