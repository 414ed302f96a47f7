import type { Scope, Stage } from '../model/keys';
import { resolveKey, unitKeyOf } from '../model/unitKey';
import type { CompareSource, DocumentRow } from './source';
import type { DocRef, UnitGroup } from './types';

export interface Units {
  groups: UnitGroup[];
  byKey: Map<string, UnitGroup>;
  /** Every document, with unitKey set to its group's key. */
  docs: DocRef[];
}

const cache = new WeakMap<CompareSource, { version: number; rows: readonly DocumentRow[]; links: ReadonlyMap<string, string>; units: Units }>();

/**
 * All units of the library: one pass over its documents. Each comparison needs them; at thousands
 * of documents the pass costs more than the comparison itself, so the result is kept until the
 * source's version changes (any write). Most writes (an audit, the compared figures) change no
 * document and no link: a source that then gives the same documents array (db/compareDocuments.ts)
 * and equal links keeps the units too. The returned object is shared: callers must not modify it.
 */
export function loadUnits(src: CompareSource, { fresh = false } = {}): Units {
  const version = src.version();
  const hit = cache.get(src);
  if (!fresh && hit && hit.version === version) return hit.units;
  const rows = src.documents();
  const links = src.links();
  const units = !fresh && hit && hit.rows === rows && sameLinks(hit.links, links) ? hit.units : groupUnits(rows, links);
  cache.set(src, { version, rows, links, units });
  return units;
}

function sameLinks(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** A document's year, stage and scope as UnitGroup.editions holds them: `2023 budget department`. */
export function editionOf(d: { year: number; stage: Stage; scope: Scope }): string {
  return `${d.year} ${d.stage} ${d.scope}`;
}

/** The parts of an edition (editionOf). */
export function editionParts(e: string): { year: number; stage: Stage; scope: Scope } {
  const [year, stage, scope] = e.split(' ');
  return { year: Number(year), stage: stage as Stage, scope: scope as Scope };
}

/** Documents into units: by code, else by name, then through the hand-made links. */
export function groupUnits(rows: readonly DocumentRow[], links: ReadonlyMap<string, string>): Units {
  const codeByName = new Map<string, string>();
  for (const r of rows) if (r.unitCode) codeByName.set(r.unitName, r.unitCode);

  const docs: DocRef[] = [];
  const building = new Map<string, { g: UnitGroup; members: Set<string>; years: Set<number>; scopes: Set<Scope>; names: Set<string>; editions: Set<string> }>();
  for (const r of rows) {
    const code = r.unitCode || codeByName.get(r.unitName) || '';
    const own = unitKeyOf(code, r.unitName);
    const key = resolveKey(own, links);
    let b = building.get(key);
    if (!b) {
      const g: UnitGroup = { key, code: '', name: '', names: [], members: [], years: [], scopes: [], editions: [], docCount: 0 };
      b = { g, members: new Set(), years: new Set(), scopes: new Set(), names: new Set(), editions: new Set() };
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
    b.editions.add(editionOf(r));
    docs.push({ docId: r.docId, unitKey: key, unitCode: r.unitCode, unitName: r.unitName, scope: r.scope, stage: r.stage, year: r.year });
  }
  const groups: UnitGroup[] = [];
  for (const b of building.values()) {
    b.g.members = [...b.members].sort().map((k) => ({ key: k, linked: links.has(k) }));
    b.g.years = [...b.years].sort((a, c) => a - c);
    b.g.scopes = [...b.scopes].sort();
    b.g.names = [...b.names];
    b.g.editions = [...b.editions].sort();
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
