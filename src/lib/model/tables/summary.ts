/**
 * The label tables (收支总表 summary, 财政拨款收支总表 fiscal_summary): rows keyed `income.*` and
 * `expense.*`, with their Chinese names. A 类 of the expense side is `expense.<code>` (expense.201),
 * named by model/keys.ts FUNCTION_CLASSES.
 */
export const SUMMARY_ROWS = {
  'income.general': '一般公共预算拨款收入', 'income.fiscal': '财政拨款收入', 'income.fund': '政府性基金预算拨款收入',
  'income.soe': '国有资本经营预算拨款收入', 'income.special_account': '财政专户管理资金', 'income.unit_funds': '单位资金',
  'income.business': '事业收入', 'income.operating': '事业单位经营收入', 'income.superior': '上级补助收入',
  'income.subordinate': '附属单位上缴收入', 'income.other': '其他收入', 'income.other_funds': '其他资金',
  'income.debt': '债务资金',
  'income.current_total': '本年收入合计', 'income.carryover': '上年结转结余', 'income.grand_total': '收入总计',
  'income.carryover.general': '一般公共预算拨款（结转）', 'income.carryover.fund': '政府性基金预算拨款（结转）',
  'income.carryover.soe': '国有资本经营预算拨款（结转）',
  // The carryover's parts where both are printed as rows (ours; FORMAT names neither).
  'income.carryover.fiscal': '上年财政拨款结转', 'income.carryover.other': '上年非财政拨款结转',
  'expense.basic': '基本支出', 'expense.project': '项目支出', 'expense.reserve': '单位预留机动经费',
  'expense.current_total': '本年支出合计', 'expense.carryforward': '年终结转结余', 'expense.grand_total': '支出总计',
  // The national 决算's 收入支出决算总表 (ours; FORMAT names neither): 收入总计 = 本年收入合计 + 使用非财政
  // 拨款结余 + 年初结转和结余; 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
  'income.surplus_used': '使用非财政拨款结余', 'expense.surplus_distribution': '结余分配',
  // A 事业单位's spending by purpose beyond 基本 and 项目 (ours, named as the 支出总表's columns).
  'expense.operating': '事业单位经营支出', 'expense.remit_superior': '上缴上级支出', 'expense.subsidy_subordinate': '对附属单位补助支出',
} as const;

export type SummaryRow = keyof typeof SUMMARY_ROWS;

/** The carryover's parts, where a 收支总表 prints both as rows of their own (ingest/tables/summary.ts). */
export const CARRYOVER_PARTS = ['income.carryover.fiscal', 'income.carryover.other'] as const satisfies readonly SummaryRow[];

/** Columns of the summary that name a kind of spending rather than a fund. */
export const SUMMARY_COLUMNS = { personnel: '人员经费', public: '公用经费', project: '项目支出' } as const;
