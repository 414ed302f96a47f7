import { DEFAULT_FLOOR, type RankingResult } from '../../lib/compare/ranking';
import { rankingGrid } from '../../lib/compare/storyGrids';
import { editionParts } from '../../lib/compare/units';
import { parseDecimal } from '../../lib/model/amount';
import { ComparisonState } from '../compare/comparison.svelte';
import type { UnitsState } from '../compare/units.svelte';
import type { LibraryState } from '../state/library.svelte';
import type { Choices } from '../state/route.svelte';
import type { ShownView, ViewContent } from '../state/view.svelte';

/** 变化最大 view state: year, unit ('' = the whole library) and floor (万元) in the URL fragment. */
export class RankingState extends ComparisonState<RankingResult> {
  constructor(library: LibraryState, route: Choices, shown: ShownView, readonly units: UnitsState) {
    super(library, route, shown);
  }

  /** Every year of the library's 预算 documents, newest first. */
  get years(): number[] {
    return [...new Set(this.library.documents.filter((d) => d.stage === 'budget').map((d) => d.year))].sort((a, b) => b - a);
  }

  get year(): number | null {
    const y = Number(this.p.year);
    return this.years.includes(y) ? y : this.firstYear();
  }

  /**
   * The year shown before one is chosen: the newest with something to rank, a unit's 预算 of that
   * year with an earlier one of the same unit (the selected unit's, or any). The newest year alone
   * can hold nothing to compare: a library of a province's 2017–2019 beside the sample's 2024
   * opened on 「没有可比较的变化」.
   */
  private firstYear(): number | null {
    const selected = this.unitKey ? this.units.byKey(this.unitKey) : undefined;
    let best: number | null = null;
    for (const u of selected ? [selected] : this.units.units) {
      const budgets = u.editions.map(editionParts).filter((e) => e.stage === 'budget').map((e) => e.year);
      const newest = Math.max(...budgets);
      if (budgets.some((y) => y < newest) && (best === null || newest > best)) best = newest;
    }
    return best ?? this.years[0] ?? null;
  }

  get unitKey(): string {
    return this.p.unit && this.units.byKey(this.p.unit) ? this.p.unit : '';
  }

  /** The floor in fen: the URL's 万元 when it reads as an amount ≥ 0, else the default 10 万元. */
  get floor(): number {
    const f = parseDecimal(this.p.floor ?? '');
    return f !== null && f >= 0 ? f : DEFAULT_FLOOR;
  }

  /** Kept in the memo of answers and read ahead in idle time: at 5,000 documents the whole library's ranking is 250–350 ms of the worker. */
  protected override question(): { view: string; key: string; ask: () => Promise<RankingResult | null> } {
    const year = this.year;
    const options = { year: year ?? 0, unitKey: this.unitKey || undefined, floor: this.floor, limit: 20 };
    return { view: 'story', key: JSON.stringify(options), ask: async () => (year === null ? null : this.library.db.call({ type: 'ranking', options })) };
  }

  load(): Promise<void> {
    const q = this.question();
    return this.run(q.ask, '变化排名查询失败', q);
  }

  protected describe(r: RankingResult): ViewContent {
    const docs = [...new Set([...r.absolute, ...r.relative, ...r.appeared].flatMap((c) => [c.doc.docId, c.priorDoc.docId]))];
    const grid = () => [...rankingGrid(r, 'absolute'), [], ...rankingGrid(r, 'relative'), [], ...rankingGrid(r, 'appeared')];
    return { title: `${r.year}年 变化最大${this.unitKey ? `（${this.units.byKey(this.unitKey)?.name ?? ''}）` : '（全部单位）'}`, docs, sources: [], grid };
  }
}
