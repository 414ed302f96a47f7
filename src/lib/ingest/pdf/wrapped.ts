import { isNoteCell } from '../meta';
import { NUMERIC } from './columns';
import type { Fragment } from './fragments';
import { joinPieces, type TextLine } from './lines';

/** A line of a table laid out in its columns (`meta`: page furniture, laid out by its own gaps). */
export interface LaidLine {
  line: TextLine;
  cells: Fragment[][];
  meta?: boolean;
}

/**
 * A row label too long for its cell wraps inside it. Where the row's other cells are centred on the
 * label, lines.ts keeps them one line; but where they sit on its first line, or the label wraps
 * further down than three quarters of an em, its last line stands alone (「…基本养老保险缴费支」 and,
 * 15 pt lower, 「出」): a line of text under the label with no code and no amount. Read as a row,
 * that line was dropped and the label lost its end.
 *
 * Such a line continues the row above when, by structure, every cell it prints is under a label of
 * that row (text, not an amount or a code), the row above is a row of data (it prints an amount or a
 * code) and the line is no note (「注：」); and, by geometry, it stands one line's leading under that
 * label's last line (under four fifths of the table's row spacing, and under 1.75 em) and nearer that
 * row than the next row (below). A row that prints only a label (「其中：」, a heading with blank
 * amounts) stands a row spacing away, and is left alone; so is every line of a table whose spacing
 * cannot be told (fewer than two pairs of adjacent data rows), and page furniture.
 *
 * A label centred over three lines or more prints its first lines above its row's amounts
 * (「机关事业单位」 / 「基本养老保险」 / 「缴费支出 | 4.64」 / 「…」): those lines start the row below them, the
 * mirror of the above. They do when every cell they print is over a label of that row, a row of data
 * (text, not an amount or a code), none is a note, and each stands one line's leading above the next
 * (the same limits, counted from the label's first line up, line by line). Their text goes before the
 * label. A heading or 「其中：」 over a row stands a row spacing above it and is left alone. The 收支总表
 * reader rejoins such labels itself (tables/pairs.ts); there the line has joined its row already.
 *
 * Which row a line of text between two rows of data belongs to is told by the gaps: a label's lines
 * stand evenly, one leading apart (up to the producer's rounding), and the labels of two rows stand
 * at least as far apart. So the row below takes the most lines over it that fit line by line, stand
 * evenly, and whose first stands at least as far from the line over it as they stand apart (equally
 * far: the row below takes it); the row above then takes, of the lines left, the most that fit,
 * stand evenly, and whose last stands farther from the line under it. A line of neither (a heading,
 * the lines of a row with blank amounts) stays a row of its own, and so do the lines beyond it.
 *
 * A label's last line printed at the head of the next page is left alone. There the rest of a row
 * split by the page break stands a row spacing over the next row, as a row with blank amounts does
 * (a 收支总表's 「使用非财政拨款结余…」 | 「结余分配」 at the head of a page, under 「本年收入合计 | 2,946.25 |
 * 本年支出合计 | 2,940.05」 on the page before): neither structure nor geometry tells the two apart.
 */
export function joinWrappedLabels(laid: readonly LaidLine[]): LaidLine[] {
  const spacing = rowSpacing(laid);
  if (spacing === null) return [...laid];
  const out: LaidLine[] = [];
  for (let i = 0; i < laid.length; ) {
    if (!isText(laid[i])) {
      out.push(laid[i++]);
      continue;
    }
    // Lines of text alone from i to j, on one page; the rows of data around them, on that page.
    let j = i;
    while (j < laid.length && isText(laid[j]) && laid[j].line.page === laid[i].line.page) j++;
    const run = laid.slice(i, j);
    const last = out[out.length - 1];
    const above = last && isData(last) && last.line.page === run[0].line.page ? last : undefined;
    const below = j < laid.length && isData(laid[j]) && laid[j].line.page === run[0].line.page ? laid[j] : undefined;
    // The row below takes its label's first lines, from its amounts up: m is where they start.
    let m = run.length;
    let down = below;
    for (let n = run.length, row = below, gaps: number[] = []; row && n > 0; n--) {
      const line = run[n - 1];
      if (!startsLabel(line, row, spacing) || !even(gaps, bottom(line) - top(row), line)) break;
      row = { ...row, cells: row.cells.map((c, q) => [...(line.cells[q] ?? []), ...c]) };
      const over = n > 1 ? bottom(run[n - 2]) - top(line) : above ? bottom(above) - top(line) : Infinity;
      if (over >= Math.max(...gaps)) [m, down] = [n - 1, row];
    }
    // The row above takes its label's last lines down, before those: k is where they end.
    let k = 0;
    for (let n = 0, row = above, gaps: number[] = []; row && n < m; n++) {
      const line = run[n];
      if (!continuesLabel(row, line, spacing) || !even(gaps, bottom(row) - top(line), line)) break;
      row = { ...row, cells: row.cells.map((c, q) => [...c, ...(line.cells[q] ?? [])]) };
      const under = n + 1 < m ? bottom(line) - top(run[n + 1]) : down ? bottom(line) - top(down) : Infinity;
      if (under > Math.max(...gaps)) [k, out[out.length - 1]] = [n + 1, row];
    }
    out.push(...run.slice(k, m));
    if (down) out.push(down);
    i = below ? j + 1 : j;
  }
  return out;
}

const isData = (row: LaidLine) => !row.meta && row.cells.some((c) => c.some((f) => NUMERIC.test(f.text)));
/** A line of text alone: what may be a wrapped label's line. */
const isText = (row: LaidLine) => !row.meta && !isData(row);
const top = (row: LaidLine) => Math.max(...row.cells.flat().map((f) => f.y));
const bottom = (row: LaidLine) => Math.min(...row.cells.flat().map((f) => f.y));

/**
 * Adds `gap` to the gaps between one label's lines so far, when it is as wide as they are: a label's
 * lines stand one leading apart, up to the producer's rounding (a tenth of an em).
 */
function even(gaps: number[], gap: number, line: LaidLine): boolean {
  if (gaps.length && Math.max(gap, ...gaps) - Math.min(gap, ...gaps) > 0.1 * line.line.size) return false;
  gaps.push(gap);
  return true;
}

/** Of the row spacing, and in ems: a wrapped label's next line is nearer than either. */
const LEADING = 0.8;
const MAX_LEADING = 1.75;

/** The median distance between adjacent rows of data on one page, or null with fewer than two pairs. */
function rowSpacing(laid: readonly LaidLine[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < laid.length; i++) {
    const [a, b] = [laid[i - 1], laid[i]];
    if (isData(a) && isData(b) && a.line.page === b.line.page) gaps.push(a.line.y - b.line.y);
  }
  if (gaps.length < 2) return null;
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)];
}

/** Whether `row`, a line of text alone, continues the label of `above`, a row of data right over it. */
function continuesLabel(above: LaidLine, row: LaidLine, spacing: number): boolean {
  const filled = labelCells(row, above);
  if (!filled) return false;
  // The label's own last line (which may stand above the amounts, centred on them) to this line: one
  // line's leading, well under the row spacing. A row whose cell is set lower in a wrapped neighbour's
  // row (Jiangsu's 收支总表: 「八、…」 | 2,347.13 then 「九、…支」 19.6 pt under it, rows 23.3 apart) is
  // over two ems away: the distance alone does not tell it from a continuation.
  const label = Math.min(...filled.map(([, k]) => Math.min(...labelYs(above, k)))) - top(row);
  return within(label, spacing, row.line.size);
}

/** One line's leading: under four fifths of the row spacing and under 1.75 em. */
const within = (gap: number, spacing: number, size: number) => gap > 0 && gap < LEADING * spacing && gap < MAX_LEADING * size;

/**
 * Cells a line prints, each with its index, when every one is a label's text over (or under) a label of
 * `row`, or over (under) the blank label cell of a row that prints no words at all: a label centred on
 * its row over two lines, the code and amounts between them (「机关事业单位基本养老保险缴费支」 /
 * 「2080505 | | 580.01」 / 「出」).
 */
function labelCells(line: LaidLine, row: LaidLine): (readonly [Fragment[], number])[] | null {
  const filled = line.cells.map((c, k) => [c, k] as const).filter(([c]) => c.length);
  if (!filled.length) return null;
  const wordless = row.cells.every((c) => c.every((f) => NUMERIC.test(f.text)));
  for (const [cell, k] of filled) {
    const label = row.cells[k] ?? [];
    if ((!label.length && !wordless) || cell.some((f) => NUMERIC.test(f.text)) || label.some((f) => NUMERIC.test(f.text))) return null;
    if (isNoteCell(joinPieces(cell, line.line.size))) return null;
  }
  return filled;
}

/** The baselines of `row`'s label cell `k`, or the row's own where the cell is blank. */
const labelYs = (row: LaidLine, k: number) => (row.cells[k]?.length ? row.cells[k] : row.cells.flat()).map((f) => f.y);

/** Whether `row`, a line of text alone, starts the label of `below`, a row of data right under it. */
function startsLabel(row: LaidLine, below: LaidLine, spacing: number): boolean {
  const filled = labelCells(row, below);
  if (!filled) return false;
  // This line's baseline to the label's first line (so far): one line's leading.
  const label = bottom(row) - Math.max(...filled.map(([, k]) => Math.max(...labelYs(below, k))));
  return within(label, spacing, row.line.size);
}
