import { FUNCTION_CLASSES } from '../../model/keys';
import type { Statement } from '../../model/narrative';
import { describe } from './items';
import { NUM, stated, UNIT } from './numbers';
import { lineAt, type Stream } from './stream';

/**
 * Statements about the budget's totals and its funds' totals: 「财政拨款收入37,151.47万元，比2024年
 * 预算执行数增加24,558.18万元」「财政拨款收入支出总计0.3万元」. The key says whose total and which side:
 * `<fund>.<side>`, fund one of all, fiscal (财政拨款), general (一般公共预算), fund (政府性基金), soe,
 * special_account, other_funds; side income, expense or both (收、支). The audit compares a fund's
 * income with its expense, and a 财政拨款 总计 with the 财政拨款收支总表.
 */
export const SUBJECT = new RegExp(`([^，。；：:|]{0,40}?(?:收入|支出|收、支|收支)[^，。；：:|\\d]{0,12}?)(?:为|是|共计)?${NUM}${UNIT}`, 'g');
/** SUBJECT tried at one offset (sticky), and the words one of its matches must hold. */
const SUBJECT_AT = new RegExp(SUBJECT.source, 'y');
const KEYWORD = /收入|支出|收、支|收支/g;
const STOP = '，。；：:|';
/** Before the keyword: at most 40 characters of no STOP. After it: 12, 为/是/共计 and a sign before NUM's first digit. */
const BEFORE = 40;
const AFTER = 12 + 2 + 1;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The next match of SUBJECT at or after `from`, as `SUBJECT.exec` finds it, without running the
 * pattern at every offset of the text (issue 17: it tried up to 40 characters ahead at each one).
 * Every match holds a keyword with no STOP before it for at most BEFORE characters, and after it a
 * digit before any STOP, within AFTER characters. Offsets that could reach no such keyword cannot
 * match; the others are tried in order, so the leftmost match is the one found.
 */
export function nextSubject(text: string, from: number): RegExpExecArray | null {
  for (KEYWORD.lastIndex = from; ; ) {
    const k = KEYWORD.exec(text);
    if (!k) return null;
    const kw = k.index;
    KEYWORD.lastIndex = kw + 1;
    let d = kw + k[0].length;
    while (d < text.length && !isDigit(text.charCodeAt(d)) && !STOP.includes(text[d])) d++;
    if (d >= text.length || !isDigit(text.charCodeAt(d)) || d - (kw + k[0].length) > AFTER) continue;
    let p = kw;
    while (p > from && kw - p < BEFORE && !STOP.includes(text[p - 1])) p--;
    for (; p <= kw; p++) {
      SUBJECT_AT.lastIndex = p;
      const m = SUBJECT_AT.exec(text);
      if (m) return m;
    }
  }
}

/** A 其中 part stated with its own amount and, right after it, a change: the change is that part's. */
const PART_THEN_CHANGE = /[，,；;]其中[：:]?[^，,；;。|\d]{1,20}-?\d[\d,，]*(?:\.\d+)?(?:亿元|万元|千元|元)[，,]?(?:较|比|与|同比)/;

const NOT_TOTAL = /三公|因公出国|公务|机关运行|采购|会议|培训|基本支出|项目支出|人员|公用|预留|[（(][类款项][)）]|增加|减少|增长|下降|降低|占|其中|主要用于|决算数|执行数|相比/;

/** A 类 named without its tag (「2．社会保障和就业支出 2000.39 万元」) is an item, not a total. */
const ITEM_NAME = new RegExp(Object.values(FUNCTION_CLASSES).filter((n) => n !== '其他支出').map((n) => n.replace(/支出$/, '')).join('|'));

const FUNDS: [RegExp, string][] = [
  [/一般公共预算/, 'general'], [/财政拨款/, 'fiscal'], [/政府性基金|基金预算|基金拨款/, 'fund'], [/国有资本/, 'soe'],
  [/财政专户/, 'special_account'], [/其他资金/, 'other_funds'], [/事业收入|经营收入|其他收入|上年结转|结转结余/, 'other'],
];

function keyOf(subject: string): string {
  const fund = FUNDS.find(([re]) => re.test(subject))?.[1] ?? 'all';
  const side = /收、?支|收入、?支出|收支/.test(subject) ? 'both' : /收入/.test(subject) ? 'income' : 'expense';
  return `${fund}.${side}`;
}

const SECTION = /[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]/;

/** The last heading before a sentence: a part's 「…情况说明」 or an enumeration (「一、」「（二）」). */
const HEADING_BEFORE = /^.*(?:情况说明|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;

/**
 * The subject as a finding quotes it: where a PDF's layout ran the headings into the sentence
 * (「2018年度部门预算情况说明一、收支预算总体情况说明江苏省人民检察院2018年度收入、支出预算总计」),
 * from after the last of them, if the subject's words are still there.
 */
function shownSubject(subject: string): string {
  const heading = HEADING_BEFORE.exec(subject);
  if (!heading) return subject;
  const rest = subject.slice(heading[0].length);
  return /收入|支出|收、支|收支/.test(rest) ? rest : subject;
}

export function readTotals(s: Stream): Statement[] {
  const out: Statement[] = [];
  const text = s.text;
  const found: { m: RegExpExecArray; subject: string }[] = [];
  for (let m = nextSubject(text, 0); m; m = nextSubject(text, m.index + m[0].length)) {
    if (NOT_TOTAL.test(m[1]) || ITEM_NAME.test(m[1]) || /(?:决算|年初预算)$/.test(m[1])) continue;
    found.push({ m, subject: m[1] });
  }
  found.forEach(({ m, subject }, i) => {
    const end = m.index + m[0].length;
    // What is said about this total: up to the next total stated, and at most into the next sentence.
    let to = Math.min(found[i + 1]?.m.index ?? text.length, end + 160);
    const stops = [...text.slice(end, to).matchAll(/。/g)];
    if (stops.length >= 2) to = end + stops[1].index!;
    // A part listed after a total and 「其中」 in one sentence says nothing past it: the next sentence
    // (「收入较去年减少1316.82万元」, 长沙) is about the whole again.
    const sentenceStart = Math.max(text.lastIndexOf('。', m.index) + 1, text.lastIndexOf('|', m.index) + 1);
    // (A heading between them starts another part: a PDF's headings run into its sentences.)
    let first = i;
    while (first > 0 && found[first - 1].m.index >= sentenceStart) first--;
    const whole = first < i ? found[first] : undefined;
    const between = whole ? text.slice(whole.m.index + whole.m[0].length, end) : '';
    if (stops.length && between.includes('其中') && !SECTION.test(between)) to = end + stops[0].index! + 1;
    // Nor into the next section (「十一、…机关运行经费…减少 8007.18 万元」 is not about this total).
    const section = SECTION.exec(text.slice(end, to));
    if (section) to = end + section.index;
    // Nor into an item of its own (「其中：1．行政运行（项）支出 10,883.36 万元，…增长 36.58%」): a list
    // number (「1．」「1.」「（1）」), a 类/款/项 tag or a code in brackets (「行政运行（2010501）」) starts
    // the clause of another subject.
    const item = /(?<![\d.．,，])\d{1,2}[．、.](?!\d)|[（(](?:[类款项]|\d{1,2}|\d{3,7})[)）]/.exec(text.slice(end, to));
    if (item) {
      const before = text.slice(end, end + item.index);
      const stop = Math.max(...[...'，。；：:'].map((c) => before.lastIndexOf(c)));
      to = end + (stop >= 0 ? stop + 1 : item.index);
    }
    const body = text.slice(end, to);
    let head = body.split(/主要原因/)[0];
    // 「总支出600.00万元，其中本年支出500.00万元，较2022年度决算数增加50.00万元」: the change is the part's.
    const part = PART_THEN_CHANGE.exec(head);
    if (part) head = head.slice(0, part.index);
    const amount = stated(m[2], m[3]);
    if (!amount) return;
    out.push({
      key: keyOf(subject), level: 'total', subject: shownSubject(subject.replace(/\|/g, '')), amount, arranged: null, ...describe(head, body),
      sentence: text.slice(sentenceStart, to).replace(/\|/g, ''), source: { line: lineAt(s, m.index + m[0].lastIndexOf(m[2])) },
    });
  });
  return out;
}
