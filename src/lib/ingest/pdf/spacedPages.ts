import { isAmount, mergeExtents, NUMERIC, type Column } from './columns';
import type { Fragment } from './fragments';
import type { TextLine } from './lines';

/**
 * A spaced table's pages set on one grid. A PDF prints every page of a table on the same columns,
 * so the layout takes one set of columns for all of them; but a converter such as pdftotext lays
 * out each page on a grid of its own, from that page's words: the page after the header, its zeros
 * printed closer (「1,633,000   1,633,000   0   0   0」), has its columns a dozen places left of the
 * first page's, between them and under other heads. Read on one set of columns, a row's 财政拨款
 * went to no head and its zeros to the heads beside.
 *
 * So where a later page has as many amount columns as the table's first page, its amounts are moved
 * onto the first page's columns, in order: each column's right edge onto the first page's (amounts
 * stand right-aligned), what lies between two columns in proportion. Codes and labels, left of the
 * amounts, stay where they are: a converter starts them at the same place on every page. A page
 * with another count of columns (one left blank on every row) is left as it is; so is a page whose
 * columns already stand over the first page's.
 */
export function onFirstPageGrid(lines: readonly TextLine[]): readonly TextLine[] {
  const pages = [...new Set(lines.map((l) => l.page))];
  if (pages.length < 2) return lines;
  let first: Column[] | null = null;
  const moves = new Map<number, (f: Fragment) => Fragment>();
  for (const page of pages) {
    const columns = amountColumns(lines.filter((l) => l.page === page));
    if (columns.length < 2) continue;
    if (!first) {
      first = columns;
      continue;
    }
    if (columns.length !== first.length || columns.every((c, i) => overlaps(c, first![i]))) continue;
    moves.set(page, mover(columns, first));
  }
  if (!moves.size) return lines;
  return lines.map((l) => {
    const move = moves.get(l.page);
    return move ? { ...l, fragments: l.fragments.map(move) } : l;
  });
}

/** A page's amount columns: the extents of the numbers after the last word of each row with an amount. */
function amountColumns(lines: readonly TextLine[]): Column[] {
  const extents: Column[] = [];
  for (const line of lines) {
    const fs = line.fragments;
    if (fs.length < 2 || !fs.some(isAmount)) continue;
    let k = fs.length;
    while (k > 0 && NUMERIC.test(fs[k - 1].text)) k--;
    // A row of numbers only (codes and amounts, no label) cannot tell its codes from its amounts.
    if (k === 0) continue;
    for (const f of fs.slice(k)) extents.push({ x0: f.x0, x1: f.x1 });
  }
  return mergeExtents(extents);
}

function overlaps(a: Column, b: Column): boolean {
  return Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);
}

/**
 * Moves a fragment of the page by its right edge: from `from`'s columns onto `to`'s, in proportion
 * between two, by the last column's shift past the last; left of the first column, not at all.
 */
function mover(from: readonly Column[], to: readonly Column[]): (f: Fragment) => Fragment {
  const start = from[0].x0;
  return (f) => {
    if (f.x1 <= start) return f;
    let x1: number;
    const j = from.findIndex((c) => f.x1 <= c.x1);
    if (j < 0) x1 = f.x1 + (to[to.length - 1].x1 - from[from.length - 1].x1);
    else if (j === 0) x1 = f.x1 + (to[0].x1 - from[0].x1);
    else {
      const t = (f.x1 - from[j - 1].x1) / (from[j].x1 - from[j - 1].x1);
      x1 = to[j - 1].x1 + t * (to[j].x1 - to[j - 1].x1);
    }
    return { ...f, x0: x1 - (f.x1 - f.x0), x1 };
  };
}
