import { FUNCTION_CLASSES, type Stage } from '../../model/keys';
import type { StatedAmount, Statement } from '../../model/narrative';
import { directionSign, NUM, PCT, stated, UNIT } from './numbers';
import { resolveItem, type CodedRow } from './resolve';
import { lineAt, type Stream } from './stream';
import { REASON } from '../../model/reasons';

/**
 * Statements per 功能分类 类/款/项: a heading naming the item, its amount, and what the sentences
 * after it say until the next item (change, direction, percentage, base, reason). The three printed
 * forms seen:
 *  - names tagged 「法院（款）行政运行（项）支出 X 万元，与上年相比增加 C 万元，增长 P%。主要原因是…」,
 *    under a heading 「（一）公共安全（类）」 (Jiangsu), or without amount, the 决算's
 *    「行政运行（项）。…年初预算为 B 万元，支出决算为 X 万元」;
 *  - quoted 「“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元」 or
 *    「“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元」 (Shanghai);
 *  - a numbered 类 without its tag: 「2．社会保障和就业支出 2000.39 万元」.
 * A tag may carry the item's code (「公共安全支出（204类）司法（06款）行政运行（01项）」): the code is
 * then what the item is, and the names are checked against the tables' (audit/narrativeItems.ts).
 */

const NAME = '[\\u4e00-\\u9fa5、（）()“”]';
export const TAGGED = new RegExp(`((?:${NAME}{1,40}?[（(]\\d{0,7}[类款项][)）])+)(?:支出)?[:：]?(?:${NUM}${UNIT})?`, 'g');
const TAGGED_AT = new RegExp(TAGGED.source, 'y');
const TAG = /[（(]\d{0,7}[类款项][)）]/g;
const isNameCode = (c: number) => (c >= 0x4e00 && c <= 0x9fa5) || c === 0x3001 || c === 0xff08 || c === 0xff09 || c === 40 || c === 41 || c === 0x201c || c === 0x201d;

/**
 * The next match of TAGGED at or after `from`, as `TAGGED.exec` finds it, without trying the pattern
 * at every character of the text (issue 17). A match starts 1 to 40 NAME characters before a tag
 * 「（类）」, and every such offset matches (all after the first tag is optional): so the match is
 * the one at the earliest offset before the first tag that has one.
 */
export function nextTagged(text: string, from: number): RegExpExecArray | null {
  for (TAG.lastIndex = from; ; ) {
    const tag = TAG.exec(text);
    if (!tag) return null;
    const t = tag.index;
    TAG.lastIndex = t + 1;
    let p = t;
    while (p > from && t - p < 40 && isNameCode(text.charCodeAt(p - 1))) p--;
    if (p === t) continue;
    TAGGED_AT.lastIndex = p;
    const m = TAGGED_AT.exec(text);
    if (m) return m;
  }
}

const QUOTED = new RegExp(`[“"]([^”“"]{2,90})[”"](?:科目)?[:：]?${NUM}${UNIT}`, 'g');
const NUMBERED_CLASS = new RegExp(`(?:^|[。：:|])\\d{1,2}[．.、]((?:${NAME}){2,20}?)(?:支出)?${NUM}${UNIT}`, 'g');
/** A section heading ends an item's extent: 「二、」「（三）」. */
const SECTION = /[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]/g;

interface Head {
  start: number;
  end: number;
  path: [string, string, string];
  /** The codes printed in the tags (「（204类）」 → '204'), '' where a tag has none. */
  codes: [string, string, string];
  amount: StatedAmount | null;
  amountAt: number;
  quoted: boolean;
}

type Path = [string, string, string];

/** 「公共安全（类）」「法院（款）行政运行（项）」 → [类, 款, 项], with the codes the tags print. */
function splitTagged(text: string): { path: Path; codes: Path } | null {
  const path: Path = ['', '', ''];
  const codes: Path = ['', '', ''];
  const re = /([^（()）]*(?:[（(](?!\d{0,7}[类款项][)）])[^（()）]*[)）][^（()）]*)*)[（(](\d{0,7})([类款项])[)）]/g;
  let any = false;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = cleanName(m[1]);
    if (!name) continue;
    const level = '类款项'.indexOf(m[3]);
    path[level] = name;
    codes[level] = m[2];
    any = true;
  }
  return any ? { path, codes } : null;
}

const NO_CODES: Path = ['', '', ''];

/**
 * The 功能分类 code the tags print, the 类's from the heading before when the item's own tags start
 * at its 款: 「（204类）…（06款）…（01项）」 → 2040601. A full code in a tag (「（2040601项）」) is taken as
 * it is. '' when the printed codes do not make one (a level's code missing or of the wrong length).
 */
export function codeOf(codes: Path, classCode: string): string {
  const [cls, kind, item] = codes;
  if (/^2\d{6}$/.test(item)) return item;
  if (/^2\d{4}$/.test(kind)) return item ? (/^\d{2}$/.test(item) ? kind + item : '') : kind;
  const c = cls || (kind || item ? classCode : '');
  if (!/^2\d{2}$/.test(c)) return '';
  if (!kind) return item ? '' : c;
  if (!/^\d{2}$/.test(kind)) return '';
  if (!item) return c + kind;
  return /^\d{2}$/.test(item) ? c + kind + item : '';
}

/** Drops list markers and quotes around a name: 「（一）公共安全」 → 「公共安全」. */
function cleanName(name: string): string {
  return name.replace(/\|/g, '').replace(/^(?:其中[：:]?)?(?:[（(][一二三四五六七八九十\d]+[)）])?(?:\d{1,2}[．.、])?/, '').replace(/[“”"]/g, '').replace(/^、/, '');
}

function heads(s: Stream, classNames: ReadonlySet<string>): Head[] {
  const out: Head[] = [];
  const text = s.text;
  const push = (h: Head) => {
    if (!out.some((o) => o.start < h.end && h.start < o.end)) out.push(h);
  };
  for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
    const inside = m[1];
    const split = splitTagged(inside);
    // 「“一般公共服务支出”科目 12,789 万元」: a 类 quoted by its name alone.
    const bare = classNames.has(inside.replace(/支出$/, '')) ? ([inside, '', ''] as Path) : null;
    const path = split?.path ?? dashed(inside) ?? bare;
    if (!path) continue;
    push({ start: m.index, end: m.index + m[0].length, path, codes: split?.codes ?? NO_CODES, amount: stated(m[2], m[3]), amountAt: m.index + m[0].lastIndexOf(m[2]), quoted: true });
  }
  for (let m = nextTagged(text, 0); m; m = nextTagged(text, m.index + m[0].length)) {
    const split = splitTagged(m[1]);
    if (!split) continue;
    const amount = m[2] ? stated(m[2], m[3]) : null;
    push({ start: m.index, end: m.index + m[0].length, path: split.path, codes: split.codes, amount, amountAt: m[2] ? m.index + m[0].lastIndexOf(m[2]) : m.index, quoted: false });
  }
  for (let m = NUMBERED_CLASS.exec(text); m; m = NUMBERED_CLASS.exec(text)) {
    const name = m[1].replace(/支出$/, '');
    if (!classNames.has(name)) continue;
    const start = m.index + m[0].indexOf(m[1]);
    push({ start, end: m.index + m[0].length, path: [name, '', ''], codes: NO_CODES, amount: stated(m[2], m[3]), amountAt: m.index + m[0].lastIndexOf(m[2]), quoted: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** 「一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行」 → [类, 款, 项]. */
function dashed(text: string): [string, string, string] | null {
  const parts = text.split(/[-－—–]/).map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !p || /\d/.test(p))) return null;
  return [parts[0], parts[1] ?? '', parts[2] ?? ''];
}

const CHANGE = new RegExp(`(增加|减少|增长|下降|降低|调增|调减)${NUM}${UNIT}`);
const PERCENT = new RegExp(`(增长|增加|减少|下降|降低|上升)[^，。；%％\\d]{0,6}?${PCT}`);
const FLAT = /持平|与上年一致|与上年相同|零增长|无变化|保持一致/;
const BASE = new RegExp(`(?:比|较|与)(?:(\\d{4})年度?)?(上年|上一年|预算执行数|年初预算|预算数|预算)?(预算执行数|执行数|预算数?|决算数?)?(?:${NUM}${UNIT})?(?:相比)?`);
const ARRANGED = new RegExp(`预算安排${NUM}${UNIT}`);
/** Not last year's figure nor the base of a comparison: 「比上年决算 X 万元」「上年决算数为 X 万元」. */
const NOT_BASE = '(?<!(?:比|较|与)(?:上年|上一年|\\d{4}年)?度?|上年度?|上一年度?)';
/** 「支出决算为 X 万元」「决算数 X 万元」「支出决算 X 万元」: the 决算's own figure. */
const FINAL = new RegExp(`${NOT_BASE}(?:支出)?决算(?:数)?(?:为|是)?${NUM}${UNIT}`);
/**
 * The budget a 决算 item is measured against: 「年初预算为 B 万元」「全年预算数 B 万元」「调整预算 B 万元」
 * 「预算数为 B 万元」. A bare 「预算 B 万元」 is none of these (a budget's own 「2024年预算 B 万元」).
 */
const BUDGET = new RegExp(`${NOT_BASE}(年初|全年|调整后?的?)?预算(数)?(为|是)?${NUM}${UNIT}`, 'g');
/**
 * Last year's execution stated as a figure of its own, before the comparison that names it without
 * one: 「2025年当年预算执行数为 A 万元，2026年预算安排 B 万元，比2025年预算执行数增加 P%」.
 */
const EXECUTED = new RegExp(`(?:(\\d{4})年度?|上年度?|上一年度?)(?:当年|全年)?(?:预算)?执行数?(?:为|是)?${NUM}${UNIT}`);
/** Last year's figure as a label and a colon: 「…（项）”43.83万元，上年：25.77万元，…」. */
const LABELLED = new RegExp(`(上年|上一年)度?(预算数?|执行数|决算数?)?[:：]${NUM}${UNIT}`);

/** `stage`: in a 预算, an item's 「预算数为 X 万元」 is its figure; in a 决算 (or unknown), the base of its 决算. */
export function readItems(s: Stream, coded: readonly CodedRow[], stage?: Stage): Statement[] {
  const classNames = new Set(coded.filter((c) => c.code.length === 3).map((c) => c.name.replace(/支出$/, '')));
  for (const n of CLASS_WORDS) classNames.add(n);
  const hs = heads(s, classNames);
  const out: Statement[] = [];
  let classContext = '';
  let classCode = '';
  SECTION.lastIndex = 0;
  const sections: number[] = [];
  for (let m = SECTION.exec(s.text); m; m = SECTION.exec(s.text)) sections.push(m.index);
  // 「“行政运行（项）”X万元。行政运行（项）2026年预算安排 Y 万元，…」: the repeat of the item's name
  // without an amount of its own opens the sentence about the same item, not another item.
  for (let i = hs.length - 1; i > 0; i--) {
    const [a, b] = [hs[i - 1], hs[i]];
    if (!b.amount && a.amount && lastName(a.path) === lastName(b.path) && b.start - a.end < 200) hs.splice(i, 1);
  }
  hs.forEach((h, i) => {
    const next = Math.min(hs[i + 1]?.start ?? s.text.length, sections.find((x) => x > h.end) ?? s.text.length, h.end + 400);
    const body = s.text.slice(h.end, next);
    // A 类 heading with nothing stated (「（一）公共安全（类）」 before its 款/项) only sets the context.
    if (h.path[0] && !h.path[1] && !h.path[2] && !h.amount && !FINAL.test(body)) {
      [classContext, classCode] = [h.path[0], h.codes[0]];
      return;
    }
    if (h.path[0]) [classContext, classCode] = [h.path[0], h.codes[0]];
    const path: [string, string, string] = [h.path[0] || (h.path[1] || h.path[2] ? classContext : ''), h.path[1], h.path[2]];
    const codes: Path = [h.codes[0] || (h.path[0] ? '' : classCode), h.codes[1], h.codes[2]];
    const st = statementOf(s, h, body, path, codes, coded, stage);
    if (st) out.push(st);
  });
  return out;
}

function lastName(p: readonly string[]): string {
  return [...p].reverse().find(Boolean) ?? '';
}

/** Class names without 支出, for 「2．社会保障和就业支出 2000.39 万元」 (the national 类 list). */
const CLASS_WORDS = Object.values(FUNCTION_CLASSES).map((n) => n.replace(/支出$/, ''));

/** What the sentences after a stated amount say about it: change, direction, percentage, base, reason. */
export function describe(head: string, body: string): Pick<Statement, 'base' | 'baseLabel' | 'baseYear' | 'change' | 'direction' | 'percent' | 'reason'> {
  let base: StatedAmount | null = null;
  let baseLabel = '';
  let baseYear: number | null = null;
  const ch = CHANGE.exec(head);
  const pc = PERCENT.exec(head);
  const flat = FLAT.exec(head);
  const bm = BASE.exec(head);
  if (bm) {
    baseYear = bm[1] ? Number(bm[1]) : null;
    baseLabel = [bm[2], bm[3]].filter(Boolean).join('') || (bm[0].includes('上年') ? '上年' : '');
    if (bm[4]) base = stated(bm[4], bm[5]);
  }
  const reason = REASON.exec(body);
  const sign = directionSign(ch?.[1] ?? '') === -1 ? -1 : 1;
  return {
    base, baseLabel, baseYear,
    change: ch ? stated(ch[2], ch[3], sign) : null,
    direction: ch?.[1] ?? pc?.[1] ?? flat?.[0] ?? '',
    percent: pc ? { value: pc[2], decimals: pc[2].includes('.') ? pc[2].length - pc[2].indexOf('.') - 1 : 0 } : null,
    reason: reason ? reason[1] : '',
  };
}

/**
 * The number of the next item, where an item's text runs up to it (「…主要原因是政策性调资。2．」):
 * not part of the sentence a finding quotes.
 */
const NEXT_ITEM = /[\s|]*(?:\d{1,2}[.．、]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]|[一二三四五六七八九十]+、)[\s|]*$/;

function statementOf(s: Stream, h: Head, body: string, path: Path, codes: Path, coded: readonly CodedRow[], stage?: Stage): Statement | null {
  const head = body.split(/主要原因/)[0];
  let amount = h.amount;
  let base: StatedAmount | null = null;
  let baseLabel = '';
  let baseYear: number | null = null;
  const fin = FINAL.exec(head);
  if (!amount && fin) amount = stated(fin[1], fin[2]);
  BUDGET.lastIndex = 0;
  for (let b = BUDGET.exec(head); b; b = BUDGET.exec(head)) {
    if (!b[1] && !b[2] && !b[3]) continue;
    base = stated(b[4], b[5]);
    baseLabel = `${(b[1] ?? '').replace(/后?的?$/, '')}预算`;
    break;
  }
  const executed = base ? null : EXECUTED.exec(head);
  if (executed) [base, baseLabel, baseYear] = [stated(executed[2], executed[3]), '预算执行数', executed[1] ? Number(executed[1]) : null];
  const labelled = base ? null : LABELLED.exec(head);
  if (labelled) [base, baseLabel] = [stated(labelled[3], labelled[4]), `上年${labelled[2] ?? ''}`];
  const arranged = ARRANGED.exec(head);
  if (!amount && arranged) amount = stated(arranged[1], arranged[2]);
  // A 预算's own 「行政运行（项）预算数为 X 万元」: its figure, not a base.
  if (!amount && base && stage === 'budget' && baseLabel !== '年初预算') [amount, base, baseLabel] = [base, null, ''];
  if (!amount) return null;
  const d = describe(head, body);
  if (!base) [base, baseLabel, baseYear] = [d.base, d.baseLabel, d.baseYear];
  const end = Math.min(s.text.length, h.end + body.length);
  const level = path[2] ? 'item' : path[1] ? 'kind' : 'class';
  const printedCode = codes.some(Boolean) ? codeOf(codes, '') : '';
  return {
    key: printedCode || resolveItem(path, coded),
    level,
    subject: path.filter(Boolean).join('/'),
    path,
    ...(codes.some(Boolean) && { codes }),
    amount,
    arranged: arranged && h.amount ? stated(arranged[1], arranged[2]) : null,
    ...d,
    base,
    baseLabel,
    baseYear,
    sentence: s.text.slice(h.start, end).replace(NEXT_ITEM, '').replace(/\|/g, ''),
    source: { line: lineAt(s, h.amountAt) },
  };
}
