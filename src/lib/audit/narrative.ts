import type { Fen } from '../model/amount';
import { TABLE_NAMES, type TableKey } from '../model/keys';
import { BASIC_PARTS, ECONOMIC_CLASSES } from '../model/classification';
import { FORMAT_FACTS } from '../model/tables/facts';
import { lineOf, place, type CheckContext, type Where } from './context';
import type { DocView } from './docView';
import { checkNarrativeTotals } from './narrativeTotals';
import { judgeStatedAt } from './precision';
import { factPrecision } from './narrativeStatements';
import { cellValue } from './relations';
import { wan } from './tolerance';

interface Target {
  table: TableKey;
  /** The table's figure the narrative restates, or null when the table does not print it. */
  read: (view: DocView) => Fen | null;
  label: string;
  /** Only compared where the table has the row at all (机关运行经费 is in Shanghai's 三公 table only). */
  optional?: boolean;
}

function totalRow(table: TableKey, column: string) {
  return (view: DocView): Fen | null => {
    if (view.state(table) === 'empty') return 0;
    const row = view.row(table, 'total');
    return row ? cellValue(view, table, row, column) : null;
  };
}

/** 政府采购预算: the table's 合计, or where it prints none (seed 004), the sum of its purchase lines. */
function procurementTotal(view: DocView): Fen | null {
  if (view.state('procurement') === 'empty') return 0;
  const total = view.amount('procurement', 'total', 'total');
  if (total !== null) return total;
  const items = view.rows('procurement').filter((r) => r.code.startsWith('item.') && r.cells.has('total'));
  return items.length ? items.reduce((s, r) => s + r.cells.get('total')!.amount, 0) : null;
}

/** 基本支出/项目支出 of all funds (支出总表), or of the 一般公共预算 table where 支出总表 is missing. */
function expenseTotal(column: string) {
  return (view: DocView): Fen | null => {
    const table: TableKey = view.state('expense') === 'present' || view.state('expense') === 'empty' ? 'expense' : 'general_expense';
    return totalRow(table, column)(view);
  };
}

const TARGETS: Record<string, Target> = {
  income_total: { table: 'summary', read: (v) => v.amount('summary', 'income.grand_total', 'amount'), label: '收支总表收入总计' },
  expense_total: { table: 'summary', read: (v) => v.amount('summary', 'expense.grand_total', 'amount'), label: '收支总表支出总计' },
  basic: { table: 'expense', read: expenseTotal('basic'), label: '支出总表合计行基本支出' },
  project: { table: 'expense', read: expenseTotal('project'), label: '支出总表合计行项目支出' },
  personnel: { table: 'basic_expense', read: totalRow('basic_expense', 'personnel'), label: '基本支出表合计行人员经费' },
  public: { table: 'basic_expense', read: totalRow('basic_expense', 'public'), label: '基本支出表合计行公用经费' },
  operating_cost: { table: 'three_public', read: (v) => v.amount('three_public', 'operating_cost', 'total') ?? v.amount('three_public', 'operating_cost', 'general'), label: '三公表机关运行经费', optional: true },
  // Jiangsu prints 机关运行经费 as a table of its own (公开 10 表).
  operating_cost_table: { table: 'operating_cost', read: (v) => v.amount('operating_cost', 'total', 'total'), label: '机关运行经费表合计', optional: true },
  procurement_total: { table: 'procurement', read: procurementTotal, label: '政府采购预算表合计' },
  assets_total: { table: 'assets', read: totalRow('assets', 'total'), label: '固定资产占用情况表资产总额' },
};

function factWhere(view: DocView, key: string): Where | null {
  const f = view.figure('facts', key, 'amount');
  return f ? { table: 'facts', rowCode: key, rowName: f.rowName || FORMAT_FACTS[key], column: 'amount', ...lineOf(f) } : null;
}

/**
 * 人员经费 or 公用经费 the narrative states, where the 基本支出表 prints no such column (Jiangsu prints it
 * by 经济分类, one amount column): against the 类 rows it is made of (BASIC_PARTS). The 口径 is the
 * custom, not printed in the table, so a difference is a 提示 that names it, never an error.
 */
function againstEconomic(ctx: CheckContext, w: Where, key: keyof typeof BASIC_PARTS, stated: Fen): void {
  const { view } = ctx;
  const rows = BASIC_PARTS[key].flatMap((code) => view.row('basic_expense', code) ?? []);
  if (!rows.length) return;
  const name = FORMAT_FACTS[key];
  if (rows.some((r) => view.unreadRow('basic_expense', r))) {
    ctx.notRun.push(`说明中的${name}与基本支出表经济分类：有未能读取的行`);
    return;
  }
  const values = rows.map((r) => cellValue(view, 'basic_expense', r, 'total'));
  if (values.some((v) => v === null)) return;
  const sum = values.reduce<Fen>((a, v) => a + v!, 0);
  const parts = rows.map((r) => `${r.code} ${ECONOMIC_CLASSES[r.code] ?? r.name}`).join(' + ');
  ctx.comparisons++;
  const verdict = judgeStatedAt(stated, factPrecision(view, key, stated), sum);
  if (verdict === 'ok') return;
  const head = `说明中的${name} ${wan(stated)}，基本支出表 ${parts} = ${wan(sum)}（相差 ${wan(stated - sum)}）`;
  if (verdict === 'rounding') ctx.report('rounding', w, `${head}，不超过说明所写精度的最后一位。`, wan(sum), wan(stated));
  else ctx.report('warning', w, `${head}。${name}通常即${BASIC_PARTS[key].length > 1 ? '这几类之和' : '这一类'}；若另有口径，说明中应写明。`, wan(sum), wan(stated));
}

/**
 * A stated figure of another 口径 than its table's: 「收入预算 1550.13 万元」 where the 收支总表's 收入总计
 * is 1,600.13 and its 本年收入合计 1,550.13 states this year's income without the carryover. Said as a
 * 提示 naming both figures, not an error. True when so reported.
 */
function otherScope(ctx: CheckContext, w: Where, key: string, stated: Fen, grand: Fen): boolean {
  if (key === 'basic' || key === 'project') return generalOnly(ctx, w, key, stated, grand);
  if (key !== 'income_total' && key !== 'expense_total') return false;
  const side = key === 'income_total' ? 'income' : 'expense';
  const current = ctx.view.amount('summary', `${side}.current_total`, 'amount');
  const precision = factPrecision(ctx.view, key, stated);
  if (current === null || current === grand || judgeStatedAt(stated, precision, grand) !== 'error' || judgeStatedAt(stated, precision, current) === 'error') return false;
  ctx.comparisons++;
  const name = FORMAT_FACTS[key];
  const [cur, total, rest] = side === 'income' ? ['本年收入合计', '收入总计', '上年结转结余等'] : ['本年支出合计', '支出总计', '年终结转结余等'];
  ctx.report('warning', w, `${place(w)}说明中的${name} ${wan(stated)} 等于收支总表${cur}，而${total}为 ${wan(grand)}（含${rest} ${wan(grand - current)}）。说明所写口径不含结转；若指${total}，应写 ${wan(grand)}。`, wan(grand), wan(stated));
  return true;
}

/**
 * 「基本支出 1000 万元」 where the 支出总表 (all funds) says 1,082 and the 一般公共预算财政拨款支出表
 * 1,000: the narrative states the 一般公共预算's. The same 口径 difference, the same 提示.
 */
function generalOnly(ctx: CheckContext, w: Where, key: 'basic' | 'project', stated: Fen, all: Fen): boolean {
  if (ctx.view.state('expense') !== 'present') return false;
  const general = ctx.view.amount('general_expense', 'total', key);
  const precision = factPrecision(ctx.view, key, stated);
  if (general === null || general === all || judgeStatedAt(stated, precision, all) !== 'error' || judgeStatedAt(stated, precision, general) === 'error') return false;
  ctx.comparisons++;
  const name = FORMAT_FACTS[key];
  ctx.report('warning', w, `${place(w)}说明中的${name} ${wan(stated)} 等于一般公共预算财政拨款支出表的${name}，而支出总表（全部资金）为 ${wan(all)}。说明所写口径为一般公共预算；若指全部资金，应写 ${wan(all)}。`, wan(all), wan(stated));
  return true;
}

/** Check 8: the figures the narrative (情况说明) states against the tables, and its 比上年增减 against its parts. */
export function checkNarrative(ctx: CheckContext): void {
  const { view } = ctx;
  for (const [name, target] of Object.entries(TARGETS)) {
    const key = name.replace(/_table$/, '');
    const w = factWhere(view, key);
    if (!w) continue;
    const stated = view.amount('facts', key, 'amount')!;
    if (target.optional) {
      const value = view.state(target.table) === 'present' ? target.read(view) : null;
      if (value !== null) ctx.same(w, `说明中的${FORMAT_FACTS[key]}`, stated, target.label, value, factPrecision(view, key, stated));
      continue;
    }
    const table = key === 'basic' || key === 'project' ? (view.state('expense') === 'missing' ? 'general_expense' : 'expense') : target.table;
    if (!ctx.need([table], `说明中的${FORMAT_FACTS[key]}与${TABLE_NAMES[table]}`)) continue;
    const value = target.read(view);
    if (value === null && (key === 'personnel' || key === 'public')) againstEconomic(ctx, w, key, stated);
    if (value === null) continue;
    if (otherScope(ctx, w, key, stated, value)) continue;
    ctx.same(w, `说明中的${FORMAT_FACTS[key]}`, stated, target.label.replace('支出总表', TABLE_NAMES[table]), value, factPrecision(view, key, stated));
  }
  const change = factWhere(view, 'change_vs_prior');
  const basic = view.amount('facts', 'basic_change', 'amount');
  const project = view.amount('facts', 'project_change', 'amount');
  checkNarrativeTotals(ctx);
  if (change && basic !== null && project !== null) {
    ctx.sum(change, '说明中的比上年增减', view.amount('facts', 'change_vs_prior', 'amount')!,
      [{ label: '基本支出增减', fen: basic }, { label: '项目支出增减', fen: project }], '比上年增减 = 基本支出增减 + 项目支出增减');
  }
}
