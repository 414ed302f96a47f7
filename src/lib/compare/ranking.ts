import type { Fen } from '../model/amount';
import type { Stage } from '../model/keys';
import type { Narrative } from '../model/narrative';
import { reasonAbout } from '../model/reasons';
import { functionClasses } from './classes';
import { mappingsFor } from './codeMapping';
import { loadClassFigures, MAPPED_CODES } from './figures';
import { METRIC_BY_KEY, readMetric } from './metrics';
import { firstBy } from './stats';
import type { CompareSource, FigureNeeds } from './source';
import type { Cell, DocRef, UnitGroup } from './types';
import { loadUnits, pickDocument } from './units';

/**
 * 变化最大: the largest changes of a unit (or of every unit of the library) in one year against the
 * unit's previous document of the same stage — by 功能分类 item, 三公 part, 机关运行经费 and 基本/项目;
 * new and discontinued items; each with the reason the year's narrative states, and its page.
 * Absolute ranking by the size of the change; relative by its percentage, only for items whose
 * previous amount reaches `floor` (so that a 0.01 万元 item doubling does not lead). Amounts in fen.
 */
export type ChangeKind = 'metric' | 'function';
export type ChangeStatus = 'changed' | 'new' | 'gone';

export interface RankedChange {
  unit: UnitGroup;
  doc: DocRef;
  priorDoc: DocRef;
  key: string;
  label: string;
  kind: ChangeKind;
  code?: string;
  prior: Cell | null;
  current: Cell | null;
  change: Fen;
  /** change / |prior|, display only; null for new items and a zero prior. */
  pct: number | null;
  status: ChangeStatus;
  reason: { text: string; docId: string; page: number | null; line: number | null; file?: string | null } | null;
}

export interface RankingOptions {
  year: number;
  /** One unit, or every unit of the library when absent. */
  unitKey?: string;
  stage?: Stage;
  /** The smallest previous amount (fen) a relative change is ranked from; default 10 万元. */
  floor?: Fen;
  /** How many changes each list keeps (reasons are looked up for these only); default 20. */
  limit?: number;
}

export interface RankingResult {
  year: number;
  stage: Stage;
  floor: Fen;
  absolute: RankedChange[];
  relative: RankedChange[];
  /** New and discontinued items, largest first. */
  appeared: RankedChange[];
  /** Units of the selection with a document of the year but none before it (nothing to compare). */
  withoutPrior: UnitGroup[];
}

export const DEFAULT_FLOOR: Fen = 10_000_000;
/** The rows above the classification that are ranked: 基本/项目, 三公 and its parts, 机关运行经费. */
const RANKED_METRICS = ['expense_total', 'basic', 'project', 'three_public', 'overseas', 'vehicle_purchase', 'vehicle_operation', 'reception', 'operating_cost'];

/**
 * Only what the ranking reads: the ranked metrics' sources and the 功能分类 tables (not the 基本支出
 * table's 经济分类 rows, a third of a document's classified rows). At 5,000 documents the figure query
 * is most of the time, so every row left out counts (bench/story.bench.ts).
 */
export const RANKING_NEEDS: FigureNeeds = {
  keyed: [...new Set(RANKED_METRICS.flatMap((k) => [METRIC_BY_KEY.get(k)!, ...(METRIC_BY_KEY.get(k)!.sumOf ?? []).map((p) => METRIC_BY_KEY.get(p)!)]).flatMap((d) => d.sources.map((s) => s.join('|'))))].map((k) => k.split('|') as [string, string, string]),
  classTables: ['expense', 'general_expense'],
  maxCodeLength: 7,
  mappedCodes: MAPPED_CODES,
};
const collator = new Intl.Collator('zh-CN');

export function rankingQuery(src: CompareSource, opts: RankingOptions): RankingResult {
  const { year, stage = 'budget', floor = DEFAULT_FLOOR, limit = 20 } = opts;
  const units = loadUnits(src);
  const pairs: { unit: UnitGroup; doc: DocRef; prior: DocRef }[] = [];
  const withoutPrior: UnitGroup[] = [];
  const byUnit = new Map<string, DocRef[]>();
  for (const d of units.docs) if (d.stage === stage && d.year <= year) byUnit.set(d.unitKey, [...(byUnit.get(d.unitKey) ?? []), d]);
  for (const unit of opts.unitKey ? [units.byKey.get(opts.unitKey)].filter((u): u is UnitGroup => !!u) : units.groups) {
    const docs = byUnit.get(unit.key) ?? [];
    const doc = pickDocument(docs.filter((d) => d.year === year));
    if (!doc) continue;
    const priorYear = Math.max(...docs.filter((d) => d.year < year).map((d) => d.year));
    const prior = Number.isFinite(priorYear) ? pickDocument(docs.filter((d) => d.year === priorYear)) : null;
    if (prior) pairs.push({ unit, doc, prior });
    else withoutPrior.push(unit);
  }
  // The whole library is ranked down to 款: at thousands of documents the 项 rows are most of the
  // figures read (and a 项's change shows in its 款); one unit's ranking goes down to 项.
  // Old codes are read only where a pair spans the edition change that moved them (codeMapping.ts):
  // reading them otherwise would fetch every document's 项 rows for nothing.
  const spanned = new Set(pairs.flatMap((p) => mappingsFor([p.prior.year, p.doc.year]).map((m) => m.from)));
  const needs = { ...RANKING_NEEDS, mappedCodes: RANKING_NEEDS.mappedCodes.filter((c) => spanned.has(c)), ...(opts.unitKey ? {} : { maxCodeLength: 5 }) };
  const ids = pairs.flatMap((p) => [p.prior.docId, p.doc.docId]);
  const figs = loadClassFigures(src, ids, needs);
  const all: RankedChange[] = [];
  for (const { unit, doc, prior } of pairs) {
    const a = figs.get(prior.docId)!;
    const b = figs.get(doc.docId)!;
    const base = { unit, doc, priorDoc: prior };
    for (const key of RANKED_METRICS) {
      const def = METRIC_BY_KEY.get(key)!;
      const p = readMetric(a, def);
      const c = readMetric(b, def);
      // A metric one document lacks is not a change (the document does not say).
      if (p && c && p.amount !== c.amount) all.push(change(base, key, def.label, 'metric', undefined, p, c, 'changed'));
    }
    const mappings = mappingsFor([prior.year, doc.year]);
    const fa = functionClasses(a, prior.year, mappings, needs.maxCodeLength);
    const fb = functionClasses(b, doc.year, mappings, needs.maxCodeLength);
    // New / discontinued only when both print the same classification table (yoy.ts's rule).
    const both = fa.table !== null && fa.table === fb.table;
    for (const code of codesOf(fa.cells, fb.cells)) {
      const p = fa.cells.get(code) ?? null;
      const c = fb.cells.get(code) ?? null;
      if (!p || !c) {
        if (!both || (p ?? c)!.amount === 0) continue;
      } else if (p.amount === c.amount) continue;
      const status: ChangeStatus = !p ? 'new' : !c ? 'gone' : 'changed';
      const label = fb.names.get(code) ?? fa.names.get(code) ?? code;
      all.push(change(base, `fn:${code}`, label, 'function', code, p, c, status));
    }
  }
  // Ties go by unit name in Chinese order, ranked once: a collator call per comparison made sorting
  // the whole library's ~10,000 changes take longer than finding them.
  const nameRank = new Map([...new Set(pairs.map((p) => p.unit.name))].sort(collator.compare).map((name, i) => [name, i]));
  const bySize = (x: RankedChange, y: RankedChange) => Math.abs(y.change) - Math.abs(x.change)
    || nameRank.get(x.unit.name)! - nameRank.get(y.unit.name)! || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  const changed = all.filter((c) => c.status === 'changed');
  const absolute = firstBy(changed, bySize, limit);
  const relative = firstBy(changed.filter((c) => c.pct !== null && Math.abs(c.prior!.amount) >= floor),
    (x, y) => Math.abs(y.pct!) - Math.abs(x.pct!) || bySize(x, y), limit);
  const appeared = firstBy(all.filter((c) => c.status !== 'changed'), bySize, limit);
  attachReasons(src, [...absolute, ...relative, ...appeared]);
  return { year, stage, floor, absolute, relative, appeared, withoutPrior };
}

/** The codes of both documents, the first's in order, then those only the second has (no set built per pair). */
function* codesOf(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): Generator<string> {
  yield* a.keys();
  for (const code of b.keys()) if (!a.has(code)) yield code;
}

/**
 * One change, built as a literal of one shape: spreading `base` and the delta into each of the
 * library's ~10,000 changes left V8 with slow objects, and sorting them cost more than finding them.
 */
function change(base: { unit: UnitGroup; doc: DocRef; priorDoc: DocRef }, key: string, label: string, kind: ChangeKind, code: string | undefined,
  prior: Cell | null, current: Cell | null, status: ChangeStatus): RankedChange {
  const before = prior?.amount ?? 0;
  const diff = (current?.amount ?? 0) - before;
  const pct = status === 'new' || before === 0 ? null : diff / Math.abs(before);
  const out: RankedChange = { unit: base.unit, doc: base.doc, priorDoc: base.priorDoc, key, label, kind, prior, current, change: diff, pct, status, reason: null };
  if (code !== undefined) out.code = code;
  return out;
}

/** Words naming each ranked metric in a narrative sentence. */
const SUBJECTS: Record<string, RegExp> = {
  expense_total: /支出(?:预算)?总计|支出合计/,
  basic: /基本支出/,
  project: /项目支出/,
  three_public: /三公/,
  overseas: /因公出国/,
  vehicle_purchase: /公务用车购置/,
  vehicle_operation: /公务用车运行/,
  reception: /公务接待/,
  operating_cost: /机关运行经费/,
};
/** A sentence about a change against another year (not about a share, nor a 决算 against its budget). */
const CHANGE_WORDS = /比上年|较上年|与上年|上年度|同比|比\d{4}年|与\d{4}年|增加|减少|增长|下降|持平/;

/**
 * The reason each change is given in its year's narrative: for a 功能分类 item, its statement's
 * 「主要原因…」 (the per-item paragraph, ingest/narrative/items.ts); for a metric, the first paragraph
 * naming it whose sentence speaks of a change. Narratives are read only for the ranked documents.
 */
function attachReasons(src: CompareSource, changes: RankedChange[]): void {
  const ids = [...new Set(changes.map((c) => c.doc.docId))];
  const narratives = src.narratives?.(ids) ?? new Map<string, Narrative>();
  for (const c of changes) {
    if (c.reason) continue;
    const n = narratives.get(c.doc.docId);
    if (!n) continue;
    if (c.kind === 'function') {
      const s = n.statements.find((x) => x.key === c.code && x.reason);
      if (s) c.reason = { text: s.reason, docId: c.doc.docId, page: s.source.page ?? null, line: s.source.line ?? null, file: s.source.file ?? null };
      continue;
    }
    for (const p of n.paragraphs) {
      if (!SUBJECTS[c.key].test(p.text)) continue;
      const text = reasonAbout(p.text, SUBJECTS[c.key], CHANGE_WORDS);
      if (text) {
        c.reason = { text, docId: c.doc.docId, page: p.source.page ?? null, line: p.source.line ?? null, file: p.source.file ?? null };
        break;
      }
    }
  }
}
