import type { TrendResult } from '../../lib/compare/trend';
import type { LibraryState } from '../state/library.svelte';
import type { Choices } from '../state/route.svelte';

/** 长期趋势 of the unit chosen in 变化最大: the item in the URL fragment (`item`), 本年支出合计 by default. */
export class TrendState {
  result = $state.raw<TrendResult | null>(null);
  error = $state<string | null>(null);
  private seq = 0;

  constructor(private readonly library: LibraryState, private readonly route: Choices) {}

  get item(): string {
    return this.route.params.item || 'expense_total';
  }

  async load(unitKey: string): Promise<void> {
    const mine = ++this.seq;
    if (!unitKey) {
      this.result = null;
      return;
    }
    try {
      const r = await this.library.db.call({ type: 'trend', unitKey, item: this.item });
      if (mine === this.seq) [this.result, this.error] = [r, null];
    } catch (e) {
      if (mine === this.seq) this.error = `长期趋势查询失败：${(e as Error).message}`;
    }
  }
}
