import type { TableKey } from '../keys';

/**
 * The columns of the coded tables (收入总表, 支出总表 and the 财政拨款 tables, keyed by 功能/经济
 * classification rows) and the funds columns of the label tables: key → Chinese name.
 */
export const COLUMNS = {
  amount: '金额', total: '合计', current_subtotal: '本年收入小计', fiscal: '财政拨款收入',
  special_account: '财政专户管理资金', unit_funds: '单位资金', business: '事业收入', operating: '经营收入',
  superior: '上级补助收入', subordinate: '附属单位上缴收入', other: '其他收入', carryover: '上年结转',
  basic: '基本支出', project: '项目支出', remit_superior: '上缴上级支出', subsidy_subordinate: '对附属单位补助支出',
  general: '一般公共预算', fund: '政府性基金预算', soe: '国有资本经营预算', personnel: '人员经费', public: '公用经费',
  reserve: '单位预留机动经费', carryforward: '结转下年资金', general_appropriation: '公共财政拨款（补助）资金',
  general_special_revenue: '专项收入', special_account_tuition: '专户管理教育收费', special_account_other: '其他非税收入',
  other_funds: '其他资金', debt: '债务资金', carryover_used: '其中：动用上年结转和结余资金',
  fiscal_carryover: '财政拨款结转', other_carryover: '非财政拨款结转结余',
  // Beside this year's figure (ingest/tables/periods.ts): last year's, and the change from it.
  prior_year: '上年数', change: '增减额',
} as const;

export type ColumnKey = keyof typeof COLUMNS;

/**
 * The parts of an expense row's 合计 (reserve: Jiangsu's 单位预留机动经费). 人员经费 and 公用经费 are
 * 基本支出's parts, not 合计's. The audit checks rows by it; the importer places columns by it.
 */
export const EXPENSE_TOTAL_PARTS: readonly string[] = ['basic', 'project', 'reserve', 'operating', 'remit_superior', 'subsidy_subordinate'];

/** In the expense tables, `operating` is spending (经营支出), not income. */
export const EXPENSE_TABLES: readonly TableKey[] = ['expense', 'general_expense', 'fund_expense', 'soe_expense'];
export const EXPENSE_COLUMNS = {
  operating: '经营支出',
  // The 决算's 政府性基金 / 国有资本经营 收入支出决算表 (ingest/tables/columns.ts).
  carryover: '年初结转和结余', income: '本年收入',
} as const;
