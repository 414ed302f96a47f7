import { isAmount } from './columns';
import type { Fragment } from './fragments';

/** The fragments of one page that share a baseline, left to right. */
export interface TextLine {
  page: number;
  /** Highest baseline of the line (lines are ordered top to bottom by it). */
  y: number;
  /** Largest font size on the line. */
  size: number;
  fragments: Fragment[];
}

/**
 * Clusters a page's fragments into lines, top to bottom. Cells of one table row do not always share a
 * baseline: a cell whose text wraps is centred, so its neighbours sit half a line higher or lower
 * (the 决算 PDF prints 「2,940.05」 7 pt above its label). A fragment therefore joins the line when its
 * baseline is within three quarters of the font size of the line's lowest baseline so far (single
 * linkage; which size, see below), which keeps a wrapped cell and its centred neighbours together
 * while rows, which are at least a line and a half apart, stay apart.
 */
export function toLines(page: number, fragments: readonly Fragment[]): TextLine[] {
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: TextLine[] = [];
  let current: TextLine | null = null;
  let lowest = 0;
  let lowestSize = 0;
  let amounts = false;
  for (const f of sorted) {
    // A smaller fragment under a larger one is measured by the larger's size only while the line
    // still waits for its amounts (an amount centred on a label wrapped in a larger font): under a
    // line that has them, it starts the next row (「合计 | 5,836.27」 in 17 pt, then 「301 …」 in 9 pt,
    // 12 pt lower). Measured from the line's lowest fragment, not its largest: a title set large (26
    // pt in a spreadsheet's PDF) would otherwise reach 19 pt down from every row it linked, and its
    // line swallow the page below it.
    const tol = 0.75 * Math.max(f.size < lowestSize && amounts ? f.size : Math.max(f.size, lowestSize), 1);
    if (current && lowest - f.y <= tol) {
      current.fragments.push(f);
      current.size = Math.max(current.size, f.size);
      if (f.y < lowest) {
        lowest = f.y;
        lowestSize = f.size;
      } else if (f.y === lowest) lowestSize = Math.max(lowestSize, f.size);
    } else {
      current = { page, y: f.y, size: f.size, fragments: [f] };
      lowest = f.y;
      lowestSize = f.size;
      amounts = false;
      lines.push(current);
    }
    if (!amounts && isAmount(f)) amounts = true;
  }
  for (const l of lines) l.fragments = joinTouching(l.fragments.sort((a, b) => a.x0 - b.x0 || b.y - a.y));
  return lines;
}

/**
 * Chinese pieces on one baseline that touch are one word. Chromium prints a glyph that Noto CJK
 * shares with a Kangxi radical (入, 支, 门) as a text run of its own, right after the rest of the word
 * (「三、国有资本经营预算拨款收」「⼊」); apart, the last character would stand as a column of its own.
 */
function joinTouching(fragments: Fragment[]): Fragment[] {
  const out: Fragment[] = [];
  for (const f of fragments) {
    const last = out[out.length - 1];
    const gap = last ? f.x0 - last.x1 : Infinity;
    if (last && gap >= -0.1 * f.size && gap < 0.45 * f.size && Math.abs(f.y - last.y) <= 0.1 * f.size && f.size === last.size
      && CJK_END.test(last.text) && CJK_START.test(f.text)) {
      // A space's width apart is a space inside the cell (「财政专户 收入」), as fragments.ts keeps it.
      out[out.length - 1] = { ...last, text: last.text + (gap > 0.1 * f.size ? ' ' : '') + f.text, x1: f.x1 };
    } else {
      out.push(f);
    }
  }
  return out;
}

const CJK_END = /[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F“”‘’]$/;
const CJK_START = /^[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F“”‘’]/;

/**
 * Joins the pieces of one cell in reading order (top line first, then left to right): Chinese text
 * that wrapped or was spaced out (「公 务 用 车」) joins without a space, anything else with one.
 */
export function joinPieces(pieces: readonly Fragment[], lineSize: number): string {
  const ordered = [...pieces].sort((a, b) => (Math.abs(a.y - b.y) > 0.4 * lineSize ? b.y - a.y : a.x0 - b.x0));
  let text = '';
  for (const p of ordered) {
    if (text && !(CJK_END.test(text) && CJK_START.test(p.text))) text += ' ';
    text += p.text;
  }
  return text;
}

/**
 * The cells of a line outside any table grid: runs of fragments separated by gaps narrower than
 * one and a half em. A paragraph line is one cell; a table of contents line keeps its page number
 * apart.
 */
export function gapCells(line: TextLine): Fragment[][] {
  const cells: Fragment[][] = [];
  let last: Fragment | null = null;
  for (const f of line.fragments) {
    if (last && f.x0 - last.x1 <= 1.5 * Math.max(f.size, last.size) && Math.abs(f.y - last.y) < 0.4 * line.size) cells[cells.length - 1].push(f);
    else cells.push([f]);
    last = f;
  }
  return cells;
}
