import { yoyGrid } from '../../lib/compare/grid';
import type { YoyColumn, YoyResult } from '../../lib/compare/yoy';
import { STAGE_NAMES, type Stage } from '../../lib/model/keys';
import { docLabel } from '../format';
import type { LibraryState } from '../state/library.svelte';
import type { Choices } from '../state/route.svelte';
import type { ShownView, ViewContent } from '../state/view.svelte';
import { ComparisonState } from './comparison.svelte';
import type { UnitsState } from './units.svelte';

/** 同比 view state: the unit, stage, expanded rows and chart mode live in the URL fragment. */
export class YoyState extends ComparisonState<YoyResult> {
  constructor(library: LibraryState, route: Choices, shown: ShownView, readonly units: UnitsState) {
    super(library, route, shown);
  }

  /** The unit in the URL, else the one with the most years (a first view that shows something). */
  get unitKey(): string {
    const key = this.p.unit;
    if (key && this.units.byKey(key)) return key;
    let best = this.units.units[0];
    for (const u of this.units.units) if (u.years.length > best.years.length) best = u;
    return best?.key ?? '';
  }

  get stage(): Stage {
    return this.p.stage === 'final' ? 'final' : 'budget';
  }

  get stacked(): boolean {
    return this.p.stack === '1';
  }

  protected override question(): { view: string; key: string; ask: () => Promise<YoyResult | null> } {
    const unitKey = this.unitKey;
    const stage = this.stage;
    return { view: 'yoy', key: JSON.stringify([unitKey, stage]), ask: async () => (unitKey ? this.library.db.call({ type: 'yoy', unitKey, stage }) : null) };
  }

  load(): Promise<void> {
    const q = this.question();
    return this.run(q.ask, '同比查询失败', q);
  }

  /** Only with the current list's units: an older list's would pick another default unit. */
  override readAhead(): Promise<void> {
    return this.units.current ? super.readAhead() : Promise.resolve();
  }

  protected describe(r: YoyResult): ViewContent {
    const docs = r.columns.flatMap((c) => (c.doc ? [c.doc] : []));
    return {
      title: yoyTitle(r),
      docs: docs.map((d) => d.docId),
      sources: docs.map(docLabel),
      grid: () => yoyGrid(r),
    };
  }
}

export function yoyTitle(r: YoyResult): string {
  const years = r.columns.map((c) => c.year);
  const span = years.length ? `${years[0]}${years.length > 1 ? `–${years[years.length - 1]}` : ''}年` : '';
  return `${r.unit.name} ${span}${STAGE_NAMES[r.stage]}同比`;
}

export function columnLabel(c: YoyColumn): string {
  return c.inferred ? `${c.year}（据说明推算）` : String(c.year);
}
