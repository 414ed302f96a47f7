import type { Database } from 'sql.js';
import { displayWan } from '../model/amount';
import type { Scope, Stage } from '../model/keys';
import { economicClasses, functionClasses } from './classes';
import { mappingsFor, type CodeMapping } from './codeMapping';
import { loadFigures } from './figures';
import { readMetrics } from './metrics';
import { median, outlierAgainst, ranks } from './stats';
import { classRows, metricRows } from './tree';
import type { Cell, DocRef, RowHead } from './types';
import { loadUnits, pickDocument } from './units';
import { departmentOf, departments, type Department } from './departments';

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
  rank: number | null;
  outlier: string | null;
}

export interface PeerRow extends RowHead {
  cells: (PeerCell | null)[];
}

/** A unit the user chose (or that the selection covers) without a column, and why. */
export interface OmittedUnit {
  unitKey: string;
  name: string;
  reason: string;
}

export interface PeersResult {
  year: number | 'latest';
  stage: Stage;
  columns: DocRef[];
  /** Units of the selection that have no column, each with the reason: nothing is left out silently. */
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
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const wan = (v: number) => `${displayWan(Math.round(v))} 万元`;

/**
 * 横比: units side by side, one document each (of the year, or each unit's latest), rows as in 同比.
 * Each cell has its share of the unit's 支出总计, its rank in the row, and an outlier reason when far
 * from the median of the chosen units (share for parts, amount for the totals).
 */
export function peersQuery(db: Database, req: PeersRequest): PeersResult {
  const units = loadUnits(db);
  const docs = units.docs.filter((d) => d.stage === req.stage && (req.scope === 'all' || d.scope === req.scope));
  const years = [...new Set(docs.map((d) => d.year))].sort((a, b) => a - b);
  const year = req.year ?? busiestYear(docs);
  const wanted = selectionFilter(req.selection);
  const byUnit = new Map<string, DocRef[]>();
  for (const d of docs) {
    if (!wanted(d.unitKey, units.byKey.get(d.unitKey)!.code)) continue;
    if (year !== 'latest' && d.year !== year) continue;
    byUnit.set(d.unitKey, [...(byUnit.get(d.unitKey) ?? []), d]);
  }
  const columns = [...byUnit.values()].map((cands) => {
    const latest = Math.max(...cands.map((d) => d.year));
    return pickDocument(cands.filter((d) => d.year === latest))!;
  });
  columns.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.unitName.localeCompare(b.unitName, 'zh-CN'));

  const figs = loadFigures(db, columns.map((d) => d.docId), PEER_CODE_LENGTH);
  const mappings = mappingsFor(columns.map((d) => d.year));
  const metrics = columns.map((d) => readMetrics(figs.get(d.docId)!));
  const built = [
    ...metricRows(metrics),
    ...classRows('function', columns.map((d) => functionClasses(figs.get(d.docId)!, d.year, mappings, PEER_CODE_LENGTH))),
    ...classRows('economic', columns.map((d) => economicClasses(figs.get(d.docId)!))),
  ];
  const totals = metrics.map((m) => m.get('expense_total')?.amount ?? null);
  const rows = built.map(({ values, ...head }): PeerRow => {
    const isTotal = TOTAL_ROWS.has(head.key);
    const shares = values.map((v, i) => (v && !isTotal && totals[i] ? v.amount / totals[i]! : null));
    const rank = ranks(values.map((v) => v?.amount ?? null));
    const basis = isTotal ? values.map((v) => v?.amount ?? null) : shares;
    const pool = basis.filter((b): b is number => b !== null);
    const med = median(pool);
    const what = isTotal ? head.label : `占支出总计`;
    return {
      ...head,
      cells: values.map((value, i) => value && {
        value, share: shares[i], rank: rank[i],
        outlier: basis[i] === null ? null : outlierAgainst(basis[i]!, pool.length, med, what, isTotal ? wan : pct),
      }),
    };
  });
  const used = mappings.filter((m) => rows.some((r) => r.code === m.to && r.cells.some((c) => c?.value.mapped)));
  return { year, stage: req.stage, columns, omitted: [], rows, mappings: used, years, departments: departments(units.groups) };
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
