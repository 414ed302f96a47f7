/**
 * 政府收支分类科目 (the national classification of budget codes), as data for the importer and the
 * audit: names of 功能分类 类/款/项 and 经济分类 类/款 by code.
 *
 * Source: no public machine-readable list of the national classification was found (searched public
 * code, documentation and web pages for a list of 类/款/项 codes and names), so this list is BUILT FROM
 * EVERY DOCUMENT IN THE PROJECT'S CORPORA: every coded row of the five Hebei seed disclosures
 * (2021–2024), the six Shanghai 普陀区 PDFs (2024–2025) and the six Jiangsu provincial documents
 * (2017–2019), code and name as printed in their tables, the seeds' 「部门」-for-「单位」 typos removed.
 * Where a code was printed with two names (a national renaming), both are kept, newest first.
 * It is therefore partial below the 类 level: the 类 lists (FUNCTION_CLASSES, ECONOMIC_CLASSES) are
 * complete, a 款/项 missing here may still be national. The audit flags a code outside the
 * classification only where the list is complete (its 类), and uses the names to match a narrative
 * item to its code and to tell a renaming from a wrong name.
 */
import { ECONOMIC_CODES } from './economicCodes';
import { FUNCTION_CLASSES } from './keys';

export const FUNCTION_CODES: Record<string, readonly string[]> = {
  '201': ['一般公共服务支出'],
  '20103': ['政府办公厅（室）及相关机构事务'],
  '2010301': ['行政运行'],
  '2010302': ['一般行政管理事务'],
  '2010308': ['信访事务'],
  '2010350': ['事业运行'],
  '2010399': ['其他政府办公厅（室）及相关机构事务支出'],
  '20106': ['财政事务'],
  '2010601': ['行政运行'],
  '2010602': ['一般行政管理事务'],
  '2010607': ['信息化建设'],
  '2010608': ['财政委托业务支出'],
  '20113': ['商贸事务'],
  '2011301': ['行政运行'],
  '2011302': ['一般行政管理事务'],
  '2011350': ['事业运行'],
  '2011399': ['其他商贸事务支出'],
  '20131': ['党委办公厅（室）及相关机构事务'],
  '2013101': ['行政运行'],
  '2013102': ['一般行政管理事务'],
  '20132': ['组织事务'],
  '2013201': ['行政运行'],
  '2013202': ['一般行政管理事务'],
  '2013299': ['其他组织事务支出'],
  '20140': ['信访事务'],
  '2014001': ['行政运行'],
  '2014004': ['信访业务'],
  '2014099': ['其他信访事务支出'],
  '204': ['公共安全支出'],
  '20405': ['法院'],
  '2040501': ['行政运行'],
  '2040502': ['一般行政管理事务'],
  '2040503': ['机关服务'],
  '2040504': ['案件审判'],
  '2040505': ['案件执行'],
  '2040599': ['其他法院支出'],
  '20406': ['司法'],
  '2040610': ['社区矫正'],
  '206': ['科学技术支出'],
  '20605': ['科技条件与服务'],
  '2060503': ['科技条件专项'],
  '208': ['社会保障和就业支出'],
  '20801': ['人力资源和社会保障管理事务'],
  '2080101': ['死亡抚恤'],
  '2080104': ['综合业务管理'],
  '2080105': ['劳动保障监察'],
  '2080107': ['社会保险业务管理事务'],
  '2080199': ['其他人力资源和社会保障管理事务支出'],
  '20805': ['行政事业单位养老支出', '行政事业单位离退休'],
  '2080501': ['行政单位离退休'],
  '2080502': ['事业单位离退休'],
  '2080504': ['未归口管理的行政单位离退休'],
  '2080505': ['机关事业单位基本养老保险缴费支出'],
  '2080506': ['机关事业单位职业年金缴费支出'],
  '2080507': ['对机关事业单位基本养老保险基金的补助'],
  '2080599': ['其他行政事业单位养老支出'],
  '20807': ['就业补助'],
  '2080701': ['就业创业服务补贴'],
  '2080702': ['职业培训补贴'],
  '2080704': ['社会保险补贴'],
  '2080705': ['公益性岗位补贴'],
  '2080711': ['就业见习补贴'],
  '2080713': ['促进创业补贴'],
  '2080799': ['其他就业补助支出'],
  '20808': ['抚恤'],
  '20826': ['财政对基本养老保险基金的补助'],
  '2082602': ['财政对基本养老保险基金的补助'],
  '20830': ['财政代缴城乡居民养老保险费支出'],
  '2083001': ['财政代缴社会保险费支出'],
  '210': ['卫生健康支出'],
  '21004': ['公共卫生'],
  '2100410': ['突发公共卫生事件应急处理'],
  '21011': ['行政事业单位医疗'],
  '2101101': ['行政单位医疗'],
  '2101102': ['事业单位医疗'],
  '2101103': ['公务员医疗补助'],
  '21012': ['财政对基本医疗保险基金的补助'],
  '2101202': ['财政对城乡居民医疗保险基金的补助'],
  '21013': ['医疗救助'],
  '2101301': ['城乡医疗救助'],
  '213': ['农林水支出'],
  '21301': ['农业农村'],
  '2130152': ['对高校毕业生到基层任职补助'],
  '21307': ['农村综合改革'],
  '2130705': ['对村民委员会和村党支部的补助'],
  '215': ['资源勘探工业信息等支出'],
  '21508': ['支持中小企业发展和管理支出'],
  '2150899': ['其他支持中小企业发展和管理支出'],
  '216': ['商业服务业等支出'],
  '21699': ['其他商业服务业等支出'],
  '2169999': ['其他商业服务业等支出'],
  '221': ['住房保障支出'],
  '22102': ['住房改革支出'],
  '2210201': ['住房公积金'],
  '2210202': ['提租补贴'],
  '2210203': ['购房补贴'],
  '224': ['灾害防治及应急管理支出'],
  '22401': ['应急管理事务'],
  '2240106': ['安全监管'],
};


/**
 * 经济分类 类: the 部门预算支出经济分类 (301–399, what most 基本支出表 print) and the 政府预算支出经济分类
 * (501–599, since 2018; some provinces print their 基本支出表 by it, or by both).
 */
export const ECONOMIC_CLASSES: Record<string, string> = {
  '301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助', '307': '债务利息及费用支出',
  '309': '资本性支出（基本建设）', '310': '资本性支出', '311': '对企业补助（基本建设）', '312': '对企业补助',
  '313': '对社会保障基金补助', '399': '其他支出',
  '501': '机关工资福利支出', '502': '机关商品和服务支出', '503': '机关资本性支出（一）', '504': '机关资本性支出（二）',
  '505': '对事业单位经常性补助', '506': '对事业单位资本性补助', '507': '对企业补助', '508': '对企业资本性支出',
  '509': '对个人和家庭的补助', '510': '对社会保障基金补助', '511': '债务利息及费用支出', '512': '债务还本支出',
  '513': '转移性支出', '514': '预备费及预留', '599': '其他支出',
};

/**
 * 人员经费 and 公用经费 as the 经济分类 类 rows of 基本支出 they are made of (工资福利支出 and 对个人和家庭的
 * 补助; 商品和服务支出 and 资本性支出): what the narratives say they include, and what every corpus
 * document that prints both shows (test/unit/compare/economicMetrics.test.ts). Where the 基本支出表
 * prints no 人员经费/公用经费 column (Jiangsu), 同比 and 横比 read them from these rows
 * (compare/metrics.ts) and the audit checks the narrative's against them (audit/narrative.ts).
 */
export const BASIC_PARTS = { personnel: ['301', '303'], public: ['302', '310'] } as const satisfies Record<string, readonly string[]>;

/**
 * National renamings of 功能分类 names (the old name, then the new one): a document of a year before
 * the renaming prints the old name, and so may its narrative. Not a wrong name, but worth a note when
 * the narrative and the tables of one document use different ones.
 */
export const RENAMINGS: readonly [code: string, oldName: string, newName: string][] = [
  ['207', '文化体育与传媒支出', '文化旅游体育与传媒支出'],
  ['210', '医疗卫生与计划生育支出', '卫生健康支出'],
  ['215', '资源勘探信息等支出', '资源勘探工业信息等支出'],
  ['220', '国土海洋气象等支出', '自然资源海洋气象等支出'],
  ['20805', '行政事业单位离退休', '行政事业单位养老支出'],
];

const normalized = new Map<string, string>();

/** A name as compared: no spaces, half-width brackets, 其它 → 其他, no trailing 支出 (「…缴费（项）」). */
export function normalizeName(name: string): string {
  let out = normalized.get(name);
  if (out === undefined) {
    out = name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/其它/g, '其他').replace(/[“”"']/g, '').replace(/支出$/, '');
    // Names are a small vocabulary; the cache is only cleared if a strange input makes it grow.
    if (normalized.size > 20_000) normalized.clear();
    normalized.set(name, out);
  }
  return out;
}

/**
 * The 经济分类 款 (five digits) a printed name is, where a table prints names without codes (a
 * 机关运行经费表 of 「办公费」「印刷费」…): the one code of that name, or of that name under `classAbove`
 * (the 类 printed above it: 医疗费 is 30114 under 301); undefined where the name is none or several.
 */
export function economicItemByName(name: string, classAbove?: string): string | undefined {
  const key = normalizeName(name);
  const exact = itemsByName().get(key);
  if (!exact && classAbove && key.length >= 6) return truncatedItem(key, classAbove);
  let found: string | undefined;
  for (const code of exact ?? []) {
    if (classAbove && !code.startsWith(classAbove)) continue;
    if (found) return undefined;
    found = code;
  }
  return found;
}

/**
 * A name a narrow column cut short (深圳: 「机关事业单位基本养老保险缴」 for …缴费): the one 款 under the 类
 * above whose name it begins, six characters at least; undefined where none or several do.
 */
function truncatedItem(key: string, classAbove: string): string | undefined {
  let found: string | undefined;
  for (const [n, codes] of itemsByName()) {
    if (!n.startsWith(key)) continue;
    for (const code of codes) {
      if (!code.startsWith(classAbove) || code === found) continue;
      if (found) return undefined;
      found = code;
    }
  }
  return found;
}

// Every row of a table by names asks; built once, not a walk over every code per row.
let byName: Map<string, string[]> | null = null;
function itemsByName(): Map<string, string[]> {
  if (byName) return byName;
  byName = new Map();
  for (const [code, names] of Object.entries(ECONOMIC_CODES)) {
    if (code.length !== 5) continue;
    for (const n of new Set(names.map(normalizeName))) {
      const codes = byName.get(n);
      if (codes) codes.push(code);
      else byName.set(n, [code]);
    }
  }
  return byName;
}

/** Every name the classification knows for a code (功能分类 or 经济分类). */
export function knownNames(code: string): readonly string[] {
  const names = [...(FUNCTION_CODES[code] ?? ECONOMIC_CODES[code] ?? [])];
  if (code.length === 3 && FUNCTION_CLASSES[code] && !names.includes(FUNCTION_CLASSES[code])) names.unshift(FUNCTION_CLASSES[code]);
  if (code.length === 3 && ECONOMIC_CLASSES[code] && !names.includes(ECONOMIC_CLASSES[code])) names.unshift(ECONOMIC_CLASSES[code]);
  for (const [c, oldName, newName] of RENAMINGS) if (c === code) for (const n of [newName, oldName]) if (!names.includes(n)) names.push(n);
  return names;
}

/** Whether two printed names are the same name (or the old and new name of one renamed code). */
export function sameName(a: string, b: string, code = ''): boolean {
  if (a === b) return true;
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === y) return true;
  if (!code) return false;
  const known = knownNames(code).map(normalizeName);
  return known.includes(x) && known.includes(y);
}

/**
 * Similarity of two names, 0–1 (Dice over character bigrams; the same characters in another order,
 * 「一般行政事务管理」 for 「一般行政管理事务」, count as 0.9): to match a narrative's wording to a code.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === y) return 1;
  if (x.length >= 4 && y.length >= 4 && (x.includes(y) || y.includes(x))) return 0.95;
  if (x.length === y.length && [...x].sort().join('') === [...y].sort().join('')) return 0.9;
  const grams = (s: string) => { const m = new Map<string, number>(); for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1); return m; };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  const total = Math.max(1, x.length - 1 + y.length - 1);
  return (2 * common) / total;
}

/**
 * Whether a code is outside the classification where the list is complete, its 类: a 功能分类 code
 * (expense tables) must start with a national 类 (2xx), an 经济分类 code with one of ECONOMIC_CLASSES.
 */
export function unknownClass(code: string, kind: 'function' | 'economic'): 'function' | 'economic' | null {
  if (!/^\d{3,7}$/.test(code)) return null;
  const head = code.slice(0, 3);
  if (kind === 'function') return FUNCTION_CLASSES[head] || /^1\d{2}$/.test(head) ? null : 'function';
  return ECONOMIC_CLASSES[head] ? null : 'economic';
}
