import { yoyGrid } from '../../lib/compare/grid';
import type { YoyColumn, YoyResult } from '../../lib/compare/yoy';
import type { Stage } from '../../lib/model/keys';
import type { LibraryState } from '../state/library.svelte';
import type { RouteState } from '../state/route.svelte';
import type { Trace } from './trace';
import type { UnitsState } from './units.svelte';

/**
 * 同比 view state. The choices (unit, stage, expanded rows, chart mode) live in the URL fragment;
 * the result set comes from the database worker and is replaced whole.
 */
export class YoyState {
  result = $state.raw<YoyResult | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  trace = $state.raw<Trace | null>(null);
  private seq = 0;

  constructor(private readonly library: LibraryState, private readonly route: RouteState, readonly units: UnitsState) {}

  /** The unit in the URL, else the one with the most years (a first view that shows something). */
  get unitKey(): string {
    const key = this.route.params.unit;
    if (key && this.units.byKey(key)) return key;
    let best = this.units.units[0];
    for (const u of this.units.units) if (u.years.length > best.years.length) best = u;
    return best?.key ?? '';
  }

  get stage(): Stage {
    return this.route.params.stage === 'final' ? 'final' : 'budget';
  }

  get open(): Set<string> {
    return new Set((this.route.params.open ?? '').split(',').filter(Boolean));
  }

  get stacked(): boolean {
    return this.route.params.stack === '1';
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

  async load(): Promise<void> {
    const unitKey = this.unitKey;
    const stage = this.stage;
    const mine = ++this.seq;
    if (!unitKey) {
      this.result = null;
      return;
    }
    this.loading = true;
    try {
      const r = await this.library.db.call({ type: 'yoy', unitKey, stage });
      // A slower earlier request must not overwrite the answer to the latest choice.
      if (mine !== this.seq) return;
      this.result = r;
      // What a share link of this view carries, and the view as a table for Excel.
      this.route.viewDocs = r ? r.columns.flatMap((c) => (c.doc ? [c.doc.docId] : [])) : [];
      this.route.viewGrid = r ? yoyGrid(r) : null;
      this.error = null;
    } catch (e) {
      if (mine === this.seq) this.error = `同比查询失败：${(e as Error).message}`;
    } finally {
      if (mine === this.seq) this.loading = false;
    }
  }
}

export function columnLabel(c: YoyColumn): string {
  return c.inferred ? `${c.year}（据说明推算）` : String(c.year);
}
