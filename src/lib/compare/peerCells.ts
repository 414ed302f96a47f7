import { displayWan } from '../model/amount';
import { economicClasses, functionClasses } from './classes';
import type { CodeMapping } from './codeMapping';
import { loadFigures } from './figures';
import { readMetrics } from './metrics';
import type { PeerCell, PeerRow, PeersResult } from './peers';
import { pageStart, type PageInfo, type PeerPage } from './peersPage';
import type { CompareSource } from './source';
import { outlierAgainst, rankIn } from './stats';
import type { Cell, RowHead } from './types';

/** A row of a 横比 over every column: what its cells' shares, ranks and outliers are taken among. */
export interface FrameRow {
  head: RowHead;
  /** 收入总计 and 支出总计: outliers by amount, no share. */
  isTotal: boolean;
  /** Per column; NaN where it has no value (or, for shares, no 支出总计). */
  amounts: Float64Array;
  /** Of the unit's 支出总计. */
  shares: Float64Array;
  /** What the outlier rule compares: amounts on the total rows, shares elsewhere. */
  basis: Float64Array;
  /** How many columns have a basis, and its median. */
  pool: number;
  median: number | null;
  /** The amounts present, ascending; null when fewer than two (nothing is ranked). */
  ranked: Float64Array | null;
}

/** A 横比 without its cells (peers.ts peersFrame). */
export interface PeersFrame {
  result: Omit<PeersResult, 'rows' | 'page'>;
  rows: FrameRow[];
  /** The code mappings the columns' years call for (result.mappings keeps those used). */
  mappings: CodeMapping[];
  maxCodeLength: number;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const wan = (v: number) => `${displayWan(Math.round(v))} 万元`;

/** Column indices in the order of a row's amounts (largest first; a unit without the row last), or as computed (peersPage.ts columnOrder). */
export function frameOrder(frame: PeersFrame, rowKey: string | null): number[] {
  const idx = frame.result.columns.map((_, i) => i);
  const row = rowKey ? frame.rows.find((r) => r.head.key === rowKey) : undefined;
  if (!row) return idx;
  const a = Array.from(row.amounts, (v) => (v === v ? v : -Infinity));
  return idx.sort((x, y) => a[y] - a[x]);
}

/**
 * The answer for a page of the columns, or for all of them (`page` null): cells only for those, read
 * in full (cites) from their documents alone. Ranks, shares and outliers come from the frame, so they
 * are among every column whatever the page.
 */
export function peerColumns(src: CompareSource, frame: PeersFrame, page: PeerPage | null): PeersResult {
  const { columns } = frame.result;
  let idx = columns.map((_, i) => i);
  let info: PageInfo | undefined;
  if (page) {
    const order = frameOrder(frame, page.order);
    const from = pageStart(page.from, order.length, page.size);
    idx = order.slice(from, from + page.size);
    info = { from, total: order.length, docIds: columns.map((c) => c.docId) };
  }
  const docs = idx.map((i) => columns[i]);
  const figs = loadFigures(src, docs.map((d) => d.docId), frame.maxCodeLength);
  const read = docs.map((d) => {
    const f = figs.get(d.docId)!;
    return { metrics: readMetrics(f), fn: functionClasses(f, d.year, frame.mappings, frame.maxCodeLength), econ: economicClasses(f) };
  });
  const valueOf = (head: RowHead, k: number): Cell | null => {
    const r = read[k];
    if (head.group === 'metric') return r.metrics.get(head.key.slice(2)) ?? null;
    return (head.group === 'function' ? r.fn : r.econ).cells.get(head.code!) ?? null;
  };
  const rows = frame.rows.map((row): PeerRow => {
    const what = row.isTotal ? row.head.label : '占支出总计';
    const cells = idx.map((i, k): PeerCell | null => {
      const value = valueOf(row.head, k);
      if (!value) return null;
      const basis = row.basis[i];
      const share = row.shares[i];
      return {
        value, share: share === share ? share : null, rank: row.ranked && rankIn(row.ranked, value.amount),
        outlier: basis === basis ? outlierAgainst(basis, row.pool, row.median, what, row.isTotal ? wan : pct) : null,
      };
    });
    return { ...row.head, cells };
  });
  const out: PeersResult = { ...frame.result, columns: docs, rows };
  return info ? { ...out, page: info } : out;
}
