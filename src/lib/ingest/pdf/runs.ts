import type { PdfTextItem } from './types';

/**
 * Some producers write a number as several text runs set edge to edge, a run per glyph or digit
 * group: 「3,296,600」 arrives as 「3」「,」「2」「9」「6」「,」「6」「00」, each placed where the last one
 * ended. Left apart, each run becomes a fragment of its own; `lines.ts` joins touching pieces only
 * when they are Chinese, and `columns.ts` merges only extents that overlap, so a lone leading digit
 * stood as a column of its own and a code 「201」 was read as 「2」「0」「1」 in three cells.
 *
 * Runs on one baseline, of one font size, whose gap is within `TOUCH` of an em (either way: the
 * producer's rounding leaves a hundredth of a point of overlap or gap) are therefore one run, whatever
 * their script. A cell's padding is far wider, so cells stay apart, and pdf.js's own spaces (a run of
 * blanks, or a run that ends or starts with one) stay cell breaks.
 *
 * Items arrive in reading orientation (orient.ts has turned sideways pages), so 「left to right on one
 * baseline」 holds on every page. The joined run takes the place of its first part in the page's
 * order; nothing else moves (lines.ts sorts by position anyway, but ties keep the producer's order).
 */
export const TOUCH = 0.05;

/** The page's runs with touching runs of one baseline and size joined (a new array; items are not changed). */
export function joinTouchingRuns(items: readonly PdfTextItem[]): PdfTextItem[] {
  // Runs by baseline, top to bottom; a baseline may differ by rounding noise (a turned page's
  // coordinates are computed), so runs within a hundredth of an em of the last one share it.
  const order = items.map((_, i) => i).sort((a, b) => items[b].y - items[a].y || items[a].x - items[b].x);
  const joined = new Map<number, PdfTextItem>();
  const absorbed = new Set<number>();
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && sameBaseline(items[order[end - 1]], items[order[end]])) end++;
    const line = order.slice(start, end).sort((a, b) => items[a].x - items[b].x);
    let head = line[0];
    let run: PdfTextItem = items[head];
    let last = run;
    for (const i of line.slice(1)) {
      const it = items[i];
      if (touches(run, it)) {
        run = { ...run, str: run.str + it.str, width: Math.max(run.x + run.width, it.x + it.width) - run.x };
        joined.set(head, run);
        absorbed.add(i);
      } else if (nextGlyph(last, it)) {
        // A glyph's reported width is the font's em, not its advance: where the run ends with one,
        // it ends where that glyph would if it were as wide as the step before it.
        const end = it.x + ([...it.str].length === 1 ? Math.min(it.width, it.x - last.x) : it.width);
        run = { ...run, str: run.str + it.str, width: end - run.x };
        joined.set(head, run);
        absorbed.add(i);
      } else {
        head = i;
        run = it;
      }
      last = it;
    }
    start = end;
  }
  if (!absorbed.size) return [...items];
  const out: PdfTextItem[] = [];
  items.forEach((it, i) => {
    if (!absorbed.has(i)) out.push(joined.get(i) ?? it);
  });
  return out;
}

/**
 * A glyph set within the last one's reported width, on its baseline: a producer whose font gives no
 * widths writes each glyph as a run of its own and pdf.js takes each one em wide, so a digit
 * (half an em) overlaps the next (重庆's 「1」「7」「4」「,」… each 10.29 wide, 5.24 apart). Read as
 * apart, every glyph was a word: 「1 7 4 , 9 0 0 . 6 4」. Only a run of one glyph: a longer run reaching
 * over the next one (a label overflowing its cell onto an amount) is no such thing.
 */
function nextGlyph(a: PdfTextItem, b: PdfTextItem): boolean {
  if ([...a.str].length !== 1 || !a.str.trim() || !b.str.trim() || /^\s/.test(b.str)) return false;
  if (Math.abs(a.size - b.size) > 0.01 * a.size || !sameBaseline(a, b)) return false;
  return b.x > a.x + TOUCH * a.size && b.x < a.x + a.width - TOUCH * a.size;
}

function sameBaseline(a: PdfTextItem, b: PdfTextItem): boolean {
  return Math.abs(a.y - b.y) <= 0.01 * Math.max(a.size, b.size, 1);
}

function touches(a: PdfTextItem, b: PdfTextItem): boolean {
  if (!a.str.trim() || !b.str.trim() || /\s$/.test(a.str) || /^\s/.test(b.str)) return false;
  if (Math.abs(a.size - b.size) > 0.01 * a.size || !sameBaseline(a, b)) return false;
  return Math.abs(b.x - (a.x + a.width)) <= TOUCH * a.size;
}
