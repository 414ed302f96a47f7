import { METRICS } from './metrics';
import type { ClassCells } from './classes';
import type { Cell, RowGroup, RowHead } from './types';

/** A row of a comparison: its head and one cell (or null) per column. */
export interface BuiltRow extends RowHead {
  values: (Cell | null)[];
}

/**
 * The metric rows (收入总计 … 机关运行经费) over columns of metric maps. They are few and all shown
 * (but a row only some regions print, where no column has it), so none is marked as expandable:
 * the depth only indents the parts under their total.
 */
export function metricRows(columns: readonly (Map<string, Cell> | null)[]): BuiltRow[] {
  const shown = METRICS.filter((d) => !d.onlyWherePrinted || columns.some((c) => c?.has(d.key)));
  return shown.map((d) => ({
    key: `m:${d.key}`,
    label: d.label,
    group: 'metric' as const,
    depth: d.depth,
    parent: d.parent ? `m:${d.parent}` : null,
    hasChildren: false,
    values: columns.map((c) => c?.get(d.key) ?? null),
  }));
}

/**
 * Classification rows (类 → 款 → 项) over columns: the union of the codes any column has, in code
 * order, each under the nearest shorter code that exists (a 项 whose 款 is not printed hangs under
 * its 类). Names come from the newest column that prints the code.
 */
export function classRows(group: Exclude<RowGroup, 'metric'>, columns: readonly (ClassCells | null)[]): BuiltRow[] {
  const prefix = group === 'function' ? 'f' : 'e';
  const names = new Map<string, string>();
  for (const c of columns) if (c) for (const [code, name] of c.names) names.set(code, name);
  const codes = [...names.keys()].sort();
  const present = new Set(codes);
  const parentOf = (code: string): string | null => {
    for (let len = code.length - 2; len >= 3; len -= 2) if (present.has(code.slice(0, len))) return code.slice(0, len);
    return null;
  };
  const parents = new Set(codes.map(parentOf).filter((p): p is string => p !== null));
  return codes.map((code) => {
    const parent = parentOf(code);
    let depth = 0;
    for (let p = parent; p; p = parentOf(p)) depth++;
    return {
      key: `${prefix}:${code}`,
      label: `${code} ${names.get(code)}`,
      group,
      depth,
      parent: parent ? `${prefix}:${parent}` : null,
      code,
      hasChildren: parents.has(code),
      values: columns.map((c) => c?.cells.get(code) ?? null),
    };
  });
}
