import type { Row } from '../lines';
import { cellFen } from '../amounts';
import { FEN_PER_WAN } from '../../model/amount';
import { compact } from '../normalize';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * The 基本支出决算表 prints its halves side by side: 301 and 303 on the left, 302 and 310 on the
 * right, each 科目编码 | 科目名称 | 决算数; the national template since 2019 prints three (人员经费 |
 * 公用经费 | 公用经费 continued). A header row that names the same thing again (「科目编码 …
 * 科目编码」, 「决算数 … 决算数」) gives the panels' width; the rows are then read as the first
 * panels followed by the second's and the third's, so a child row still follows its parent. The
 * row of 「人员经费合计 … 公用经费合计 …」 spans the panels and stays whole (readPartTotal reads
 * each of its labels). Tables printed once come back unchanged.
 */
export function unpairRows(body: readonly Row[]): readonly Row[] {
  const width = splitColumn(body);
  // The same array when printed once: the caller can tell panels by it.
  if (width === null) return body;
  const part = (r: Row, from: number, to: number): Row => {
    const cells = r.cells.slice(from, to);
    const lines = r.lines.slice(from, to);
    return { cells, lines, line: lines[0] ?? r.line };
  };
  const whole = body.filter(spansPanels);
  const split = body.filter((r) => !spansPanels(r));
  const panels = Math.max(2, Math.round(Math.max(...split.map((r) => r.cells.length)) / width));
  const out: Row[] = split.map((r) => part(r, 0, width));
  for (let p = 1; p < panels; p++) {
    const last = p === panels - 1;
    out.push(...split.map((r) => part(r, p * width, last ? r.cells.length : (p + 1) * width)).filter((r) => r.cells.some(Boolean)));
  }
  return [...out, ...whole];
}

/** 「人员经费合计 959.08 公用经费合计 122.92」 across the panels. */
function spansPanels(r: Row): boolean {
  let labels = 0;
  for (const c of r.cells) if (c.includes('经费') && PART_TOTAL.test(compact(c))) labels++;
  return labels >= 2;
}

/**
 * A cell parseAmountCell reads as a value. Every such cell holds a digit (parseDecimal wants one), so
 * a header's words are ruled out before the amount parser's full path runs on them.
 */
function isAmountCell(c: string): boolean {
  return /\d/.test(c) && typeof cellFen(c, FEN_PER_WAN) === 'number';
}

function splitColumn(body: readonly Row[]): number | null {
  for (const row of body) {
    if (row.cells.some(isAmountCell)) return null;
    const seen = new Map<string, number>();
    for (let i = 0; i < row.cells.length; i++) {
      const c = compact(row.cells[i]);
      // A part repeated under each period (上年 合计 | 基本支出 | … 本年 合计 | 基本支出 | …) is no panel.
      if (!c || AMOUNT_HEAD.test(c)) continue;
      const first = seen.get(c);
      // The panels have the same width: the repeat starts the second one, and the row is two or
      // three such widths (one cell more or less: a 序号, a trailing blank).
      const width = first === undefined ? 0 : i - first;
      const panels = width >= 2 ? Math.round(row.cells.length / width) : 0;
      if (panels >= 2 && panels <= 3 && Math.abs(row.cells.length - panels * width) <= 1 && (PANEL_HEAD.test(c) || repeatsPanel(row.cells, first!, i, width))) return width;
      seen.set(c, i);
    }
  }
  return null;
}

/**
 * A second panel prints the first one's heads again (科目编码 | 科目名称 | 决算数): a panel's own head
 * (PANEL_HEAD; pdftotext may give one to a line), or two heads in the same places. Any other word
 * repeated once is no panel (「收入」 twice, the ends of 「财政拨款」 / 「收入」 and 「其他」 / 「收入」
 * wrapped in narrow columns).
 */
function repeatsPanel(cells: readonly string[], first: number, second: number, width: number): boolean {
  let same = 0;
  for (let k = 0; k < width && second + k < cells.length; k++) {
    const c = compact(cells[first + k]);
    if (c && c === compact(cells[second + k])) same++;
  }
  return same >= 2;
}

// And the sources of funds, repeated under 本年收入 and 上年结转 (长春's 收入总表: carryoverGroup.ts).
const AMOUNT_HEAD = /^(?:合计|小计|基本支出|项目支出|人员经费|公用经费)$|^(?:一般公共预算|政府性基金|国有资本经营|财政专户|单位资金)|收入$/;
const PANEL_HEAD = /编码|名称|科目|分类|项目|决算数|预算数|金额/;
const PART_TOTAL = /^(人员经费|公用经费)(合计|小计)?$/;
const AMOUNT = /^[\d,.\s-]*\d[\d,.\s-]*$/;

/**
 * 「人员经费合计 2,152.26」「公用经费合计 184.65」: where a 基本支出决算表 prints these and no overall
 * 合计, they go on row `total` as `personnel` and `public` (FORMAT.md). So do rows labelled 人员经费
 * and 公用经费 alone, which head their 经济分类 类 in a 基本支出表 of one amount column (合计 |
 * 人员经费 959.08 | 301 … | 303 … | 公用经费 122.92 | 302 …); they had been reported as rows without
 * a code. Returns whether the row was one.
 */
export function readPartTotal(t: MappedTable, row: Row, sink: FigureSink): boolean {
  if (t.table !== 'basic_expense') return false;
  let read = false;
  // Every such cell holds 经费 (whitespace aside): the other rows are passed over without a pattern.
  for (let at = 0; at < row.cells.length; at++) {
    if (!row.cells[at].includes('经费')) continue;
    const m = PART_TOTAL.exec(compact(row.cells[at]));
    if (!m) continue;
    const [, part, suffix] = m;
    const i = row.cells.findIndex((c, k) => k > at && c !== '');
    // Without 合计 the words are also the table's column heads (合计 | 人员经费 | 公用经费): the row is
    // one of amounts only when nothing but a 序号 comes before its label and an amount follows it.
    if (!suffix && (row.cells.slice(0, at).some((c) => c !== '' && !/^\d{1,4}$/.test(compact(c))) || i < 0 || !AMOUNT.test(row.cells[i]))) return read;
    // The next label's cell (「人员经费合计 | | 公用经费合计 122.92」) is not this one's amount.
    if (i >= 0 && !PART_TOTAL.test(compact(row.cells[i]))) {
      sink.addCell(t.table, 'total', compact(row.cells[at]), part === '人员经费' ? 'personnel' : 'public', row.cells[i], row.lines[i], t.fenPerUnit, t.where);
    }
    read = true;
  }
  return read;
}
