import type { PeersResult } from './peers';

/**
 * Columns on screen at once in 横比; the rest are a click away. Ten are about one laptop screen (at
 * 1280 px, beside the row labels, with unit names wrapping in the heads). Forty drew ~2,000 cells and
 * twenty ~1,000, two-thirds of them off screen; switching to 横比 at 5,000 documents took 146–203 ms
 * with forty and 73–126 ms with twenty (Chromium), mostly building and laying out the table.
 */
export const PAGE_COLUMNS = 10;

/** Which columns of a 横比 to send: from the `from`-th, `size` of them, in the order of a row (largest first) or as computed. */
export interface PeerPage {
  from: number;
  size: number;
  /** A row key (「单位排序」): columns by its amounts, largest first; null keeps the computed order. */
  order: string | null;
}

/** Where a page sits among all the columns of its answer. */
export interface PageInfo {
  from: number;
  total: number;
  /** Every column's document, in the computed order: what the view's data link and downloads carry. */
  docIds: string[];
}

/** Column indices in the order of a row's amounts (largest first; a unit without the row last), or as computed. */
export function columnOrder(result: PeersResult, rowKey: string | null): number[] {
  const idx = result.columns.map((_, i) => i);
  const row = rowKey ? result.rows.find((r) => r.key === rowKey) : undefined;
  if (!row) return idx;
  return idx.sort((a, b) => (row.cells[b]?.value.amount ?? -Infinity) - (row.cells[a]?.value.amount ?? -Infinity));
}

/** The start of the page holding `from`, or of the last page when `from` is past the end. */
export function pageStart(from: number, total: number, size: number): number {
  const last = Math.max(0, Math.floor((total - 1) / size) * size);
  return Math.max(0, Math.min(Math.floor(from / size) * size, last));
}

/**
 * One page of a 横比's columns, everything else as computed over all of them (ranks, medians and
 * outliers are among every chosen unit, not the page). A year of a large library is hundreds of
 * columns: the whole answer is megabytes that the page would decode on its main thread, for a
 * table that shows 40 columns at a time.
 */
export function peersPage(result: PeersResult, page: PeerPage): PeersResult & { page: PageInfo } {
  const order = columnOrder(result, page.order);
  const from = pageStart(page.from, order.length, page.size);
  const idx = order.slice(from, from + page.size);
  return {
    ...result,
    columns: idx.map((i) => result.columns[i]),
    rows: result.rows.map((r) => ({ ...r, cells: idx.map((i) => r.cells[i]) })),
    page: { from, total: order.length, docIds: result.columns.map((c) => c.docId) },
  };
}
