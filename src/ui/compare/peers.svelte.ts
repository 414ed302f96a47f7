import { peersGrid } from '../../lib/compare/grid';
import type { PeerSelection, PeersResult } from '../../lib/compare/peers';
import { STAGE_NAMES, type Scope, type Stage } from '../../lib/model/keys';
import { docLabel } from '../format';
import type { ViewContent } from '../state/view.svelte';
import { ComparisonState } from './comparison.svelte';

export type PeerShow = 'amount' | 'share';

/** Columns on screen at once; the rest are a click away (PeersPager). */
export const PAGE_COLUMNS = 40;

/** Column order: as the worker sent them, or by the amounts of the row chosen with 「单位排序」 (largest first). */
export function columnOrder(result: PeersResult, rowKey: string | null): number[] {
  const idx = result.columns.map((_, i) => i);
  const row = rowKey ? result.rows.find((r) => r.key === rowKey) : undefined;
  if (!row) return idx;
  return idx.sort((a, b) => (row.cells[b]?.value.amount ?? -Infinity) - (row.cells[a]?.value.amount ?? -Infinity));
}

/** The columns on screen: a page of `order` from `from`; a start past the end shows the last page. */
export function pageOf(order: readonly number[], from: number): { from: number; cols: number[] } {
  const start = Math.min(from, Math.max(0, Math.floor((order.length - 1) / PAGE_COLUMNS) * PAGE_COLUMNS));
  return { from: start, cols: order.slice(start, start + PAGE_COLUMNS) };
}

/** 横比 view state: year, stage, scope, sel/dep/units, sort, order, show, metric and open rows are URL parameters. */
export class PeersState extends ComparisonState<PeersResult> {
  get year(): number | 'latest' | null {
    const y = this.p.year;
    return y === 'latest' ? 'latest' : /^\d{4}$/.test(y ?? '') ? Number(y) : null;
  }

  get stage(): Stage {
    return this.p.stage === 'final' ? 'final' : 'budget';
  }

  get scope(): Scope | 'all' {
    return this.p.scope === 'unit' || this.p.scope === 'all' ? this.p.scope : 'department';
  }

  get selection(): PeerSelection {
    if (this.p.sel === 'dep' && this.p.dep) return { kind: 'department', code: this.p.dep };
    if (this.p.sel === 'units') return { kind: 'units', keys: (this.p.units ?? '').split(',').filter(Boolean) };
    return { kind: 'all' };
  }

  get show(): PeerShow {
    return this.p.show === 'share' ? 'share' : 'amount';
  }

  /** Rows sorted by one column: `columnKey:desc|asc`. */
  get sort(): { key: string; dir: 'asc' | 'desc' } | null {
    const m = /^(.*):(asc|desc)$/.exec(this.p.sort ?? '');
    return m ? { key: m[1], dir: m[2] as 'asc' | 'desc' } : null;
  }

  /** Units ordered by one row's amount (largest first). */
  get order(): string | null {
    return this.p.order ?? null;
  }

  /**
   * The first column shown: a year of a large library has hundreds of units, and rendering them all
   * at once is a long freeze for a table nobody reads sideways past a screen or two (issue 17).
   */
  get from(): number {
    const n = Number(this.p.cols);
    return Number.isInteger(n) && n > 0 ? n : 0;
  }

  get metric(): string {
    return this.p.metric ?? 'm:expense_total';
  }

  /** A new choice of units, year or order starts again at the first page of columns. */
  override set(changes: Record<string, string | null>): void {
    const fresh = ['year', 'stage', 'scope', 'sel', 'dep', 'units', 'order'].some((k) => k in changes);
    super.set(fresh && !('cols' in changes) ? { ...changes, cols: null } : changes);
  }

  /** Header click: largest first, then smallest first, then back to the table's own order. */
  cycleSort(key: string): void {
    const s = this.sort;
    const next = s?.key !== key ? 'desc' : s.dir === 'desc' ? 'asc' : null;
    this.route.update({ sort: next && `${key}:${next}` });
  }

  load(): Promise<void> {
    const query = { year: this.year, stage: this.stage, scope: this.scope, selection: this.selection };
    return this.run(() => this.library.db.call({ type: 'peers', query }), '横比查询失败');
  }

  protected describe(r: PeersResult): ViewContent | null {
    if (!r.columns.length) return null;
    return {
      title: `${r.year === 'latest' ? '各单位最新年度' : `${r.year}年`}${STAGE_NAMES[r.stage]}横比（${r.columns.length} 个单位）`,
      docs: r.columns.map((c) => c.docId),
      sources: r.columns.map(docLabel),
      grid: () => peersGrid(r),
    };
  }
}
