import { isNoteCell } from '../meta';
import { isAmount, NUMERIC } from './columns';
import type { Fragment } from './fragments';
import type { TextLine } from './lines';
import { alignShiftedRows } from './shifts';
import { onFirstPageGrid } from './spacedPages';

/**
 * A table of a text laid out with spaces (spaced.ts), its lines made the rows a PDF's baselines give.
 * A converter lays out each page on its own grid (spacedPages.ts), writes each line of a cell on a
 * line of its own and sets a Chinese character one place wide, so: its pages are set on one grid,
 * amounts printed over their row join it, its rows are lined up by their amounts
 * (shifts.ts), a header word wrapped over lines is one word, and a label printed under its row's
 * amounts joins the row. `isMeta`: the table's page furniture (unit, money unit), left as it is.
 */
export function spacedTableLines(lines: readonly TextLine[], isMeta: (line: TextLine) => boolean): TextLine[] {
  return joinLabelsBelow(joinWrappedHeaderWords(alignShiftedRows(joinAmountsAbove(onFirstPageGrid(lines))), isMeta));
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
      while (j < lines.length && j - i <= 3 && wordsOnly(lines[j]) && lines[j - 1].y - lines[j].y <= 2 * line.size && !(j > i + 1 && !heads(lines[j - 1]) && opensNextRow(lines, j))) j++;
    }
    const below = lines.slice(i + 1, j);
    const label = below.filter((l) => !heads(l));
    if (!label.length) {
      out.push(line);
      continue;
    }
    // A label centred on its row: its first line right above the row, left there by the row before
    // (opensNextRow), its rest below: one label, top to bottom (「社会保障和就」 / 「208 …」 / 「业支出」).
    const opened = rows > 1 && last && wordsOnly(last) && last.y - line.y <= 2 * line.size && lines[i - 1] === last ? out.pop()! : null;
    const upper = opened ? opened.fragments : [];
    out.push(...below.filter(heads), { ...line, fragments: [...line.fragments, ...upper, ...label.flatMap((l) => l.fragments)].sort((a, b) => a.x0 - b.x0) });
    i = j - 1;
  }
  return out;
}

/**
 * A line of words right above a row of amounts with no words of its own, after a line of the label
 * above (the caller's test): the first line of that row's label, centred on it (「行政事业单位」 /
 * 「20805 … 754.75」 / 「养老支出」), not the end of the label above (「社会保障和就」 / 「208 …」 /
 * 「业支出」). Taken for the row above, it gave that row two labels on top of each other and the next
 * row none.
 */
function opensNextRow(lines: readonly TextLine[], j: number): boolean {
  const next = lines[j + 1];
  return next !== undefined && lines[j].y - next.y <= 2 * next.size && next.fragments.some(isAmount) && next.fragments.every((f) => NUMERIC.test(f.text));
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
