import { ECONOMIC_CLASSES } from '../../model/classification';
import { FUNCTION_CLASSES } from '../../model/keys';
import { compact, stripEnumeration } from '../normalize';
import type { AssetRow } from '../../model/tables/assets';
import type { ThreePublicItem } from '../../model/tables/threePublic';

/**
 * Row labels → FORMAT row keys for the tables whose rows are named, not coded. Labels are matched
 * on their words, not exactly: the seeds print 「六、事业部门经营收入」 for 事业单位经营收入 and
 * 「上年结转结余」 where others print 「年初财政拨款结转和结余」.
 */

export function labelText(cell: string): string {
  return compact(stripEnumeration(cell.trim())).replace(/^其中[:：]/, '');
}

/**
 * A label function remembered by its cell's text. The same few hundred labels come back in every
 * table of every document, and each costs a trim, five enumeration patterns and up to fifteen
 * label patterns (issue 17: the 收支总表's labels were a sixth of parsing). Bounded, so a hostile
 * file of distinct labels cannot grow it without end.
 */
function remembered<T>(fn: (cell: string) => T): (cell: string) => T {
  const memo = new Map<string, T>();
  return (cell) => {
    const hit = memo.get(cell);
    if (hit !== undefined || memo.has(cell)) return hit as T;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const out = fn(cell);
    memo.set(cell, out);
    return out;
  };
}

const MEMO_LIMIT = 20_000;

const INCOME_LABELS: [RegExp, string][] = [
  // 「一、本年收入」 heading its sources (the national 财政拨款收支总体情况表) is their 合计 too.
  [/本年收入合计|^收入合计$|^(?:本年|当年)收入(?:小计)?$/, 'income.current_total'],
  [/收入总计|^总计$/, 'income.grand_total'],
  // 决算: 使用非财政拨款结余 (older: 用事业基金弥补收支差额), outside 本年收入.
  [/使用非财政拨款结余|弥补收支差额/, 'income.surplus_used'],
  // 「其中：财政拨款结转」「非财政拨款结转」 beneath 「上年结转」 are its parts (ingest/tables/summary.ts).
  [/上年.*结转|年初.*结转|结转和?结余|^非?财政拨款结转/, 'income.carryover'],
  [/^财政拨款(?:收入)?$/, 'income.fiscal'],
  [/一般公共预算/, 'income.general'],
  [/政府性基金/, 'income.fund'],
  [/国有资本经营/, 'income.soe'],
  [/财政专户|纳入专户|^专户(?:管理)?资金/, 'income.special_account'],
  [/^(?:单位|部门)资金/, 'income.unit_funds'],
  [/^事业收入/, 'income.business'],
  [/经营收入/, 'income.operating'],
  [/上级补助/, 'income.superior'],
  [/上缴收入/, 'income.subordinate'],
  [/^其他收入/, 'income.other'],
  // Jiangsu: 三、其他资金 (事业收入, 经营收入 and the rest, as one line).
  [/^其他资金$/, 'income.other_funds'],
  // Jiangsu's 收入总表 column 债务资金, as a 收支总表 row (ours).
  [/^债务(?:资金|收入)$/, 'income.debt'],
];

export const incomeLabel = remembered(function incomeLabel(cell: string): string | null {
  const t = labelText(cell);
  if (!t) return null;
  for (const [re, key] of INCOME_LABELS) if (re.test(t)) return key;
  return null;
});

/** Older and regional names of the 功能分类 类, beside the current ones in FUNCTION_CLASSES. */
const CLASS_ALIASES: Record<string, string> = {
  文化体育与传媒支出: '207', 医疗卫生与计划生育支出: '210', 医疗卫生支出: '210',
  城乡社区事务支出: '212', 资源勘探信息等支出: '215', 资源勘探电力信息等支出: '215',
  国土海洋气象等支出: '220', 自然资源海洋气象支出: '220', 粮油物资储备事务支出: '222',
  灾害防治和应急管理支出: '224',
  // Short names (西安's 收支总表: 「7、文化旅游」「19、自然资源」「23、灾害防治及应急」).
  文化旅游: '207', 自然资源: '220', 灾害防治及应急: '224',
};

const CLASS_BY_NAME = new Map<string, string>();
for (const [code, name] of Object.entries(FUNCTION_CLASSES)) {
  CLASS_BY_NAME.set(compact(name), code);
  CLASS_BY_NAME.set(compact(name).replace(/支出$/, ''), code);
}
for (const [name, code] of Object.entries(CLASS_ALIASES)) {
  CLASS_BY_NAME.set(name, code);
  CLASS_BY_NAME.set(name.replace(/支出$/, ''), code);
}

const EXPENSE_LABELS: [RegExp, string][] = [
  [/本年支出合计|^支出合计$|^(?:本年|当年)支出(?:小计)?$/, 'expense.current_total'],
  [/支出总计|^总计$/, 'expense.grand_total'],
  [/年终结转|年末.*结转|结转和?结余|结转下年/, 'expense.carryforward'],
  [/^结余分配$/, 'expense.surplus_distribution'],
  // Jiangsu's 支出 by purpose, beside the one by function.
  [/^基本支出$/, 'expense.basic'],
  [/^项目支出$/, 'expense.project'],
  // 西安's 部门综合预算: its 基本支出 as 人员经费和公用经费, its 项目支出 as 专项业务经费 (columnSpecs.ts).
  [/^人员经费和公用经费(?:支出)?$/, 'expense.basic'],
  [/^专项业务经费(?:支出)?$/, 'expense.project'],
  [/预留机动/, 'expense.reserve'],
  // The rest of a 事业单位's spending by purpose, beside 基本支出 and 项目支出 (ours, as the 支出总表's columns).
  [/^(?:事业单位)?经营支出$/, 'expense.operating'],
  [/^上缴上级支出$/, 'expense.remit_superior'],
  [/^对附属单位补助支出$/, 'expense.subsidy_subordinate'],
];

export const expenseLabel = remembered(function expenseLabel(cell: string): string | null {
  const t = labelText(cell);
  if (!t) return null;
  for (const [re, key] of EXPENSE_LABELS) if (re.test(t)) return key;
  // A 收支总表 whose expense side is by 经济分类 (一、工资福利支出 …): expense.301 (ours; no function
  // code starts with 3 or 5). 「其他支出」 is the 功能分类's 229 here; summary.ts decides by its table.
  const code = classByName(t) ?? codedClass(t) ?? ECONOMIC_BY_NAME.get(economicForm(t)) ?? classAfterNumeral(t);
  return code ? `expense.${code}` : null;
});

/**
 * A 类 named after its numeral without the 、 (「二社会保障和就业支出」, 「一一般公共服务支出」: OCR loses
 * the 、, a spaced printout 「一 一般公共服务支出」). Only when what follows the numeral is a 类's whole
 * name: 一般公共服务支出 itself starts with 一.
 */
function classAfterNumeral(t: string): string | undefined {
  for (let n = 1; n <= 3 && n < t.length && NUMERAL.includes(t.charAt(n - 1)); n++) {
    const code = classByName(t.slice(n)) ?? ECONOMIC_BY_NAME.get(t.slice(n));
    if (code) return code;
  }
  return undefined;
}

const NUMERAL = '一二三四五六七八九十';

/**
 * The 类 a row names without its code (「一般公共服务支出」; in an 经济分类 table 「工资福利支出」), for a
 * table printed by name: its 款 and 项 are not known by name alone (行政运行 stands under every 款).
 */
export function classCodeByName(name: string, economic: boolean): string | undefined {
  const t = labelText(name);
  return economic ? ECONOMIC_BY_NAME.get(t) : classByName(t);
}

/**
 * Names shared by the two 经济分类 lists (对个人和家庭的补助 is 303 and 509, 其他支出 399 and 599) go to
 * the 部门预算支出经济分类's (listed first), which most 基本支出表 print.
 */
const ECONOMIC_BY_NAME = new Map<string, string>();
for (const [code, n] of Object.entries(ECONOMIC_CLASSES)) if (!ECONOMIC_BY_NAME.has(compact(n))) ECONOMIC_BY_NAME.set(compact(n), code);

/**
 * A 经济分类 name as the lists print it: brackets full-width (「资本性支出(基本建设)」), one whose closing
 * bracket was cut with its cell closed (西安: 「(5)资本性支出（基本建设」), 「对个人和家庭补助」 with its 的.
 */
export function economicForm(name: string): string {
  const t = name.replace(/\(/g, '（').replace(/\)/g, '）').replace(/^对个人和家庭补助$/, '对个人和家庭的补助');
  return t.lastIndexOf('（') > t.lastIndexOf('）') ? `${t}）` : t;
}

function classByName(name: string): string | undefined {
  return CLASS_BY_NAME.get(name) ?? CLASS_BY_NAME.get(name.replace(/支出$/, ''));
}

/**
 * A 类 printed with its code (「201一般公共服务支出」「一般公共服务支出（201）」): the class, when the
 * code and the name say the same one. A code beside another class's name is no label (「201」 may be
 * the amount of the row before, touching this one's name).
 */
function codedClass(t: string): string | undefined {
  const m = /^(\d{3})(\D.*)$/.exec(t) ?? /^(\D.*?)[（(](\d{3})[)）]$/.exec(t);
  if (!m) return undefined;
  const [code, name] = /^\d/.test(m[1]) ? [m[1], m[2]] : [m[2], m[1]];
  return classByName(stripEnumeration(name)) === code ? code : undefined;
}

/**
 * Whether a cell is a label of the 收支总表 (an income or an expense label): one remembered answer,
 * where asking both took two lookups for every expense label (readPairs asks for each label piece).
 */
export const isSummaryLabel = remembered(function isSummaryLabel(cell: string): boolean {
  return incomeLabel(cell) !== null || expenseLabel(cell) !== null;
});

/** Rows of the 三公 table. 「其中：」 parts come before their parent so the longer name wins. */
const THREE_PUBLIC_LABELS: [RegExp, ThreePublicItem][] = [
  // And Beijing's 「“三公”经费财政拨款预算总额」.
  [/^(?:合计|总计)$|^[“"]?三公[”"]?经费(?:财政拨款)?(?:支出)?(?:预算|决算)?(?:合计|总计|总额)?$/, 'total'],
  [/小计/, 'subtotal'],
  [/教学科研/, 'overseas_academic'],
  [/其他因公出国/, 'overseas_other'],
  // 因公出国（境）费, 因公出境费, 出国（境）费.
  [/因公出[国境]|^出国[（(]境[)）]/, 'overseas'],
  // 公务用车, and the shorter 公务车, 公车, 车辆 some counties print.
  [/(?:公务用?车|公车|车辆)购置(?:及|和)运/, 'vehicle'],
  [/(?:公务用?车|公车|车辆)购置/, 'vehicle_purchase'],
  [/(?:公务用?车|公车|车辆)运/, 'vehicle_operation'],
  [/公务用?车|^公车/, 'vehicle'],
  // 公务接待费's parts: 国内接待费, 国（境）外接待费 (外宾接待费, 外事接待费).
  [/国内(?:公务)?接待/, 'reception_domestic'],
  [/国[（(]境[)）]外(?:公务)?接待|境外(?:公务)?接待|外宾接待|外事接待/, 'reception_foreign'],
  [/公务接待|^接待费/, 'reception'],
  [/机关运行经费/, 'operating_cost'],
  [/会议费/, 'meeting'],
  [/培训费/, 'training'],
];

/** A 三公 row or column of counts (团组数, 人次, 批次, 保有量, 购置数; 「（辆）」「（个）」「（人）」 after the name), not money. */
export function isCountLabel(cell: string): boolean {
  return COUNT.test(compact(cell));
}
const COUNT = /[（(](?:个|人|辆|人次|批次|次|台|团|组|个数)[)）]$|团组数|人次数?$|批次$|保有量|购置数(?:量)?(?:[（(]|$)|接待(?:批次|人次|人数)/;

export const threePublicLabel = remembered(function threePublicLabel(cell: string): ThreePublicItem | null {
  const t = labelText(cell);
  if (!t) return null;
  for (const [re, key] of THREE_PUBLIC_LABELS) if (re.test(t)) return key;
  return null;
});

const ASSET_LABELS: [RegExp, AssetRow][] = [
  [/资产总额|^合计$|^总计$/, 'total'],
  [/办公用房/, 'office_space'],
  [/房屋/, 'buildings'],
  [/车辆/, 'vehicles'],
  [/单价.*以上|大型设备/, 'major_equipment'],
  [/其他固定资产/, 'other'],
];

export const assetLabel = remembered(function assetLabel(cell: string): string | null {
  const t = labelText(cell.replace(/^\d[，,]/, ''));
  if (!t) return null;
  for (const [re, key] of ASSET_LABELS) if (re.test(t)) return key;
  return null;
});
