/**
 * The vocabulary of ../shared/FORMAT.md. Keys are English, but each keeps its Chinese name here so
 * the glossary and the UI come from one place.
 */
export const TABLE_KEYS = [
  'summary', 'income', 'expense', 'fiscal_summary', 'general_expense', 'basic_expense',
  'fund_expense', 'soe_expense', 'three_public', 'procurement', 'assets', 'facts',
  // Tables with no national counterpart (FORMAT.md, Jiangsu's twelve-table template): never mapped
  // onto the national keys above, so that 横比 compares like with like.
  'fiscal_expense', 'fiscal_basic_expense', 'operating_cost',
  // 一般公共预算支出 by 经济分类, 基本 and 项目 together (Fujian's 「一般公共预算支出经济分类情况表」, 西安's
  // 「一般公共预算支出明细表（按支出经济分类科目）」), printed beside the 基本支出表: not that table.
  'general_economic',
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/** The nine standard tables every disclosure should publish (completeness check, 同比 rows). */
export const STANDARD_TABLES: readonly TableKey[] = [
  'summary', 'income', 'expense', 'fiscal_summary', 'general_expense', 'basic_expense',
  'fund_expense', 'soe_expense', 'three_public',
];

/**
 * The standard tables a document with these tables should publish. The twelve-table template
 * (Jiangsu: 财政拨款 tables by function and economic class, 机关运行经费) has no 国有资本经营预算
 * table of its own: any of its own tables marks it.
 */
export function expectedStandardTables(present: ReadonlySet<TableKey> | ((t: TableKey) => boolean)): readonly TableKey[] {
  const has = typeof present === 'function' ? present : (t: TableKey) => present.has(t);
  const twelve = (['fiscal_expense', 'fiscal_basic_expense', 'operating_cost'] as const).some(has);
  return twelve ? STANDARD_TABLES.filter((t) => t !== 'soe_expense') : STANDARD_TABLES;
}

export const TABLE_NAMES: Record<TableKey, string> = {
  summary: '收支总表',
  income: '收入总表',
  expense: '支出总表',
  fiscal_summary: '财政拨款收支总表',
  general_expense: '一般公共预算财政拨款支出表',
  basic_expense: '一般公共预算财政拨款基本支出表',
  fund_expense: '政府性基金预算财政拨款支出表',
  soe_expense: '国有资本经营预算财政拨款支出表',
  three_public: '财政拨款“三公”经费支出表',
  procurement: '政府采购预算表',
  assets: '固定资产占用情况表',
  facts: '情况说明',
  fiscal_expense: '财政拨款支出表（功能科目）',
  fiscal_basic_expense: '财政拨款基本支出表（经济科目）',
  operating_cost: '机关运行经费支出表',
  general_economic: '一般公共预算支出表（经济分类）',
};

export type Scope = 'department' | 'unit';
export type Stage = 'budget' | 'final';

export const SCOPE_NAMES: Record<Scope, string> = { department: '部门', unit: '单位' };
export const STAGE_NAMES: Record<Stage, string> = { budget: '预算', final: '决算' };

/** 功能分类 类 codes and names, as FORMAT.md lists them (expense.<code> rows of the summary). */
export const FUNCTION_CLASSES: Record<string, string> = {
  '201': '一般公共服务支出', '202': '外交支出', '203': '国防支出', '204': '公共安全支出',
  '205': '教育支出', '206': '科学技术支出', '207': '文化旅游体育与传媒支出',
  '208': '社会保障和就业支出', '209': '社会保险基金支出', '210': '卫生健康支出',
  '211': '节能环保支出', '212': '城乡社区支出', '213': '农林水支出', '214': '交通运输支出',
  '215': '资源勘探工业信息等支出', '216': '商业服务业等支出', '217': '金融支出',
  '219': '援助其他地区支出', '220': '自然资源海洋气象等支出', '221': '住房保障支出',
  '222': '粮油物资储备支出', '223': '国有资本经营预算支出', '224': '灾害防治及应急管理支出',
  '227': '预备费', '229': '其他支出', '230': '转移性支出', '231': '债务还本支出',
  '232': '债务付息支出', '233': '债务发行费用支出', '234': '抗疫特别国债安排的支出',
};
