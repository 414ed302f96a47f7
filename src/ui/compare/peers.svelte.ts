import { peersGrid } from '../../lib/compare/grid';
import type { PeerSelection, PeersResult } from '../../lib/compare/peers';
import type { Scope, Stage } from '../../lib/model/keys';
import type { LibraryState } from '../state/library.svelte';
import type { RouteState } from '../state/route.svelte';
import type { Trace } from './trace';

export type PeerShow = 'amount' | 'share';

/**
 * 横比 view state. Every choice is a URL parameter (year, stage, scope, sel/dep/units, sort, order,
 * show, metric, open), so a reload or a shared link restores the same view.
 */
export class PeersState {
  result = $state.raw<PeersResult | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  trace = $state.raw<Trace | null>(null);
  private seq = 0;

  constructor(private readonly library: LibraryState, private readonly route: RouteState) {}

  private get p(): Record<string, string> {
    return this.route.params;
  }

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

  /** Rows sorted by one unit's column: `unitKey:desc|asc`. */
  get sort(): { unitKey: string; dir: 'asc' | 'desc' } | null {
    const m = /^(.*):(asc|desc)$/.exec(this.p.sort ?? '');
    return m ? { unitKey: m[1], dir: m[2] as 'asc' | 'desc' } : null;
  }

  /** Units ordered by one row's amount (largest first). */
  get order(): string | null {
    return this.p.order ?? null;
  }

  get metric(): string {
    return this.p.metric ?? 'm:expense_total';
  }

  get open(): Set<string> {
    return new Set((this.p.open ?? '').split(',').filter(Boolean));
  }

  set(changes: Record<string, string | null>): void {
    this.trace = null;
    this.route.update(changes);
  }

  toggle(rowKey: string): void {
    const open = this.open;
    if (open.has(rowKey)) open.delete(rowKey);
    else open.add(rowKey);
    this.route.update({ open: [...open].join(',') || null });
  }

  /** Header click: largest first, then smallest first, then back to the table's own order. */
  cycleSort(unitKey: string): void {
    const s = this.sort;
    const next = s?.unitKey !== unitKey ? 'desc' : s.dir === 'desc' ? 'asc' : null;
    this.route.update({ sort: next && `${unitKey}:${next}` });
  }

  async load(): Promise<void> {
    const query = { year: this.year, stage: this.stage, scope: this.scope, selection: this.selection };
    const mine = ++this.seq;
    this.loading = true;
    try {
      const r = await this.library.db.call({ type: 'peers', query });
      if (mine !== this.seq) return;
      this.result = r;
      // What a share link of this view carries, and the view as a table for Excel.
      this.route.viewDocs = r.columns.map((c) => c.docId);
      this.route.viewGrid = r.columns.length ? peersGrid(r) : null;
      this.error = null;
    } catch (e) {
      if (mine === this.seq) this.error = `横比查询失败：${(e as Error).message}`;
    } finally {
      if (mine === this.seq) this.loading = false;
    }
  }
}
