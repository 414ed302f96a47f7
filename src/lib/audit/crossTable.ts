import { formatWan, type Fen } from '../model/amount';
import { FUNCTION_CLASSES, TABLE_NAMES, type TableKey } from '../model/keys';
import { lineOf, place, type CheckContext, type Where } from './context';
import type { DocView } from './docView';
import { cellValue } from './relations';
import { checkFiscalTables } from './fiscalTables';
import { carryover, cell, classRows, currentExpense, where } from './statements';
import { wan } from './tolerance';

type Statement = 'summary' | 'fiscal_summary';

function coded(view: DocView, table: TableKey, code: string, column: string): { fen: Fen | null; where: Where } {
  const row = view.row(table, code);
  const f = row?.cells.get(column);
  return {
    fen: row ? cellValue(view, table, row, column) : null,
    where: { table, rowCode: code, rowName: row?.name, column, ...lineOf(f, row, view.tableSeen(table)) },
  };
}

/** A code's 合计 over several tables (each that prints it): the first's place, the sum in 分. */
function codedSum(view: DocView, tables: readonly TableKey[], code: string): { fen: Fen | null; where: Where } {
  const each = tables.map((k) => coded(view, k, code, 'total'));
  const read = each.filter((c) => c.fen !== null);
  return { fen: read.length ? read.reduce((sum, c) => sum + c.fen!, 0) : null, where: (read[0] ?? each[0]).where };
}

/** 收入总计 − 上年结转结余 (− 使用非财政拨款结余), where 本年收入合计 is not printed. */
function currentIncome(view: DocView): Fen | null {
  const grand = cell(view, 'summary', 'income.grand_total');
  return grand === null ? null : grand - (carryover(view, 'summary') ?? 0) - (cell(view, 'summary', 'income.surplus_used') ?? 0);
}

/** The column of 财政拨款收支总表 that matches the 一般公共预算 table: 一般公共预算, or 合计 if it prints no kinds. */
function fiscalColumn(view: DocView): string | null {
  const cols = view.columns('fiscal_summary');
  if (cols.has('general')) return 'general';
  return cols.has('fund') || cols.has('soe') ? null : 'total';
}

/** The other budgets' function tables where the 财政拨款收支总表 names their income, not zero. */
function otherFunds(view: DocView): TableKey[] {
  const named = (row: string) => (cell(view, 'fiscal_summary', row) ?? 0) !== 0;
  return [...(named('income.fund') ? ['fund_expense' as const] : []), ...(named('income.soe') ? ['soe_expense' as const] : [])];
}

/**
 * A one-column 财政拨款收支总表 whose 本年支出 spends the 上年结转 too, beside a 一般公共预算 table of this
 * year's appropriations alone (its 合计 the 本年收入; 国家信访局 2026: 18,728.94 against 16,474.82, the
 * carryover 2,254.12 spread over three 类). The tables differ class by class by how the carryover is
 * spent, which neither prints: why no class is compared, where the totals show it to the 分; else null.
 */
function carryoverApart(view: DocView): string | null {
  const carried = cell(view, 'fiscal_summary', 'income.carryover.general') ?? cell(view, 'fiscal_summary', 'income.carryover');
  const current = cell(view, 'fiscal_summary', 'income.general') ?? cell(view, 'fiscal_summary', 'income.current_total');
  const spent = view.amount('fiscal_summary', 'expense.current_total', 'total');
  const table = coded(view, 'general_expense', 'total', 'total').fen;
  if (!carried || current === null || spent === null || table === null) return null;
  if (table !== current || spent !== table + carried) return null;
  return `财政拨款收支总表本年支出 ${formatWan(spent)} 万元含上年结转 ${formatWan(carried)} 万元，一般公共预算财政拨款支出表只列本年拨款（合计 ${formatWan(table)} 万元 = 本年收入）：两表各类支出不可逐类比较，未核对`;
}

/**
 * A statement's 支出 by 类 against a coded table's 类 rows (合计 column). A 类 printed on one side
 * only is compared with nothing on the other, which is a difference like any other.
 */
function compareClasses(ctx: CheckContext, statement: Statement, column: string, table: TableKey, plus: readonly TableKey[] = []): void {
  const { view } = ctx;
  const fromStatement = classRows(view, statement).map((r) => r.slice(8));
  const fromTable = [table, ...plus].flatMap((k) => view.rows(k).map((r) => r.code).filter((c) => c.length === 3 && /^\d+$/.test(c)));
  // A table that prints no 类 at all is another layout (Jiangsu's one-row 支出预算总表, a 财政拨款收支总表
  // by purpose), not a table missing every 类: nothing to compare class by class.
  if (!fromStatement.length || !fromTable.length) return;
  for (const code of new Set([...fromStatement, ...fromTable])) {
    const s = view.amount(statement, `expense.${code}`, column);
    const t = codedSum(view, [table, ...plus], code);
    const label = `${TABLE_NAMES[statement]}「${FUNCTION_CLASSES[code] ?? code}」`;
    const other = [table, ...plus].filter((k) => view.row(k, code)).map((k) => `${TABLE_NAMES[k]} ${code} 行合计`).join(' + ') || `${TABLE_NAMES[table]} ${code} 行合计`;
    if (s !== null && t.fen !== null) {
      const sw = where(view, statement, `expense.${code}`);
      ctx.same({ ...sw, column }, label, s, other, t.fen);
    } else if ((s ?? t.fen ?? 0) !== 0) {
      // One side missing because the importer could not read it is not a difference of the document's.
      if (s === null && ctx.anyUnread(statement, [`expense.${code}`], column)) continue;
      if (t.fen === null && ctx.anyUnread(table, [code], 'total')) continue;
      ctx.comparisons++;
      const w: Where = s !== null ? { ...where(view, statement, `expense.${code}`), column } : t.where;
      ctx.report('error', w, `${place(w)}${label} ${wan(s)}，${other} ${wan(t.fen)}：此类只在一张表中列出。应有：两表各类支出一致`, wan(s === null ? t.fen : s), wan(s === null ? s : t.fen));
    }
  }
}

/** Check 2: 收支总表 against 收入总表 and 支出总表; 财政拨款收支总表 against the 一般公共预算 table. */
export function checkCrossTables(ctx: CheckContext): void {
  const { view } = ctx;
  if (ctx.need(['summary', 'expense'], '收支总表与支出总表')) {
    compareClasses(ctx, 'summary', 'amount', 'expense');
    const cur = currentExpense(view, 'summary');
    const t = coded(view, 'expense', 'total', 'total');
    if (cur && t.fen !== null) ctx.same(where(view, 'summary', cur.row), '收支总表本年支出', cur.fen, '支出总表合计', t.fen);
  }
  if (ctx.need(['summary', 'income'], '收支总表与收入总表')) {
    // A 收入总表 without a 上年结转 column (决算: 本年收入合计 only) prints this year's income as 合计.
    const withCarryover = view.columns('income').has('carryover');
    const current = cell(view, 'summary', 'income.current_total') ?? currentIncome(view);
    const pairs: [string, string, string, Fen | null][] = withCarryover
      ? [['income.grand_total', 'total', '收入总计', null], ['income.current_total', 'current_subtotal', '本年收入合计', null], ['income.carryover', 'carryover', '上年结转结余', carryover(view, 'summary')]]
      : [['income.current_total', 'total', '本年收入合计', current]];
    // 西安's 收入总表 heads every source, 上年结转 included, with one 「合计」 (the 部门预算 group's), equal
    // to its 总计: no column of this year's income alone to compare.
    const sub = coded(view, 'income', 'total', 'current_subtotal').fen;
    const groupTotal = withCarryover && sub !== null && sub === coded(view, 'income', 'total', 'total').fen && (coded(view, 'income', 'total', 'carryover').fen ?? 0) !== 0;
    if (groupTotal) ctx.notRun.push(`收入总表的「合计」列等于总计（含上年结转 ${formatWan(coded(view, 'income', 'total', 'carryover').fen!)} 万元），不是本年收入合计：收支总表本年收入合计未与之比较`);
    for (const [row, column, label, value] of pairs) {
      if (groupTotal && column === 'current_subtotal') continue;
      const s = value ?? cell(view, 'summary', row);
      const t = coded(view, 'income', 'total', column);
      if (s !== null && t.fen !== null) ctx.same(where(view, 'summary', cell(view, 'summary', row) === null ? 'income.grand_total' : row), `收支总表${label}`, s, `收入总表合计行${label}`, t.fen);
    }
  }
  const column = fiscalColumn(view);
  if (column && ctx.need(['fiscal_summary', 'general_expense'], '财政拨款收支总表与一般公共预算财政拨款支出表')) {
    // A 财政拨款收支总表 printing one amount column where its income names 政府性基金 or 国有资本经营 拨款
    // (深圳): that column is all three budgets', the function tables' sum.
    const plus = column === 'total' ? otherFunds(view) : [];
    const apart = column === 'total' && !plus.length ? carryoverApart(view) : null;
    if (apart) {
      ctx.comparisons++;
      ctx.notRun.push(apart);
    } else compareClasses(ctx, 'fiscal_summary', column, 'general_expense', plus);
    const cur = view.amount('fiscal_summary', 'expense.current_total', column);
    const t = codedSum(view, ['general_expense', ...plus], 'total');
    if (!apart && cur !== null && t.fen !== null) {
      const label = plus.length ? `${['一般公共预算财政拨款支出表', ...plus.map((k) => TABLE_NAMES[k])].join('、')}合计之和` : '一般公共预算财政拨款支出表合计';
      ctx.same({ ...where(view, 'fiscal_summary', 'expense.current_total'), column }, plus.length ? '财政拨款收支总表本年支出' : '财政拨款收支总表一般公共预算本年支出', cur, label, t.fen);
    }
  }
  checkFiscalTables(ctx);
  if (view.state('summary') === 'present' && view.state('fiscal_summary') === 'present') {
    const a = cell(view, 'summary', 'income.general');
    const b = cell(view, 'fiscal_summary', 'income.general');
    // A 收支总表 printing no 上年结转 at all (重庆: 一般公共预算资金 | 政府性基金预算资金 … their sum the
    // 合计) gives each source with what it carries over: the 财政拨款收支总表's 本年 and 上年结转 together.
    const carried = carryover(view, 'summary') === null ? cell(view, 'fiscal_summary', 'income.carryover.general') : null;
    if (a !== null && b !== null && carried !== null) {
      ctx.same(where(view, 'fiscal_summary', 'income.general'), '财政拨款收支总表一般公共预算拨款（本年收入与上年结转之和）', b + carried, '收支总表一般公共预算拨款收入（不分列上年结转）', a);
    } else if (a !== null && b !== null) ctx.same(where(view, 'fiscal_summary', 'income.general'), '财政拨款收支总表一般公共预算拨款', b, '收支总表一般公共预算拨款收入', a);
  }
}
