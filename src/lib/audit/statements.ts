import type { Fen } from '../model/amount';
import { ECONOMIC_CLASSES } from '../model/classification';
import { FUNCTION_CLASSES, TABLE_NAMES } from '../model/keys';
import { CARRYOVER_PARTS, SUMMARY_ROWS } from '../model/tables';
import { lineOf, type CheckContext, type Term, type Where } from './context';
import type { DocView } from './docView';

type Statement = 'summary' | 'fiscal_summary';

const INCOME_SOURCES = ['general', 'fund', 'soe', 'special_account', 'unit_funds', 'other_funds', 'business', 'operating', 'superior', 'subordinate', 'other', 'debt'];
/**
 * Sources that gather others printed beneath them: the national template's 单位资金 (the 收入总表's
 * 单位资金 小计 and the columns after it) and Jiangsu's 其他资金 (its 收入总表: 事业收入, 经营收入, 其他收入).
 */
const PARENT_SOURCES: { key: string; parts: string[] }[] = [
  { key: 'unit_funds', parts: ['business', 'operating', 'superior', 'subordinate', 'other'] },
  { key: 'other_funds', parts: ['business', 'operating', 'other'] },
];
const SOURCE_NAMES: Record<string, string> = {
  general: '一般公共预算拨款', fund: '政府性基金预算拨款', soe: '国有资本经营预算拨款', fiscal: '财政拨款收入',
  special_account: '财政专户管理资金', unit_funds: '单位资金', other_funds: '其他资金', business: '事业收入', operating: '事业单位经营收入',
  superior: '上级补助收入', subordinate: '附属单位上缴收入', other: '其他收入', debt: '债务资金',
};

/**
 * The expense side's column: 收支总表 prints one amount; 财政拨款收支总表 prints 合计 and the three
 * kinds of 财政拨款 (合计 = 一般公共预算 + 政府性基金 + 国有资本经营).
 */
function expenseColumn(table: Statement): string {
  return table === 'summary' ? 'amount' : 'total';
}

export function cell(view: DocView, table: Statement, row: string): Fen | null {
  return view.amount(table, row, row.startsWith('income') ? 'amount' : expenseColumn(table));
}

export function where(view: DocView, table: Statement, row: string): Where {
  const col = row.startsWith('income') ? 'amount' : expenseColumn(table);
  const f = view.figure(table, row, col);
  return { table, rowCode: row, rowName: f?.rowName, column: col, ...lineOf(f, view.tableSeen(table)) };
}

function term(view: DocView, table: Statement, row: string, label: string): Term {
  return { label, fen: cell(view, table, row) };
}

/** 上年结转结余 as terms of a sum: its row, or where only its parts are printed, the parts. */
function carryoverTerms(view: DocView, table: Statement): Term[] {
  const parts = CARRYOVER_PARTS.filter((r) => cell(view, table, r) !== null);
  if (cell(view, table, 'income.carryover') !== null || !parts.length) return [term(view, table, 'income.carryover', '上年结转结余')];
  return parts.map((r) => term(view, table, r, SUMMARY_ROWS[r]));
}

/** 上年结转结余, or the sum of its parts; null where neither is printed. */
export function carryover(view: DocView, table: Statement): Fen | null {
  const terms = carryoverTerms(view, table);
  return terms.every((t) => t.fen === null) ? null : terms.reduce((a, t) => a + (t.fen ?? 0), 0);
}

/** 类 rows of a statement's expense side (expense.201 …), in print order. */
export function classRows(view: DocView, table: Statement): string[] {
  return view.rows(table).map((r) => r.code).filter((c) => /^expense\.2\d{2}$/.test(c));
}

/**
 * 经济分类 类 rows of a statement's expense side (expense.301 …: ours), in print order: of the
 * 部门预算 classification (30x) or the 政府预算 one (50x), each the whole spending on its own.
 */
function economicRows(view: DocView, table: Statement, first: '3' | '5'): string[] {
  return view.rows(table).map((r) => r.code).filter((c) => c.length === 11 && c[8] === first && /^expense\.\d{3}$/.test(c));
}

/** 本年支出合计, or where it is not printed (Shanghai), 支出总计 − 年终结转结余. */
export function currentExpense(view: DocView, table: Statement): { fen: Fen; row: string } | null {
  const cur = cell(view, table, 'expense.current_total');
  if (cur !== null) return { fen: cur, row: 'expense.current_total' };
  const grand = cell(view, table, 'expense.grand_total');
  if (grand === null) return null;
  return { fen: grand - (cell(view, table, 'expense.carryforward') ?? 0) - (cell(view, table, 'expense.surplus_distribution') ?? 0), row: 'expense.grand_total' };
}

/** Check 1 on one statement: 收入总计 = 支出总计, the 本年 + 结转 identities, the 类 and the sources. */
export function checkStatement(ctx: CheckContext, table: Statement): void {
  const { view } = ctx;
  const name = TABLE_NAMES[table];
  const incGrand = cell(view, table, 'income.grand_total');
  const expGrand = cell(view, table, 'expense.grand_total');
  if (incGrand !== null && expGrand !== null) {
    ctx.same(where(view, table, 'expense.grand_total'), '支出总计', expGrand, '收入总计', incGrand);
  }
  // A 决算 adds 使用非财政拨款结余 to the income and 结余分配 to the expense side, where it prints them.
  const incCur = cell(view, table, 'income.current_total');
  if (incGrand !== null && incCur !== null) {
    const used = cell(view, table, 'income.surplus_used') !== null;
    ctx.sum(where(view, table, 'income.grand_total'), '收入总计', incGrand,
      [{ label: '本年收入合计', fen: incCur }, ...(used ? [term(view, table, 'income.surplus_used', '使用非财政拨款结余')] : []), ...carryoverTerms(view, table)],
      `${name}：收入总计 = 本年收入合计${used ? ' + 使用非财政拨款结余' : ''} + 上年结转结余`);
  }
  const expCur = cell(view, table, 'expense.current_total');
  if (expGrand !== null && expCur !== null) {
    const distributed = cell(view, table, 'expense.surplus_distribution') !== null;
    ctx.sum(where(view, table, 'expense.grand_total'), '支出总计', expGrand,
      [{ label: '本年支出合计', fen: expCur }, ...(distributed ? [term(view, table, 'expense.surplus_distribution', '结余分配')] : []), term(view, table, 'expense.carryforward', '年终结转结余')],
      `${name}：支出总计 = 本年支出合计${distributed ? ' + 结余分配' : ''} + 年终结转结余`);
  }
  const classes = classRows(view, table);
  const current = currentExpense(view, table);
  if (current && classes.length) {
    const label = current.row === 'expense.current_total' ? '本年支出合计' : '支出总计 − 年终结转结余';
    ctx.sum(where(view, table, current.row), label, current.fen,
      classes.map((c) => term(view, table, c, FUNCTION_CLASSES[c.slice(8)] ?? c)), `${name}：${label} = 各类支出之和`);
  }
  // The same spending by 经济分类, where the side prints it (beside or instead of the 功能分类): by the
  // 部门预算 classification and by the 政府预算 one, each summed apart (西安 气象 prints both, side by
  // side). A row printed twice with two amounts (the 部门 classification under each purpose) was kept
  // once: that sum is not judged.
  for (const listed of [economicRows(view, table, '3'), economicRows(view, table, '5')]) {
    // Rows printed by purpose only (西安: each class under 人员经费和公用经费 and again under 专项业务经费,
    // tables/summaryClassifications.ts) add up to their purpose's row, not to the whole.
    const economic = listed.filter((c) => cell(view, table, c) !== null);
    checkEconomicPurposes(ctx, table, listed.filter((c) => cell(view, table, c) === null));
    if (!current || !economic.length || ctx.anyUnread(table, economic, 'amount')) continue;
    const label = current.row === 'expense.current_total' ? '本年支出合计' : '支出总计 − 年终结转结余';
    ctx.sum(where(view, table, current.row), label, current.fen,
      economic.map((c) => term(view, table, c, ECONOMIC_CLASSES[c.slice(8)] ?? c)), `${name}：${label} = 各经济分类支出之和`);
  }
  checkSources(ctx, table);
  if (table === 'fiscal_summary') checkFiscalColumns(ctx);
  else checkPurposeColumns(ctx);
  checkPurposes(ctx, table, current);
}

/** 基本支出 = its 经济分类 rows' 基本支出, 项目支出 = theirs, where the rows print their purposes' parts alone. */
function checkEconomicPurposes(ctx: CheckContext, table: Statement, rows: readonly string[]): void {
  const { view } = ctx;
  for (const purpose of ['basic', 'project'] as const) {
    const parts = rows.filter((c) => view.amount(table, c, purpose) !== null);
    const whole = cell(view, table, `expense.${purpose}`);
    if (!parts.length || whole === null || ctx.anyUnread(table, parts, purpose)) continue;
    const label = PURPOSE_NAMES[purpose];
    ctx.sum(where(view, table, `expense.${purpose}`), label, whole,
      parts.map((c) => ({ label: `${ECONOMIC_CLASSES[c.slice(8)] ?? c}（${label}）`, fen: view.amount(table, c, purpose) })), `${TABLE_NAMES[table]}：${label} = 各经济分类的${label}之和`);
  }
}

const PURPOSE_NAMES: Record<string, string> = {
  basic: '基本支出', project: '项目支出', reserve: '单位预留机动经费',
  operating: '事业单位经营支出', remit_superior: '上缴上级支出', subsidy_subordinate: '对附属单位补助支出',
};

/**
 * The expense side by purpose (Jiangsu's second group; older templates' only one): 本年支出 =
 * 基本支出 + 项目支出 (+ 单位预留机动经费), as the 类 add up to it. Only where both 基本支出 and
 * 项目支出 are printed: one of them alone is a part, not the side.
 */
function checkPurposes(ctx: CheckContext, table: Statement, current: { fen: Fen; row: string } | null): void {
  const { view } = ctx;
  if (!current || cell(view, table, 'expense.basic') === null || cell(view, table, 'expense.project') === null) return;
  const label = current.row === 'expense.current_total' ? '本年支出合计' : '支出总计 − 年终结转结余';
  // The three 事业单位 purposes only where printed: a 行政单位's table names none of them.
  const others = OTHER_PURPOSES.filter((k) => cell(view, table, `expense.${k}`) !== null);
  ctx.sum(where(view, table, current.row), label, current.fen,
    [...MAIN_PURPOSES, ...others].map((k) => term(view, table, `expense.${k}`, PURPOSE_NAMES[k])),
    `${TABLE_NAMES[table]}：${label} = 基本支出 + 项目支出（+ 单位预留机动经费）${others.map((k) => ` + ${PURPOSE_NAMES[k]}`).join('')}`);
}

const MAIN_PURPOSES = ['basic', 'project', 'reserve'];
const OTHER_PURPOSES = ['operating', 'remit_superior', 'subsidy_subordinate'];

const PART_NAMES: Record<string, string> = { personnel: '人员经费', public: '公用经费', basic: '基本支出', project: '项目支出' };

/**
 * 收支总表 expense rows printed with their parts: Shanghai's 合计 | 人员经费 | 公用经费 | 项目支出
 * on every row, or 「人员经费」「公用经费」 beneath 「一、基本支出」 (its columns, summary.ts), or
 * 合计 | 基本支出 | 项目支出. A 基本支出 printed stands for its 人员经费 and 公用经费.
 */
function checkPurposeColumns(ctx: CheckContext): void {
  for (const row of ctx.view.rows('summary')) {
    if (!row.code.startsWith('expense.')) continue;
    const total = row.cells.get('amount');
    const parts = Object.keys(PART_NAMES).filter((c) => row.cells.has(c) && !(row.cells.has('basic') && (c === 'personnel' || c === 'public')));
    if (!total || !parts.length) continue;
    const name = row.name.replace(/^[一二三四五六七八九十]+[、.．]\s*/, '');
    ctx.sum({ table: 'summary', rowCode: row.code, rowName: row.name, column: 'amount', ...lineOf(total) },
      name, total.amount, parts.map((c) => ({ label: PART_NAMES[c], fen: row.cells.get(c)!.amount })), `${name} = ${parts.map((c) => PART_NAMES[c]).join(' + ')}`);
  }
}

/** 本年收入合计 = the sources printed; 财政拨款收入 (Shanghai's parent row) = its three kinds. */
function checkSources(ctx: CheckContext, table: Statement): void {
  const { view } = ctx;
  const fiscal = cell(view, table, 'income.fiscal');
  const kinds = ['general', 'fund', 'soe'].map((k) => term(view, table, `income.${k}`, SOURCE_NAMES[k]));
  if (fiscal !== null && kinds.some((k) => k.fen !== null)) {
    ctx.sum(where(view, table, 'income.fiscal'), '财政拨款收入', fiscal, kinds, '财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算拨款');
  }
  // 「五、单位资金」 with 1.事业收入 … 5.其他收入 printed beneath it: its parts, as 财政拨款收入's kinds are.
  const order = view.rows(table).map((r) => r.code);
  // A row numbered as its parent is (「六、其他收入」 after 「五、单位资金」) is its sibling, not its part.
  const sibling = (k: string) => /^[一二三四五六七八九十]+[、.．]/.test(view.row(table, `income.${k}`)?.name.trim() ?? '');
  const counted = new Set<string>();
  for (const { key, parts } of PARENT_SOURCES) {
    const parent = cell(view, table, `income.${key}`);
    if (parent === null) continue;
    const below = parts.filter((k) => !counted.has(k) && order.indexOf(`income.${k}`) > order.indexOf(`income.${key}`) && !sibling(k));
    const terms = below.map((k) => term(view, table, `income.${k}`, SOURCE_NAMES[k])).filter((t) => t.fen !== null);
    if (!terms.length) continue;
    ctx.sum(where(view, table, `income.${key}`), SOURCE_NAMES[key], parent, terms, `${SOURCE_NAMES[key]} = 其下所列各项收入之和`);
    for (const k of below) counted.add(k);
  }
  const sources = INCOME_SOURCES.filter((s) => !(fiscal !== null && ['general', 'fund', 'soe'].includes(s)) && !counted.has(s));
  if (fiscal !== null) sources.unshift('fiscal');
  const terms = sources.map((s) => term(view, table, `income.${s}`, SOURCE_NAMES[s]));
  if (!terms.some((t) => t.fen !== null)) return;
  const cur = cell(view, table, 'income.current_total');
  const grand = cell(view, table, 'income.grand_total');
  if (cur !== null) {
    ctx.sum(where(view, table, 'income.current_total'), '本年收入合计', cur, terms, '本年收入合计 = 各项收入之和');
  } else if (grand !== null) {
    ctx.sum(where(view, table, 'income.grand_total'), '收入总计', grand, [...terms, ...carryoverTerms(view, table)], '收入总计 = 各项收入 + 上年结转结余');
  }
}

/** 财政拨款收支总表 expense rows: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算. */
function checkFiscalColumns(ctx: CheckContext): void {
  for (const row of ctx.view.rows('fiscal_summary')) {
    if (!row.code.startsWith('expense.')) continue;
    const total = row.cells.get('total');
    const parts = ['general', 'fund', 'soe'].filter((c) => row.cells.has(c));
    if (!total || !parts.length) continue;
    ctx.sum({ table: 'fiscal_summary', rowCode: row.code, rowName: row.name, column: 'total', ...lineOf(total) },
      '合计', total.amount, parts.map((c) => ({ label: SOURCE_NAMES[c], fen: row.cells.get(c)!.amount })), '合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算');
  }
}

/** Check 1: both statements. */
export function checkBalance(ctx: CheckContext): void {
  const ok = ['summary', 'fiscal_summary'].filter((t) => ctx.view.state(t as Statement) !== 'missing' && ctx.view.state(t as Statement) !== 'unreadable');
  if (!ok.length) {
    ctx.need(['summary', 'fiscal_summary'], '收支平衡');
    return;
  }
  if (ctx.need(['summary'], '收支总表平衡')) checkStatement(ctx, 'summary');
  if (ctx.need(['fiscal_summary'], '财政拨款收支总表平衡')) checkStatement(ctx, 'fiscal_summary');
}
