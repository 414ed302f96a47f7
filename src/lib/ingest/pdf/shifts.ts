import { isAmount } from './columns';
import type { Fragment } from './fragments';
import type { TextLine } from './lines';

/**
 * The rows of a table laid out with spaces (spaced.ts) lined up again. A PDF-to-text converter puts
 * each glyph on a grid of characters, a Chinese one as one place although it is twice as wide as a
 * digit, and places a run of text by the gap before it: so everything after a row's label can stand
 * a few places left or right of where the row above has it, the same for all its amounts (row after
 * row of one table: 「9,389,913.00」 ending at place 52, then 「705,443.00」 at 47 under it, the
 * next column 16 places on in both). Columns found by overlap (columns.ts) then run into each other.
 *
 * The columns are the right ends (amounts are right-aligned) of the row with the most amounts on
 * the table's first page, under its header. Each page is laid out anew, and a later page can stand
 * further over than any row of one page: it is moved by the shift that sets most of its amounts on
 * those ends. Then each row, from its first amount on, by the shift that sets most of its amounts
 * on them, of equal fits the smallest, and never by half the space between two columns, so that an
 * amount cannot change column. An end that fits no column is one for the rows after, unless no
 * other row's amount stands there: then a long label pushed that amount along, and it goes to the
 * nearest column under half a column away. A header printed again on a later page moves with that
 * page's amounts. A later page laid out on a denser grid, its columns closer together, was set on
 * the first page's columns before (spacedPages.ts): no one shift fits it.
 */
export function alignShiftedRows(lines: readonly TextLine[]): TextLine[] {
  const rows = lines.map((line) => ({ line, amounts: line.fragments.filter(isAmount) })).filter((r) => r.amounts.length && r.line.fragments.length >= 2);
  if (rows.length < 2) return [...lines];
  const size = Math.max(...rows.map((r) => r.line.size));
  const tolerance = 0.75 * size;
  // The table's first page, under its header, is where the others are set.
  const seed = rows.filter((r) => r.line.page === rows[0].line.page).reduce((a, b) => (b.amounts.length > a.amounts.length ? b : a));
  const ends = seed.amounts.map((f) => f.x1);
  const fits = (amounts: readonly Fragment[], s: number) => amounts.filter((f) => ends.some((e) => Math.abs(f.x1 + s - e) <= tolerance)).length;
  /**
   * Of the shifts that set an amount on a column's end, or half a place either side (each tried
   * once), the one most amounts fit; of equal fits the one nearest `around`.
   */
  const bestShift = (amounts: readonly Fragment[], around: number, limit: number, fit: (s: number) => number) => {
    let best = around;
    let bestFit = fit(around);
    const tried = new Set<number>();
    for (const f of amounts) {
      for (const e of ends) {
        // Half a place either side too: two amounts a place apart too many fit together there.
        for (const s of [Math.round(e - f.x1), Math.round(e - f.x1 - size / 2), Math.round(e - f.x1 + size / 2)]) {
          if (Math.abs(s - around) >= limit || tried.has(s)) continue;
          tried.add(s);
          const n = fit(s);
          if (n > bestFit || (n === bestFit && Math.abs(s - around) < Math.abs(best - around))) {
            best = s;
            bestFit = n;
          }
        }
      }
    }
    return best;
  };
  // A page of its own: the converter lays each page out anew, and a table's second page can stand
  // further over than any row of one page. Its shift is the one most of its amounts fit.
  const pageShift = new Map<number, number>();
  for (const page of new Set(rows.map((r) => r.line.page))) {
    const on = rows.filter((r) => r.line.page === page);
    const all = on.flatMap((r) => r.amounts);
    if (page === seed.line.page) continue;
    const shift = bestShift(all, 0, Infinity, (s) => on.reduce((n, r) => n + fits(r.amounts, s), 0));
    // A lone amount fits any column: a shift is taken where a row's two amounts or more confirm it
    // (their spacing is the columns'), or where the table has one column of amounts.
    if (ends.length === 1 || on.some((r) => r.amounts.length >= 2 && fits(r.amounts, shift) === r.amounts.length)) pageShift.set(page, shift);
  }
  const shifted = new Map<TextLine, TextLine>();
  const dataLines = new Set(rows.map((r) => r.line));
  const moves: { line: TextLine; amounts: Fragment[]; best: number; off: Fragment[] }[] = [];
  const strayCount = new Map<number, number>();
  for (const { line, amounts } of [...rows].sort((a, b) => b.amounts.length - a.amounts.length)) {
    if (line === seed.line) continue;
    const base = pageShift.get(line.page) ?? 0;
    const best = bestShift(amounts, base, Math.min(4 * size, 0.45 * pitchOf(ends)), (s) => fits(amounts, s));
    const off = amounts.filter((f) => !ends.some((e) => Math.abs(f.x1 + best - e) <= tolerance));
    // How many rows stand on each end no column of the first rows gave.
    for (const f of amounts) {
      const e = ends.find((e) => strayCount.has(e) && Math.abs(f.x1 + best - e) <= tolerance);
      if (e !== undefined) strayCount.set(e, strayCount.get(e)! + 1);
    }
    for (const f of off) {
      ends.push(f.x1 + best);
      strayCount.set(f.x1 + best, 1);
    }
    moves.push({ line, amounts, best, off });
  }
  // An amount the row's shift leaves off every column that no other row's amount stands with was
  // pushed along by a long label before it (the converter starts it a space after the label): it
  // goes to the nearest column's end, under half a column away, that no other amount of its row
  // takes. Amounts of many rows standing together off the columns are a column of their own (the
  // 功能分类 amounts of a three-group 收支总表).
  const alone = (x: number) => strayCount.get(x) === 1;
  const columns = ends.filter((e) => !alone(e));
  const pitch = pitchOf(columns);
  for (const { line, amounts, best, off } of moves) {
    const own = new Map<Fragment, number>();
    const taken = new Set(amounts.flatMap((f) => columns.filter((e) => Math.abs(f.x1 + best - e) <= tolerance)));
    for (const f of off) {
      const x = f.x1 + best;
      if (!alone(x)) continue;
      const near = columns.filter((e) => !taken.has(e) && Math.abs(x - e) < 0.5 * pitch).sort((a, b) => Math.abs(x - a) - Math.abs(x - b))[0];
      if (near === undefined) continue;
      own.set(f, near - x);
      taken.add(near);
    }
    if (best === 0 && !own.size) continue;
    const from = line.fragments.indexOf(amounts[0]);
    shifted.set(line, { ...line, fragments: line.fragments.map((f, i) => (i < from ? f : { ...f, x0: f.x0 + best + (own.get(f) ?? 0), x1: f.x1 + best + (own.get(f) ?? 0) })) });
  }
  // A header printed again on a later page stands over that page's amounts: it moves with them.
  for (const [page, shift] of pageShift) {
    if (shift === 0) continue;
    const from = Math.min(...rows.filter((r) => r.line.page === page).map((r) => r.amounts[0].x0)) - 4 * size;
    for (const line of lines) {
      if (line.page !== page || dataLines.has(line)) continue;
      if (line.fragments.some((f) => f.x0 >= from)) shifted.set(line, { ...line, fragments: line.fragments.map((f) => (f.x0 >= from ? { ...f, x0: f.x0 + shift, x1: f.x1 + shift } : f)) });
    }
  }
  return lines.map((l) => shifted.get(l) ?? l);
}

/** The least space between two columns' ends. */
function pitchOf(ends: readonly number[]): number {
  const sorted = [...ends].sort((a, b) => a - b);
  let pitch = Infinity;
  for (let i = 1; i < sorted.length; i++) pitch = Math.min(pitch, sorted[i] - sorted[i - 1]);
  return pitch;
}
