import type { ShareStatement, Statement, StatedAmount } from '../model/narrative';
import { formatWan } from '../model/amount';
import { printedAt, type CheckContext, type Where } from './context';
import type { DocView } from './docView';
import { itemLabel, narrativeStatements, printed, statementWhere } from './narrativeStatements';
import { directionOf } from './narrativeWords';
import { halfUnit as printedHalf, judgePercent, percentText, percentUnitsOff, sumsTo100, unitOf, type Ratio } from './precision';

/**
 * Check 12 (issue 13, items 3 and 4): every percentage the narrative prints, recomputed from the
 * figures it states, at the precision it prints: 「增长 79.05%」 of an item's change, 「占 59.35%」 of a
 * share, 「完成年初预算的 98.20%」. A percentage that only a truncation explains is 尾差; so is a share
 * forced so that its list adds up to 100%. Anything else is an error.
 */
export function checkNarrativePercent(ctx: CheckContext): void {
  const { view } = ctx;
  const statements = narrativeStatements(view);
  const shares = view.doc.narrative?.shares ?? [];
  if (!statements.some((s) => s.percent) && !shares.length) {
    ctx.notRun.push('情况说明中没有可复核的百分比');
    return;
  }
  const seen = new Set<string>();
  for (const st of statements) {
    if (!st.percent || !st.amount || seen.has(st.sentence + st.key)) continue;
    seen.add(st.sentence + st.key);
    changeRate(ctx, st);
  }
  const groups = new Map<number, ShareStatement[]>();
  for (const sh of shares) groups.set(sh.group, [...(groups.get(sh.group) ?? []), sh]);
  for (const group of groups.values()) shareGroup(ctx, group, statements, shares);
}

const amt = (a: StatedAmount) => BigInt(a.fen);
/**
 * The percentage is judged at its own printed precision, from the amounts as stated: the reviewer
 * recomputes 411.20 ÷ 508.20, not a range around 「70 万元」 (which Jiangsu prints for 70.00).
 */
const halfUnit = (_a: StatedAmount | null): bigint => 0n;

/**
 * But an amount printed to the 分 of 万元 (or finer) is itself rounded, and on small amounts that moves
 * the rate a lot: 0.62 over 0.50 is 24%, yet 0.6178 over 0.5055 is 22.22%. A rate that only the
 * stated amounts' own rounding explains is 尾差, not an error.
 */
const CENTS_OF_WAN = 10_000;
const roundedHalf = (a: StatedAmount | null): bigint => (a && unitOf(a) <= CENTS_OF_WAN ? printedHalf(a) : 0n);

function withinRounding(r: Ratio, st: Statement): boolean {
  const amountHalf = roundedHalf(st.amount);
  const num = st.change ? roundedHalf(st.change) : amountHalf + roundedHalf(st.base);
  const den = st.change && !st.base ? amountHalf + roundedHalf(st.change) : roundedHalf(st.base);
  if (!num && !den) return false;
  return judgePercent({ ...r, numHalf: r.numHalf + num, denHalf: r.denHalf + den }, st.percent!) === 'ok';
}

/** 「比上年增加 C 万元，增长 P%」: P = C ÷ (amount − C), or against the base the sentence states. */
function changeRate(ctx: CheckContext, st: Statement): void {
  if (directionOf(st.direction) === 0) return;
  let ratio: Ratio | null = null;
  if (st.change) {
    const base = st.base ?? null;
    ratio = base
      ? { num: amt(st.change), numHalf: halfUnit(st.change), den: amt(base), denHalf: halfUnit(base) }
      : { num: amt(st.change), numHalf: halfUnit(st.change), den: amt(st.amount!) - amt(st.change), denHalf: halfUnit(st.amount) + halfUnit(st.change) };
  } else if (st.base) {
    ratio = { num: amt(st.amount!) - amt(st.base), numHalf: halfUnit(st.amount) + halfUnit(st.base), den: amt(st.base), denHalf: halfUnit(st.base) };
  }
  if (!ratio) return;
  const v = judgePercent(ratio, st.percent!);
  if (v === null) return; // from nothing (「增长 100%」 of a new item): no rate to recompute
  ctx.comparisons++;
  if (v === 'ok') return;
  const computed = percentText(ratio, st.percent!.decimals);
  // Last year's amount is this year's less the change: plus a decrease (「减少 56.95 万元」, a change
  // below zero whatever its printed sign).
  const priorOf = (change: StatedAmount) => `(${st.amount!.text} ${amt(change) < 0n ? '+' : '−'} ${change.text.replace(/^[-－−]/, '')})`;
  const how = st.change ? `${st.change.text} ÷ ${st.base ? st.base.text : priorOf(st.change)}` : `(${st.amount!.text} − ${st.base!.text}) ÷ ${st.base!.text}`;
  const where = st.level === 'total' ? totalWhere(st) : statementWhere(st);
  if (withinRounding(ratio, st)) {
    ctx.report('rounding', where, `说明中${itemLabel(st)}「${st.direction}${st.percent!.value}%」，按所述数字 ${how} = ${computed}；所述金额本身是舍入后的数，按舍入前可能的值可得 ${st.percent!.value}%（尾差）。`, computed, `${st.percent!.value}%`);
  } else if (v === 'truncated') {
    ctx.report('rounding', where, `说明中${itemLabel(st)}「${st.direction}${st.percent!.value}%」，按所述数字 ${how} = ${computed}：截尾而不是四舍五入（差在最后一位以内）。`, computed, `${st.percent!.value}%`);
  } else {
    ctx.report('error', where, `说明中${itemLabel(st)}「${st.direction}${st.percent!.value}%」，而按所述数字 ${how} = ${computed}。应有：百分比与所述金额相符（按其所印的 ${st.percent!.decimals} 位小数）`, computed, `${st.percent!.value}%`);
  }
}

/** A total statement's finding points at facts change_vs_prior when it is the budget's own total. */
function totalWhere(st: Statement): Where {
  return statementWhere(st, st.key.startsWith('all.') || st.key.startsWith('fiscal.') ? 'change_vs_prior' : '');
}

type Whole = { fen: bigint; half: bigint; text: string };

/**
 * The wholes a share may be of, the likeliest first: stated with it; else the narrative's total it
 * names, the document's 支出总计 or 收入总计 it names, the list's own sum, the budget's whole spending.
 * A share right of any is right (a reviewer sees no finding a reading of the words explains); one
 * right of none is reported against the first.
 */
function wholesOf(view: DocView, sh: ShareStatement, group: readonly ShareStatement[], statements: readonly Statement[], all: readonly ShareStatement[]): Whole[] {
  if (sh.whole) return [{ fen: amt(sh.whole), half: halfUnit(sh.whole), text: sh.whole.text }];
  const out: Whole[] = [];
  // 「占本年支出合计的 100%」: the narrative's own statement of that total.
  const label = sh.wholeLabel.replace(/[“”]/g, '');
  if (label.length >= 4) {
    const named = statements.find((s) => s.level === 'total' && s.amount && s.subject.replace(/[“”]/g, '').endsWith(label));
    if (named) out.push({ fen: amt(named.amount!), half: 0n, text: `${label} ${named.amount!.text}` });
  }
  const fact = (k: string) => view.amount('facts', k, 'amount');
  if (/支出(?:预算)?总计/.test(label) && fact('expense_total') !== null) out.push({ fen: BigInt(fact('expense_total')!), half: 0n, text: `支出总计 ${formatWan(fact('expense_total')!)}` });
  if (/收入(?:预算)?总计/.test(label) && fact('income_total') !== null) out.push({ fen: BigInt(fact('income_total')!), half: 0n, text: `收入总计 ${formatWan(fact('income_total')!)}` });
  // 「占“三公”经费的 x%」 with no 三公 total stated: the list of its parts is the whole.
  if (group.length >= 2 && group.every((g) => g.amount && g.wholeLabel === sh.wholeLabel && sh.wholeLabel)) {
    out.push({ fen: group.reduce((s, g) => s + amt(g.amount!), 0n), half: group.reduce((s, g) => s + halfUnit(g.amount), 0n), text: `(${group.map((g) => g.amount!.text).join(' + ')})` });
  }
  // 「基本支出预算32780.46万元，占本年支出预算64.37%。项目支出预算18147.49万元，占本年支出预算35.63%。」
  // (北京): shares of one whole in sentences of their own, whose percentages make 100: their amounts
  // make the whole (50,927.95, where the 支出总计 is 51,036.22).
  const siblings = sh.wholeLabel ? all.filter((g) => g.kind === sh.kind && g.amount && g.wholeLabel === sh.wholeLabel) : [];
  if (siblings.length >= 2 && siblings.some((g) => g.group !== sh.group) && sumsTo100(siblings.map((g) => g.percent))) {
    out.push({ fen: siblings.reduce((s, g) => s + amt(g.amount!), 0n), half: 0n, text: `(${siblings.map((g) => g.amount!.text).join(' + ')})` });
  }
  // 「占支出预算的 54.15%」「占部门预算总支出的」: the budget's whole spending (长春's 基本支出 by 经济分类:
  // each 款 of all 1,682.76, the three listed making 1,208.19).
  if (WHOLE_EXPENSE.test(label) && fact('expense_total') !== null) out.push({ fen: BigInt(fact('expense_total')!), half: 0n, text: `支出总计 ${formatWan(fact('expense_total')!)}` });
  return out;
}

/**
 * A share right of its whole in the other money unit (长春: 「预算支出1682.76元」 for 万元, its shares
 * 「占 71.80%」 of 1,682.76 万元): the unit word is the defect, reported on the total it is printed with
 * (check 9), not again on every share of it.
 */
function unitSlip(ratio: Ratio, percent: Parameters<typeof judgePercent>[1]): boolean {
  const scaled = (k: bigint) => judgePercent({ ...ratio, den: ratio.den * k, denHalf: ratio.denHalf * k }, percent) === 'ok';
  const down = (k: bigint) => ratio.den % k === 0n && judgePercent({ ...ratio, den: ratio.den / k, denHalf: ratio.denHalf / k }, percent) === 'ok';
  return scaled(10_000n) || down(10_000n);
}

/** A budget's whole spending by name: 支出预算, 部门预算总支出 (a 决算's 总支出 is its 本年支出, not its 支出总计). */
const WHOLE_EXPENSE = /^(?:本年|部门)?预算总支出$|^(?:本年)?支出预算$/;

function shareGroup(ctx: CheckContext, group: readonly ShareStatement[], statements: readonly Statement[], all: readonly ShareStatement[]): void {
  const { view } = ctx;
  const forced = group[0].kind === 'share' && sumsTo100(group.map((g) => g.percent));
  for (const sh of group) {
    if (!sh.amount) continue;
    const wholes = wholesOf(view, sh, group, statements, all);
    if (!wholes.length) continue;
    const whole = wholes[0];
    const ratioOf = (w: Whole): Ratio => ({ num: amt(sh.amount!), numHalf: halfUnit(sh.amount), den: w.fen, denHalf: w.half });
    const ratio = ratioOf(whole);
    const v = judgePercent(ratio, sh.percent);
    if (v === null) continue;
    ctx.comparisons++;
    if (v === 'ok' || wholes.some((w) => judgePercent(ratioOf(w), sh.percent) === 'ok' || unitSlip(ratioOf(w), sh.percent))) continue;
    const computed = percentText(ratio, sh.percent.decimals);
    const what = sh.kind === 'share' ? `占 ${sh.percent.value}%` : `完成年初预算的 ${sh.percent.value}%`;
    const head = `说明中「${sh.subject}」${printed(sh.amount)}「${what}」，按所述数字 ${sh.amount.text} ÷ ${whole.text} = ${computed}`;
    const where = shareWhere(sh, statements);
    if (v === 'truncated') {
      ctx.report('rounding', where, `${head}：截尾而不是四舍五入（差在最后一位以内）。`, computed, `${sh.percent.value}%`);
    } else if (forced && percentUnitsOff(ratio, sh.percent) <= 1n) {
      ctx.report('rounding', where, `${head}：同列各项的百分比被调整为合计 100%，差在最后一位以内，是尾差。`, computed, `${sh.percent.value}%`);
    } else {
      ctx.report('error', where, `${head}。应有：百分比与所述金额相符（按其所印的 ${sh.percent.decimals} 位小数）${otherWhole(view, sh, whole.fen)}`, computed, `${sh.percent.value}%`);
    }
  }
}

/**
 * Where a share of the 三公 is wrong of the 三公 but right of the table's 合计 with 会议费 and 培训费
 * (Jiangsu's table prints both: 「占“三公”经费的 8.75%」 is 222.5 of 2542.6, not of 833.6), the
 * finding says so: the narrative names the wrong whole, and the reviewer sees which one it meant.
 */
function otherWhole(view: DocView, sh: ShareStatement, used: bigint): string {
  if (!sh.key.startsWith('three_public.')) return '';
  const all = view.amount('three_public', 'total_with_meeting_training', 'total');
  if (all === null || BigInt(all) === used) return '';
  const ratio: Ratio = { num: amt(sh.amount!), numHalf: halfUnit(sh.amount), den: BigInt(all), denHalf: 0n };
  if (judgePercent(ratio, sh.percent) !== 'ok') return '';
  return `。按「三公」经费、会议费、培训费表的合计 ${formatWan(all)} 万元计算正是 ${sh.percent.value}%：说明所说的「“三公”经费」实为含会议费、培训费的合计`;
}

/** A share points at its part: a 类/款/项 (facts, its code), a 三公 part or 收入 source (its table row), else the facts key. */
function shareWhere(sh: ShareStatement, statements: readonly Statement[]): Where {
  const base = { column: 'amount', ...printedAt(sh.source), quote: sh.sentence };
  if (/^\d{3,7}$/.test(sh.key)) return { ...base, table: 'facts', rowCode: sh.key, rowName: sh.subject };
  if (sh.key.startsWith('three_public.')) return { ...base, table: 'three_public', rowCode: sh.key.slice(13), rowName: sh.subject, column: 'total' };
  if (sh.key.startsWith('income.')) return { ...base, table: 'summary', rowCode: sh.key, rowName: sh.subject };
  // A fund's total (「财政拨款预算支出 X 万元，占本年支出合计的 100%」): the document's totals.
  const total = /^[a-z_]+\.(income|expense|both)$/.exec(sh.key);
  if (total) return { ...base, table: 'facts', rowCode: total[1] === 'expense' ? 'expense_total' : 'income_total', rowName: sh.subject };
  if (sh.key) return { ...base, table: 'facts', rowCode: sh.key, rowName: sh.subject };
  void statements;
  return { ...base, table: 'document', rowCode: '', rowName: sh.subject, column: '' };
}
