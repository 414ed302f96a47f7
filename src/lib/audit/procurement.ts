import { type CheckContext, type Term, lineOf, type Where } from './context';
import { checkRows } from './rowChecks';

/**
 * Check 16: the 政府采购预算表 adds up. Its 合计 is the sum of 货物, 工程 and 服务 where it prints them
 * (Jiangsu's rows, or columns); each row's 合计 is the sum of its funds (合计 | 一般公共预算 | 政府性基金 |
 * 财政专户 | 单位资金 …, the national layout); the 合计 row is the sum of the units' 小计, of the 类 in a
 * table by 功能分类, or of the purchases where no unit is subtotalled. Before, no check added the table up: a 合计 of 80 over 31 + 20 + 30
 * passed.
 */
const P = 'procurement' as const;
const CATEGORIES: readonly [string, string][] = [['goods', '货物'], ['works', '工程'], ['services', '服务']];

function at(ctx: CheckContext, row: string): Where {
  const f = ctx.view.figure(P, row, 'total');
  return { table: P, rowCode: row, rowName: f?.rowName, column: 'total', ...lineOf(f, ctx.view.tableSeen(P)) };
}

export function checkProcurement(ctx: CheckContext): void {
  const { view } = ctx;
  const state = view.state(P);
  // Not one of the nine tables: many documents print none, and then there is nothing to add up.
  if (state === 'missing') ctx.notRun.push('没有政府采购预算表');
  else if (state === 'unreadable') ctx.need([P], '政府采购预算表');
  else if (state === 'empty') ctx.comparisons++;
  if (state !== 'present') return;
  checkRows(ctx, P);
  const total = view.amount(P, 'total', 'total');
  if (total === null) return;
  const categories: Term[] = CATEGORIES.map(([key, label]) => ({ label, fen: view.amount(P, key, 'total') }));
  if (categories.some((c) => c.fen !== null)) ctx.sum(at(ctx, 'total'), '合计', total, categories, '合计 = 货物 + 工程 + 服务');
  const rows = view.rows(P);
  const subtotals = rows.filter((r) => r.code.startsWith('subtotal.'));
  // A table by 功能分类 (rows keyed by 科目 code): its 类 make the 合计; a 款 or 项 is part of its 类.
  const classes = rows.filter((r) => /^\d{3}$/.test(r.code));
  const parts = subtotals.length ? subtotals : classes.length ? classes : rows.filter((r) => r.code.startsWith('item.'));
  if (!parts.length || parts.some((r) => view.unreadRow(P, r))) return;
  const terms = parts.map((r) => ({ label: classes.length && !subtotals.length ? `${r.code} ${r.name}` : r.name, fen: r.cells.get('total')?.amount ?? null }));
  ctx.sum(at(ctx, 'total'), '合计', total, terms, subtotals.length ? '合计 = 各单位小计之和' : classes.length ? '合计 = 各类之和' : '合计 = 各采购项目之和');
}
