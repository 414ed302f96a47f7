import type { UnitGroup } from './types';

/**
 * Units that may be one unit under two names. A unit known by name only (no printed code) is keyed
 * by its name, so a department that writes its name out in full one year and in its customary short
 * form the next (「中国共产党江苏省委员会办公厅」, then 「中共江苏省委办公厅」) falls apart into two units,
 * and 同比 shows each with half its years. These are suggested, never linked: a person links them
 * (UnitLinks), since two names alike can still be two bodies.
 */

/**
 * A name with its customary variants set aside: spaces, a leading 中国共产党/中共, 委员会 written
 * 委, 人民政府 written 政府, and a bracketed note (「信访局（市委群工部）」), in either width.
 */
export function nameCore(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/^(?:中国共产党|中共)/, '')
    .replace(/委员会/g, '委')
    .replace(/人民政府/g, '政府');
}

interface Index {
  byCore: Map<string, UnitGroup[]>;
  cores: Map<UnitGroup, Set<string>>;
}

/** A unit's names' cores; one character says too little to call two names one. */
function coresOf(u: UnitGroup): Set<string> {
  return new Set(u.names.concat(u.name).map(nameCore).filter((c) => c.length >= 2));
}

const indexes = new WeakMap<readonly UnitGroup[], Index>();

/** Each unit's names' cores, once per list of units (the list is replaced whenever the library changes). */
function indexOf(units: readonly UnitGroup[]): Index {
  let index = indexes.get(units);
  if (index) return index;
  index = { byCore: new Map(), cores: new Map() };
  for (const u of units) {
    const cores = coresOf(u);
    index.cores.set(u, cores);
    for (const c of cores) {
      const list = index.byCore.get(c) ?? [];
      list.push(u);
      index.byCore.set(c, list);
    }
  }
  indexes.set(units, index);
  return index;
}

/**
 * The units of `units` that may be `unit` renamed: a name with the same core, no document of the
 * same year, stage and scope (a body publishes one 预算 a year; two are two bodies), and no other
 * printed code. A 预算 and a 决算 of one year may name the body two ways (renamed between them).
 */
export function likelyRenames(unit: UnitGroup, units: readonly UnitGroup[]): UnitGroup[] {
  const index = indexOf(units);
  const cores = index.cores.get(unit) ?? coresOf(unit);
  const editions = new Set(unit.editions);
  const out = new Set<UnitGroup>();
  for (const c of cores) {
    for (const other of index.byCore.get(c) ?? []) {
      if (other.key === unit.key || (unit.code && other.code && unit.code !== other.code)) continue;
      if (other.editions.some((e) => editions.has(e))) continue;
      out.add(other);
    }
  }
  return [...out].sort((a, b) => (a.years[0] ?? 0) - (b.years[0] ?? 0));
}
