import type { Fen } from '../model/amount';
import type { TableKey } from '../model/keys';
import { EXPENSE_TOTAL_PARTS } from '../model/tables/columns';
import type { DocView, RowView } from './docView';
import { judge } from './tolerance';

/** A relation between the columns of one row: result = Σ parts. */
export interface RowRelation {
  result: string;
  parts: readonly string[];
}

export const EXPENSE_TABLES: readonly TableKey[] = ['expense', 'general_expense', 'fund_expense', 'soe_expense'];
/** Tables whose rows are classified by a code (功能分类 or 经济分类). */
export const CODED_TABLES: readonly TableKey[] = ['income', 'expense', 'general_expense', 'basic_expense', 'fund_expense', 'soe_expense'];

const INCOME_SOURCES = ['fiscal', 'special_account', 'unit_funds', 'business', 'operating', 'superior', 'subordinate', 'other'];

const EXPENSE_COLUMNS: Record<string, string> = {
  total: '合计', basic: '基本支出', project: '项目支出', reserve: '单位预留机动经费', operating: '经营支出',
  remit_superior: '上缴上级支出', subsidy_subordinate: '对附属单位补助支出', personnel: '人员经费', public: '公用经费',
  carryover: '年初结转和结余', income: '本年收入', carryforward: '年末结转和结余', prior_year: '上年数', change: '增减额',
  general: '一般公共预算', fund: '政府性基金预算', soe: '国有资本经营预算',
};
const INCOME_COLUMNS: Record<string, string> = {
  total: '合计', current_subtotal: '本年收入小计', fiscal: '财政拨款收入', special_account: '财政专户管理资金',
  unit_funds: '单位资金', business: '事业收入', operating: '事业单位经营收入', superior: '上级补助收入',
  subordinate: '附属单位上缴收入', other: '其他收入', carryover: '上年结转',
  general: '一般公共预算资金', general_appropriation: '公共财政拨款（补助）资金', general_special_revenue: '专项收入',
  fund: '政府性基金', soe: '国有资本经营预算', special_account_tuition: '专户管理教育收费', special_account_other: '其他非税收入',
  other_funds: '其他资金', debt: '债务资金',
};
const BASIC_COLUMNS: Record<string, string> = { total: '合计', personnel: '人员经费', public: '公用经费' };

const PROCUREMENT_COLUMNS: Record<string, string> = {
  total: '合计', general: '一般公共预算', fund: '政府性基金预算', soe: '国有资本经营预算', special_account: '财政专户管理资金',
  unit_funds: '单位资金', fiscal_carryover: '财政拨款结转', other_carryover: '非财政拨款结转',
  business: '事业收入', operating: '事业单位经营收入', superior: '上级补助收入', subordinate: '附属单位上缴收入', other: '其他收入',
};
/** 单位资金's sources, printed in its place by some layouts (重庆), or under it. */
const UNIT_FUND_PARTS = ['business', 'operating', 'superior', 'subordinate', 'other'];
/** A 政府采购预算表's 合计 is the sum of its funds (tables/procurement.ts MONEY_COLUMNS). */
const PROCUREMENT_PARTS = Object.keys(PROCUREMENT_COLUMNS).filter((c) => c !== 'total' && !UNIT_FUND_PARTS.includes(c));

export function columnName(table: TableKey, column: string): string {
  const names = table === 'income' ? INCOME_COLUMNS : table === 'basic_expense' ? BASIC_COLUMNS : table === 'procurement' ? PROCUREMENT_COLUMNS : EXPENSE_COLUMNS;
  return names[column] ?? column;
}

/**
 * The row relations of a coded table. The income table's 本年收入小计 is optional: Shanghai prints
 * 合计 and the sources only, and then 合计 = the sources + 上年结转.
 */
export function rowRelations(view: DocView, table: TableKey): RowRelation[] {
  return view.memoize(`relations|${table}`, () => relationsOf(view, table));
}

function relationsOf(view: DocView, table: TableKey): RowRelation[] {
  if (table === 'basic_expense') return [{ result: 'total', parts: ['personnel', 'public'] }];
  if (table === 'procurement') {
    // 单位资金 where printed, its sources beside it its parts; else the sources stand for it.
    if (view.columns('procurement').has('unit_funds')) return [{ result: 'total', parts: PROCUREMENT_PARTS }, { result: 'unit_funds', parts: UNIT_FUND_PARTS }];
    return [{ result: 'total', parts: [...PROCUREMENT_PARTS, ...UNIT_FUND_PARTS] }];
  }
  if (table === 'income') {
    // Jiangsu's 收入预算总表 by source: 收入总计 = 一般公共预算 + 政府性基金 + 财政专户 + 其他资金 + 债务 + 上年结转,
    // each 小计 = its own sources.
    const cols = view.columns('income');
    // The national 收入预算表 since 2020: 合计 = 上年结转 + the three appropriations + 财政专户 + 单位资金
    // (or its parts where printed without a 小计), 单位资金 = its parts.
    if ((cols.has('general') || cols.has('fund') || cols.has('soe')) && !cols.has('other_funds') && !cols.has('general_appropriation')) {
      const unitParts = ['business', 'operating', 'superior', 'subordinate', 'other'];
      const own = cols.has('unit_funds') ? ['unit_funds'] : unitParts;
      return [
        { result: 'total', parts: ['carryover', 'general', 'fund', 'soe', 'special_account', ...own] },
        { result: 'unit_funds', parts: unitParts },
      ];
    }
    if (cols.has('general') || cols.has('other_funds')) {
      return [
        { result: 'total', parts: ['general', 'fund', 'special_account', 'other_funds', 'debt', 'carryover'] },
        { result: 'general', parts: ['general_appropriation', 'general_special_revenue'] },
        { result: 'special_account', parts: ['special_account_tuition', 'special_account_other'] },
        { result: 'other_funds', parts: ['business', 'operating', 'other'] },
      ];
    }
    if (view.columns('income').has('current_subtotal')) {
      return [{ result: 'total', parts: ['current_subtotal', 'carryover'] }, { result: 'current_subtotal', parts: INCOME_SOURCES }];
    }
    return [{ result: 'total', parts: [...INCOME_SOURCES, 'carryover'] }];
  }
  // 基本支出 printed with its 人员经费 and 公用经费 (the national 一般公共预算支出表), with a 小计 of its
  // own or without one: then 合计 = 人员经费 + 公用经费 + 项目支出, and 基本支出 is their sum (cellValue).
  const cols = view.columns(table);
  if (cols.has('personnel') || cols.has('public')) {
    const basic: RowRelation = { result: 'basic', parts: ['personnel', 'public'] };
    if (cols.has('basic')) return [{ result: 'total', parts: EXPENSE_TOTAL_PARTS }, basic];
    return [{ result: 'total', parts: ['personnel', 'public', ...EXPENSE_TOTAL_PARTS.filter((p) => p !== 'basic')] }, basic];
  }
  return [{ result: 'total', parts: EXPENSE_TOTAL_PARTS }];
}

/** How one row stands against one relation. Blank is not zero: see the cases. */
export type RowOutcome =
  /** Nothing to judge: the row prints neither side. */
  | { kind: 'skip' }
  /** The importer could not read (part of) the row: 「未能读取」, not judged. */
  | { kind: 'unread' }
  /** The result cell is blank while parts are printed and do not sum to zero. */
  | { kind: 'blank_result'; sum: Fen; printed: number }
  /** The result is printed (not zero) but every part is blank, in a table that prints those parts on other rows. */
  | { kind: 'blank_parts'; result: Fen }
  | { kind: 'compare'; result: Fen; sum: Fen; printed: number };

/**
 * A blank part next to printed ones counts as nothing (行政运行 prints 基本支出 and leaves 项目支出
 * blank). But a blank 合计 with printed parts, or a printed 合计 with every part blank, is a hole in
 * the table (seed 001 leaves 合计 blank on five rows; seed 004 prints 合计 1358 with no 基本/项目):
 * each is reported, except where the layout prints no parts at all on coded rows (a 决算 table that
 * only gives 决算数), and except the 基本支出表's 合计 row, which 决算 tables print as
 * 人员经费合计 and 公用经费合计 only (FORMAT.md).
 */
export function rowOutcome(view: DocView, table: TableKey, row: RowView, rel: RowRelation, partsInUse: boolean): RowOutcome {
  if (view.unreadRow(table, row)) return { kind: 'unread' };
  const result = row.cells.get(rel.result)?.amount ?? null;
  let sum = 0;
  let printed = 0;
  for (const p of rel.parts) {
    const f = row.cells.get(p);
    if (f) {
      sum += f.amount;
      printed++;
    }
  }
  if (result === null) {
    if (!printed || sum === 0) return { kind: 'skip' };
    // A subtotal the table prints on no row is its layout (基本支出 over 人员经费 | 公用经费 with no 小计), not a hole.
    if (rel.result !== 'total' && !view.columns(table).has(rel.result)) return { kind: 'skip' };
    if (table === 'basic_expense' && row.code === 'total') return { kind: 'skip' };
    return { kind: 'blank_result', sum, printed };
  }
  if (!printed) return result !== 0 && partsInUse ? { kind: 'blank_parts', result } : { kind: 'skip' };
  return { kind: 'compare', result, sum, printed };
}

/** Whether any coded (non-合计) row of the table prints one of the relation's parts. */
export function partsInUse(view: DocView, table: TableKey, rel: RowRelation): boolean {
  return view.memoize(`inUse|${table}|${rel.result}`, () => view.rows(table).some((r) => r.code !== 'total' && rel.parts.some((p) => r.cells.has(p))));
}

/** Rows of the table whose own relations are broken beyond rounding: their cells are in doubt. */
export function brokenRows(view: DocView, table: TableKey): Set<string> {
  return view.memoize(`broken|${table}`, () => findBroken(view, table));
}

function findBroken(view: DocView, table: TableKey): Set<string> {
  const out = new Set<string>();
  for (const rel of rowRelations(view, table)) {
    const inUse = partsInUse(view, table, rel);
    for (const row of view.rows(table)) {
      const o = rowOutcome(view, table, row, rel, inUse);
      if (o.kind === 'blank_result' || o.kind === 'blank_parts') out.add(row.code);
      else if (o.kind === 'compare' && judge(o.result, o.sum, o.printed) === 'error') out.add(row.code);
    }
  }
  return out;
}

/**
 * The value of a cell for sums across rows: printed, or, where a relation's result cell is blank
 * and its parts are printed, the sum of the parts (the blank itself is reported by the row check;
 * counting it as zero would also break every total above it).
 */
export function cellValue(view: DocView, table: TableKey, row: RowView, column: string): Fen | null {
  const f = row.cells.get(column);
  if (f) return f.amount;
  const rel = rowRelations(view, table).find((r) => r.result === column);
  if (!rel) return null;
  let sum = 0;
  let any = false;
  for (const p of rel.parts) {
    const v = row.cells.has(p) ? row.cells.get(p)!.amount : cellValue(view, table, row, p);
    if (v !== null) {
      sum += v;
      any = true;
    }
  }
  return any ? sum : null;
}
