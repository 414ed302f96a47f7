/**
 * The columns of a classified table and the words that head them: plain data, apart from the
 * readers (columns.ts), so that what names the keys (profiles/vocabulary.ts, which the database
 * worker loads at start) does not bring the readers with it.
 */

/** A column of a classified table: its FORMAT key and how its header is printed. */
export interface ColumnSpec {
  key: string;
  header: RegExp;
}

/**
 * 决算 tables head their total column 「本年支出合计」「本年收入合计」 instead of 合计; the
 * 基本支出决算表 has one amount column, 「决算数」.
 */
const TOTAL: ColumnSpec = { key: 'total', header: /^(?:合计|总计|(?:本年)?(?:支出|收入)(?:合计|总计)|决算数)$/ };

/**
 * The three budgets' appropriations. The national 收入预算表 since 2020 names them (FORMAT.md's keys of
 * Jiangsu's 收入预算总表; soe ours, as fiscal_summary's), some as the 财政拨款收支总表 does
 * (「一般公共预算财政拨款」): one head, not 一般公共预算 and 财政拨款 run together. Under 财政拨款收入,
 * 「其中：一般公共预算」: a part of it, and a column of its own. A 财政拨款支出表 may split each row's
 * 合计 by them too, where others split it into 基本支出 and 项目支出.
 */
const FUNDS: ColumnSpec[] = [
  { key: 'general', header: /^(?:其中[:：])?一般公共预算(?:财政)?(?:拨款)?(?:收入|资金)?$/ },
  { key: 'fund', header: /^(?:其中[:：])?政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:收入|资金)?$/ },
  { key: 'soe', header: /^(?:其中[:：])?国有资本经营(?:预算)?(?:财政)?(?:拨款)?(?:收入|资金)?$/ },
];

/** Columns in the order the national template prints them; the order is what data cells follow. */
export const EXPENSE_COLUMNS: ColumnSpec[] = [
  // The 决算 政府性基金 / 国有资本经营 收入支出决算表: 年初结转和结余 | 本年收入 | 本年支出 (小计 | 基本支出 |
  // 项目支出) | 年末结转和结余. Our keys; 本年支出 heads the 小计 that is the row's total.
  { key: 'carryover', header: /^(?:年初(?:财政拨款)?结转(?:和|及)?结余|上年结转(?:结余)?)$/ },
  { key: 'income', header: /^本年收入$/ },
  { key: 'total', header: /^(?:合计|总计|(?:本年)?(?:支出|收入)(?:合计|总计)|决算数|本年支出)$/ },
  ...FUNDS,
  // 「基本支出小计」: 基本支出 printed with its 小计 in one head, over nothing or beside its parts.
  { key: 'basic', header: /^基本支出(?:小计)?$/ },
  // 基本支出 printed over 小计 | 人员经费 | 公用经费 (the national 一般公共预算支出表): our keys, as the
  // 基本支出表's (ingest/README.md). Its 小计 is the basic column, under 基本支出's own head.
  { key: 'personnel', header: /^人员(?:经费)?支出$|^人员经费$/ },
  { key: 'public', header: /^(?:日常)?公用(?:经费)?支出$|^(?:日常)?公用经费$/ },
  // 西安's 部门综合预算 calls its 项目支出 专项业务经费.
  { key: 'project', header: /^项目支出$|^专项业务经费(?:支出)?$/ },
  { key: 'operating', header: /经营支出$/ },
  { key: 'remit_superior', header: /^上[解缴]上级支出$/ },
  { key: 'subsidy_subordinate', header: /^对附属(?:单位|部门)补助支出$/ },
  // Jiangsu's one-row 支出预算总表.
  { key: 'reserve', header: /预留机动经费$/ },
  { key: 'carryforward', header: /^(?:结转下年(?:资金)?|年末(?:财政拨款)?结转(?:和|及)?结余)$/ },
];

export const INCOME_COLUMNS: ColumnSpec[] = [
  TOTAL,
  { key: 'current_subtotal', header: /^小计$/ },
  // 财政拨款（补助）: the older 事业单位 wording.
  { key: 'fiscal', header: /^财政拨款(?:收入)?(?:[（(]补助[)）])?$/ },
  ...FUNDS,
  { key: 'special_account', header: /^财政专户(?:管理资金)?(?:收入)?$|^纳入(?:财政)?专户管理的非税收入$/ },
  { key: 'unit_funds', header: /^(?:单位|部门)资金(?:收入)?$/ },
  { key: 'business', header: /^事业收入$/ },
  { key: 'operating', header: /经营收入$/ },
  { key: 'superior', header: /^上级补助收入$/ },
  { key: 'subordinate', header: /^附属(?:单位|部门)上缴收入$/ },
  { key: 'other', header: /^其他收入$/ },
  // 「上年结余、结转」 (深圳).
  { key: 'carryover', header: /^上年(?:财政拨款)?(?:结转(?:结余|和结余)?|结余[、和及]?结转)$|^年初结转和结余$/ },
];

/**
 * A 决算 table may print the year's budget beside the 决算数: 年初预算数 (the budget as passed) and
 * 全年预算数 / 调整预算数 (after the year's adjustments); a bare 预算数 is the 年初 one (the narrative's
 * 「年初预算为…」 names the same figure). The 决算数 stays `total` (FORMAT.md); these are our keys
 * (ingest/README.md). Templates print them before the 决算数, so they lead the template order.
 */
export const BUDGET_COLUMNS: ColumnSpec[] = [
  { key: 'initial_budget', header: /^(?:年初)?预算数?$/ },
  { key: 'full_year_budget', header: /^(?:全年|调整(?:后)?)预算数?$/ },
];

/** Whether a column key is one of the budget columns a 决算 prints beside its 决算数. */
export const isBudgetColumn = (key: string) => key === 'initial_budget' || key === 'full_year_budget';

export const BASIC_COLUMNS: ColumnSpec[] = [
  TOTAL,
  // 「人员类」: 基本支出 as the 项目库 reform names its 人员类项目 (长沙: 总计 | 人员类 | 公用经费).
  { key: 'personnel', header: /^人员(?:经费)?支出(?:合计)?$|^人员经费(?:合计)?$|^人员类(?:项目)?(?:支出)?$/ },
  { key: 'public', header: /^(?:日常)?公用(?:经费)?支出(?:合计)?$|^(?:日常)?公用经费(?:合计)?$/ },
];
