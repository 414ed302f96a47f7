import type { Fen } from '../model/amount';
import type { Stage } from '../model/keys';
import type { Narrative } from '../model/narrative';
import { reasonAbout } from '../model/reasons';
import { KEYED_FIGURES, loadFiguresFor, MAPPED_CODES, type DocFigures } from './figures';
import { cite, METRIC_BY_KEY, readMetric, type MetricDef } from './metrics';
import type { CompareSource, FigureNeeds } from './source';
import type { Cell, DocRef, UnitGroup } from './types';
import { loadUnits, pickDocument } from './units';

/**
 * 执行: a unit-year's 预算 beside its 决算 (预算 vs 决算). Per row: the budget (年初预算: the 预算
 * document's figure; without one, the 决算's own 年初预算数 column, else the 决算 narrative's
 * 「年初预算为 X 万元」), the 全年预算数 where the 决算 prints it, the 决算数, the execution rate and the
 * signed difference. Rows: totals, 基本/项目, 三公 and its parts, 机关运行经费, 功能分类 类/款/项.
 * Amounts stay fen; the rates are floats for display, and the flags are decided in integers.
 */
export type ExecutionFlag = 'below' | 'above' | 'no_final' | 'no_budget';

/** Below 80% or above 120% of the budget the rate is measured against (flags are whole-number comparisons). */
export const EXECUTION_LIMITS = { below: [8, 10], above: [12, 10] } as const;

export interface ExecutionReason {
  text: string;
  docId: string;
  page: number | null;
  line: number | null;
  /** The file page and line count in, when not the document's own (SourceRef.file). */
  file?: string | null;
}

export interface ExecutionRow {
  key: string;
  label: string;
  group: 'total' | 'three_public' | 'function';
  depth: number;
  code?: string;
  /** 年初预算. */
  budget: Cell | null;
  /** 全年预算数 (after adjustments), where the 决算 prints it. */
  fullYear: Cell | null;
  actual: Cell | null;
  /** 决算 / the budget it is measured against (全年预算数 where printed, else 年初预算); display only. */
  rate: number | null;
  /** Which budget `rate` and the flags are measured against. */
  rateBase: 'full_year' | 'initial' | null;
  /** 决算 − 年初预算, signed. */
  difference: Fen | null;
  flags: ExecutionFlag[];
  /** The 决算 narrative's explanation, where it gives one. */
  reason: ExecutionReason | null;
}

export interface ExecutionResult {
  unit: UnitGroup;
  year: number;
  budgetDoc: DocRef | null;
  finalDoc: DocRef | null;
  /** The 功能分类 table the rows were read from in each document. */
  functionTable: string | null;
  rows: ExecutionRow[];
}

/** The rows above the classification, from the comparisons' metrics (metrics.ts: where each is read). */
const TOTAL_ROWS = ['expense_total', 'basic', 'project', 'three_public', 'overseas', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception', 'operating_cost'];
const THREE_PUBLIC_KEYS = new Set(['three_public', 'overseas', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception']);
/**
 * 支出 in execution is the year's spending (本年支出合计), not the 支出总计 with the year-end balance
 * carried forward: the expense table's total first, then the 一般公共预算 table's.
 */
const EXPENSE_TOTAL: MetricDef = { ...METRIC_BY_KEY.get('expense_total')!, label: '本年支出合计', sources: [['expense', 'total', 'total'], ['general_expense', 'total', 'total'], ['facts', 'expense_total', 'amount']] };
/** The metric as execution reads it (本年支出合计 for the total; trend.ts reads it the same way). */
export const defOf = (key: string) => (key === 'expense_total' ? EXPENSE_TOTAL : METRIC_BY_KEY.get(key)!);

const FUNCTION_TABLES = ['expense', 'general_expense'];
const BUDGET_COLUMNS = ['initial_budget', 'full_year_budget'];
const CODED = /^\d{3}(\d{2}){0,2}$/;

/** What execution reads: the comparisons' keyed figures, their budget columns, and the 功能分类 rows with budget columns. */
export const EXECUTION_NEEDS: FigureNeeds = {
  keyed: [
    ...KEYED_FIGURES,
    ...TOTAL_ROWS.flatMap((k) => defOf(k).sources.filter(([t, , c]) => t !== 'facts' && c === 'total').flatMap(([t, r]) => BUDGET_COLUMNS.map((c) => [t, r, c] as const))),
  ],
  classTables: FUNCTION_TABLES,
  classColumns: ['total', ...BUDGET_COLUMNS],
  maxCodeLength: 7,
  mappedCodes: MAPPED_CODES,
};

export function loadExecutionFigures(src: CompareSource, docIds: readonly string[]): Map<string, DocFigures> {
  return loadFiguresFor(src, docIds, EXECUTION_NEEDS);
}

/** The 预算 and 决算 documents of a unit and year (the 部门 one preferred, units.ts). */
export function executionDocs(docs: readonly DocRef[], unitKey: string, year: number): Record<Stage, DocRef | null> {
  const of = (stage: Stage) => pickDocument(docs.filter((d) => d.unitKey === unitKey && d.year === year && d.stage === stage));
  return { budget: of('budget'), final: of('final') };
}

export function executionQuery(src: CompareSource, unitKey: string, year: number): ExecutionResult | null {
  const units = loadUnits(src);
  const unit = units.byKey.get(unitKey);
  if (!unit) return null;
  const { budget, final } = executionDocs(units.docs, unitKey, year);
  const ids = [budget, final].filter((d): d is DocRef => d !== null).map((d) => d.docId);
  const figs = loadExecutionFigures(src, ids);
  const narratives = src.narratives?.(final ? [final.docId] : []) ?? new Map();
  const read = executionRows(budget ? figs.get(budget.docId)! : null, final ? figs.get(final.docId)! : null, final ? (narratives.get(final.docId) ?? null) : null, final?.docId ?? '');
  return { unit, year, budgetDoc: budget, finalDoc: final, ...read };
}

/** A metric read from the 决算 in one of its budget columns (the table sources only). */
function budgetColumn(figs: DocFigures, def: MetricDef, column: string): Cell | null {
  // The budget columns stand beside a table's total column only (a 决算 prints no 基本/项目 split of them).
  for (const [t, r, c] of def.sources) {
    if (t === 'facts' || c !== 'total') continue;
    const f = figs.get(t, r, column);
    if (f) return { amount: f.amount, source: cite(f) };
  }
  return null;
}

/** The rows of one unit-year, from the two documents' figures and the 决算's narrative. Pure. */
export function executionRows(budget: DocFigures | null, final: DocFigures | null, narrative: Narrative | null, finalDocId: string): { functionTable: string | null; rows: ExecutionRow[] } {
  const rows: ExecutionRow[] = [];
  for (const key of TOTAL_ROWS) {
    const def = defOf(key);
    const b = (budget && readMetric(budget, def)) ?? (final && budgetColumn(final, def, 'initial_budget'));
    const full = final ? budgetColumn(final, def, 'full_year_budget') : null;
    const actual = final ? readMetric(final, def) : null;
    if (!b && !actual && !full) continue;
    const group = THREE_PUBLIC_KEYS.has(key) ? 'three_public' : 'total';
    const row = make(key, def.label, group, def.depth, b ?? null, full, actual);
    row.reason = narrative ? totalReason(narrative, key, finalDocId) : null;
    rows.push(row);
  }
  const table = FUNCTION_TABLES.find((t) => budget?.column(t, 'total').length && final?.column(t, 'total').length)
    ?? FUNCTION_TABLES.find((t) => final?.column(t, 'total').length || budget?.column(t, 'total').length) ?? null;
  if (table) rows.push(...functionRows(table, budget, final, narrative, finalDocId));
  markMissing(rows, budget !== null && table !== null && (budget.column(table, 'total').length > 0), final !== null && table !== null && final.column(table, 'total').length > 0);
  return { functionTable: table, rows };
}

function functionRows(table: string, budget: DocFigures | null, final: DocFigures | null, narrative: Narrative | null, docId: string): ExecutionRow[] {
  const coded = (figs: DocFigures | null, column: string) => new Map((figs?.column(table, column) ?? []).filter((f) => CODED.test(f.rowCode)).map((f) => [f.rowCode, f]));
  const planned = coded(budget, 'total');
  const initial = coded(final, 'initial_budget');
  const fullYear = coded(final, 'full_year_budget');
  const spent = coded(final, 'total');
  const stated = new Map((narrative?.statements ?? []).filter((s) => s.level !== 'total' && s.key).map((s) => [s.key, s]));
  const codes = [...new Set([...planned.keys(), ...initial.keys(), ...spent.keys(), ...fullYear.keys()])].sort();
  return codes.map((code) => {
    const p = planned.get(code) ?? (budget ? undefined : initial.get(code));
    const s = stated.get(code);
    let b: Cell | null = p ? { amount: p.amount, source: cite(p) } : null;
    // The 决算 narrative's 「年初预算为 X 万元」 stands in when neither table gives the budget.
    if (!b && !budget && s?.base && /年初预算/.test(s.baseLabel)) b = { amount: s.base.fen, derived: { how: `决算说明所述年初预算（第 ${s.source.page ?? '?'} 页）`, inputs: [] } };
    const f = fullYear.get(code);
    const a = spent.get(code);
    const name = (a ?? p ?? f ?? initial.get(code))?.rowName ?? code;
    const row = make(`fn:${code}`, name, 'function', (code.length - 3) / 2, b, f ? { amount: f.amount, source: cite(f) } : null, a ? { amount: a.amount, source: cite(a) } : null);
    row.code = code;
    if (s?.reason) row.reason = { text: s.reason, docId, page: s.source.page ?? null, line: s.source.line ?? null, file: s.source.file ?? null };
    return row;
  });
}

function make(key: string, label: string, group: ExecutionRow['group'], depth: number, budget: Cell | null, fullYear: Cell | null, actual: Cell | null): ExecutionRow {
  const base = fullYear ?? budget;
  const rate = actual && base && base.amount !== 0 ? actual.amount / base.amount : null;
  const flags: ExecutionFlag[] = [];
  if (actual && base && base.amount > 0) {
    // Whole-number comparisons: actual / base < 8/10 ⇔ actual·10 < base·8 (no float decides a flag).
    if (actual.amount * EXECUTION_LIMITS.below[1] < base.amount * EXECUTION_LIMITS.below[0]) flags.push('below');
    if (actual.amount * EXECUTION_LIMITS.above[1] > base.amount * EXECUTION_LIMITS.above[0]) flags.push('above');
  }
  return {
    key, label, group, depth, budget, fullYear, actual, rate, rateBase: fullYear ? 'full_year' : budget ? 'initial' : null,
    difference: actual && budget ? actual.amount - budget.amount : null, flags, reason: null,
  };
}

/**
 * 预算 without 决算 line, and the reverse, only where both documents print the 功能分类 table (a
 * document without it says nothing about its items): a budgeted item (> 0) with no 决算 line, and a
 * 决算 line (> 0) with no budget or a budget of 0 (added during the year).
 */
function markMissing(rows: ExecutionRow[], budgetTable: boolean, finalTable: boolean): void {
  for (const r of rows) {
    if (r.group !== 'function') continue;
    if (budgetTable && finalTable && r.budget && r.budget.amount > 0 && !r.actual) r.flags.push('no_final');
    // Without the 预算's table, only a 决算 that prints the item's 年初预算 as 0 says it was not budgeted.
    const budgeted = r.budget !== null && r.budget.amount > 0;
    if (finalTable && r.actual && r.actual.amount > 0 && !budgeted && (budgetTable || r.budget !== null)) r.flags.push('no_budget');
  }
}

const SUBJECTS: Record<string, RegExp> = {
  expense_total: /本年支出合计|支出决算总体|收入支出决算总体/,
  basic: /基本支出/,
  project: /项目支出/,
  three_public: /三公/,
  overseas: /因公出国/,
  vehicle: /公务用车购置及运行/,
  vehicle_purchase: /公务用车购置费/,
  vehicle_operation: /公务用车运行/,
  reception: /公务接待/,
  operating_cost: /机关运行经费/,
};

/** Words of a sentence about a 决算 against its budget (not against last year). */
const BUDGET_WORDS = /年初预算|全年预算|调整预算|预算数|完成.{0,6}预算/;

/** The narrative's reason about a total row: the first paragraph naming it that states one. */
function totalReason(narrative: Narrative, key: string, docId: string): ExecutionReason | null {
  const subject = SUBJECTS[key];
  for (const p of narrative.paragraphs) {
    if (!subject.test(p.text)) continue;
    const text = reasonAbout(p.text, subject, BUDGET_WORDS);
    if (text) return { text, docId, page: p.source.page ?? null, line: p.source.line ?? null, file: p.source.file ?? null };
  }
  return null;
}
