import type { ExecutionResult } from '../../lib/compare/execution';
import type { ExecutionPeer } from '../../lib/compare/executionPeers';
import { executionGrid } from '../../lib/compare/storyGrids';
import { unitKeyOf } from '../../lib/model/unitKey';
import { ComparisonState } from '../compare/comparison.svelte';
import type { UnitsState } from '../compare/units.svelte';
import { docLabel } from '../format';
import type { LibraryState } from '../state/library.svelte';
import type { Choices } from '../state/route.svelte';
import type { ShownView, ViewContent } from '../state/view.svelte';

/** 执行 view state: unit and year in the URL fragment (#view=execution&unit=…&year=2024). */
export class ExecutionState extends ComparisonState<ExecutionResult> {
  peers = $state.raw<ExecutionPeer[]>([]);
  peersError = $state<string | null>(null);
  private peersSeq = 0;

  constructor(library: LibraryState, route: Choices, shown: ShownView, readonly units: UnitsState) {
    super(library, route, shown);
  }

  /** The unit in the URL, else the unit of the library's first 决算 (something to show), else the first unit. */
  get unitKey(): string {
    const key = this.p.unit;
    if (key && this.units.byKey(key)) return key;
    const final = this.library.documents.find((d) => d.stage === 'final');
    const own = final ? unitKeyOf(final.unitCode, final.unitName) : '';
    return this.units.byKey(own)?.key ?? this.units.units[0]?.key ?? '';
  }

  /** The years of the unit; the URL's year if it is one of them, else the latest with a 决算. */
  get years(): number[] {
    return this.units.byKey(this.unitKey)?.years ?? [];
  }

  get year(): number | null {
    const y = Number(this.p.year);
    if (this.years.includes(y)) return y;
    const unit = this.units.byKey(this.unitKey);
    const finals = this.library.documents.filter((d) => d.stage === 'final' && unit && (unit.names.includes(d.unitName) || (unit.code !== '' && d.unitCode === unit.code))).map((d) => d.year);
    return finals.length ? Math.max(...finals) : (this.years.at(-1) ?? null);
  }

  /** Kept in the memo of answers and read ahead in idle time, with the year's rates (loadPeers): at 5,000 documents the two are ~140 ms of the worker. */
  protected override question(): { view: string; key: string; ask: () => Promise<ExecutionResult | null> } {
    const unitKey = this.unitKey;
    const year = this.year;
    return { view: 'execution', key: JSON.stringify([unitKey, year]), ask: async () => (unitKey && year !== null ? this.library.db.call({ type: 'execution', unitKey, year }) : null) };
  }

  load(): Promise<void> {
    const q = this.question();
    void this.loadPeers(this.year);
    return this.run(q.ask, '预算执行查询失败', q);
  }

  /** Only with the current list's units (an older list's would pick another default unit). */
  override async readAhead(): Promise<void> {
    if (!this.units.current) return;
    const year = this.year;
    await Promise.all([super.readAhead(), this.library.answers.readAhead('executionPeers', String(year), () => this.askPeers(year))]);
  }

  private askPeers(year: number | null): Promise<ExecutionPeer[]> {
    return year === null ? Promise.resolve([]) : this.library.db.call({ type: 'executionPeers', year });
  }

  private async loadPeers(year: number | null): Promise<void> {
    const mine = ++this.peersSeq;
    const { answers } = this.library;
    const key = String(year);
    const known = answers.get<ExecutionPeer[]>('executionPeers', key);
    if (known) {
      [this.peers, this.peersError] = [known, null];
      return;
    }
    const stamp = answers.stamp();
    try {
      const r = await (answers.pending<ExecutionPeer[]>('executionPeers', key) ?? this.askPeers(year));
      answers.keep('executionPeers', key, stamp, r);
      if (mine === this.peersSeq) [this.peers, this.peersError] = [r, null];
    } catch (e) {
      if (mine === this.peersSeq) this.peersError = `执行率横比查询失败：${(e as Error).message}`;
    }
  }

  protected describe(r: ExecutionResult): ViewContent {
    const docs = [r.budgetDoc, r.finalDoc].flatMap((d) => (d ? [d] : []));
    return { title: `${r.unit.name} ${r.year}年 预算执行`, docs: docs.map((d) => d.docId), sources: docs.map(docLabel), grid: () => executionGrid(r) };
  }
}

/** 98.2%: a rate for the page (a float for display only). */
export function ratePct(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? '' : `${(rate * 100).toFixed(1)}%`;
}
