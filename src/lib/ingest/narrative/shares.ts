import type { ShareStatement, StatedAmount, Statement } from '../../model/narrative';
import { NUM, percent, PCT, stated, UNIT } from './numbers';
import { lineAt, sentenceAt, type Stream } from './stream';

/**
 * 「基本支出 17123.19 万元，占 59.35%」 and 「支出决算为 X 万元，完成年初预算的 Y%」: the part is the
 * amount just before the percentage in its sentence, the whole the 合计/总计 the list hangs from
 * (「本年支出预算合计 28849.38 万元，其中：」) or, for a completion rate, the 年初预算 stated with it.
 * Shares listed one after the other form a group, so the audit can tell a share forced to make the
 * group add up to 100% (尾差) from a wrong one.
 */

const SHARE = new RegExp(`占[^，。；%％\\d]{0,16}?${PCT}`, 'g');
const COMPLETION = new RegExp(`完成(?:年初)?(?:预算)?(?:数)?的?${PCT}`, 'g');
const AMOUNT = new RegExp(`${NUM}${UNIT}`, 'g');
const WHOLE = new RegExp(`([\\u4e00-\\u9fa5“”]{2,24}?)(?:为)?${NUM}${UNIT}[^。\\d%％占]{0,30}?(?:其中|主要用于以下方面|包括以下)`, 'g');
const BUDGET = new RegExp(`年初预算(?:数)?为${NUM}${UNIT}`);

/** Subjects the audit knows how to look up, by their printed words. */
const KEYS: [RegExp, string][] = [
  [/预留机动经费/, 'reserve'],
  [/基本支出/, 'basic'],
  [/项目支出/, 'project'],
  [/因公出国/, 'three_public.overseas'],
  [/公务用车购置及运行|公务用车购置和运行/, 'three_public.vehicle'],
  [/公务用车运行维护/, 'three_public.vehicle_operation'],
  [/公务接待/, 'three_public.reception'],
  [/三公/, 'three_public_total'],
  [/财政专户/, 'income.special_account'],
  [/一般公共预算收入/, 'income.general'],
  [/财政拨款收入/, 'income.fiscal'],
  [/其他收入/, 'income.other'],
];

export function readShares(s: Stream, statements: readonly Statement[]): ShareStatement[] {
  const out: ShareStatement[] = [];
  let group = 0;
  let lastEnd = -1;
  SHARE.lastIndex = 0;
  for (let m = SHARE.exec(s.text); m; m = SHARE.exec(s.text)) {
    const part = amountBefore(s.text, m.index);
    const whole = wholeBefore(s.text, m.index);
    // Shares close together (only their own clause between them) and of the same whole are one list.
    const prev = out.at(-1);
    if (lastEnd < 0 || m.index - lastEnd > 60 || /[。]/.test(s.text.slice(lastEnd, part?.at ?? m.index)) ||
      (prev && prev.kind === 'share' && (prev.whole?.fen ?? null) !== (whole?.amount?.fen ?? null))) group++;
    lastEnd = m.index + m[0].length;
    const subject = part ? subjectBefore(s.text, part.at) : '';
    out.push({
      kind: 'share', subject, key: keyOf(subject, part, statements, s),
      amount: part?.amount ?? null, whole: whole?.amount ?? null, wholeLabel: whole?.label ?? wordsOfWhole(m[0]),
      percent: percent(m[1]), group, sentence: sentenceText(s, m.index), source: { line: lineAt(s, m.index) },
    });
  }
  COMPLETION.lastIndex = 0;
  let previous = 0;
  for (let m = COMPLETION.exec(s.text); m; m = COMPLETION.exec(s.text)) {
    const part = amountBefore(s.text, m.index);
    const sentence = sentenceAt(s, m.index);
    // The 年初预算 is in the same sentence, or the one before for an item (「年初预算为 X，支出决算为 Y」),
    // and after the previous rate (「…完成预算的0%，其中：因公出国（境）费决算为…」 states no budget of its own).
    const before = s.text.slice(Math.max(previous, sentence.from - 200), m.index);
    previous = m.index + m[0].length;
    const budgets = [...before.matchAll(new RegExp(BUDGET.source, 'g'))];
    const b = budgets.at(-1);
    const subject = part ? subjectBefore(s.text, part.at) : '';
    out.push({
      kind: 'completion', subject, key: keyOf(subject, part, statements, s),
      amount: part?.amount ?? null, whole: b ? stated(b[1], b[2]) : null, wholeLabel: '年初预算',
      percent: percent(m[1]), group: ++group, sentence: sentenceText(s, m.index), source: { line: lineAt(s, m.index) },
    });
  }
  return out;
}

/** The last amount in the clause chain before `at` (within its sentence). */
function amountBefore(text: string, at: number): { amount: StatedAmount | null; at: number } | null {
  let from = at;
  while (from > 0 && !/[。；;]/.test(text[from - 1]) && at - from < 120) from--;
  const window = text.slice(from, at);
  let last: RegExpExecArray | null = null;
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(window); m; m = AMOUNT.exec(window)) last = m;
  return last ? { amount: stated(last[1], last[2]), at: from + last.index } : null;
}

/** The words naming the part: back from its amount to the previous delimiter. */
function subjectBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && !/[，,。；;：:|]/.test(text[from - 1]) && at - from < 40) from--;
  return text.slice(from, at).replace(/^(?:其中|包括)/, '').replace(/(?:为|是|支出|预算)+$/, (x) => (x === '支出' ? x : ''));
}

function wholeBefore(text: string, at: number): { amount: StatedAmount | null; label: string } | null {
  const window = text.slice(Math.max(0, at - 400), at);
  let last: RegExpExecArray | null = null;
  WHOLE.lastIndex = 0;
  for (let m = WHOLE.exec(window); m; m = WHOLE.exec(window)) last = m;
  if (!last || /。/.test(window.slice(last.index + last[0].length))) return null;
  return { amount: stated(last[2], last[3]), label: last[1] };
}

/** 「占“三公”经费的」 → 「“三公”经费」. */
function wordsOfWhole(share: string): string {
  return share.replace(/^占/, '').replace(/的?-?\d.*$/, '');
}

function keyOf(subject: string, part: { amount: StatedAmount | null; at: number } | null, statements: readonly Statement[], s: Stream): string {
  // A statement of this very amount on this line (「一般公共服务支出（类） 2106.66 万元，占 71.73%」).
  const line = part ? lineAt(s, part.at) : -1;
  const st = statements.find((x) => x.key && x.source.line === line && x.amount?.fen === part?.amount?.fen && x.sentence.includes(subject.replace(/\|/g, '').slice(0, 6)));
  if (st) return st.key;
  for (const [re, key] of KEYS) if (re.test(subject)) return key;
  return '';
}

function sentenceText(s: Stream, at: number): string {
  const { from, to } = sentenceAt(s, at);
  return s.text.slice(from, to).replace(/\|/g, '');
}
