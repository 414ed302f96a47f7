import type { Scope, Stage, TableKey } from '../model/keys';
import { unitOfMeasure } from './amounts';
import { rememberingReader } from './memo';
import { compact } from './normalize';

/**
 * A table's title band, read. `table` is what the title alone says (the recognisers then check it
 * against the table's content, tables/kind.ts); null for a budget table of no known kind, which is
 * kept as a raw table and reported, never mapped onto a national key.
 */
export interface TableTitle {
  table: TableKey | null;
  scope: Scope | null;
  stage: Stage;
  /** As printed (both lines of a wrapped title, joined). */
  title: string;
  /** The name with number, year and unit taken off (「收支预算总表」): what identifies the table. */
  core: string;
  year: number | null;
  /** A unit named in the title (「2017年度江苏省高级人民法院部门收支预算总表」), else null. */
  unit: string | null;
  /** 「（功能科目）」「（经济科目）」 printed after the name. */
  classification: 'function' | 'economic' | null;
  /** The money unit printed after the name (「…收支总表（单位：元）」), in 分 per unit; absent if none. */
  fenPerUnit?: number;
  /**
   * Whether the name says 预算 or 决算 itself (「一般公共预算」 names a fund, not the stage). When it does
   * not, `stage` is a guess the document settles (documentMeta.ts settleStages).
   */
  stageNamed: boolean;
}

/**
 * Title core → table key, first match wins, so the more specific pattern comes first (a 财政拨款收支总表
 * is also a 收支总表; a 基本支出表 is also a 一般公共预算…支出表; a 机关运行经费 table is a 一般公共预算
 * table too). National, Shanghai and Jiangsu titles, 预算 and 决算, and the seeds' slips (「政府基金」).
 */
const TABLE_PATTERNS: [RegExp, TableKey][] = [
  [/三公/, 'three_public'],
  [/政府采购/, 'procurement'],
  [/固定资产/, 'assets'],
  [/机关运行经费/, 'operating_cost'],
  // 「…总表」, or the national template's 「…总体情况表」 (部门收支总体情况表, 财政拨款收支总体情况表).
  // Without 总 only as the whole name (「收入支出决算表」「财政拨款收入支出决算表」「部门收支预算表」): a
  // 政府性基金预算财政拨款收入支出决算表 is the fund's table.
  [/财政拨款收[入]?支(?:出)?(?:预算|决算)?总(?:体情况)?表|^(?:(?:部门|单位)(?:预算|决算)?)?财政拨款收(?:入)?支(?:出)?(?:预算|决算)表$/, 'fiscal_summary'],
  // 「政府性基金收支总表」「政府性基金收支表」 (西安): the fund's own table, laid out as a 收支总表
  // (tables/fundSummary.ts). Read as the 收支总表, its rows would stand beside the department's.
  [/政府性?基金(?:预算)?(?:财政拨款)?(?:收支|收入支出)(?:预算|决算)?总?(?:体情况)?表/, 'fund_expense'],
  [/国有资本经营(?:预算)?(?:财政拨款)?(?:收支|收入支出)(?:预算|决算)?总?(?:体情况)?表/, 'soe_expense'],
  [/(?:收支|收入支出)(?:预算|决算)?总(?:体情况)?表|^(?:(?:部门|单位)(?:预算|决算)?)?(?:收支|收入支出)(?:预算|决算)表$/, 'summary'],
  [/一般公共预算.*基本支出/, 'basic_expense'],
  [/一般公共预算.*支出/, 'general_expense'],
  [/政府性?基金(?:预算)?.*支出/, 'fund_expense'],
  [/国有资本经营(?:预算)?.*支出/, 'soe_expense'],
  [/财政拨款.*基本支出/, 'fiscal_basic_expense'],
  [/财政拨款.*支出(?:预算|决算)?表$/, 'fiscal_expense'],
  [/收入(?:预算|决算)?总?(?:体情况)?表$/, 'income'],
  // A 基本支出表 not titled by its fund: the 基本支出表 all the same, not the 支出总表 (深圳's
  // 「基本支出总表」 too, by 经济分类 and by fund: basicByFund.ts).
  [/^(?:(?:部门|单位)(?:预算|决算)?)?基本支出(?:预算|决算)?总?表$/, 'basic_expense'],
  [/支出(?:预算|决算)?总?(?:体情况)?表$/, 'expense'],
];

/**
 * Titles that end like a national table's and are none: a 项目支出表 lists projects (or their 功能分类
 * rows, project money only), and read as the 支出总表 (or, 「一般公共预算项目支出预算表」, as the
 * 一般公共预算支出表) its 合计 would be taken for all the spending. A 三公, 采购 or 机关运行经费 table
 * that names 项目支出 is still that table.
 */
const NOT_NATIONAL = /^(?!.*(?:三公|政府采购|机关运行)).*项目支出/;

/** Words that open a table's name: the unit's name, printed before them, is not part of it. */
const NAME_START = /收支|收入|支出|专项资金|财政拨款|一般公共预算|政府性?基金|国有资本|[“"]?三公|政府采购|机关运行|固定资产|基本支出|项目支出/;
/**
 * Not after 行政/事业/参公: 「行政参公单位机关运行经费」 names a kind of unit, not whose table it is. Shaanxi
 * prints 「部门综合预算收支总表」 (a department's budget of all its funds), and 「部门整体支出绩效目标表」 names the whole
 * department: the scope, not a unit 「部门综合」 or 「部门整体」.
 */
const SCOPE_BEFORE_NAME = new RegExp(`(?:预算|决算)?(?<!行政|事业|参公|参照公务员法管理的?)(?:部门|单位)(?=(?:财务|综合|整体)?(?:预算|决算)?(?:${NAME_START.source}))`);

/** Number and label before a title: 「公开01表」「预算01表」「附表3：」「表一、」「十一、」「（二）」「1.」. */
const PREFIXES = [
  /^第[一二三四五六七八九十\d]{1,3}部分/,
  // Beijing numbers its tables 「预算01表」 (决算: 「决算01表」), as others 「公开01表」, 烟台 「公开表3」.
  /^(?:公开|预算|决算)(?:\d{1,2}表|表\d{1,2})[：:、.．-]?/,
  // Digits or numerals, not both, and not into a year: 「表十二2017年…」「附表12019年…」 are tables
  // twelve and one of 2017 and 2019. Numerals stop where the name starts: 「表八一般公共预算支出预算表」
  // is table eight, not table 「八一」 of 「般公共预算支出预算表」 (read as the 支出总表).
  new RegExp(`^附?表(?:\\d{1,3}?(?=(?:19|20)\\d{2}(?:年|部门|单位)|\\D)|[一二三四五六七八九十]{1,3}?(?=[：:、.．\\s-]|(?:19|20)\\d{2}|部门|单位|${NAME_START.source})|[一二三四五六七八九十]{1,3}(?![一二三四五六七八九十]))[：:、.．-]?`),
  /^[一二三四五六七八九十]{1,3}[、.．]/,
  /^[（(][一二三四五六七八九十\d]{1,3}[)）][、.．]?/,
  /^\d{1,2}[、．]/,
  /^\d{1,2}\.(?!\d)/,
];

/** 「公开01表」, 「公开表3」 or 「附表3」 on a line of its own above the title: part of the title band. */
export function isTitleNumber(cell: string): boolean {
  return /^(?:(?:公开|预算|决算)(?:\d{1,2}|表\d{1,2})|附?表[\d一二三四五六七八九十]{1,3})表?$/.test(compact(cell));
}

/**
 * A row is a title only when it holds one cell (a table of contents prints the page number beside the
 * title, and that must not open a table) and reads like a heading, not a sentence.
 */
export function singleText(cells: readonly string[]): string | null {
  let text: string | null = null;
  let joined = false;
  for (const c of cells) {
    if (!c) continue;
    if (text !== null) {
      // 「2020 | 年部门…预算」: a title whose year is set in a font of its own (LibreOffice) stands apart
      // from its words by a cell's gap. One text where a year alone is followed by words.
      if (joined || !isYearAlone(text) || !isHan(c.charCodeAt(0))) return null;
      text += c;
      joined = true;
      continue;
    }
    text = c;
  }
  return text;
}

/** 「2020」 or 「2020 年」: four digits, a 年 maybe. */
function isYearAlone(s: string): boolean {
  const t = s.trim();
  if (t.length < 4 || t.length > 6) return false;
  for (let i = 0; i < 4; i++) if (t.charCodeAt(i) < 48 || t.charCodeAt(i) > 57) return false;
  return t.length === 4 || t.slice(4).trim() === '年';
}

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

export function tableTitle(cells: readonly string[]): TableTitle | null {
  const text = singleText(cells);
  return text ? titleOf(text) : null;
}

/**
 * 「部门预算收支总表 | 单位：万元」: a title with its money unit beside it on the same line (a
 * spreadsheet's row, a PDF's baseline), which singleText refuses as two cells. The unit is the table's.
 */
export function titleBesideUnit(cells: readonly string[]): TableTitle | null {
  let first = -1;
  let second = -1;
  for (let i = 0; i < cells.length; i++) {
    if (!cells[i]) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return null;
  }
  if (second < 0 || !cells[second].includes('元')) return null;
  const fenPerUnit = unitOfMeasure(cells[second]);
  const t = fenPerUnit === null ? null : titleOf(cells[first]);
  return t && { ...t, fenPerUnit: t.fenPerUnit ?? fenPerUnit! };
}

/**
 * A title over two lines: its number above it (「公开01表」 / 「收支预算总表」), or its name wrapped
 * (「…培训费支」 / 「出预算表」). A first line that ends a heading of its own (「…部门预算表」) is no
 * first half.
 */
export function wrappedTitleOf(a: string, b: string): TableTitle | null {
  // Every way out but null is titleOf(a + b), which needs TITLE_HINT in a, in b or across the two
  // (「政府」 / 「采购…」): most pairs of lines (running text) end here, without joining them.
  if (!TITLE_HINT.test(a) && !TITLE_HINT.test(b) && !procurementAcross(a, b)) return null;
  const number = isTitleNumber(a);
  const first = compact(a);
  if (!number && /表$/.test(first)) return null;
  // A second line that is a title by itself (「收支总表」) still ends a first line that breaks off in
  // the middle of a table's name (「部门预算财政拨款」), not one that ends a heading (「…安排情况」).
  const unfinished = (NAME_START.test(first) || /(?:部门|单位)(?:预算|决算)/.test(first)) && !/(?:情况|说明|目录|部分|[：:。，；])$/.test(first);
  if (!number && !unfinished && titleOf(b) !== null) return null;
  // A title opens with its year (or the unit's name before it): a line above one that does is a row's
  // last cell (「其他收入」 / 「2025年部门支出预算总表」 where a text kept no layout), not its first half.
  if (!number && /^(?:19|20)\d{2}年/.test(compact(b)) && titleOf(b) !== null) return null;
  const t = titleOf(`${a}${b}`);
  return t && { ...t, title: `${a.trim()}${/[\u4e00-\u9fff]$/.test(a) && !number ? '' : ' '}${b.trim()}` };
}

/** Reads one title text (a line, or two lines of a wrapped title joined). */
export function titleOf(text: string): TableTitle | null {
  // A title ends in 表 or 政府采购…; most single cells (amounts, labels, sentences) have neither.
  if (!TITLE_HINT.test(text)) return null;
  return rememberedTitle(text);
}

// Every document prints the same few titles (and notes that name them): each is read once.
const rememberedTitle = rememberingReader(readTitle);

/** titleOf without memory (what titleOf remembers). */
export function readTitle(text: string): TableTitle | null {
  let t = compact(text);
  // A sentence, or a sentence naming a table (「…办案费;二是《财政拨款支出预算表」 cut at its line's end).
  if (t.length > 90 || /[。，；;,《]|\.{3}|…/.test(t)) return null;
  // No title names 绩效, 目录 or 说明 (tested again below, on the core): what is taken off before that
  // (numbers, year, suffix) holds none of these characters, so a 绩效目标表 is ruled out here already.
  // The department's own targets (部门整体支出绩效目标表) are a table of their own, kept raw: no
  // project, and not rows of the table before them.
  const whole = WHOLE_TARGETS.test(t);
  if (!whole && /绩效|目录|说明/.test(t)) return null;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of PREFIXES) {
      const next = t.replace(p, '');
      if (next !== t) {
        t = next;
        changed = true;
      }
    }
  }
  // 「2022部门综合预算…」: a year before the scope, its 年 left out (Shaanxi).
  const year = /^((?:19|20)\d{2})(?:年度?|(?=部门|单位))/.exec(t);
  if (year) t = t.slice(year[0].length);
  // 「部门预算收支总表（表1）」: the number after the name.
  t = t.replace(/[（(](?:附?表[\d一二三四五六七八九十]{1,3}|公开\d{1,2}表)[)）]$/, '');
  let classification: TableTitle['classification'] = null;
  t = t.replace(/[（(](?:续表?|按?(?:支出)?(功能|经济)(?:分类|科目)(?:科目)?)[)）]$/, (_, kind?: string) => {
    if (kind) classification = kind === '功能' ? 'function' : 'economic';
    return '';
  });
  // Any other note in brackets after the name: 「（部门经济分类科目）」 names the classification, 「（项目支出）」
  // a table of projects (no national one).
  let projects = false;
  t = t.replace(/[（(]([^（()）]{1,12})[)）]$/, (note: string, words: string) => {
    if (/单位[：:]|^续表?$/.test(words)) return note;
    if (/项目/.test(words)) projects = true;
    else if (/功能|经济/.test(words)) classification ??= /功能/.test(words) ? 'function' : 'economic';
    return '';
  });
  // 「部门预算收支总表（单位：万元）」: the table's money unit after its name.
  let fenPerUnit: number | undefined;
  t = t.replace(/[（(]?(?:金额)?单位[：:](?:[万千亿]?元)[)）]?$/, (unit) => {
    fenPerUnit = unitOfMeasure(unit.startsWith('（') || unit.startsWith('(') ? unit : `（${unit}`) ?? undefined;
    return '';
  });
  if (/[：:]/.test(t)) return null;
  if (!/表$|政府采购(?:预算|决算)$/.test(t) || (!whole && /绩效|目录|说明/.test(t))) return null;
  // 「一般公共预算支出经济分类情况表」 (Fujian): the classification in the name itself.
  const inName = /(功能|经济)(?:分类|科目)/.exec(t);
  classification ??= inName ? (inName[1] === '功能' ? 'function' : 'economic') : null;
  const { unit: named, core } = splitUnit(t);
  // 「信访局2023年部门预算收支总表」: the year after the unit's name.
  const later = year ? null : /((?:19|20)\d{2})年度?$/.exec(named ?? '');
  // 「部门预算信息公开收支总表」 (a cover's line joined to the title below it) names no unit: no body's
  // name speaks of a budget.
  const unit = later ? named!.slice(0, later.index) || null : named && /预算|决算/.test(named) ? null : named;
  if (core.length < 4 || core.length > 40) return null;
  const table = whole || projects || NOT_NATIONAL.test(core) ? null : (TABLE_PATTERNS.find(([re]) => re.test(core))?.[1] ?? null);
  // A table of no known kind still names what it holds (支出, 经费, 资产…); 「2019年度部门预算表」 and
  // 「省级部门预算公开报表」 name a part of the document or the whole of it.
  // A 「…预算表」「…情况表」 of another name (政府购买服务预算表) is a table too, kept raw: not a heading.
  if (!table && !(whole || NAME_START.test(core) || /经费|资产|项目/.test(core) || OTHER_TABLE.test(core))) return null;
  const scope: Scope | null = /^(?:预算)?单位|单位(?:预算|决算)/.test(core) ? 'unit' : /^部门|部门(?:预算|决算)/.test(core) ? 'department' : null;
  const stageNamed = /决算/.test(core) || /预算/.test(core.replace(FUND_BUDGETS, ''));
  return { table, scope, stage: /决算/.test(core) ? 'final' : 'budget', stageNamed, title: text.trim(), core, year: year ? Number(year[1]) : later ? Number(later[1]) : null, unit: unit && unit.length >= 3 ? unit : null, classification, ...(fenPerUnit ? { fenPerUnit } : {}) };
}

/** 「江苏省高级人民法院部门收支预算总表」 → unit 江苏省高级人民法院, core 部门收支预算总表. */
function splitUnit(t: string): { unit: string | null; core: string } {
  const scoped = SCOPE_BEFORE_NAME.exec(t);
  const at = scoped ? scoped.index : (NAME_START.exec(t)?.index ?? 0);
  const unit = t.slice(0, at).replace(/(?:预算|决算)$/, '');
  return { unit: unit.length >= 3 ? unit : null, core: t.slice(at) };
}

const TITLE_HINT = /表|政府采购/;
/** 部门整体支出绩效目标表, 单位整体绩效目标申报表: the targets of the whole department or unit. */
export const WHOLE_TARGETS = /整体(?:支出)?绩效目标(?:填报|申报)?表/;
/** Funds whose names hold 预算: no stage. */
const FUND_BUDGETS = /一般公共预算|政府性?基金预算|国有资本经营预算|社会保险基金预算/g;
/**
 * A table's name of no known kind (「政府购买服务预算表」), not a name of the document or of its part
 * of tables (「部门预算表」「第二部分 省委办公厅2017年度部门预算表」).
 */
const OTHER_TABLE = /^(?!.*(?:部门|单位|年度?|^)(?:预算|决算)(?:公开)?表$).{2,}(?:预算|决算|情况|明细)表$/;

/** 表 or 政府采购: what every title (one line, or a wrapped one's line) holds (titleOf's first test). */
export function hasTitleWord(text: string): boolean {
  return TITLE_HINT.test(text);
}

/**
 * 「政府采购」 broken between the end of `a` and the start of `b` (what `a.slice(-3) + b.slice(0, 3)`
 * holding it says, once neither line holds it whole), without joining the two.
 */
export function procurementAcross(a: string, b: string): boolean {
  return (a.endsWith('政') && b.startsWith('府采购')) || (a.endsWith('政府') && b.startsWith('采购')) || (a.endsWith('政府采') && b.startsWith('购'));
}
