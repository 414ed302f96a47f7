import type { UnitGroup } from './types';

export interface Department {
  code: string;
  name: string;
  units: number;
}

/**
 * The department a unit belongs to: the first three digits of its code (部门 203, its 单位 203001,
 * 203002 …), the way the disclosures number them. Units without a code belong to none.
 */
export function departmentOf(code: string): string | null {
  return /^\d{3}/.test(code) ? code.slice(0, 3) : null;
}

/** Departments of the library, named after the unit whose code is the department's own. */
export function departments(groups: readonly UnitGroup[]): Department[] {
  const out = new Map<string, Department>();
  for (const g of groups) {
    const dep = departmentOf(g.code);
    if (!dep) continue;
    const d = out.get(dep) ?? { code: dep, name: dep, units: 0 };
    d.units++;
    if (g.code === dep) d.name = g.name;
    out.set(dep, d);
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}
