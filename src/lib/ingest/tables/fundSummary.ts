import { stripEnumeration } from '../normalize';
import { expenseLabel, incomeLabel, isSummaryLabel } from './labels';
import { readPairs } from './pairs';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * A fund's own table laid out as a 收支总表 (西安's 部门综合预算「政府性基金收支总表」: 收入 | 预算数 |
 * 支出功能分类 | 预算数 | 部门预算经济分类 | 预算数 | 政府预算经济分类 | 预算数). Its 支出表 is its spending
 * by 功能分类: the classes of the label column that names them, and that column's 本年支出合计 as the
 * table's 合计. The income side and the 经济分类 sides restate the same money and are not kept (said
 * once). False where the table is not so laid out (no income label left of a column of classes):
 * the caller reads it as a table of coded rows.
 */
export function readFundSummary(t: MappedTable, sink: FigureSink): boolean {
  const functionCol = functionColumn(t);
  if (functionCol < 0) return false;
  // A table of blank cells (the fund's table printed empty) gives no items: nothing to read.
  const { items } = readPairs(t.body, t.fenPerUnit, new Set(t.hasSeq ? [0] : []), isSummaryLabel);
  for (const item of items) {
    const amount = item.amounts[0];
    if (item.col !== functionCol || !amount) continue;
    const key = expenseLabel(item.label);
    const name = stripEnumeration(item.label.replace(/\s+/g, ' ').trim());
    if (key !== null && CLASS_KEY.test(key)) sink.addCell(t.table, key.slice(8), name, 'total', amount.text, amount.line, t.fenPerUnit, t.where);
    else if (key === 'expense.current_total') sink.addCell(t.table, 'total', name, 'total', amount.text, amount.line, t.fenPerUnit, t.where);
    else if (key === null) sink.warn(`${t.where}的行「${name || '（无名称）'}」不是已知的支出功能分类，其金额未导入`, amount.line, { kind: 'unread_row' });
  }
  if (items.some((i) => i.amounts.length)) sink.warn(`${t.where}按收支总表的样式列示：已导入按支出功能分类的各类支出及其合计；收入栏和按经济分类的支出栏是同一笔钱的另一种列法，未导入`, t.line, { kind: 'not_kept' });
  return true;
}

const CLASS_KEY = /^expense\.2\d\d$/;

/**
 * The column of the 功能分类's classes, right of an income label's: the one naming the most classes
 * (「其他支出」 names one in the 经济分类 columns too: not counted). -1 where there is none (a table of
 * coded rows names no income).
 */
function functionColumn(t: MappedTable): number {
  let incomeCol = Infinity;
  const classes = new Map<number, number>();
  for (const row of t.body) {
    row.cells.forEach((cell, col) => {
      if (!cell) return;
      const key = expenseLabel(cell);
      if (key === null) {
        if (incomeLabel(cell) !== null) incomeCol = Math.min(incomeCol, col);
      } else if (CLASS_KEY.test(key) && key !== 'expense.229') classes.set(col, (classes.get(col) ?? 0) + 1);
    });
  }
  let best = -1;
  let most = 2;
  for (const [col, n] of classes) if (col > incomeCol && n > most) [best, most] = [col, n];
  return best;
}
