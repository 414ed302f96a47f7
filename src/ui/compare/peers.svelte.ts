import { peersGrid } from '../../lib/compare/grid';
import type { PeerSelection, PeersResult } from '../../lib/compare/peers';
import { columnOrder, PAGE_COLUMNS, pageStart } from '../../lib/compare/peersPage';
import { STAGE_NAMES, type Scope, type Stage } from '../../lib/model/keys';
import { docLabel } from '../format';
import type { ViewContent } from '../state/view.svelte';
import { ComparisonState } from './comparison.svelte';

export type PeerShow = 'amount' | 'share';

/** The rows a chart or an order of units can follow: every total, and each 类 (~24 at 5,000 documents). */
export function headlineRows(result: PeersResult): PeersResult['rows'] {
  return result.rows.filter((r) => r.group === 'metric' || r.depth === 0);
}

/**
 * The columns on screen and where they sit: the worker sends only a page (with `page` set); an answer
 * with every column (the archive's city 横比) is paged here the same way.
 */
export function shownColumns(result: PeersResult, from: number, order: string | null): { from: number; total: number; cols: number[] } {
  if (result.page) return { from: result.page.from, total: result.page.total, cols: result.columns.map((_, i) => i) };
  const all = columnOrder(result, order);
  const start = pageStart(from, all.length, PAGE_COLUMNS);
  return { from: start, total: all.length, cols: all.slice(start, start + PAGE_COLUMNS) };
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

  protected override question(): { view: string; key: string; ask: () => Promise<PeersResult | null> } {
    const query = { year: this.year, stage: this.stage, scope: this.scope, selection: this.selection };
    const page = { from: this.from, size: PAGE_COLUMNS, order: this.order };
    return { view: 'peers', key: JSON.stringify([query, page]), ask: () => this.library.db.call({ type: 'peers', query, page }) };
  }

  load(): Promise<void> {
    const q = this.question();
    return this.run(q.ask, '横比查询失败', q);
  }

  protected describe(r: PeersResult): ViewContent | null {
    if (!r.columns.length) return null;
    // A page of the columns is on screen; the downloads and the data link carry them all. The answer
    // on screen is the latest request's, so the current choices ask the worker for the same one whole.
    const query = { year: r.year, stage: r.stage, scope: this.scope, selection: this.selection };
    return {
      title: `${r.year === 'latest' ? '各单位最新年度' : `${r.year}年`}${STAGE_NAMES[r.stage]}横比（${r.page?.total ?? r.columns.length} 个单位）`,
      docs: r.page?.docIds ?? r.columns.map((c) => c.docId),
      sources: r.columns.map(docLabel),
      grid: r.page ? async () => peersGrid(await this.library.db.call({ type: 'peers', query })) : () => peersGrid(r),
    };
  }
}
