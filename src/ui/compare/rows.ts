import type { RowHead } from '../../lib/compare/types';

/** Rows whose ancestors are all expanded: the tree as the table shows it (类 → 款 → 项). Metric rows always show. */
export function visibleRows<R extends RowHead>(rows: readonly R[], open: ReadonlySet<string>): R[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const shown = (r: R): boolean => r.group === 'metric' || r.parent === null || (open.has(r.parent) && shown(byKey.get(r.parent)!));
  return rows.filter(shown);
}

/**
 * Sorts a tree of rows by a value, siblings among siblings, children staying under their parent;
 * rows without a value go last. The metric block and each classification keep their own place.
 */
export function sortTree<R extends RowHead>(rows: readonly R[], value: (r: R) => number | null, dir: 'asc' | 'desc'): R[] {
  const children = new Map<string, R[]>();
  for (const r of rows) {
    const k = r.parent ?? `root:${r.group}`;
    children.set(k, [...(children.get(k) ?? []), r]);
  }
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: R, b: R) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return (va - vb) * sign;
  };
  const out: R[] = [];
  const walk = (k: string) => {
    for (const r of [...(children.get(k) ?? [])].sort(cmp)) {
      out.push(r);
      walk(r.key);
    }
  };
  for (const g of new Set(rows.map((r) => r.group))) walk(`root:${g}`);
  return out;
}

export const GROUP_TITLES: Record<RowHead['group'], string> = {
  metric: '总体',
  function: '支出功能分类（类 → 款 → 项）',
  economic: '基本支出经济分类（类 → 款）',
};

/**
 * The first `n` rows of a table's groups, in order, for the frame of a click; a group left without
 * rows is left out. At 5,000 documents a 横比 page is ~45 rows of 10 cells; drawing them all in the
 * click took ~40 ms of script and 25–35 ms of style and layout (issue 17), most of it below the fold.
 */
export function firstRows<G, R>(groups: readonly { g: G; rows: R[] }[], n: number): { g: G; rows: R[] }[] {
  const out: { g: G; rows: R[] }[] = [];
  let left = n;
  for (const { g, rows } of groups) {
    if (left <= 0) break;
    out.push({ g, rows: rows.slice(0, left) });
    left -= rows.length;
  }
  return out;
}
