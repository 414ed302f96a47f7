/**
 * A text whose tables are laid out with spaces, read as the pages it was printed on: what
 * `pdftotext -layout` and other PDF-to-text converters write, and what a finance system's report or
 * an editor's fixed-width table gives. Its columns are not cells set apart by tabs but places on the
 * line: 「201   13   01   行政运行          9,389,913.00    9,389,913.00」 over
 * 「208   05   05   机关事业单位基本养老保险缴费支出     1,410,886.00    1,410,886.00」. Counting runs of
 * spaces as tabs (linesBySplit.ts) loses them: a label's length changes the run after it, and a
 * blank cell is a longer run, not an empty cell.
 *
 * So each word becomes a text item at its place on the line, a line of text a printed line and a
 * form feed a new page, and the PDF reader lays the pages out (pdf/layout.ts): columns from the data
 * rows, header words, tables over page breaks, all as for a PDF, with the rows of a table lined up
 * by their amounts first and the lines a converter splits a row into joined (pdf/spacedLines.ts).
 * This file tells such a text; `spacedRead.ts`, loaded with the first one, reads it.
 *
 * A Chinese character is counted one place (a converter puts each glyph on its grid) or two (a
 * fixed-width font): whichever lines up the amounts of consecutive rows better.
 */

/** A printed amount: digits with separators and a decimal point, maybe signed or bracketed. */
const AMOUNT = /^[(（]?[-－−△]?\d{1,3}(?:,\d{3})*(?:\.\d{1,4})?[)）]?$|^[(（]?[-－−△]?\d+\.\d{1,4}[)）]?$/;
/** An amount or a code, which a single space never joins to a word beside it. */
const FIGURE = /^[(（]?[-－−△]?\d[\d,]*[.,]\d+[)）]?$|^\d{3,}$/;

/** East Asian wide and full-width characters: two places in a fixed-width font. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
const CJK = /[\u2E80-\u9FFF]/;

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\u3000' || ch === '\t';

/** What must be seen before a text is read as pages: rows with an amount after a run of spaces. */
const MIN_ROWS = 8;
/** Share of the amounts that line up with the row before (tabs turned into spaces: under 0.4). */
const MIN_ALIGNED = 0.5;

export interface Word {
  text: string;
  /** Its extent on the line, in places. */
  at: number;
  end: number;
}

/**
 * The words of a line with their places. In a fixed-width font (`wide`), one space beside a Chinese
 * character is a space inside a cell (「一般公共预算 财政拨款」「单价在 20 万元以上的设备」), as a
 * PDF's narrow space is (pdf/fragments.ts), and cells stand further apart; never beside an amount or
 * a code: 「371,514,655.00 一、一般公共服务支出」 are two cells. A converter's grid sets the cells of
 * a narrow table one space apart (「合计 小计 因公出国（境）费」): there every space parts words, and
 * the PDF reader joins a header's letter-spaced characters (pdf/columns.ts).
 */
export function wordsOf(line: string, wide: boolean): Word[] {
  const words: Word[] = [];
  let place = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (isBlank(ch)) {
      place = ch === '\t' ? (Math.floor(place / 8) + 1) * 8 : place + (ch === ' ' || !wide ? 1 : 2);
      i++;
      continue;
    }
    const start = i;
    const at = place;
    for (;;) {
      for (; i < line.length && !isBlank(line[i]); i++) place += wide && WIDE.test(line[i]) ? 2 : 1;
      const next = i + 1 < line.length && line[i] === ' ' && !isBlank(line[i + 1]);
      if (!wide || !next || !(CJK.test(line[i - 1]) || CJK.test(line[i + 1])) || FIGURE.test(lastWord(line, start, i)) || FIGURE.test(nextWord(line, i + 1))) break;
      place++;
      i++;
    }
    words.push({ text: line.slice(start, i), at, end: place });
  }
  return words;
}

function lastWord(line: string, start: number, end: number): string {
  return line.slice(Math.max(start, line.lastIndexOf(' ', end - 1) + 1), end);
}

function nextWord(line: string, from: number): string {
  let end = from;
  while (end < line.length && !isBlank(line[end])) end++;
  return line.slice(from, end);
}

/**
 * How well the amounts of consecutive rows line up: the share of amounts that end (right-aligned)
 * or start (left-aligned) within a place of an amount of the amount row before.
 */
function alignment(lines: readonly string[], wide: boolean): number {
  let amounts = 0;
  let aligned = 0;
  let before: Word[] | null = null;
  let since = 0;
  for (const line of lines) {
    const here = line.includes('  ') ? wordsOf(line, wide).filter((w, i) => i > 0 && AMOUNT.test(w.text)) : [];
    if (!here.length) {
      if (++since > 2) before = null;
      continue;
    }
    if (before) {
      for (const w of here) {
        amounts++;
        if (before.some((b) => Math.abs(b.end - w.end) <= 1 || Math.abs(b.at - w.at) <= 1)) aligned++;
      }
    }
    before = here;
    since = 0;
  }
  return amounts ? aligned / amounts : 0;
}

/**
 * Rows with an amount after a run of two spaces or more, counted up to `enough`; lines with a tab
 * apart. Texts without two spaces in a row (tabbed rows, one cell per line) are refused by one
 * search through the text.
 */
function spacedRows(text: string, enough: number): { spaced: number; tabbed: number } {
  let spaced = 0;
  let lineStart = -1;
  for (let i = text.indexOf('  '); i >= 0 && spaced < enough; ) {
    let j = i;
    while (text[j] === ' ') j++;
    const start = text.lastIndexOf('\n', i) + 1;
    // An amount with a decimal point, or in whole 元 with its thousands grouped (「6,958,414」).
    if (start !== lineStart && i > start && !isBlank(text[i - 1]) && /^[(（]?[-－−△]?(?:\d[\d,]*\.\d|\d{1,3}(?:,\d{3})+(?![\d.]))/.test(text.slice(j, j + 24))) {
      const end = text.indexOf('\n', j);
      if (!text.slice(start, end < 0 ? text.length : end).includes('\t')) {
        spaced++;
        lineStart = start;
      }
    }
    i = text.indexOf('  ', j);
  }
  let tabbed = 0;
  for (let i = spaced >= MIN_ROWS ? text.indexOf('\t') : -1; i >= 0; ) {
    tabbed++;
    const end = text.indexOf('\n', i);
    i = end < 0 ? -1 : text.indexOf('\t', end);
  }
  return { spaced, tabbed };
}

/**
 * How to count a Chinese character's places (`wide`: two), or null when the text is no page laid
 * out with spaces: it has fewer than eight rows with an amount after a run of spaces, more tabbed
 * lines than a tenth of those (its cells are set apart by tabs), or amounts that line up under
 * neither count (tabs turned into two spaces each: the runs' lengths follow the labels').
 */
export function spacedLayout(text: string): { wide: boolean } | null {
  const { spaced, tabbed } = spacedRows(text, 1000);
  if (spaced < MIN_ROWS || tabbed > spaced / 10) return null;
  const lines = text.split(/\r?\n|\f/);
  const narrow = alignment(lines, false);
  const wide = alignment(lines, true);
  if (Math.max(narrow, wide) < MIN_ALIGNED) return null;
  return { wide: wide > narrow };
}
