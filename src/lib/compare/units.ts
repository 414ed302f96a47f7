import type { Database } from 'sql.js';
import { all, sql } from '../db/sql';
import { jsonRows } from './figures';
import type { DocumentMeta } from '../model/document';
import type { Scope, Stage } from '../model/keys';
import type { DocRef, UnitGroup } from './types';

/**
 * A unit's identity across years. Its key is its printed code (`code:543`), else its name
 * (`name:信访局`); a document that prints no code joins the coded unit of the same name. Links made
 * by hand (table unit_link, unitLinks.ts) then map a key onto another, so 信访局 and 信访局（市委群工部）
 * can be one unit when a code or name changed.
 */
export function unitKeyOf(code: string, name: string): string {
  return code ? `code:${code}` : `name:${name}`;
}

interface DocRow extends DocumentMeta {
  docId: string;
}

/** Hand-made links, unit_key → canonical_key. */
export function loadLinks(db: Database): Map<string, string> {
  const rows = all<{ k: string; c: string }>(db, sql`SELECT unit_key AS k, canonical_key AS c FROM unit_link`);
  return new Map(rows.map((r) => [r.k, r.c]));
}

/** Follows links to the end. Chains are kept (not flattened) so that unlinking a unit takes its own links with it. */
export function resolveKey(key: string, links: ReadonlyMap<string, string>): string {
  let k = key;
  // A cycle cannot be created through linkUnits, but a damaged or hand-edited library must not hang.
  for (let i = 0; i < 32 && links.has(k); i++) k = links.get(k)!;
  return k;
}

export interface Units {
  groups: UnitGroup[];
  byKey: Map<string, UnitGroup>;
  /** Every document, with unitKey set to its group's key. */
  docs: DocRef[];
}

const cache = new WeakMap<Database, { changes: number; units: Units }>();

/**
 * All units of the library: one pass over `document`, read as one JSON array. Each comparison
 * needs them; at thousands of documents the pass costs more than the comparison itself, so the
 * result is kept until the database changes. SQLite's total_changes() counts every row inserted,
 * updated or deleted on this connection, so any import, removal or (un)link makes a fresh pass.
 * The returned object is shared: callers must not modify it.
 */
export function loadUnits(db: Database, { fresh = false } = {}): Units {
  const changes = Number(db.exec('SELECT total_changes()')[0].values[0][0]);
  const hit = cache.get(db);
  if (!fresh && hit && hit.changes === changes) return hit.units;
  const units = readUnits(db);
  cache.set(db, { changes, units });
  return units;
}

function readUnits(db: Database): Units {
  const rows = jsonRows<[string, string, string, Scope, Stage, number]>(db, sql`
    SELECT json_group_array(json_array(doc_id, unit_code, unit_name, scope, stage, year)) FROM (
      SELECT * FROM document ORDER BY year, imported_at, doc_id)`)
    .map(([docId, unitCode, unitName, scope, stage, year]): DocRow => ({ docId, unitCode, unitName, scope, stage, year }));
  const links = loadLinks(db);
  const codeByName = new Map<string, string>();
  for (const r of rows) if (r.unitCode) codeByName.set(r.unitName, r.unitCode);

  const docs: DocRef[] = [];
  const building = new Map<string, { g: UnitGroup; members: Set<string>; years: Set<number>; scopes: Set<Scope>; names: Set<string> }>();
  for (const r of rows) {
    const code = r.unitCode || codeByName.get(r.unitName) || '';
    const own = unitKeyOf(code, r.unitName);
    const key = resolveKey(own, links);
    let b = building.get(key);
    if (!b) {
      const g: UnitGroup = { key, code: '', name: '', names: [], members: [], years: [], scopes: [], docCount: 0 };
      b = { g, members: new Set(), years: new Set(), scopes: new Set(), names: new Set() };
      building.set(key, b);
    }
    // Rows come oldest first, so the last document seen names the unit.
    b.g.name = r.unitName;
    if (code) b.g.code = code;
    b.g.docCount++;
    if (own !== key) b.members.add(own);
    b.years.add(r.year);
    b.scopes.add(r.scope);
    b.names.add(r.unitName);
    docs.push({ docId: r.docId, unitKey: key, unitCode: r.unitCode, unitName: r.unitName, scope: r.scope, stage: r.stage, year: r.year });
  }
  const groups: UnitGroup[] = [];
  for (const b of building.values()) {
    b.g.members = [...b.members].sort().map((k) => ({ key: k, linked: links.has(k) }));
    b.g.years = [...b.years].sort((a, c) => a - c);
    b.g.scopes = [...b.scopes].sort();
    b.g.names = [...b.names];
    groups.push(b.g);
  }
  // Coded units first, by code; then units known only by name.
  groups.sort((a, c) => Number(!a.code) - Number(!c.code) || a.code.localeCompare(c.code) || a.name.localeCompare(c.name, 'zh-CN'));
  return { groups, byKey: new Map(groups.map((g) => [g.key, g])), docs };
}

/**
 * The one document of a unit for a year and stage. Two can exist (a re-published file, or a
 * 部门 and a 单位 document under one key); the 部门 (consolidated) one is preferred, then the
 * one imported last. The caller is told how many there were.
 */
export function pickDocument(candidates: readonly DocRef[]): DocRef | null {
  let best: DocRef | null = null;
  for (const d of candidates) {
    if (!best || (best.scope !== 'department' && d.scope === 'department') || best.scope === d.scope) best = d;
  }
  return best;
}
