import type { Figure } from '../../model/document';
import type { Stage } from '../../model/keys';
import type { Precision } from '../../model/narrative';
import { FACT_ROWS } from '../../model/tables/facts';
import { parseStatedAmount } from '../amounts';
import { roleOf, type Role } from './grammar';
import { NUM, stated, UNIT } from './numbers';
import { lineAt, type Stream } from './stream';

/**
 * The document's totals stated in the 情况说明 → table `facts`, column `amount`. Each rule finds a
 * candidate by its words; the sentence's grammar then decides whether the number is that total: a
 * number after 增加/减少 in its clause is a change (「增加基本支出 844.15」), one whose subject names
 * another fund is that fund's total (「财政专户管理资金收入预算总计0万元」), one whose subject is a
 * 类/款 is that item's figure. A rejected candidate lets the rule look further on.
 */

const Q = '[“”"\'‘’「」]?';
/**
 * 「比上年增加」「较2023年预算减少」「与上年相比，增加」; the verb is the sign. A rate may come first:
 * 「比上年增长1.2%，增加18.00万元」.
 */
const CHANGE = '(?:(?:较|比)(?:上年|上一年|\\d{4}年)度?(?:年初)?(?:预算)?(?:相比)?|与(?:上年|上一年|\\d{4}年)度?(?:预算)?相比[，,]?)(增加|减少|增长|下降)(?:\\d+(?:\\.\\d+)?[%％][，,]?(?:增加|减少)?)?';
/** An amount that is not the figure sought: it only anchors the rule. */
const ANCHOR_NUMBER = '-?\\d[\\d,，]*(?:\\.\\d+)?';
const ANCHOR = `${ANCHOR_NUMBER}${UNIT.replace('(', '(?:')}`;
/**
 * The first of two numbers printed after one subject (「各是4125.49,4143.91万元」). A comma before three
 * digits that end the number groups thousands (「各为3,215万元」 is one figure), unless the first number
 * has decimals.
 */
const PAIR_FIRST = '-?\\d[\\d,，]*\\.\\d+|-?\\d[\\d,，]*(?![\\d.])(?=(?:万元)?[、和]|万元[,，]|[,，](?!\\d{3}(?!\\d)))';

interface FactRule {
  key: string;
  /** Where to start looking (a heading), if the fact is only meaningful in its section. */
  after?: RegExp;
  value: RegExp;
  /** 增加/减少 decides the sign. */
  signed?: boolean;
  /** How far after `after` the value may be. */
  within?: number;
  /** What the number must be in its sentence (default: a total, not a change). */
  role?: Role[];
  /** Only in a document of this stage (a 预算's narrative names last year's 决算 too). */
  stage?: Stage;
  /** The role is that of the match's first number (the second of a pair has no words of its own before it). */
  roleAtFirst?: boolean;
}

const r = (s: string) => new RegExp(s, 'g');
/** The subject of a total: no other fund, no 类/款/项 (those are parts, not the total). */
const TOTAL: Role[] = ['total'];

const RULES: FactRule[] = [
  // Two figures after one subject, in its order: 「收、支总计各是4125.49,4143.91万元」 (Sichuan's 决算). First:
  // 「…各为3215,3230万元」 is no one figure of 32,153,230.
  { key: 'income_total', role: TOTAL, value: r(`收入?、支出?(?:预算|决算)?(?:总计|合计)(?:分别|各)(?:为|是)?(${PAIR_FIRST})(?:万元)?[,，、和]${ANCHOR_NUMBER}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, roleAtFirst: true, value: r(`收入?、支出?(?:预算|决算)?(?:总计|合计)(?:分别|各)(?:为|是)?(?:${PAIR_FIRST})(?:万元)?[,，、和]${NUM}${UNIT}`) },
  // Jiangsu: 「2017 年度收入、支出预算总计 28849.38 万元」; 决算: 「收入支出总计2995.39万元」.
  // 「收、支总计均为 X」「收入、支出决算总计各 X」.
  { key: 'income_total', role: TOTAL, value: r(`收入?、?支出?(?:预算|决算)?(?:总计|合计)(?:均为|各为|均|各|为|是)?${NUM}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, value: r(`收入?、?支出?(?:预算|决算)?(?:总计|合计)(?:均为|各为|均|各|为|是)?${NUM}${UNIT}`) },
  // 「收入总预算 X，支出总预算 X」「部门预算总收入 X，总支出 X」.
  { key: 'income_total', role: TOTAL, value: r(`(?:收入总预算|总收入)(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, value: r(`(?:支出总预算|总支出)(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'income_total', role: TOTAL, after: /收入说明/, within: 200, value: r(`(?:预算收入|收入预算|收入总计|年预算|度预算)(?:总额|合计|总计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'income_total', role: TOTAL, value: r(`\\d{4}年度?(?:部门|单位)?(?:预算收入|收入预算)(?:总额|合计|总计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, after: /支出说明/, within: 400, value: r(`(?:支出预算|预算支出|支出总计)(?:总额|合计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  // Without the heading, only 「2023年支出预算…」 counts: 「三公经费支出预算为…」 is not the total.
  { key: 'expense_total', role: TOTAL, value: r(`\\d{4}年度?(?:部门|单位)?(?:支出预算|预算支出)(?:总额|合计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  // Shanghai: 「2025年，上海市普陀区人民政府办公室收入预算9,101.68万元…。支出预算9,101.68万元」.
  { key: 'income_total', role: TOTAL, value: r(`(?:\\d{4}年度?|本年度|全年)[，,]?[^，。；|]{0,40}?(?:收入预算|预算收入)(?:总额|合计|总计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, value: r(`(?:^|[。|])(?:支出预算|预算支出)(?:总额|合计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  // After the income in one sentence: 「2024年本部门收入预算总额 X 万元，支出预算总额 X 万元」. Only with
  // 总额/总计/合计: 「，支出预算 X 万元」 after a 类 is that 类's.
  { key: 'expense_total', role: TOTAL, value: r(`[，,；;](?:支出预算|预算支出)(?:总额|总计|合计)(?:为|是|共计)?${NUM}${UNIT}`) },
  // … or right after the income total: 「2024年度收入预算 X 万元，支出预算 X 万元」.
  { key: 'expense_total', role: TOTAL, value: r(`(?:收入预算|预算收入)(?:总额|总计|合计)?(?:为|是|共计)?${ANCHOR}[，,；;](?:支出预算|预算支出)(?:为|是|共计)?${NUM}${UNIT}`) },
  // 决算: 「2023年度收入总计1234.56万元、支出总计1234.56万元」.
  { key: 'income_total', role: TOTAL, value: r(`\\d{4}年度?[，,]?(?:本?部门|本?单位)?(?:决算)?收入总计(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, value: r(`(?:\\d{4}年度?[，,]?(?:本?部门|本?单位)?|[，,、；;])(?:决算)?支出总计(?:为|是|共计)?${NUM}${UNIT}`) },
  // 「2023年度，本单位收入为1687.45万元，其中：财政拨款收入…」 (Gansu's 决算; its parts add up to 本年收入合计,
  // which the audit tells apart from 收入总计).
  { key: 'income_total', role: TOTAL, value: r(`本(?:部门|单位)(?:\\d{4}年度?)?收入(?:总额|合计|总计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, value: r(`本(?:部门|单位)(?:\\d{4}年度?)?支出(?:总额|合计|总计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  // 「2024年部门收支总预算 X 万元」: both totals.
  // … 「收支预算总额 X」「收支预算均为 X」.
  { key: 'income_total', role: TOTAL, value: r(`收支(?:总预算|预算(?:总额|总计|合计)?)(?:均为|各为|均|各|为|是|共计)?${NUM}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, value: r(`收支(?:总预算|预算(?:总额|总计|合计)?)(?:均为|各为|均|各|为|是|共计)?${NUM}${UNIT}`) },
  // Jiangsu: 「（一）收入预算总计 X 万元」「本年收入预算合计 X 万元」.
  { key: 'income_total', role: TOTAL, value: r(`(?:收入预算|预算收入)(?:总计|合计|总额)(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, value: r(`(?:支出预算|预算支出)(?:总计|合计|总额)(?:为|是|共计)?${NUM}${UNIT}`) },
  // A clause of its own after a semicolon: 「…；部门预算支出 X 万元」.
  { key: 'expense_total', role: TOTAL, value: r(`[；;](?:本?部门|本?单位)?(?:支出预算|预算支出)(?:为|是|共计)?${NUM}${UNIT}`) },
  // 决算: 「2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元」.
  { key: 'income_total', role: TOTAL, value: r(`年度?收入支出(?:决算)?总计(?:为|是)?${NUM}${UNIT}`) },
  { key: 'expense_total', role: TOTAL, value: r(`年度?收入支出(?:决算)?总计(?:为|是)?${NUM}${UNIT}`) },
  { key: 'basic', value: r(`基本支出(?:预算|决算)?(?:数)?(?:为|是)?${NUM}${UNIT}`) },
  // Not a kind of staff's (「信访局临聘人员经费15.56万元」: a project's name in 长春's list of projects).
  { key: 'personnel', value: r(`(?<!临聘|聘用|编外|退休|离休|值班|驻村|外聘|劳务|协管|辅警|借调)人员经费(?:支出)?(?:为|是)?${NUM}${UNIT}`) },
  { key: 'public', value: r(`公用经费(?:支出)?(?:为|是)?${NUM}${UNIT}`) },
  { key: 'project', value: r(`项目支出(?:预算|决算)?(?:数)?(?:为|是)?${NUM}${UNIT}`) },
  // 「与2021年相比,收、支总计各减少1267.86,2570.97万元」: the change of the 支出总计, which the
  // cross-document check measures.
  { key: 'change_vs_prior', signed: true, role: ['change'], roleAtFirst: true, value: r(`收入?、支出?(?:预算|决算)?总计(?:分别|各)(增加|减少|增长|下降)(?:${PAIR_FIRST})(?:万元)?[,，、和]${NUM}${UNIT}`) },
  // Jiangsu: 「与上年相比收、支预算总计各增加 1808.29 万元」: the change of the totals themselves;
  // elsewhere 「收、支总预算各增加 123.45 万元」.
  { key: 'change_vs_prior', signed: true, role: ['change'], value: r(`收(?:入)?、?支(?:出)?(?:预算总计|总计|总预算)各?(增加|减少|增长|下降)${NUM}${UNIT}`) },
  { key: 'change_vs_prior', signed: true, role: ['change'], value: r(`与(?:上年|上一年|\\d{4}年)度?相比[，,]?(?:收入支出|收入|支出)总计(增加|减少|增长|下降)${NUM}${UNIT}`) },
  { key: 'change_vs_prior', signed: true, role: ['change'], after: /比上年增减|与上年相比|增减情况/, within: 300, value: r(`${CHANGE}${NUM}${UNIT}`) },
  { key: 'change_vs_prior', signed: true, role: ['change'], value: r(`${CHANGE}${NUM}${UNIT}`) },
  { key: 'operating_cost', value: r(`机关运行经费(?:共计|合计)?(?:财政拨款)?(?:预算)?(?:安排|支出)?(?:预算|决算)?(?:数)?(?:为|是)?${NUM}${UNIT}`) },
  // 决算 first: 「“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元」「…预算6.60万元，实际支出
  // 5.28万元」: the 决算 is the figure, never the budget before it.
  { key: 'three_public_total', stage: 'final', value: r(`三公${Q}经费(?:财政拨款)?(?:支出)?(?:(?:年初|全年|调整后?)?预算(?:数)?(?:为|是)?${ANCHOR}[，,]?(?:\\d{4}年度?)?)?(?:实际支出|(?:支出)?决算(?:数)?)(?:为|是)?${NUM}${UNIT}`) },
  { key: 'three_public_total', value: r(`三公${Q}经费(?:财政拨款)?(?:支出|预算){0,2}(?:安排|总额|合计|数)?(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'procurement_total', value: r(`政府采购(?:支出)?(?:预算)?(?:总金额|金额|总额)(?:[（(][^）)]{0,20}[)）])?(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'procurement_total', value: r(`政府采购(?:支出)?预算(?:总额|合计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  { key: 'assets_total', value: r(`上年末固定资产(?:金额|总额|原值|账面价值)?(?:合计)?(?:为|是|共计)?${NUM}${UNIT}`) },
  // 「截至2023年12月31日，本部门共有车辆2辆，固定资产原值547.87万元」: the same figure, dated.
  { key: 'assets_total', value: r(`(?:截至|截止)(?:到)?\\d{4}年(?:12月31日|底|末)[^。]{0,40}?固定资产(?:总额|原值|账面原值|账面价值)(?:合计)?(?:为|是|共计)?${NUM}${UNIT}`) },
];

/**
 * What follows a 三公 part's name up to its figure: 「…费 X」「…费预算 X」「…费支出决算为 X」, or a
 * 决算's budget first and then its figure: 「…费年初预算为 B 万元，决算为 X 万元」.
 */
const PART_TAIL = `(?:用)?(?:支出)?(?:(?:年初)?预算(?:数)?(?:为|是)?${ANCHOR}[，,]?(?:支出)?决算(?:数)?|决算(?:数)?|预算(?:数)?)?(?:为|是)?${NUM}${UNIT}`;

/** Parts stated after a total, searched in a window behind it (「其中：基本支出增加61.3万元」). */
const PARTS: Record<string, { key: string; value: RegExp; signed?: boolean }[]> = {
  change_vs_prior: [
    { key: 'basic_change', signed: true, value: r(`基本支出(?:预算)?(增加|减少|增长|下降)${NUM}${UNIT}`) },
    { key: 'project_change', signed: true, value: r(`项目支出(?:预算)?(增加|减少|增长|下降)${NUM}${UNIT}`) },
    // The verb first: 「主要原因是增加基本支出 61.3 万元、项目支出减少 5 万元」.
    { key: 'basic_change', signed: true, value: r(`(增加|减少)基本支出(?:预算)?${NUM}${UNIT}`) },
    { key: 'project_change', signed: true, value: r(`(增加|减少)项目支出(?:预算)?${NUM}${UNIT}`) },
  ],
  three_public_total: [
    { key: 'three_public_overseas', value: r(`(?:因公出国|因公出境|出国[（(]境[)）])[（(]?境?[)）]?(?:经)?费?${PART_TAIL}`) },
    { key: 'three_public_vehicle', value: r(`(?:公务用?车|公车)购置(?:及|和)运[行维]*护?费?${PART_TAIL}`) },
    { key: 'three_public_vehicle_purchase', value: r(`(?:公务用?车|公车)购置费${PART_TAIL}`) },
    { key: 'three_public_vehicle_operation', value: r(`(?:公务用?车|公车)运[行维]*护?费${PART_TAIL}`) },
    { key: 'three_public_reception', value: r(`公务接待费${PART_TAIL}`) },
  ],
};
const PART_WINDOW = 400;

/**
 * Where a total's parts may be stated: the window behind it, up to the next part of the narrative
 * (「二、一般公共预算拨款支出情况」). 福州: the income's change 129.07 took 「基本支出增加 49.12 万元，项目
 * 支出增加 117.56 万元」, which the next part gives of the 一般公共预算's change, 166.68.
 */
function partsEnd(text: string, start: number): number {
  const end = Math.min(text.length, start + PART_WINDOW);
  const heading = /[一二三四五六七八九十]+、/.exec(text.slice(start, end));
  return heading ? start + heading.index : end;
}


/** The first match of `re` in text[from, to) whose number plays `roles` in its sentence. */
function firstValid(s: Stream, re: RegExp, from: number, to: number, roles: Role[], signed: boolean | undefined, atFirst = false): RegExpExecArray | null {
  const slice = s.text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const num = signed ? m[2] : m[1];
    const at = from + m.index + (atFirst ? m[0].search(/\d/) : m[0].lastIndexOf(num));
    if (roles.includes(roleOf(s.text, at))) {
      m.index += from;
      return m;
    }
    if (m[0].length === 0) re.lastIndex++;
  }
  return null;
}

/** `precision`, when given, gets the precision of each fact stated in 亿元 (Narrative.factPrecision). */
/** `stage`, when known, leaves out the rules of the other stage (FactRule.stage). */
export function readFactFigures(s: Stream, precision?: Record<string, Precision>, stage?: Stage): Figure[] {
  const facts = new Map<string, Figure>();
  const put = (key: string, m: RegExpExecArray, signed: boolean | undefined) => {
    if (facts.has(key)) return;
    const groups = m.slice(1);
    const [sign, num, unit] = signed ? groups : [undefined, ...groups];
    let fen = parseStatedAmount(num!, unit!);
    if (fen === null) return;
    if (sign === '减少' || sign === '下降') fen = -fen;
    if (precision && unit === '亿元') precision[key] = { decimals: stated(num!, unit)?.decimals ?? 0, unit };
    facts.set(key, {
      table: 'facts', rowCode: key, rowName: FACT_ROWS[key] ?? key, column: 'amount', amount: fen,
      source: { line: lineAt(s, m.index + m[0].lastIndexOf(num!)) },
    });
  };
  for (const rule of RULES) {
    if (facts.has(rule.key) || (stage && rule.stage && rule.stage !== stage)) continue;
    let from = 0;
    let to = s.text.length;
    if (rule.after) {
      const a = new RegExp(rule.after.source).exec(s.text);
      if (!a) continue;
      from = a.index + a[0].length;
      to = Math.min(to, from + (rule.within ?? 300));
    }
    const roles: Role[] = rule.role ?? (rule.signed ? ['change'] : ['total', 'fund']);
    const m = firstValid(s, rule.value, from, to, roles, rule.signed, rule.roleAtFirst);
    if (!m) continue;
    put(rule.key, m, rule.signed);
    const start = m.index + m[0].length;
    const end = partsEnd(s.text, start);
    for (const part of PARTS[rule.key] ?? []) {
      const pm = firstValid(s, part.value, start, end, part.signed ? ['change', 'item'] : ['total', 'fund', 'item'], part.signed);
      if (pm) put(part.key, pm, part.signed);
    }
  }
  return [...facts.values()];
}
