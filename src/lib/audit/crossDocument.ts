import type { Fen } from '../model/amount';
import type { DocumentMeta } from '../model/document';
import { SCOPE_NAMES } from '../model/keys';
import { FORMAT_FACTS } from '../model/tables/facts';
import { lineOf, CheckContext, type Where } from './context';
import type { DocView } from './docView';
import { judge, judgeStated, wan } from './tolerance';

/** Facts that add up across a department's units (a share, say, would not). */
const ADDITIVE_FACTS = ['income_total', 'expense_total', 'basic', 'personnel', 'public', 'project', 'change_vs_prior', 'three_public_total', 'procurement_total'];

/** Same unit across years: the printed code where there is one, else the name. */
export function unitKey(meta: DocumentMeta): string {
  return `${meta.scope}|${meta.stage}|${meta.unitCode || meta.unitName}`;
}

/**
 * Whether `unit` is a unit (单位) of `dept` (部门): same year and stage, and its code extends the
 * department's (203 → 203001); where no code is printed (Shanghai), the same name.
 */
export function isUnitOf(unit: DocumentMeta, dept: DocumentMeta): boolean {
  if (unit.scope !== 'unit' || dept.scope !== 'department' || unit.year !== dept.year || unit.stage !== dept.stage) return false;
  if (dept.unitCode && unit.unitCode) return unit.unitCode.startsWith(dept.unitCode) && unit.unitCode !== dept.unitCode;
  return !dept.unitCode && !unit.unitCode && unit.unitName === dept.unitName;
}

/**
 * The documents whose audit reads any of `ids`, and those ids: what must be audited again when they
 * arrive or go. The cross-document checks read the same unit's document of the year before (its
 * 比上年增减) and, in the same year, a department, its units and their sibling units (the
 * department's coverage adds them up) — so the same unit a year later depends on a document, its
 * other years do not. Pure, on metadata only, so the database can decide what to re-audit after a
 * change; auditing one year of a unit with ten does not audit the other nine (issue 17).
 */
export function dependentDocIds(docs: readonly { docId: string; meta: DocumentMeta }[], ids: Iterable<string>): string[] {
  return near(docs, ids, 1);
}

/** The documents an audit of `ids` reads, and those ids: the same unit a year earlier, and the same year's department relations. */
export function neededDocIds(docs: readonly { docId: string; meta: DocumentMeta }[], ids: Iterable<string>): string[] {
  return near(docs, ids, -1);
}

/** `ids`, the same unit's documents `years` later, and the same year's department, units and sibling units. */
function near(docs: readonly { docId: string; meta: DocumentMeta }[], ids: Iterable<string>, years: 1 | -1): string[] {
  const byId = new Map(docs.map((d) => [d.docId, d.meta]));
  // Indexed by unit and year, and by year + stage, so a library of thousands is not scanned once per id.
  const byUnitYear = group(docs, (m) => `${unitKey(m)}|${m.year}`);
  const byYear = group(docs, (m) => `${m.year}|${m.stage}`);
  const out = new Set<string>();
  for (const id of ids) {
    const me = byId.get(id);
    out.add(id);
    if (!me) continue;
    for (const d of byUnitYear.get(`${unitKey(me)}|${me.year + years}`) ?? []) out.add(d.docId);
    const sameYear = byYear.get(`${me.year}|${me.stage}`) ?? [];
    const depts = sameYear.filter((d) => isUnitOf(me, d.meta)).map((d) => d.meta);
    for (const d of sameYear) {
      if (isUnitOf(d.meta, me) || isUnitOf(me, d.meta) || depts.some((dept) => isUnitOf(d.meta, dept))) out.add(d.docId);
    }
  }
  return [...out];
}

function group<T extends { meta: DocumentMeta }>(docs: readonly T[], key: (m: DocumentMeta) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const d of docs) {
    const k = key(d.meta);
    const list = out.get(k);
    if (list) list.push(d);
    else out.set(k, [d]);
  }
  return out;
}

/** 支出总计 as the tables print it, else as the narrative states it. */
export function grandTotal(view: DocView): Fen | null {
  return view.amount('summary', 'expense.grand_total', 'amount') ?? view.amount('facts', 'expense_total', 'amount');
}

function factWhere(view: DocView, key: string, related: string): Where {
  const f = view.figure('facts', key, 'amount');
  return { table: 'facts', rowCode: key, rowName: f?.rowName ?? FORMAT_FACTS[key], column: 'amount', ...lineOf(f), relatedDocId: related };
}

function label(view: DocView): string {
  const m = view.doc.meta;
  return `${m.unitCode ? `${m.unitCode} ` : ''}${m.unitName} ${m.year}年${SCOPE_NAMES[m.scope]}预算`;
}

/**
 * Department against its loaded units. The units must not add up to more than the department; when
 * they add up to exactly the department (all its units are loaded), the additive figures their
 * narratives state must add up too (seed 004: same totals, 比上年 −74.65 against +1693.18). Each
 * finding is reported on the department and on every unit, so each document's panel shows it.
 */
function departmentChecks(ctx: CheckContext, views: readonly DocView[]): void {
  const me = ctx.view;
  const dept = me.doc.meta.scope === 'department' ? me : views.find((v) => isUnitOf(me.doc.meta, v.doc.meta));
  if (!dept) return;
  const units = views.filter((v) => isUnitOf(v.doc.meta, dept.doc.meta));
  if (!units.length) return;
  const deptTotal = grandTotal(dept);
  const unitTotals = units.map(grandTotal);
  if (deptTotal === null || unitTotals.some((t) => t === null)) return;
  const sum = (unitTotals as Fen[]).reduce((a, b) => a + b, 0);
  const related = me === dept ? units[0].docId : dept.docId;
  const names = units.map(label).join('、');
  ctx.comparisons++;
  if (judge(sum, deptTotal, units.length) === 'error' && sum > deptTotal) {
    ctx.report('error', { table: 'summary', rowCode: 'expense.grand_total', relatedDocId: related, ...lineOf(me.figure('summary', 'expense.grand_total', 'amount')) },
      `所属单位（${names}）支出总计之和 ${wan(sum)} 超过部门「${label(dept)}」的支出总计 ${wan(deptTotal)}。应有：部门支出总计 ≥ 所属单位之和`, wan(deptTotal), wan(sum));
    return;
  }
  if (sum !== deptTotal) return; // only some units are loaded: their narratives cover part of the department
  for (const key of ADDITIVE_FACTS) {
    const d = dept.amount('facts', key, 'amount');
    const us = units.map((u) => u.amount('facts', key, 'amount'));
    if (d === null || us.some((u) => u === null)) continue;
    const total = (us as Fen[]).reduce((a, b) => a + b, 0);
    ctx.comparisons++;
    const verdict = units.length === 1 ? judgeStated(total, d) : judge(total, d, units.length);
    if (verdict === 'ok') continue;
    const severity = verdict === 'rounding' ? 'rounding' : 'error';
    const unitText = units.length === 1 ? `单位「${names}」说明中为 ${wan(total)}` : `所属单位（${names}）说明之和为 ${wan(total)}`;
    ctx.report(severity, factWhere(me, key, related),
      `部门与所属单位的支出总计相同（${wan(deptTotal)}），但${FORMAT_FACTS[key]}：部门「${label(dept)}」说明中为 ${wan(d)}，${unitText}。应有：两者一致`,
      wan(me === dept ? total : d), wan(me === dept ? d : total));
  }
}

/**
 * This year's stated 比上年增减 against last year's loaded document of the same unit. A warning, not
 * an error: narratives measure against the adjusted budget or 执行数 as often as against the budget
 * published a year earlier (Shanghai's narratives use both).
 */
function priorYear(ctx: CheckContext, views: readonly DocView[]): void {
  const me = ctx.view;
  const change = me.amount('facts', 'change_vs_prior', 'amount');
  if (change === null) return;
  const key = unitKey(me.doc.meta);
  const prior = views.find((v) => v.doc.meta.year === me.doc.meta.year - 1 && unitKey(v.doc.meta) === key);
  if (!prior) return;
  const now = grandTotal(me);
  const before = grandTotal(prior);
  if (now === null || before === null) return;
  ctx.comparisons++;
  const actual = now - before;
  const verdict = judgeStated(change, actual);
  if (verdict === 'ok') return;
  ctx.report(verdict === 'rounding' ? 'rounding' : 'warning', factWhere(me, 'change_vs_prior', prior.docId),
    `说明中的比上年增减 ${wan(change)}，而本年支出总计 ${wan(now)} − 上年「${label(prior)}」支出总计 ${wan(before)} = ${wan(actual)}（相差 ${wan(change - actual)}；若说明以调整后预算或执行数为基数，请核对）。`,
    wan(actual), wan(change));
}

/** Check 9: across the documents loaded together. Runs (and counts) only where related documents exist. */
export function checkCrossDocument(ctx: CheckContext, views: readonly DocView[]): void {
  departmentChecks(ctx, views);
  priorYear(ctx, views);
  if (!ctx.comparisons) ctx.notRun.push('资料库中没有相关文档（同一单位的上年文档，或部门与所属单位）');
}
