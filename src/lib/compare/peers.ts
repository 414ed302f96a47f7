import { SCOPE_NAMES, STAGE_NAMES, type Scope, type Stage } from '../model/keys';
import { mappingsFor, type CodeMapping } from './codeMapping';
import { medianInPlace, medianOfSorted } from './stats';
import { peerColumns, type FrameRow, type PeersFrame } from './peerCells';
import { peerSummaries, summaryRows } from './peerSummaries';
import { METRICS } from './metrics';
import type { CompareSource } from './source';
import type { Cell, DocRef, RowHead, UnitGroup } from './types';
import { loadUnits, pickDocument } from './units';
import { departmentOf, departments, type Department } from './departments';
import type { PageInfo } from './peersPage';

export type PeerSelection = { kind: 'all' } | { kind: 'department'; code: string } | { kind: 'units'; keys: string[] };

export interface PeersRequest {
  /** A fiscal year, each unit's latest, or null for the year with the most documents. */
  year: number | 'latest' | null;
  stage: Stage;
  /** 部门 documents, 单位 documents, or both. */
  scope: Scope | 'all';
  selection: PeerSelection;
}

export interface PeerCell {
  value: Cell;
  /** Share of the unit's 支出总计 (0–1); null on the total rows themselves or without a total. */
  share: number | null;
  /** Rank in the row, largest first; null when fewer than two units have the row (a rank of one says nothing). */
  rank: number | null;
  outlier: string | null;
}

export interface PeerRow extends RowHead {
  cells: (PeerCell | null)[];
}

/** A column: one document. `key` is its unit's key, or unit key and scope when the unit has two columns (部门 and 单位). */
export interface PeerColumn extends DocRef {
  key: string;
}

/** A unit the user chose (or that the selection covers) without a column, or a document of it left out, and why. */
export interface OmittedUnit {
  unitKey: string;
  name: string;
  reason: string;
}

export interface PeersResult {
  year: number | 'latest';
  /** Set when only a page of the columns was sent (peersPage.ts); rows' cells are the page's. */
  page?: PageInfo;
  stage: Stage;
  columns: PeerColumn[];
  /** Units of the selection without a column, and documents of shown units left out, each with the reason. */
  omitted: OmittedUnit[];
  rows: PeerRow[];
  mappings: CodeMapping[];
  /** For the choosers: years with documents of this stage, and departments (unit code prefixes). */
  years: number[];
  departments: Department[];
}

/** 横比 goes down to 款: 项 differ too much between units to line up usefully. */
const PEER_CODE_LENGTH = 5;
const TOTAL_ROWS = new Set(['m:income_total', 'm:expense_total']);
const EXPENSE_TOTAL = METRICS.findIndex((d) => d.key === 'expense_total');
// One collator: localeCompare with a locale builds one per call, which sorting 500 columns felt.
const collator = new Intl.Collator('zh-CN');

/**
 * 横比: units side by side, one document each (of the year, or each unit's latest), rows as in 同比.
 * Only documents of the chosen stage are compared (预算 and 决算 are never mixed); with scope 'all'
 * a unit's 部门 and 单位 documents get a column each. Every unit the selection covers either has a
 * column or is listed in `omitted` with the reason, and so is every document of a shown unit that
 * the scope leaves out. Each cell has its share of the unit's 支出总计, its rank in the row (among
 * two or more), and an outlier reason when far from the median of the chosen units (share for
 * parts, amount for the totals).
 */
export function peersQuery(src: CompareSource, req: PeersRequest): PeersResult {
  return peerColumns(src, peersFrame(src, req), null);
}

/**
 * Everything of a 横比 but its cells: columns, omitted units, rows, and each row's amounts, ranks
 * and median over every column. The worker keeps it until the library changes and builds the cells
 * of a page from it (peerCells.ts): a year of a large library is a thousand columns, of which a page
 * shows 40.
 */
export function peersFrame(src: CompareSource, req: PeersRequest): PeersFrame {
  const units = loadUnits(src);
  const inScope = (d: DocRef) => req.scope === 'all' || d.scope === req.scope;
  const docs = units.docs.filter((d) => d.stage === req.stage && inScope(d));
  const years = [...new Set(docs.map((d) => d.year))].sort((a, b) => a - b);
  const year = req.year ?? busiestYear(docs);
  const wanted = selectionFilter(req.selection);
  const chosen = units.groups.filter((g) => wanted(g.key, g.code));
  const chosenKeys = new Set(chosen.map((g) => g.key));
  // One column per unit, or per unit and scope when both scopes are compared.
  const byColumn = new Map<string, DocRef[]>();
  for (const d of docs) {
    if (!chosenKeys.has(d.unitKey) || (year !== 'latest' && d.year !== year)) continue;
    const k = req.scope === 'all' ? `${d.unitKey}|${d.scope}` : d.unitKey;
    const list = byColumn.get(k);
    if (list) list.push(d);
    else byColumn.set(k, [d]);
  }
  const picked = [...byColumn.values()].map((cands) => {
    const latest = Math.max(...cands.map((d) => d.year));
    return pickDocument(cands.filter((d) => d.year === latest))!;
  });
  picked.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || collator.compare(a.unitName, b.unitName)
    || Number(a.scope !== 'department') - Number(b.scope !== 'department'));
  const seen = new Set<string>();
  const twice = new Set(picked.filter((d) => seen.has(d.unitKey) || !seen.add(d.unitKey)).map((d) => d.unitKey));
  const columns: PeerColumn[] = picked.map((d) => ({ ...d, key: twice.has(d.unitKey) && d.scope !== 'department' ? `${d.unitKey}|${d.scope}` : d.unitKey }));
  const omitted = omissions(chosen, units.docs, columns, req, year);

  const mappings = mappingsFor(columns.map((d) => d.year));
  const sums = peerSummaries(src, columns, mappings, PEER_CODE_LENGTH);
  const grid = summaryRows(sums);
  const totals = Float64Array.from(sums, (s) => s.metrics[EXPENSE_TOTAL]);
  const rows = grid.heads.map((head, r) => frameRow(head, grid.amounts[r], totals, TOTAL_ROWS.has(head.key)));
  const used = mappings.filter((m) => grid.mapped.has(m.to));
  return {
    result: { year, stage: req.stage, columns, omitted, mappings: used, years, departments: departments(units.groups) },
    rows, mappings, maxCodeLength: PEER_CODE_LENGTH,
  };
}

/**
 * Reads and keeps what a 横比 of one year reads of these documents (their summaries, with no code
 * mapping: a single year never needs one), so that the first 横比 of any year on a large library is
 * not the one that reads them (worker/warm.ts does this in the background, a slice at a time).
 * Documents already kept at their generation cost a lookup.
 */
export function warmPeerSummaries(src: CompareSource, docs: readonly Pick<DocRef, 'docId' | 'year'>[], from: Pick<CompareSource, 'figures'> = src): void {
  peerSummaries(src, docs, [], PEER_CODE_LENGTH, from);
}

/**
 * A row's shares, median and ranking over every column, in one pass into typed arrays: a year of
 * 1,000 columns has ~65 rows, and mapping and filtering arrays of cells per row took about a third of
 * the frame's time after a change (the documents' summaries being kept).
 */
function frameRow(head: RowHead, amounts: Float64Array, totals: Float64Array, isTotal: boolean): FrameRow {
  const n = amounts.length;
  // NaN where a column has no value: arrays of numbers and nulls would box every amount and share.
  const shares = new Float64Array(n);
  const present = new Float64Array(n);
  const pool = new Float64Array(n);
  let np = 0;
  let nb = 0;
  for (let i = 0; i < n; i++) {
    const v = amounts[i];
    const total = totals[i];
    // A share needs a 支出总计 other than zero, as a truthy total did when these were cells.
    const share = v === v && !isTotal && total === total && total !== 0 ? v / total : NaN;
    shares[i] = share;
    if (v !== v) continue;
    present[np++] = v;
    if (isTotal) pool[nb++] = v;
    else if (share === share) pool[nb++] = share;
  }
  const ranked = present.subarray(0, np).sort();
  // On the total rows the outlier rule compares the amounts themselves: the same sorted values.
  // Elsewhere the shares' median is selected, not sorted for: their order is needed for nothing else.
  const median = isTotal ? medianOfSorted(ranked) : medianInPlace(pool, nb);
  return { head, isTotal, amounts, shares, basis: isTotal ? amounts : shares, pool: nb, median, ranked: np < 2 ? null : ranked };
}

const kindName = (scope: Scope, stage: Stage) => `${SCOPE_NAMES[scope]}${STAGE_NAMES[stage]}`;
const scopeName = (s: Scope | 'all') => (s === 'all' ? '部门和单位' : SCOPE_NAMES[s]);

/**
 * Why units of the selection have no column, and which documents of the shown units the scope
 * leaves out (a 单位预算 beside its 部门预算). The reasons say what to choose to see them.
 */
function omissions(chosen: readonly UnitGroup[], all: readonly DocRef[], columns: readonly PeerColumn[], req: PeersRequest, year: number | 'latest'): OmittedUnit[] {
  const out: OmittedUnit[] = [];
  const stage = STAGE_NAMES[req.stage];
  // By unit once: filtering every document for each unit was quadratic in an all-units 横比.
  const docsOf = groupBy(all, (d) => d.unitKey);
  const columnsOf = groupBy(columns, (c) => c.unitKey);
  for (const u of chosen) {
    const mine = docsOf.get(u.key) ?? [];
    const shown = columnsOf.get(u.key) ?? [];
    const ofStage = mine.filter((d) => d.stage === req.stage);
    if (shown.length) {
      for (const d of ofStage) {
        if (req.scope === 'all' || d.scope === req.scope || !shown.some((c) => c.year === d.year)) continue;
        out.push({ unitKey: u.key, name: `${u.name}（${d.year}年${kindName(d.scope, d.stage)}）`,
          reason: `当前只比较${SCOPE_NAMES[req.scope]}${stage}；在「文档」中选择「全部」可与${SCOPE_NAMES[shown[0].scope]}${stage}并列比较` });
      }
      continue;
    }
    const inScope = ofStage.filter((d) => req.scope === 'all' || d.scope === req.scope);
    let reason: string;
    if (!ofStage.length) {
      const kinds = [...new Set(mine.map((d) => kindName(d.scope, d.stage)))].join('、');
      reason = `只有${kinds}文档，当前比较的是${stage}（预算与决算不混在一起比较）；在「阶段」中选择${STAGE_NAMES[req.stage === 'budget' ? 'final' : 'budget']}可比较`;
    } else if (!inScope.length) {
      reason = `只有${[...new Set(ofStage.map((d) => kindName(d.scope, d.stage)))].join('、')}文档，当前只比较${scopeName(req.scope)}${stage}；在「文档」中选择「全部」可比较`;
    } else {
      const has = [...new Set(inScope.map((d) => d.year))].sort((a, b) => a - b).join('、');
      reason = `没有 ${year} 年的${stage}文档（有 ${has} 年）；在「年度」中选择「各单位最新年度」可比较`;
    }
    out.push({ unitKey: u.key, name: u.name, reason });
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function selectionFilter(sel: PeerSelection): (unitKey: string, code: string) => boolean {
  if (sel.kind === 'all') return () => true;
  if (sel.kind === 'department') return (_k, code) => departmentOf(code) === sel.code;
  const keys = new Set(sel.keys);
  return (k) => keys.has(k);
}

/** The year with the most documents (the latest of equals): a sensible first view. */
function busiestYear(docs: readonly DocRef[]): number | 'latest' {
  const count = new Map<number, number>();
  for (const d of docs) count.set(d.year, (count.get(d.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of count) if (best === null || n > count.get(best)! || (n === count.get(best)! && y > best)) best = y;
  return best ?? 'latest';
}
