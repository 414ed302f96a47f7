import { lineOf, type CheckContext } from './context';
import { cellValue } from './relations';
import { checkRows } from './rowChecks';

/**
 * Check 5: 基本支出表 合计 = 人员经费 + 公用经费 on every row (its 类/款 sums are check 4), and its
 * total = the 一般公共预算财政拨款支出表's 基本支出.
 */
export function checkBasicExpense(ctx: CheckContext): void {
  const { view } = ctx;
  if (!ctx.need(['basic_expense'], '基本支出表各行')) return;
  if (view.state('basic_expense') === 'empty') ctx.comparisons++;
  checkRows(ctx, 'basic_expense');
  if (!ctx.need(['general_expense'], '基本支出表合计与一般公共预算财政拨款支出表基本支出')) return;
  const own = view.row('basic_expense', 'total');
  const other = view.row('general_expense', 'total');
  const a = own ? cellValue(view, 'basic_expense', own, 'total') : view.state('basic_expense') === 'empty' ? 0 : null;
  const b = other ? other.cells.get('basic')?.amount ?? null : view.state('general_expense') === 'empty' ? 0 : null;
  if (a === null || b === null) return;
  ctx.same({ table: 'basic_expense', rowCode: 'total', rowName: own?.name ?? '合计', column: 'total', ...lineOf(own?.cells.get('total'), own) },
    '基本支出表合计', a, '一般公共预算财政拨款支出表合计行基本支出', b);
}
