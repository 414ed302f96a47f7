import type { Row } from '../lines';
import { without } from './ghostColumns';
import type { DataRow } from './rowCodes';

/**
 * Header words a grid column beside their amounts, page by page. 长沙's 基本支出情况表 prints
 * 「总计 | | 人员类 | | 公用经费 |」 over 「| 1,517.95 | | 1,394.97 | | 122.98」, and its next page's grid a
 * column further right: the page reader makes a column of every edge it sees, and a head centred in a
 * merged cell lands in the left one of two, its amounts in the right. Read so, no word stood over an
 * amount, the pages' heads stood at different places, and in template order 人员类's amounts went in
 * under 公用经费.
 *
 * Where on every page the table's header is printed on, each amount column has a head right beside
 * it (each on the same side) and no head stands over an amount, the heads move over their amounts; a
 * page whose heads stand unevenly beside them (headsLeft) has each amount moved under the nearest head
 * at or left of it. Then the columns no row of the page fills go (left of the amounts, the label heads
 * over them too), so that the pages' grids are one. Nothing moves where a data row stands under no
 * header (a page printed without one keeps its own grid, which the others' heads would not fit), or
 * where any page reads otherwise.
 */
export function alignOffsetHeads(headers: Row[], headerBlocks: Row[][], data: DataRow[]): void {
  if (!headerBlocks.length || !data.length || data[0].row.line < headerBlocks[0][0].line) return;
  // On a page so printed no head stands over an amount: the first row's amounts under the first
  // header say most tables are not (asked of every table), unless a later page may be.
  const { row: first, first: from } = data[0];
  if (headerBlocks.length < 2) {
    for (let i = from; i < first.cells.length; i++) {
      if (first.cells[i] !== '' && headerBlocks[0].some((h) => (h.cells[i] ?? '').trim() !== '')) return;
    }
  }
  const pages: { block: Row[]; rows: DataRow[]; heads: Set<number>; shift: number; start: number; under: Map<number, number> | null }[] = [];
  for (let b = 0; b < headerBlocks.length; b++) {
    const block = headerBlocks[b];
    const from = block[block.length - 1].line;
    const to = b + 1 < headerBlocks.length ? headerBlocks[b + 1][0].line : Infinity;
    const rows = data.filter((d) => d.row.line > from && d.row.line < to);
    if (!rows.length) continue;
    const amounts = new Set<number>();
    for (const d of rows) for (let i = d.first; i < d.row.cells.length; i++) if (d.row.cells[i] !== '') amounts.add(i);
    if (!amounts.size) return;
    const start = Math.max(0, Math.min(...amounts) - 1);
    const heads = new Set<number>();
    for (const h of block) for (let i = start; i < h.cells.length; i++) if (isHead(h.cells[i])) heads.add(i);
    const shift = headsBeside(amounts, heads);
    // No amount moves onto a row's label: the heads it may go under stand right of every row's name.
    const under = shift === 0 ? headsLeft(amounts, heads, Math.min(...rows.map((d) => d.first))) : null;
    if (shift === 0 && !under) return;
    pages.push({ block, rows, heads, shift, start, under });
  }
  // Pages whose heads all stand over their amounts are one grid with the others once their blank
  // columns go (湖州: a first page so printed, the next a column off unevenly): nothing to do where all are.
  if (!pages.length || pages.every((p) => p.under && [...p.under].every(([d, h]) => d === h))) return;
  const replaced = new Map<Row, Row>();
  for (const { block, rows, heads, shift, start, under } of pages) {
    const moved = under ? block : block.map((h) => shifted(h, heads, shift));
    if (under) for (const d of rows) d.row = amountsMoved(d.row, under);
    const width = Math.max(...moved.map((h) => h.cells.length), ...rows.map((d) => d.row.cells.length));
    const blank: number[] = [];
    // Left of the amounts, what the rows print decides (a 栏次 row's 「**」 over a blank column of one
    // page's grid and not the other's); from there on, a column of neither head nor amount goes.
    for (let i = 0; i < width; i++) {
      if (rows.every((d) => (d.row.cells[i] ?? '') === '') && (i < start || moved.every((h) => !isHead(h.cells[i])))) blank.push(i);
    }
    block.forEach((h, k) => replaced.set(h, without(moved[k], blank)));
    for (const d of rows) {
      d.first -= blank.filter((i) => i < d.first).length;
      d.row = without(d.row, blank);
    }
  }
  for (let i = 0; i < headers.length; i++) headers[i] = replaced.get(headers[i]) ?? headers[i];
  for (const block of headerBlocks) for (let i = 0; i < block.length; i++) block[i] = replaced.get(block[i]) ?? block[i];
}

/** A header cell naming a column: words, not a 栏次 row's number or 「**」 (printed beside the heads). */
function isHead(cell: string | undefined): boolean {
  return cell !== undefined && !/^[\d*\s]*$/.test(cell);
}

/**
 * +1 where every amount column has a head just left of it, −1 just right of it, none standing over an
 * amount and no two heads side by side (a head wrapped over two columns is no head a column off);
 * 0 otherwise. Two heads at least: one is no evidence of a grid.
 */
function headsBeside(amounts: ReadonlySet<number>, heads: ReadonlySet<number>): number {
  if (heads.size < 2) return 0;
  for (const h of heads) if (amounts.has(h) || heads.has(h + 1)) return 0;
  for (const shift of [1, -1]) if ([...amounts].every((i) => heads.has(i - shift))) return shift;
  return 0;
}

/**
 * A page whose grid puts its heads unevenly beside their amounts (湖州's 基本支出表, its last page:
 * 「合计 | | 人员经费 | 公用经费」 over 「| 19.00 | | | | 19.00」): each amount column under the nearest head
 * at or left of it (and not left of `from`, the rows' first amount cell), no two under one head, a head
 * over no other amount. Amount column → its head's column; null where any amount column has none.
 */
function headsLeft(amounts: ReadonlySet<number>, heads: ReadonlySet<number>, from: number): Map<number, number> | null {
  if (heads.size < 2) return null;
  const to = new Map<number, number>();
  const taken = new Set<number>();
  for (const d of [...amounts].sort((a, b) => a - b)) {
    let h = d;
    while (h >= from && !heads.has(h)) h--;
    if (h < from || taken.has(h) || (h !== d && amounts.has(h))) return null;
    taken.add(h);
    to.set(d, h);
  }
  return to;
}

/** The row with each amount moved under its head (onto a blank cell: the head's column has no amount). */
function amountsMoved(row: Row, under: ReadonlyMap<number, number>): Row {
  const cells = [...row.cells];
  const lines = [...row.lines];
  for (const [d, h] of under) {
    if (d === h || (row.cells[d] ?? '') === '') continue;
    cells[h] = row.cells[d];
    lines[h] = row.lines[d];
    cells[d] = '';
  }
  return { ...row, cells, lines };
}

/** The header row with its cells at `heads` moved `shift` columns (their lines with them), onto blanks. */
function shifted(row: Row, heads: ReadonlySet<number>, shift: number): Row {
  const cells = [...row.cells];
  const lines = [...row.lines];
  for (const h of heads) {
    if (h >= row.cells.length || row.cells[h].trim() === '') continue;
    while (cells.length <= h + shift) {
      cells.push('');
      lines.push(row.line);
    }
    cells[h + shift] = row.cells[h];
    lines[h + shift] = row.lines[h];
    cells[h] = '';
  }
  return { ...row, cells, lines };
}

/**
 * The 合计 head a grid column left of its amounts where the other heads stand over theirs (西安's
 * 基本支出明细表: 「合计」 over the blank column left of its amounts, 人员经费支出 and 公用经费支出 over their
 * own): the first filled column, with no head, right of a 合计 over no amount, takes it, where every
 * filled column then has its head. Only then: heads a column off all along are the merged cells that
 * template order reads right (the seeds). The words as placed otherwise (the same map).
 */
export function nudgeTotal(placed: Map<number, string>, filled: ReadonlySet<number>): Map<number, string> {
  const first = Math.min(...filled);
  if (placed.has(first) || placed.get(first - 1) !== 'total' || filled.has(first - 1)) return placed;
  const out = new Map(placed);
  out.delete(first - 1);
  out.set(first, 'total');
  return [...filled].every((i) => out.has(i)) ? out : placed;
}
