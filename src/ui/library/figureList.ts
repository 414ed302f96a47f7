import type { FigureRow } from '../../lib/worker/protocol';
import { columnName, printedCode, rowName, tableName } from '../../lib/model/labels';

// One collator: localeCompare with options builds one per call (see docList.ts).
const zhNumeric = new Intl.Collator('zh-CN', { numeric: true });

/** The document view's figures: search by name or code, sort by a column (pure, for tests). */

export const FIGURE_SORTS = ['name', 'code', 'column', 'amount', 'table', 'source'] as const;
export type FigureSort = (typeof FIGURE_SORTS)[number];

/** A figure matches when its name (printed or the key's Chinese name) contains the text, or its code starts with it. */
export function matchFigure(f: FigureRow, text: string): boolean {
  const q = text.trim();
  if (!q) return true;
  // A code matches from its start: 201 finds 201 and its 款 and 项 (20101, 2010101), not 2080201.
  return rowName(f.table, f.rowCode, f.rowName).includes(q) || f.rowName.includes(q) || printedCode(f.rowCode).startsWith(q);
}

const VALUE: Record<FigureSort, (f: FigureRow) => string | number> = {
  name: (f) => rowName(f.table, f.rowCode, f.rowName),
  code: (f) => printedCode(f.rowCode),
  column: (f) => columnName(f.table, f.column),
  amount: (f) => f.amount,
  table: (f) => tableName(f.table),
  source: (f) => f.page ?? f.line ?? 0,
};

/** Sorted by one column (stable: ties keep print order); null keeps print order. */
export function sortFigures(rows: readonly FigureRow[], key: FigureSort | null, dir: 'asc' | 'desc'): FigureRow[] {
  if (!key) return [...rows];
  const v = VALUE[key];
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = v(a);
    const y = v(b);
    if (key === 'code') {
      // Codes sort as the tree they print (201, 20101, 208), rows without a code last.
      if ((x === '') !== (y === '')) return x === '' ? 1 : -1;
      return sign * (x < y ? -1 : x > y ? 1 : 0);
    }
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : zhNumeric.compare(String(x), String(y)));
  });
}

/** Header click: first direction, then the other, then back to the document's own order. */
export function nextSort<K extends string>(current: { key: K; dir: 'asc' | 'desc' } | null, key: K, first: 'asc' | 'desc'): { key: K; dir: 'asc' | 'desc' } | null {
  if (current?.key !== key) return { key, dir: first };
  if (current.dir === first) return { key, dir: first === 'asc' ? 'desc' : 'asc' };
  return null;
}
