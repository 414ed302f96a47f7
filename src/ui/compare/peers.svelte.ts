import { peersGrid } from '../../lib/compare/grid';
import type { PeerSelection, PeersResult } from '../../lib/compare/peers';
import { STAGE_NAMES, type Scope, type Stage } from '../../lib/model/keys';
import { docLabel } from '../format';
import type { ViewContent } from '../state/view.svelte';
import { ComparisonState } from './comparison.svelte';

export type PeerShow = 'amount' | 'share';

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

  get metric(): string {
    return this.p.metric ?? 'm:expense_total';
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
      grid: peersGrid(r),
    };
  }
}
