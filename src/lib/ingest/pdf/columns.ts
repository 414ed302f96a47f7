import type { Fragment } from './fragments';
import type { TextLine } from './lines';

/** A column of a table grid: its extent on the x axis. */
export interface Column {
  x0: number;
  x1: number;
}

/** A printed amount or code: digits with separators, a decimal point, a sign or accounting brackets. */
export const NUMERIC = /^[(（]?[-－−△]?\d[\d,，]*(?:[.．]\d+)?[)）]?$/;

/**
 * A zero printed as a dash: a spreadsheet's accounting format (会计专用) sets it at the right of its
 * cell, two places in from the edge, under the head of its column as an amount is.
 */
export const ZERO_MARK = /^[-－—–]{1,2}$/;

/** An amount, not a code: digits with a separator or a decimal point. */
export function isAmount(f: { text: string }): boolean {
  return NUMERIC.test(f.text) && /[.,，．]/.test(f.text);
}

function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** Sorted, non-overlapping extents: overlapping ones are merged. */
export function mergeExtents(extents: Column[]): Column[] {
  const sorted = [...extents].sort((a, b) => a.x0 - b.x0);
  const out: Column[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.x0 < last.x1 - 0.5) last.x1 = Math.max(last.x1, e.x1);
    else out.push({ ...e });
  }
  return out;
}

/**
 * The columns of one table (all its pages). Data rows define them: a row with an amount or a code
 * and at least two pieces; everything in a column overlaps, since cells are aligned left, right or
 * centred within it. Then the header words above the data:
 *  - a column no header word touches takes the nearest one by centre, when that word touches no
 *    other column (「合计」 centred in a wide cell above a right-aligned 「1.00」);
 *  - a word that still touches no column, and is not a group word over words of the line below it
 *    (「本年收入」 over 项目 | 预算数), is a column no row fills (an all-blank 事业收入 or 因公出国
 *    column) and is added, so the cells after it keep their places.
 */
export function tableColumns(lines: readonly TextLine[]): Column[] {
  // A table printed empty has only its 栏次 row of numbers: that row then places the columns.
  const isDataLine = lines.some(isAmountLine) ? isAmountLine : isNumericLine;
  const data: Column[] = [];
  for (const line of lines) {
    if (isDataLine(line)) for (const f of line.fragments) data.push({ x0: f.x0, x1: f.x1 });
    // The 栏次 row's word stands in the first column, as a 序号 does: it joins 序号s of one and two
    // digits that a text converter sets apart (「1」 and 「10」 side by side, not over each other).
    else if (isNumberingLine(line)) for (const f of line.fragments) if (!/^\d+$/.test(f.text)) data.push({ x0: f.x0, x1: f.x1 });
  }
  // A table printed empty (header, 合计 and a note) has no data rows: its words are its columns.
  if (!data.length) return mergeExtents(lines.flatMap((l) => l.fragments.map((f) => ({ x0: f.x0, x1: f.x1 }))));
  const columns = mergeExtents(data);
  const numericCols = new Set<Column>();
  for (const line of lines) {
    if (!isDataLine(line)) continue;
    for (const f of line.fragments) if (NUMERIC.test(f.text) || ZERO_MARK.test(f.text)) {
      const c = columns.find((col) => overlap(col, f) > 0);
      if (c) numericCols.add(c);
    }
  }
  const numeric = (c: Column) => numericCols.has(c);
  const lastData = lines.findLastIndex(isDataLine);
  const header: { f: Fragment; group: boolean }[] = [];
  lines.slice(0, lastData).forEach((line, i) => {
    if (isDataLine(line)) return;
    const below = headerLinesBelow(lines, i, isDataLine);
    for (const run of wordRuns(spacedWords(line.fragments, columns))) {
      // A head printed in pieces (「“」「三公”」「经费预算数」, a converter's glyphs) is a group as a whole.
      const whole = run.length > 1 && groups({ ...run[0], text: run.map((f) => f.text).join(''), x1: run[run.length - 1].x1 }, below);
      for (const f of run) header.push({ f, group: whole || groups(f, below) });
    }
  });
  const mid = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
  const touches = (h: Fragment) => columns.some((c) => overlap(c, h) > 0);
  // Group words (一般公共预算基本支出 over 合计 | 人员经费 | 公用经费) name no column of their own: a
  // column only they touch still takes its nearest word (合计, left-aligned over right-aligned amounts).
  const named = header.filter(({ group }) => !group).map(({ f }) => f);
  columns.forEach((c, i) => {
    if (named.some((f) => overlap(c, f) > 0)) return;
    // Only a word that touches no column and lies between this column's neighbours can name it.
    const lo = columns[i - 1]?.x1 ?? -Infinity;
    const hi = columns[i + 1]?.x0 ?? Infinity;
    let best: Fragment | null = null;
    const free = named.filter((f) => !touches(f) && mid(f) > lo && mid(f) < hi);
    // Amounts are right-aligned in their cells and header words centred: a short amount in a wide
    // cell can lie nearer the next cell's word. The word of its cell is the last one centred left
    // of the amount's right edge.
    if (numeric(c)) for (const f of free) if (mid(f) <= c.x1 && (!best || mid(f) > mid(best))) best = f;
    if (!best) for (const f of free) if (!best || Math.abs(mid(f) - mid(c)) < Math.abs(mid(best) - mid(c))) best = f;
    if (best) {
      c.x0 = Math.min(c.x0, best.x0);
      c.x1 = Math.max(c.x1, best.x1);
    }
  });
  // What the header words cover, so that the second line of a wrapped header word adds nothing. The
  // columns are returned as wide: a word in the gap beside a column's amounts (a head's second line at
  // the left of a wide cell, 「公务用车运行维护」 / 「费」) goes with the head over it, not with the
  // amounts nearest it.
  const covered = columns.map((c) => {
    const e = { ...c };
    for (const { f, group } of header) {
      if (group) continue;
      if (overlap(c, f) > 0 && columns.filter((o) => overlap(o, f) > 0).length === 1) Object.assign(e, { x0: Math.min(e.x0, f.x0), x1: Math.max(e.x1, f.x1) });
    }
    return e;
  });
  const added: Column[] = [];
  for (const { f, group } of header) {
    if (covered.some((c) => overlap(c, f) > 0) || group) continue;
    added.push({ x0: f.x0, x1: f.x1 });
  }
  return [...covered, ...mergeExtents(added)].sort((a, b) => a.x0 - b.x0);
}

/**
 * A header word printed letter-spaced across its cell (「金   额」「合   计」) is one word: single
 * characters a few em apart that do not stand over two different data columns (类 | 款 | 项 do).
 */
function spacedWords(fragments: readonly Fragment[], columns: readonly Column[]): Fragment[] {
  const out: Fragment[] = [];
  const single = (f: Fragment) => /^[\u4e00-\u9fff]$/.test(f.text);
  const columnOfF = (f: Fragment) => columns.findIndex((c) => overlap(c, f) > 0);
  for (const f of fragments) {
    const last = out[out.length - 1];
    if (last && single(f) && /^[\u4e00-\u9fff]+$/.test(last.text) && f.x0 - last.x1 < 2.5 * f.size && Math.abs(f.y - last.y) < 0.5 * f.size) {
      const a = columnOfF(last);
      const b = columnOfF(f);
      if (!(a >= 0 && b >= 0 && a !== b) && (single(last) || last.text.length < 4)) {
        out[out.length - 1] = { ...last, text: last.text + f.text, x1: f.x1 };
        continue;
      }
    }
    out.push(f);
  }
  return out;
}

/** A line's words in runs, each piece under an em from the one before: one head printed in pieces. */
function wordRuns(words: readonly Fragment[]): Fragment[][] {
  const runs: Fragment[][] = [];
  for (const f of words) {
    const last = runs[runs.length - 1]?.at(-1);
    if (last && f.x0 - last.x1 < Math.max(f.size, last.size) && !NUMERIC.test(f.text) && !NUMERIC.test(last.text)) runs[runs.length - 1].push(f);
    else runs.push([f]);
  }
  return runs;
}

/** The header lines below line i, down to the data. */
function headerLinesBelow(lines: readonly TextLine[], i: number, isDataLine: (l: TextLine) => boolean): TextLine[] {
  const out: TextLine[] = [];
  for (let j = i + 1; j < lines.length && !isDataLine(lines[j]); j++) out.push(lines[j]);
  return out;
}

/**
 * Whether a header word stands over words of a line below on both sides of its middle, within its
 * own width (at least four em) of its ends: 「类 | 款 | 项」 far left under the codes' header and a
 * word far right do not make a column's word a group. Any line down to the data may hold them: a
 * group's heads may stand two lines down, under a line that prints only a word at the far left
 * (「项目」 / 「部门预算经济分类」 beside 「一般公共预算基本支出」 over 合计 | 人员经费 | 公用经费), or a
 * sibling head set in the middle of its taller cell (「因公出国（境）费」 beside 「公务用车购置及运行
 * 维护费」 over 小计 | 购置费 | 运行维护费). Both sides on one line, or under the word itself: a
 * group over a group (「“三公”经费预算数」 over 公务接待费 and 公务用车购置及运行费, itself over 小计 |
 * 购置费 | 运行费) has its heads a line lower on one side than on the other; a column's head with
 * other columns' heads set lower beside it, on either side, is no group.
 */
function groups(f: Fragment, below: readonly TextLine[]): boolean {
  const mid = (f.x0 + f.x1) / 2;
  const reach = Math.max(f.x1 - f.x0, 4 * f.size);
  if (below.some((l) => l.fragments.some((g) => g.x1 <= mid && g.x1 >= f.x0 - reach) && l.fragments.some((g) => g.x0 >= mid && g.x0 <= f.x1 + reach))) return true;
  // Words under the word itself, either side of its middle, on lines of their own.
  const under = below.flatMap((l) => l.fragments.filter((g) => g.x1 > f.x0 && g.x0 < f.x1));
  return under.some((g) => g.x1 <= mid) && under.some((g) => g.x0 >= mid);
}

function isNumericLine(line: TextLine): boolean {
  return line.fragments.length >= 2 && line.fragments.some((f) => NUMERIC.test(f.text));
}

/** A row of data: numbers, and not the 栏次 row. */
function isAmountLine(line: TextLine): boolean {
  return isNumericLine(line) && !isNumberingLine(line);
}

/**
 * The 栏次 row (「栏次 | 1 | 2 | 3 …」, or the numbers alone): header furniture, not data. A
 * spreadsheet prints it as text, at the left of each cell, where the amounts below stand at the right:
 * taken for data, its numbers made columns of their own that took the heads from the amounts.
 * Three numbers or more counting up by one, after at most one word.
 */
function isNumberingLine(line: TextLine): boolean {
  return (numberingRow(line)?.length ?? 0) >= 3;
}

/** A line's 栏次 numbers: two or more counting up by one, after at most one word; else null. */
export function numberingRow(line: TextLine): number[] | null {
  const f = line.fragments;
  const from = /^\d+$/.test(f[0]?.text ?? '') ? 0 : 1;
  const n = f.slice(from).map((x) => (/^\d{1,2}$/.test(x.text) ? +x.text : NaN));
  return n.length >= 2 && n.every((v, i) => !Number.isNaN(v) && (i === 0 || v === n[i - 1] + 1)) ? n : null;
}

/** The column a fragment belongs to: the one it overlaps most, else the nearest. */
export function columnOf(columns: readonly Column[], f: Fragment): number {
  let best = -1;
  let bestScore = -Infinity;
  columns.forEach((c, i) => {
    // A negative overlap is minus the distance, so the largest value is the best fit either way.
    const score = overlap(c, f);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}
