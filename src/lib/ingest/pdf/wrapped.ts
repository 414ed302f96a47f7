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
 * row than the next row of data. A row that prints only a label (「其中：」, a heading with blank
 * amounts) stands a row spacing away, and is left alone; so is every line of a table whose spacing
 * cannot be told (fewer than two pairs of adjacent data rows), and page furniture.
 *
 * A label centred over three lines prints its first line above its row's amounts (「机关事业单位」 /
 * 「职业年金缴费 | 4.64」 / 「支出」): that line starts the row below it, the mirror of the above. It
 * does when it is no continuation of the row above, every cell it prints is over a label of the very
 * next line, a row of data (text, not an amount or a code), and it is no note; and it stands one
 * line's leading above that label's first line (the same limits) and no farther from that row than
 * from the row above (equally far: the row below, as above). Its text goes before the label. A
 * heading or 「其中：」 over a row stands a row spacing above it and is left alone; so is a line with
 * more text lines between it and the row. The 收支总表 reader rejoins such labels itself
 * (tables/pairs.ts); there the line has joined its row already.
 */
export function joinWrappedLabels(laid: readonly LaidLine[]): LaidLine[] {
  const spacing = rowSpacing(laid);
  if (spacing === null) return [...laid];
  const out: LaidLine[] = [];
  // A label's first line held for the row below it (startsLabel).
  let lead: LaidLine | null = null;
  laid.forEach((row, i) => {
    const above = out[out.length - 1];
    if (lead) {
      const first = lead;
      lead = null;
      out.push({ ...row, cells: row.cells.map((c, k) => [...(first.cells[k] ?? []), ...c]) });
    } else if (above && continuesLabel(above, row, nextData(laid, i), spacing)) {
      out[out.length - 1] = { ...above, cells: above.cells.map((c, k) => [...c, ...(row.cells[k] ?? [])]) };
    } else if (startsLabel(above, row, laid[i + 1], spacing)) {
      lead = row;
    } else {
      out.push(row);
    }
  });
  return out;
}

const isData = (row: LaidLine) => !row.meta && row.cells.some((c) => c.some((f) => NUMERIC.test(f.text)));
const top = (row: LaidLine) => Math.max(...row.cells.flat().map((f) => f.y));
const bottom = (row: LaidLine) => Math.min(...row.cells.flat().map((f) => f.y));

/**
 * The next row of data after line `i` on its page, past lines of text alone (the next row's label may
 * start above its amounts, 「机关事业单位」 over 「职业年金缴费 | 4.64」): what a continuation must be
 * nearer its own row than. Undefined at page furniture, a page's end or the table's.
 */
function nextData(laid: readonly LaidLine[], i: number): LaidLine | undefined {
  for (let j = i + 1; j < laid.length && !laid[j].meta && laid[j].line.page === laid[i].line.page; j++) if (isData(laid[j])) return laid[j];
  return undefined;
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

function continuesLabel(above: LaidLine, row: LaidLine, below: LaidLine | undefined, spacing: number): boolean {
  if (row.meta || !isData(above) || above.line.page !== row.line.page) return false;
  const filled = labelCells(row, above);
  if (!filled) return false;
  // The label's own last line (which may stand above the amounts, centred on them) to this line: one
  // line's leading, well under the row spacing. A row whose cell is set lower in a wrapped neighbour's
  // row (Jiangsu's 收支总表: 「八、…」 | 2,347.13 then 「九、…支」 19.6 pt under it, rows 23.3 apart) is
  // over two ems away: the distance alone does not tell it from a continuation.
  const size = row.line.size;
  const label = Math.min(...filled.map(([, k]) => Math.min(...above.cells[k].map((f) => f.y)))) - top(row);
  if (label <= 0 || label >= LEADING * spacing || label >= MAX_LEADING * size) return false;
  // Nearer the row above than the row below. A line equally far from both (or nearer below) starts
  // the row below: the first line of a label centred over three lines, on the middle one of which
  // the amounts stand (「机关事业单位」 / 「职业年金缴费 | 4.64」 / 「支出」).
  const up = bottom(above) - top(row);
  const down = below ? bottom(row) - top(below) : Infinity;
  return up < down;
}

/** Cells a line prints, each with its index, when every one is a label's text over (or under) a label of `row`. */
function labelCells(line: LaidLine, row: LaidLine): (readonly [Fragment[], number])[] | null {
  const filled = line.cells.map((c, k) => [c, k] as const).filter(([c]) => c.length);
  if (!filled.length) return null;
  for (const [cell, k] of filled) {
    const label = row.cells[k] ?? [];
    if (!label.length || cell.some((f) => NUMERIC.test(f.text)) || label.some((f) => NUMERIC.test(f.text))) return null;
    if (isNoteCell(joinPieces(cell, line.line.size))) return null;
  }
  return filled;
}

/**
 * Whether `row`, a line of text alone, is the first line of the label of `below`, the very next line:
 * a row of data whose label it stands over within one line's leading, no farther from it than from
 * `above`, the row before (already joined with its own continuation, if any).
 */
function startsLabel(above: LaidLine | undefined, row: LaidLine, below: LaidLine | undefined, spacing: number): boolean {
  if (row.meta || isData(row) || !below || !isData(below) || below.line.page !== row.line.page) return false;
  const filled = labelCells(row, below);
  if (!filled) return false;
  // This line's baseline to the label's first line: one line's leading, well under the row spacing.
  const label = bottom(row) - Math.max(...filled.map(([, k]) => Math.max(...below.cells[k].map((f) => f.y))));
  if (label <= 0 || label >= LEADING * spacing || label >= MAX_LEADING * row.line.size) return false;
  // No nearer the row above (a line equally far from both starts the row below, as continuesLabel has it).
  const down = bottom(row) - top(below);
  const up = above && !above.meta && above.line.page === row.line.page ? bottom(above) - top(row) : Infinity;
  return down <= up;
}
