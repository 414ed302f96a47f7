import type { Row } from '../lines';
import { compact } from '../normalize';
import type { DataRow } from './rowCodes';

/**
 * Columns a converter made from nothing, taken out of the rows. pdftotext lays a page out on a grid
 * of characters; where a table's glyphs are wider than that grid, amounts stand a place or more right
 * of their column in some rows and not in others, and the page reader sees a column the table does
 * not have: blank in every row of the page, in its header and in its 栏次 row, between two columns
 * whose 栏次 numbers follow one another (「4」 | | 「5」). Counted as a column, it takes a head in
 * template order and pushes the amounts right of it off theirs (公用经费's under no head at all).
 *
 * Only where a 栏次 row says so, page by page (each page's header, the rows under it up to the next):
 * a column blank in every row is real where the table has no such amounts (经营支出), and there its
 * 栏次 number stands over it. The next page's grid may put its columns elsewhere.
 */
export function dropGhostColumns(headers: Row[], headerBlocks: Row[][], data: DataRow[]): void {
  const replaced = new Map<Row, Row>();
  for (let b = 0; b < headerBlocks.length; b++) {
    const block = headerBlocks[b];
    const numbering = block.find((h) => /^栏次/.test(compact(h.cells.find(Boolean) ?? '')));
    if (!numbering) continue;
    const from = block[block.length - 1].line;
    const to = b + 1 < headerBlocks.length ? headerBlocks[b + 1][0].line : Infinity;
    const rows = data.filter((d) => d.row.line > from && d.row.line < to);
    if (!rows.length) continue;
    const ghosts = ghostsOf(block, numbering, rows);
    if (!ghosts.length) continue;
    for (const h of block) replaced.set(h, without(h, ghosts));
    for (const d of rows) d.row = without(d.row, ghosts);
  }
  if (!replaced.size) return;
  for (let i = 0; i < headers.length; i++) headers[i] = replaced.get(headers[i]) ?? headers[i];
  for (const block of headerBlocks) for (let i = 0; i < block.length; i++) block[i] = replaced.get(block[i]) ?? block[i];
}

function ghostsOf(block: readonly Row[], numbering: Row, rows: readonly DataRow[]): number[] {
  const cells = numbering.cells;
  // A cell's number is its column's; the first cell also holds 「栏次」 and the numbers of the
  // columns left of the amounts (「栏次 1 2」). Elsewhere a cell of two numbers (「4 5」) holds a
  // blank column's number too: no ghost beside it.
  const numberAt = (i: number): number | null => {
    const cell = cells[i]?.trim() ?? '';
    const m = /(\d{1,2})$/.exec(cell);
    return m && (i === 0 || /^\d{1,2}$/.test(cell)) ? Number(m[1]) : null;
  };
  const filled = (i: number) => rows.some((d) => (d.row.cells[i] ?? '') !== '');
  const width = Math.max(...block.map((h) => h.cells.length), ...rows.map((d) => d.row.cells.length));
  const first = Math.min(...rows.map((d) => d.first));
  const ghosts: number[] = [];
  for (let i = first + 1; i < width; i++) {
    if (filled(i) || block.some((h) => (h.cells[i] ?? '').trim() !== '')) continue;
    let left = i - 1;
    while (left >= 0 && numberAt(left) === null && !filled(left)) left--;
    let right = i + 1;
    while (right < width && numberAt(right) === null && !filled(right)) right++;
    const a = left >= 0 ? numberAt(left) : null;
    const b = right < width ? numberAt(right) : null;
    if (a !== null && b !== null && b === a + 1) ghosts.push(i);
  }
  return ghosts;
}

/** The row without the cells (and their lines) at `columns`. */
export function without(row: Row, columns: readonly number[]): Row {
  if (!columns.length) return row;
  const keep = (_: unknown, i: number) => !columns.includes(i);
  return { ...row, cells: row.cells.filter(keep), lines: row.lines.filter(keep) };
}
