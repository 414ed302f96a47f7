import type { Fen } from '../model/amount';
import { TABLE_NAMES, type TableKey } from '../model/keys';
import { lineOf, type CheckContext } from './context';
import { cellValue } from './relations';
import { wan } from './tolerance';

/**
 * Relations of the twelve-table template (Jiangsu, FORMAT.md's last section), part of check 2:
 *  - 财政拨款支出表（功能科目） = 一般公共预算支出表 + 政府性基金支出表, code by code;
 *  - 财政拨款基本支出表（经济科目） = 一般公共预算基本支出表, code by code, where the fund has no 基本支出;
 *  - 机关运行经费表 against the 基本支出表's 302 商品和服务支出, where the narrative does not say its
 *    口径 differs (2017: 机关运行经费 included project-funded 商品和服务 and 办公设备购置);
 *  - and of other provinces' own tables: the 一般公共预算支出表 by 经济分类 against the one by 功能分类 and
 *    the 基本支出表 (generalEconomic).
 */
export function checkFiscalTables(ctx: CheckContext): void {
  const { view } = ctx;
  if (view.state('fiscal_expense') === 'present') {
    if (ctx.need(['general_expense'], '财政拨款支出表与一般公共预算支出表')) byCode(ctx, 'fiscal_expense', ['general_expense', 'fund_expense']);
  }
  if (view.state('fiscal_basic_expense') === 'present' && ctx.need(['basic_expense'], '财政拨款基本支出表与一般公共预算基本支出表')) {
    const fundBasic = view.amount('fund_expense', 'total', 'basic');
    if (!fundBasic) byCode(ctx, 'fiscal_basic_expense', ['basic_expense']);
  }
  if (view.state('operating_cost') === 'present') operatingCost(ctx);
  if (view.state('general_economic') === 'present') generalEconomic(ctx);
}

/**
 * The 一般公共预算支出表 by 经济分类 (general_economic: Fujian, 西安, Shenzhen) spends what the one by 功能分类
 * spends: their 合计 agree, and its 基本支出 column, where printed, is the 基本支出表's 合计.
 */
function generalEconomic(ctx: CheckContext): void {
  const { view } = ctx;
  const name = TABLE_NAMES.general_economic;
  for (const [column, other, otherColumn, what] of [['total', 'general_expense', 'total', '合计'], ['basic', 'basic_expense', 'total', '合计基本支出']] as const) {
    const own = view.amount('general_economic', 'total', column);
    const fen = view.state(other) === 'present' ? view.amount(other, 'total', otherColumn) : null;
    if (own === null || fen === null || ctx.anyUnread('general_economic', ['total'], column) || ctx.anyUnread(other, ['total'], otherColumn)) continue;
    const where = { table: 'general_economic' as const, rowCode: 'total', column, ...lineOf(view.figure('general_economic', 'total', column)) };
    ctx.sum(where, `${name}${what}`, own, [{ label: `${TABLE_NAMES[other]}合计`, fen }], `${name}${what} = ${TABLE_NAMES[other]}合计`);
  }
}

/** Each code of `table` = the sum of the same code in `parts` (合计 column); a code on one side only counts as 0 on the other. */
function byCode(ctx: CheckContext, table: TableKey, parts: readonly TableKey[]): void {
  const { view } = ctx;
  const codes = new Set([table, ...parts].flatMap((t) => view.rows(t).map((r) => r.code)));
  for (const code of codes) {
    const row = view.row(table, code);
    const own = row ? cellValue(view, table, row, 'total') : null;
    const terms = parts.map((t) => {
      const r = view.row(t, code);
      return { label: `${TABLE_NAMES[t]} ${code}`, fen: r ? cellValue(view, t, r, 'total') : null };
    });
    if (own === null && terms.every((t) => !t.fen)) continue;
    if (ctx.anyUnread(table, [code], 'total') || parts.some((t) => ctx.anyUnread(t, [code], 'total'))) continue;
    const where = { table, rowCode: code, rowName: row?.name ?? '', column: 'total', ...lineOf(row, view.tableSeen(table)) };
    ctx.sum(where, `${TABLE_NAMES[table]} ${code}`, own ?? 0, terms, `${TABLE_NAMES[table]} = ${parts.map((t) => TABLE_NAMES[t]).join(' + ')}（逐科目）`);
  }
}

function operatingCost(ctx: CheckContext): void {
  const { view } = ctx;
  const total = view.amount('operating_cost', 'total', 'total');
  const basic: TableKey = view.state('basic_expense') === 'present' ? 'basic_expense' : 'fiscal_basic_expense';
  const row302 = view.row(basic, '302');
  const b302: Fen | null = row302 ? cellValue(view, basic, row302, 'total') : null;
  if (total === null || b302 === null) return;
  ctx.comparisons++;
  if (total === b302) return;
  // A narrative that explains the 口径 (「统计口径与上年不一致…含单位发展项目经费中商品服务支出」) has said why.
  const text = (view.doc.narrative?.paragraphs ?? []).map((p) => p.text).join('');
  if (/机关运行经费[^。]{0,60}口径|口径[^。]{0,60}机关运行经费/.test(text)) {
    ctx.notRun.push('机关运行经费表与基本支出表 302 不同，说明已写明机关运行经费的统计口径不同，未作比较');
    return;
  }
  const where = { table: 'operating_cost' as const, rowCode: 'total', column: 'total', ...lineOf(view.figure('operating_cost', 'total', 'total')) };
  ctx.report('warning', where, `机关运行经费表合计 ${wan(total)}，而${TABLE_NAMES[basic]} 302 商品和服务支出为 ${wan(b302)}。两者口径相同时应一致；若机关运行经费另有口径（含项目支出中的商品和服务支出等），说明中应写明。`, '', '');
}
