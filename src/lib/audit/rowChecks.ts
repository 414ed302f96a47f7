import { TABLE_NAMES, type TableKey } from '../model/keys';
import { rowWhere, place, type CheckContext } from './context';
import { columnName, partsInUse, rowOutcome, rowRelations, EXPENSE_TABLES, type RowRelation } from './relations';
import { wan } from './tolerance';

/** Checks every row of a coded table against its relations (合计 = 基本 + 项目 …). */
export function checkRows(ctx: CheckContext, table: TableKey, relations: readonly RowRelation[] = rowRelations(ctx.view, table)): void {
  const { view } = ctx;
  for (const rel of relations) {
    const inUse = partsInUse(view, table, rel);
    const resultName = columnName(table, rel.result);
    const cols = view.columns(table);
    const shown = rel.parts.filter((p) => cols.has(p));
    const relation = `${resultName} = ${(shown.length ? shown : rel.parts).map((p) => columnName(table, p)).join(' + ')}`;
    for (const row of view.rows(table)) {
      const o = rowOutcome(view, table, row, rel, inUse);
      if (o.kind === 'skip') continue;
      if (o.kind === 'unread') {
        ctx.unreadNote(table, row.code);
        continue;
      }
      if (o.kind === 'compare') {
        const parts = rel.parts.filter((p) => row.cells.has(p)).map((p) => ({ label: columnName(table, p), fen: row.cells.get(p)!.amount }));
        ctx.sum(rowWhere(table, row, rel.result), resultName, o.result, parts, relation);
        continue;
      }
      ctx.comparisons++;
      if (o.kind === 'blank_result') {
        const parts = rel.parts.filter((p) => row.cells.has(p)).map((p) => `${columnName(table, p)} ${wan(row.cells.get(p)!.amount)}`).join('、');
        const where = rowWhere(table, row, rel.parts.find((p) => row.cells.has(p)));
        ctx.report('error', { ...where, column: rel.result }, `${place(where)}${resultName}空白，而 ${parts} 已填列（合计应为 ${wan(o.sum)}）。应有：${relation}`, wan(o.sum), '空白');
      } else {
        const names = rel.parts.filter((p) => inUseColumn(ctx, table, p)).map((p) => columnName(table, p)).join('、');
        const where = rowWhere(table, row, rel.result);
        ctx.report('error', where, `${place(where)}${resultName} ${wan(o.result)}，而 ${names} 均空白。应有：${relation}`, '空白', wan(o.result));
      }
    }
  }
}

function inUseColumn(ctx: CheckContext, table: TableKey, column: string): boolean {
  return ctx.view.columns(table).has(column);
}

/** Check 3: 合计 = 基本支出 + 项目支出 (+ the other columns) on every row of the 支出 tables. */
export function checkRowTotals(ctx: CheckContext): void {
  for (const table of CHANGE_TABLES) checkChanges(ctx, table);
  for (const table of EXPENSE_TABLES) {
    const state = ctx.view.state(table);
    if (state === 'present') {
      checkRows(ctx, table);
      checkBalances(ctx, table);
    }
    else if (state === 'empty') ctx.comparisons++; // published empty (「空表列示」): nothing to add up, and nothing wrong
    else if (table === 'expense' || table === 'general_expense') ctx.need([table], `${TABLE_NAMES[table]}各行合计`);
  }
}

const CHANGE_TABLES: readonly TableKey[] = ['summary', 'fiscal_summary', 'income', 'expense', 'general_expense', 'fund_expense', 'soe_expense', 'basic_expense', 'three_public'];

/**
 * Tables printing last year's figure and the change beside this year's (2023年预算数 | 2024年预算数 |
 * 增减额; ingest/tables/periods.ts): 增减 = 本年 − 上年 on every row printing the change.
 */
function checkChanges(ctx: CheckContext, table: TableKey): void {
  const { view } = ctx;
  const cols = view.columns(table);
  if (!cols.has('change') || !cols.has('prior_year')) return;
  const own = cols.has('amount') && !cols.has('total') ? 'amount' : 'total';
  for (const row of view.rows(table)) {
    const change = row.cells.get('change')?.amount ?? null;
    const now = row.cells.get(own)?.amount ?? null;
    const before = row.cells.get('prior_year')?.amount ?? null;
    if (change === null || (now === null && before === null) || view.unreadRow(table, row)) continue;
    ctx.sum(rowWhere(table, row, 'change'), '增减额', change, [{ label: '本年', fen: now }, { label: '减上年', fen: before === null ? null : -before }], '增减额 = 本年 − 上年');
  }
}

/**
 * The 决算's 收入支出决算表 of 政府性基金 and 国有资本经营: 年末结转和结余 = 年初结转和结余 + 本年收入 −
 * 本年支出 on every row that prints two of them or more (a blank is nothing).
 */
function checkBalances(ctx: CheckContext, table: TableKey): void {
  const { view } = ctx;
  const cols = view.columns(table);
  if (!cols.has('carryforward') || !(cols.has('carryover') || cols.has('income'))) return;
  const relation = '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出';
  for (const row of view.rows(table)) {
    const cell = (c: string) => row.cells.get(c)?.amount ?? null;
    const printed = ['carryover', 'income', 'total', 'carryforward'].filter((c) => cell(c) !== null);
    if (printed.length < 2 || view.unreadRow(table, row)) continue;
    const end = cell('carryforward');
    const where = rowWhere(table, row, end === null ? 'total' : 'carryforward');
    const spent = cell('total');
    ctx.sum(where, '年末结转和结余', end ?? 0, [
      { label: '年初结转和结余', fen: cell('carryover') }, { label: '本年收入', fen: cell('income') }, { label: '减本年支出', fen: spent === null ? null : -spent },
    ], relation);
  }
}

/** Check 6: 收入总表 合计 = 本年收入小计 + 上年结转, 小计 = the sum of its sources. */
export function checkIncomeRows(ctx: CheckContext): void {
  if (!ctx.need(['income'], '收入总表各行')) return;
  checkRows(ctx, 'income');
}
