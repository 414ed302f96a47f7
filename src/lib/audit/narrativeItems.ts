import type { Fen } from '../model/amount';
import { TABLE_NAMES } from '../model/keys';
import type { Statement } from '../model/narrative';
import type { CheckContext } from './context';
import { isUnitOf, grandTotal } from './crossDocument';
import type { DocView } from './docView';
import { itemFigures, itemLabel, narrativeStatements, printed, sectionOf, statementWhere } from './narrativeStatements';
import { directionOf } from './narrativeWords';
import { judgeStatedAt, unitOf } from './precision';
import { judge, wan, type Verdict } from './tolerance';

/**
 * Check 11 (issue 13, item 3): each 功能分类 类/款/项 the narrative states, sentence by sentence —
 * its amount against the tables at the stated precision, the sentence's own 「预算安排」 against its
 * heading, the direction word against the sign of the change, a 类's change and amount against its
 * items', and between a 部门 and its 单位 the same base (执行数).
 */
export function checkNarrativeItems(ctx: CheckContext, library: readonly DocView[]): void {
  const items = narrativeStatements(ctx.view).filter((s) => s.level !== 'total' && s.amount);
  if (!items.length) {
    ctx.notRun.push('情况说明中没有按功能分类科目逐项说明的段落');
    return;
  }
  const seen = new Set<string>();
  for (const st of items) {
    const key = `${st.key || st.subject}|${st.amount!.fen}`;
    if (seen.has(key)) continue; // a paragraph printed twice is reported once, by the text check
    seen.add(key);
    amountAgainstTables(ctx, st);
    arrangedAgainstHeading(ctx, st);
    directionAgainstSign(ctx, st);
  }
  namesAgainstTables(ctx, items);
  classAgainstItems(ctx, items);
  departmentAgainstUnits(ctx, library, items);
}

function amountAgainstTables(ctx: CheckContext, st: Statement): void {
  const { view } = ctx;
  if (!st.key) {
    ctx.notRun.push(`${itemLabel(st)}未能对应到功能分类科目编码，未与表核对`);
    return;
  }
  const figures = itemFigures(view, st.key);
  if (!figures.length) {
    const unreadable = ['fiscal_expense', 'general_expense', 'expense'].some((t) => view.state(t as never) === 'unreadable');
    if (unreadable || !['general_expense', 'expense', 'fiscal_expense'].some((t) => view.state(t as never) === 'present')) {
      ctx.notRun.push(`${itemLabel(st)}：支出表未能读取或缺失，未与表核对`);
      return;
    }
    ctx.comparisons++;
    ctx.report('warning', statementWhere(st), `说明列出${itemLabel(st)} ${wan(st.amount!.fen)} 万元，但各支出表中没有这一科目。`, '', wan(st.amount!.fen));
    return;
  }
  ctx.comparisons++;
  const verdicts = figures.map((f) => ({ ...f, v: judgeStatedAt(st.amount!.fen, st.amount!, f.fen) }));
  const best = verdicts.find((x) => x.v === 'ok') ?? verdicts.find((x) => x.v === 'rounding') ?? verdicts[0];
  if (best.v === 'ok') return;
  const precision = st.amount!.decimals === 0 ? `（说明以整${st.amount!.unit}表述，已按此精度比较）` : '';
  const how = best.v === 'rounding' ? `相差 ${wan(st.amount!.fen - best.fen)}，不超过说明所写精度的最后一位：像是截尾而不是四舍五入` : `相差 ${wan(st.amount!.fen - best.fen)}`;
  ctx.report(best.v, statementWhere(st),
    `说明中${itemLabel(st)}为 ${printed(st.amount!)}，而${TABLE_NAMES[best.table]} ${st.key} 行合计为 ${wan(best.fen)}（${how}）${precision}。应有：说明与表一致`,
    wan(best.fen), wan(st.amount!.fen));
}

/** 「“行政运行（项）”X万元。…2026年预算安排 Y 万元」: the sentence's own figure against its heading. */
function arrangedAgainstHeading(ctx: CheckContext, st: Statement): void {
  if (!st.arranged || !st.amount) return;
  ctx.comparisons++;
  const v = judgeStatedAt(st.arranged.fen, st.arranged, st.amount.fen);
  if (v === 'ok') return;
  ctx.report(v, statementWhere(st), `说明中${itemLabel(st)}标题写 ${printed(st.amount)}，同一段的「预算安排」却是 ${printed(st.arranged)}。应有：两处一致`, st.amount.text, st.arranged.text);
}

const LEVELS = ['类', '款', '项'] as const;
const bareName = (n: string) => n.replace(/[\s“”"]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/支出$/, '');

/**
 * A narrative that prints its items' codes (「医疗卫生与计划生育支出（210类）」) names them as the
 * tables do, or the reader cannot tell which is meant: the code's name in the tables against the
 * name printed beside it. Once per code and name; a name one side shortens (contains the other) is
 * the same name.
 */
function namesAgainstTables(ctx: CheckContext, items: readonly Statement[]): void {
  const tableNames = new Map<string, string>();
  for (const t of ['expense', 'general_expense', 'fiscal_expense'] as const) {
    for (const r of ctx.view.rows(t)) if (r.code && r.name && !tableNames.has(r.code)) tableNames.set(r.code, r.name);
  }
  const seen = new Set<string>();
  for (const st of items) {
    if (!st.codes || !st.path || !st.key) continue;
    for (let level = 0; level < 3; level++) {
      const name = st.path[level];
      const code = st.key.slice(0, 3 + 2 * level);
      if (!name || !st.codes[level] || code.length !== 3 + 2 * level) continue;
      const table = tableNames.get(code);
      if (!table || seen.has(`${code}|${name}`)) continue;
      seen.add(`${code}|${name}`);
      ctx.comparisons++;
      const [a, b] = [bareName(name), bareName(table)];
      if (a.includes(b) || b.includes(a)) continue;
      ctx.report('warning', statementWhere(st, code),
        `说明中（${st.codes[level]}${LEVELS[level]}）写作「${name}」，而表中 ${code} 是「${table}」。应有：科目名称与表一致`, table, name);
    }
  }
}

/**
 * The direction word against the figures: 「增加」 with a stated base above the amount, 「持平」 with a
 * change, or 「增加 C 万元，下降 P%」 within one sentence, contradict themselves.
 */
function directionAgainstSign(ctx: CheckContext, st: Statement): void {
  const word = directionOf(st.direction);
  if (word === null || !st.amount) return;
  let actual: Fen | null = null;
  // A printed 0 is exact whatever its decimals: 「执行数为0万元，预算安排0.31万元，增加」 is an increase.
  const slack = (a: NonNullable<Statement['amount']>) => (a.fen === 0 ? 0 : unitOf(a));
  let tolerance = slack(st.amount);
  if (st.base) {
    actual = st.amount.fen - st.base.fen;
    tolerance += slack(st.base);
  } else if (st.change && word === 0) actual = st.change.fen;
  if (actual === null) return;
  ctx.comparisons++;
  const sign = Math.abs(actual) <= tolerance ? 0 : actual > 0 ? 1 : -1;
  if (sign === word) return;
  const said = word === 0 ? '持平' : word > 0 ? '增加' : '减少';
  const is = sign === 0 ? '基本持平' : sign > 0 ? `增加 ${wan(actual)}` : `减少 ${wan(-actual)}`;
  ctx.report('error', statementWhere(st),
    `说明中${itemLabel(st)}写「${st.direction}」，但按所述数字（${printed(st.amount)}${st.base ? `，比较基数 ${printed(st.base)}` : ''}）实际是${is}。应有：增减方向与数字一致（说的是「${said}」）`, is, said);
}

/** A 类's stated change (and amount) against the sum of its items', when every item of it is stated. */
function classAgainstItems(ctx: CheckContext, items: readonly Statement[]): void {
  const { view } = ctx;
  for (const cls of items.filter((s) => s.level === 'class' && s.key)) {
    // Only the items of the same section: a 类 stated for all funds (收支预算总表) and its 项 stated for
    // 财政拨款 (财政拨款支出表) cover different money.
    const section = sectionOf(view, cls.source);
    const children = uniqueByKey(items.filter((s) => s.level === 'item' && s.key.startsWith(cls.key) && sectionOf(view, s.source) === section));
    if (!children.length) continue;
    // An item of this 类 whose code was found nowhere (a 项 no table of the document prints: 国家信访局
    // 2024's 一般行政管理事务 and 机关服务 under 信访事务) is in no sum: the 类 is not judged on the rest.
    const unplaced = items.filter((s) => s.level === 'item' && !s.key && className(s) === className(cls) && sectionOf(view, s.source) === section);
    if (unplaced.length) {
      ctx.notRun.push(`说明中${itemLabel(cls)}其下 ${unplaced.length} 项（「${unplaced[0].subject}」等）未能对应科目编码，类与其下各项之和未核对`);
      continue;
    }
    // Every 项 the tables print under this 类 must be stated, or the sum says nothing.
    const tableItems = new Set(['fiscal_expense', 'general_expense', 'expense'].flatMap((t) => view.rows(t as never).map((r) => r.code)).filter((c) => c.length === 7 && c.startsWith(cls.key)));
    if (tableItems.size && [...tableItems].some((c) => !children.some((s) => s.key === c))) continue;
    sumCheck(ctx, cls, children, 'amount');
    if (cls.change && children.every((s) => s.change || directionOf(s.direction) === 0)) sumCheck(ctx, cls, children, 'change');
  }
}

/** The 类 a statement's path starts with, as a name (「卫生健康支出」 and 「卫生健康」 alike). */
function className(s: Statement): string {
  return (s.path?.[0] ?? s.subject).replace(/支出$/, '');
}

function sumCheck(ctx: CheckContext, cls: Statement, children: readonly Statement[], what: 'amount' | 'change'): void {
  const total = what === 'amount' ? cls.amount!.fen : cls.change!.fen;
  const parts = children.map((s) => (what === 'amount' ? s.amount!.fen : s.change?.fen ?? 0));
  const sum = parts.reduce((a, b) => a + b, 0);
  ctx.comparisons++;
  const verdict: Verdict = judge(total, sum, children.length);
  if (verdict === 'ok') return;
  const label = what === 'amount' ? '金额' : '比上年增减';
  const terms = children.map((s) => `${s.key} ${wan(what === 'amount' ? s.amount!.fen : s.change?.fen ?? 0)}`).join(' + ');
  ctx.report(verdict, statementWhere(cls),
    `说明中${itemLabel(cls)}的${label}为 ${wan(total)}，而其下各项说明的${label}之和为 ${terms} = ${wan(sum)}（相差 ${wan(total - sum)}）。应有：类的${label} = 其下各项之和`,
    wan(sum), wan(total));
}

function uniqueByKey(list: readonly Statement[]): Statement[] {
  const seen = new Set<string>();
  return list.filter((s) => !seen.has(s.key) && seen.add(s.key));
}

/**
 * A 部门 and its 单位 (when the units loaded are all of it: the same 支出总计) must state the same
 * base for an item: the same 预算执行数 is not two figures.
 */
function departmentAgainstUnits(ctx: CheckContext, library: readonly DocView[], items: readonly Statement[]): void {
  const me = ctx.view;
  const dept = me.doc.meta.scope === 'department' ? me : library.find((v) => isUnitOf(me.doc.meta, v.doc.meta));
  if (!dept) return;
  const units = library.filter((v) => isUnitOf(v.doc.meta, dept.doc.meta));
  if (!units.length) return;
  const deptTotal = grandTotal(dept);
  const sum = units.map(grandTotal);
  if (deptTotal === null || sum.some((t) => t === null) || (sum as Fen[]).reduce((a, b) => a + b, 0) !== deptTotal) return;
  const bases = (v: DocView) => new Map(narrativeStatements(v).filter((s) => s.key && s.base).map((s) => [`${s.key}|${s.baseLabel}`, s]));
  const deptBases = bases(dept);
  const unitBases = units.map(bases);
  for (const st of items) {
    if (!st.key || !st.base) continue;
    const k = `${st.key}|${st.baseLabel}`;
    const d = deptBases.get(k);
    const us = unitBases.map((m) => m.get(k));
    if (!d || us.some((u) => !u)) continue;
    const total = us.reduce((a, u) => a + u!.base!.fen, 0);
    ctx.comparisons++;
    const v = units.length === 1 ? judgeStatedAt(total, us[0]!.base!, d.base!.fen) : judge(total, d.base!.fen, units.length);
    if (v === 'ok') continue;
    const other = me === dept ? units[0] : dept;
    ctx.report(v, { ...statementWhere(st), relatedDocId: other.docId },
      `${itemLabel(st)}的${st.baseLabel || '比较基数'}：部门说明为 ${printed(d.base!)}，所属单位说明${units.length > 1 ? '之和' : ''}为 ${wan(total)}。部门与单位的支出总计相同，同一科目的${st.baseLabel || '基数'}应一致`,
      d.base!.text, wan(total));
  }
}
