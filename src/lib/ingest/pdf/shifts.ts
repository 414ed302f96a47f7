import { columnOf, mergeExtents, NUMERIC, type Column } from './columns';
import type { Fragment } from './fragments';
import type { TextLine } from './lines';
import { isNoteCell } from '../meta';

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
 * amount cannot change column. An end that fits no column is one for the rows after. A header
 * printed again on a later page moves with that page's amounts.
 */

/** An amount, not a code: digits with a separator or a decimal point. */
const AMOUNT = /^[(（]?[-－−△]?\d[\d,]*(?:\.\d+)?[)）]?$/;
const isAmount = (f: Fragment) => AMOUNT.test(f.text) && /[.,]/.test(f.text);

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
  for (const { line, amounts } of [...rows].sort((a, b) => b.amounts.length - a.amounts.length)) {
    if (line === seed.line) continue;
    const sorted = [...ends].sort((a, b) => a - b);
    let pitch = Infinity;
    for (let i = 1; i < sorted.length; i++) pitch = Math.min(pitch, sorted[i] - sorted[i - 1]);
    const base = pageShift.get(line.page) ?? 0;
    const best = bestShift(amounts, base, Math.min(4 * size, 0.45 * pitch), (s) => fits(amounts, s));
    for (const f of amounts) if (!ends.some((e) => Math.abs(f.x1 + best - e) <= tolerance)) ends.push(f.x1 + best);
    if (best === 0) continue;
    const from = line.fragments.indexOf(amounts[0]);
    shifted.set(line, { ...line, fragments: line.fragments.map((f, i) => (i < from ? f : { ...f, x0: f.x0 + best, x1: f.x1 + best })) });
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

/** A column of a spaced table that holds amounts only or words only (`splitMixedColumns`). */
export interface KindColumn extends Column {
  kind?: 'amount' | 'word';
}

/**
 * Columns that a converter's narrow Chinese ran together: where one column holds, in one row, a word
 * and an amount (「三、单位预留机动经费 182.92」), and so in other rows amounts of another column
 * beneath those words (Jiangsu's 收支总表 in three groups: the 功能分类 amounts stand under the
 * 支出用途 labels), it is cut into its words' and its amounts' extents, each a column, in order of
 * where they start. Where an amounts' and a words' extent lie mostly over each other, the amounts
 * come first: they close the label-amount pair on their left, and the words open the next.
 */
export function splitMixedColumns(columns: readonly Column[], lines: readonly TextLine[]): KindColumn[] {
  const data = lines.filter((l) => l.fragments.length >= 2 && l.fragments.some(isAmount));
  const out: KindColumn[] = [];
  columns.forEach((c, i) => {
    const inColumn = data.map((l) => l.fragments.filter((f) => columnOf(columns, f) === i));
    // Both in one row, and in another row an amount alone: a label's amount that slid under it
    // (「行政单位医疗 60.99」) is no second column.
    const word = (f: Fragment) => !NUMERIC.test(f.text);
    const mixed = inColumn.some((fs) => fs.some(isAmount) && fs.some(word)) && inColumn.some((fs) => fs.some(isAmount) && !fs.some(word));
    if (!mixed) {
      out.push(c);
      return;
    }
    const extents = (keep: (f: Fragment) => boolean, kind: KindColumn['kind']) =>
      mergeExtents(inColumn.flat().filter(keep).map((f) => ({ x0: f.x0, x1: f.x1 }))).map((e): KindColumn => ({ ...e, kind }));
    const parts = [...extents(isAmount, 'amount'), ...extents(word, 'word')];
    parts.sort((a, b) => a.x0 - b.x0);
    for (let k = 1; k < parts.length; k++) {
      const [a, b] = [parts[k - 1], parts[k]];
      const shared = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      if (a.kind === 'word' && b.kind === 'amount' && shared > 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0)) [parts[k - 1], parts[k]] = [b, a];
    }
    out.push(...parts);
  });
  return out;
}

/** The column of a data row's fragment: among those of its kind where a column was cut by kind. */
export function columnOfKind(columns: readonly KindColumn[], f: Fragment): number {
  const kind = isAmount(f) ? 'amount' : NUMERIC.test(f.text) ? null : 'word';
  const fits = columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.kind || !kind || c.kind === kind);
  const best = columnOf(fits.map(({ c }) => c), f);
  return best < 0 ? -1 : fits[best].i;
}

/**
 * The header of a table laid out with spaces, its wrapped words joined. A converter writes each line
 * of a header cell that wraps on a line of its own, and the cells centred beside it between them
 * (「本年收入合」, then 「支出功能分类」, then 「计」), where a PDF's baselines (lines.ts) keep them one
 * line. The header reader then takes 「本年收入合」 for 本年收入. So a short piece (three Chinese
 * characters at most, not the first word of its line) under one word of the header above it, nearer
 * than any other, is that word's end, joined to it; unless the word above stands over other words of
 * the piece's line too, or the piece heads a column by itself (「本年收入」 over 「小计」): then the
 * word above heads a group (「功能分类科目编码」 over 「类 款 项」).
 */
/** Words that head a column by themselves: under a word, a column of its group, not its end. */
const OWN_HEADS = /^(?:合计|小计|总计|金额|数量|单价|预算数|决算数|人数)$/;

export function joinWrappedHeaderWords(lines: readonly TextLine[], skip: (line: TextLine) => boolean): TextLine[] {
  const first = lines.findIndex((l) => l.fragments.length >= 2 && l.fragments.some(isAmount));
  if (first < 1) return [...lines];
  const band = lines.slice(0, first).map((line, i) => ({ line, i, fragments: [...line.fragments] })).filter(({ line }) => !skip(line));
  const over = (a: Fragment, b: Fragment) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);
  let changed = false;
  const joined = new Set<Fragment>();
  for (let k = 1; k < band.length; k++) {
    for (const f of [...band[k].fragments]) {
      // Chinese, and not the first word of its line (「栏次」 heads the row of column numbers).
      if ([...f.text].length > 3 || !/^[\u2E80-\u9FFF（）()]+$/.test(f.text) || f === band[k].line.fragments[0] || OWN_HEADS.test(f.text)) continue;
      let above: { row: (typeof band)[number]; g: Fragment } | null = null;
      if (joined.has(f)) continue;
      for (let j = k - 1; j >= 0 && !above; j--) {
        const g = band[j].fragments.find((g) => over(g, f));
        if (g) above = { row: band[j], g };
      }
      // A word of a header, not a line of page furniture (「部门名称：…」 over 「合计」), and the piece
      // within its ends.
      if (!above || /[:：]/.test(above.g.text) || [...above.g.text].length > 10 || f.x0 < above.g.x0 - f.size || f.x1 > above.g.x1 + f.size) continue;
      if (band[k].fragments.some((o) => o !== f && over(above!.g, o))) continue;
      const { row, g } = above;
      const word = { ...g, text: g.text + f.text, x0: Math.min(g.x0, f.x0), x1: Math.max(g.x1, f.x1) };
      row.fragments[row.fragments.indexOf(g)] = word;
      band[k].fragments.splice(band[k].fragments.indexOf(f), 1);
      joined.add(word);
      changed = true;
    }
  }
  // A word made whole goes to the header's main line (the one of most words), where it stands
  // beside the words of the other columns, as on the page; not where it would stand over one.
  const main = band.reduce((a, b) => (b.fragments.length > a.fragments.length ? b : a));
  for (const row of band) {
    if (row === main) continue;
    for (const w of row.fragments.filter((w) => joined.has(w) && !main.fragments.some((m) => over(m, w)))) {
      row.fragments.splice(row.fragments.indexOf(w), 1);
      main.fragments.push({ ...w, y: main.line.y });
    }
  }
  main.fragments.sort((a, b) => a.x0 - b.x0);
  if (!changed) return [...lines];
  const rebuilt = new Map(band.map(({ line, i, fragments }) => [i, { ...line, fragments }]));
  return lines.flatMap((l, i) => {
    const r = rebuilt.get(i);
    return !r ? [l] : r.fragments.length ? [r] : [];
  });
}

/**
 * A row's label printed under its amounts. A converter writes the lines of a label that wraps in its
 * cell, and a label centred on a row of two lines (「类 款 项」 over 「合计」 in a 决算's first row),
 * on lines of their own after the row's amounts, where a PDF's baselines keep them one row: the row
 * read without its label, and the label as a row without amounts. So a row of amounts and codes with
 * no word takes the lines of words right under it (one line apart, no blank line between, at most
 * three, no note), each piece at its place: the label's lines join top to bottom in their column.
 * But a line of amounts alone right under a line of words alone, past the table's first row, is
 * that label's: its amount printed half a line lower.
 */
export function joinLabelsBelow(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  const wordsOnly = (l: TextLine) => l.fragments.every((f) => !NUMERIC.test(f.text)) && !isNoteCell(l.fragments[0].text);
  // 「类 款 项」: the heads of the code columns, centred in the row's code cells; kept as a line of
  // the header above the row, as joined to it they would stand as columns of their own.
  const heads = (l: TextLine) => l.fragments.length >= 2 && l.fragments.every((f) => [...f.text].length === 1);
  let rows = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const amountsOnly = line.fragments.some(isAmount) && line.fragments.every((f) => NUMERIC.test(f.text));
    const last = out[out.length - 1];
    // Amounts alone under a label alone, among the rows (not under the header): the label's, its
    // amount printed half a line lower (Jiangsu's 收入预算总表: 「小计」, then 「37,188.34」).
    if (amountsOnly && rows > 0 && last && wordsOnly(last) && !line.fragments.some((f) => /^\d+$/.test(f.text)) && last.y - line.y <= 2 * line.size) {
      out[out.length - 1] = { ...last, fragments: [...last.fragments, ...line.fragments].sort((a, b) => a.x0 - b.x0) };
      continue;
    }
    if (line.fragments.some((f) => NUMERIC.test(f.text))) rows++;
    let j = i + 1;
    if (amountsOnly) {
      while (j < lines.length && j - i <= 3 && wordsOnly(lines[j]) && lines[j - 1].y - lines[j].y <= 2 * line.size) j++;
    }
    const below = lines.slice(i + 1, j);
    const label = below.filter((l) => !heads(l));
    if (!label.length) {
      out.push(line);
      continue;
    }
    out.push(...below.filter(heads), { ...line, fragments: [...line.fragments, ...label.flatMap((l) => l.fragments)].sort((a, b) => a.x0 - b.x0) });
    i = j - 1;
  }
  return out;
}

/**
 * A row's amounts printed on the line above it. Where a cell's text sits higher than its
 * neighbours' (a 决算 prints 基本支出 and 项目支出 half a line over 合计), a converter writes them on
 * a line of their own right above the row: 「1,503.52   603.14」 over 「201 一般公共服务支出 2,106.66」.
 * A line of amounts only, one line above a row whose words and amounts stand clear of them, is that
 * row's; a line of amounts whose row is further down (past its label's lines) is left as it is.
 */
export function joinAmountsAbove(lines: readonly TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  const over = (a: Fragment, b: Fragment) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0);
  let carried: TextLine | null = null;
  for (const line of lines) {
    const base: TextLine | null = carried;
    carried = null;
    const merged: TextLine | null = base && line.fragments.some((f) => NUMERIC.test(f.text)) && base.y - line.y <= 2 * line.size
      && !base.fragments.some((a: Fragment) => line.fragments.some((f) => over(a, f)))
      ? { ...line, fragments: [...base.fragments, ...line.fragments].sort((a, b) => a.x0 - b.x0) }
      : null;
    if (base && !merged) out.push(base);
    const next: TextLine = merged ?? line;
    if (next.fragments.every(isAmount)) carried = next;
    else out.push(next);
  }
  if (carried) out.push(carried);
  return out;
}
