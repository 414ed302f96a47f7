import type { Row } from '../lines';
import { cellFen } from '../amounts';
import { FEN_PER_WAN } from '../../model/amount';
import { compact } from '../normalize';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * The 基本支出决算表 prints two tables side by side: 301 and 303 on the left, 302 and 310 on the
 * right, each 科目编码 | 科目名称 | 决算数. A header row that names the same thing twice
 * (「经济分类 … 经济分类」, 「决算数 … 决算数」) gives the column where the right half starts; the
 * rows are then read as the left halves followed by the right halves, so a child row still follows
 * its parent. Tables printed once come back unchanged.
 */
export function unpairRows(body: readonly Row[]): Row[] {
  const at = splitColumn(body);
  if (at === null) return [...body];
  const half = (r: Row, from: number, to: number): Row => {
    const cells = r.cells.slice(from, to);
    const lines = r.lines.slice(from, to);
    return { cells, lines, line: lines[0] ?? r.line };
  };
  const left = body.map((r) => half(r, 0, at));
  const right = body.map((r) => half(r, at, r.cells.length)).filter((r) => r.cells.some(Boolean));
  return [...left, ...right];
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
      if (!c) continue;
      const first = seen.get(c);
      // The two halves have the same width: the repeat starts the right one.
      if (first !== undefined && i - first >= 2 && Math.abs(row.cells.length - 2 * (i - first)) <= 1) return i - first;
      seen.set(c, i);
    }
  }
  return null;
}

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
  // Every such cell holds 经费 (whitespace aside): the other rows are passed over without a pattern.
  let at = -1;
  for (let i = 0; i < row.cells.length && at < 0; i++) if (row.cells[i].includes('经费') && PART_TOTAL.test(compact(row.cells[i]))) at = i;
  if (at < 0) return false;
  const [, part, suffix] = PART_TOTAL.exec(compact(row.cells[at]))!;
  const i = row.cells.findIndex((c, k) => k > at && c !== '');
  // Without 合计 the words are also the table's column heads (合计 | 人员经费 | 公用经费): the row is
  // one of amounts only when nothing but a 序号 comes before its label and an amount follows it.
  if (!suffix && (row.cells.slice(0, at).some((c) => c !== '' && !/^\d{1,4}$/.test(compact(c))) || i < 0 || !AMOUNT.test(row.cells[i]))) return false;
  if (i >= 0) sink.addCell(t.table, 'total', compact(row.cells[at]), part === '人员经费' ? 'personnel' : 'public', row.cells[i], row.lines[i], t.fenPerUnit, t.where);
  return true;
}
