import { FACT_NAMES, FUNCTION_CLASSES, TABLE_NAMES, type TableKey } from './keys';

/**
 * Chinese names of the FORMAT.md row and column keys, for everything a person reads (the document
 * view, the source panel, the Excel export). Keys are for machines; a reader sees 财政拨款收入, not
 * `income.fiscal`. Names follow FORMAT.md and the importer's own keys (src/lib/ingest/README.md).
 */

const COLUMN_NAMES: Record<string, string> = {
  amount: '金额', total: '合计', current_subtotal: '本年收入小计', fiscal: '财政拨款收入',
  special_account: '财政专户管理资金', unit_funds: '单位资金', business: '事业收入', operating: '经营收入',
  superior: '上级补助收入', subordinate: '附属单位上缴收入', other: '其他收入', carryover: '上年结转',
  basic: '基本支出', project: '项目支出', remit_superior: '上缴上级支出', subsidy_subordinate: '对附属单位补助支出',
  general: '一般公共预算', fund: '政府性基金预算', soe: '国有资本经营预算', personnel: '人员经费', public: '公用经费',
  reserve: '单位预留机动经费', carryforward: '结转下年资金', general_appropriation: '公共财政拨款（补助）资金',
  general_special_revenue: '专项收入', special_account_tuition: '专户管理教育收费', special_account_other: '其他非税收入',
  other_funds: '其他资金', debt: '债务资金', carryover_used: '其中：动用上年结转和结余资金',
  fiscal_carryover: '财政拨款结转', other_carryover: '非财政拨款结转结余',
};

/** Where a key means something else in one kind of table. */
const TABLE_COLUMN_NAMES: Partial<Record<TableKey, Record<string, string>>> = {
  expense: { operating: '经营支出' },
  general_expense: { operating: '经营支出' },
  fund_expense: { operating: '经营支出' },
  soe_expense: { operating: '经营支出' },
  summary: { personnel: '人员经费', public: '公用经费', project: '项目支出' },
  assets: { total: '价值' },
};

const ROW_NAMES: Record<string, string> = {
  total: '合计',
  'income.general': '一般公共预算拨款收入', 'income.fiscal': '财政拨款收入', 'income.fund': '政府性基金预算拨款收入',
  'income.soe': '国有资本经营预算拨款收入', 'income.special_account': '财政专户管理资金', 'income.unit_funds': '单位资金',
  'income.business': '事业收入', 'income.operating': '事业单位经营收入', 'income.superior': '上级补助收入',
  'income.subordinate': '附属单位上缴收入', 'income.other': '其他收入', 'income.other_funds': '其他资金',
  'income.current_total': '本年收入合计', 'income.carryover': '上年结转结余', 'income.grand_total': '收入总计',
  'income.carryover.general': '一般公共预算拨款（结转）', 'income.carryover.fund': '政府性基金预算拨款（结转）',
  'income.carryover.soe': '国有资本经营预算拨款（结转）',
  'expense.basic': '基本支出', 'expense.project': '项目支出', 'expense.reserve': '单位预留机动经费',
  'expense.current_total': '本年支出合计', 'expense.carryforward': '年终结转结余', 'expense.grand_total': '支出总计',
  subtotal: '“三公”经费小计', overseas: '因公出国（境）费', overseas_academic: '其中：教学科研人员因公出国（境）费',
  overseas_other: '其他因公出国（境）费', vehicle: '公务用车购置及运行维护费', vehicle_purchase: '公务用车购置费',
  vehicle_operation: '公务用车运行维护费', reception: '公务接待费', operating_cost: '机关运行经费', meeting: '会议费',
  training: '培训费', total_with_meeting_training: '合计（含会议费、培训费）',
  buildings: '房屋', office_space: '其中：办公用房', vehicles: '车辆', major_equipment: '单价在20万元以上的设备', other: '其他',
  basic_change: '基本支出比上年增减', project_change: '项目支出比上年增减',
  three_public_overseas: '因公出国（境）费', three_public_vehicle: '公务用车购置及运行维护费',
  three_public_vehicle_purchase: '公务用车购置费', three_public_vehicle_operation: '公务用车运行维护费',
  three_public_reception: '公务接待费',
};

export function tableName(table: string): string {
  return TABLE_NAMES[table as TableKey] ?? table;
}

/** A column key's Chinese name in its table; an unknown key (a future layout) is shown as it is. */
export function columnName(table: string, column: string): string {
  return TABLE_COLUMN_NAMES[table as TableKey]?.[column] ?? COLUMN_NAMES[column] ?? column;
}

/** A row key's Chinese name, for when no printed label is at hand. */
export function rowKeyName(table: string, rowCode: string): string {
  if (table === 'facts' && FACT_NAMES[rowCode]) return FACT_NAMES[rowCode];
  const cls = /^expense\.(\d{3})$/.exec(rowCode);
  if (cls && FUNCTION_CLASSES[cls[1]]) return FUNCTION_CLASSES[cls[1]];
  return ROW_NAMES[rowCode] ?? rowCode;
}

/** The row as a reader names it: the label as printed, else the key's Chinese name. */
export function rowName(table: string, rowCode: string, printed: string): string {
  const p = printed.trim();
  return p && p !== rowCode ? p : rowKeyName(table, rowCode);
}

/**
 * The classification code of a row (201, 2010301), also of a 收支总表 row keyed by its 类
 * (expense.201 → 201); row keys that are not codes show none.
 */
export function printedCode(rowCode: string): string {
  return /^(?:expense\.)?(\d+)$/.exec(rowCode)?.[1] ?? '';
}
