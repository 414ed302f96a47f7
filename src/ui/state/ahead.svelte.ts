import type { UnitsState } from '../compare/units.svelte';
import type { ImportState } from './importer.svelte';
import type { KeptViews } from './kept.svelte';
import type { LibraryState } from './library.svelte';
import type { RouteState, View } from './route.svelte';
import { ShownView } from './view.svelte';

/**
 * A load kept once it succeeded: a fresh import() settles a task later, with a frame drawn in
 * between, so going back to a view waited a frame for code it had (issue 17). A failed load is not
 * kept, so the next visit tries again.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= load().catch((e) => {
    p = null;
    throw e;
  }));
}

/** Each view's code (the library's is in the first screen's), loaded with its first visit or in idle time. */
export const viewCode = {
  yoy: once(() => import('../compare/YoyView.svelte')),
  peers: once(() => import('../compare/PeersView.svelte')),
  execution: once(() => import('../execution/ExecutionView.svelte')),
  story: once(() => import('../story/RankingView.svelte')),
  brief: once(() => import('../brief/BriefView.svelte')),
  audit: once(() => import('../audit/AuditView.svelte')),
  sql: once(() => import('../console/SqlView.svelte')),
  archive: once(() => import('../archive/ArchiveView.svelte')),
  data: once(() => import('../data/DataView.svelte')),
};

const idle = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 10_000 }) : setTimeout(f, 500));
const idleTask = () => new Promise<void>((r) => idle(() => r()));

/** Nothing is drawn ahead within this long of a switch: a user going from view to view would find a draw (30–60 ms) holding the next click. */
const QUIET_MS = 1000;

/**
 * The views whose answers hold the worker long (at 5,000 documents the ranking 220–500 ms, the year's
 * execution rates 140–700 ms): read only a second after the last switch and the last change of the
 * document list, so that a user going to a view right after an import does not find the worker busy
 * with a view not asked for.
 */
const READ_WHEN_QUIET: ReadonlySet<View> = new Set(['story', 'execution', 'brief']);

/** The views read and drawn ahead, in this order, with what shows each has drawn its answer. */
const AHEAD = {
  // A table whole, not only its first rows (state/steps.svelte.ts).
  yoy: 'table:not([data-rows="first"])', audit: 'table:not([data-rows="first"])', peers: 'table:not([data-rows="first"])', story: '[data-testid="ranking-absolute"]', execution: '[data-testid="execution-table"]', brief: '[data-testid="brief-totals"]',
} as const;

/**
 * What the page does ahead of the user while it is idle (issue 17), so that a first visit to a view
 * is as quick as a return:
 * - once the library is listed, the views' code is loaded, one view per idle callback (a first click
 *   waited ~50–85 ms for its code at 5,000 documents);
 * - after each change of the document list, the answers a first click on 同比, 审核, 横比, 变化最大, 执行
 *   and 简报 asks are read into the memo of answers, one at a time, quick ones first (同比 had asked
 *   for the units and only then for its table, two round trips one after the other). Not between
 *   the files of an import: each would be read for nothing; a round for a list already replaced stops;
 * - each of those views is drawn with its answer, hidden, once that answer is in, one per quiet
 *   moment (a second after the last switch, not during an import): their first visit shows a
 *   drawing, as a return does (kept.svelte.ts; a first visit had been 50–350 ms at 5,000 documents,
 *   script and layout), then its charts, one per quiet moment, at the size that layout gave them
 *   (compare/chart.ts drawWaiting: a hidden box is told no size);
 * - then a chart of each type off the page, once per page (compare/chart.ts warmUp).
 *
 * Create it while a component initialises: it sets up its effects.
 */
export class AheadOfUser {
  /** The views drawn ahead so far, and 'charts' once chart.js has been (for tests: <main data-drawn-ahead>). */
  drawn = $state.raw<(View | 'charts')[]>([]);
  private queued = false;
  private switchedAt = 0;
  /** When the document list last changed (an import): a user often goes to a view then. */
  private listedAt = 0;
  private chartsWarm = false;

  constructor(private readonly library: LibraryState, private readonly importer: ImportState, private readonly route: RouteState, private readonly units: UnitsState, private readonly kept: KeptViews) {
    $effect(() => {
      void library.documents;
      this.listedAt = performance.now();
      if (!library.ready || importer.running || this.queued) return;
      this.queued = true;
      idle(() => {
        this.queued = false;
        if (!importer.running) void this.readAhead();
      });
    });
    $effect(() => {
      void route.view;
      this.switchedAt = performance.now();
    });
  }

  /** Loads every view's code, one per idle callback (call once the library is listed). */
  loadCode(): void {
    const queue = Object.values(viewCode);
    const next = () => {
      const load = queue.shift();
      if (load) void load().catch(() => undefined).finally(() => idle(next));
    };
    idle(next);
  }

  /**
   * The views' answers, one question at a time (the worker answers one at a time anyway, and a
   * click must find it free soon), each view drawn hidden once its answer is in while the next is
   * read: right after an import the worker reads 横比 (~300 ms at 5,000 documents) while 同比 is
   * drawn. Quick answers first (AHEAD's order), so a click soon after an import finds them.
   */
  private async readAhead(): Promise<void> {
    const { library, route, units } = this;
    // A round for a list already replaced stops: the end of an import starts one before the new
    // list is in, and its 横比 held the worker ~300 ms for an answer nobody would keep.
    const documents = library.documents;
    const current = () => library.documents === documents && !this.importer.running;
    await units.refresh();
    const [{ YoyState }, { PeersState }, { AuditState }, { RankingState }, { ExecutionState }, { BriefState }] = await Promise.all([
      import('../compare/yoy.svelte'), import('../compare/peers.svelte'), import('../audit/audit.svelte'), import('../story/ranking.svelte'), import('../execution/execution.svelte'),
      import('../brief/brief.svelte'),
    ]);
    // The choices each view's tab opens it with (its last ones): a hidden view's writes go nowhere.
    const unseen = new ShownView();
    const states: Record<keyof typeof AHEAD, { readAhead(): Promise<void> }> = {
      yoy: new YoyState(library, route.choicesOf('yoy'), unseen, units),
      audit: new AuditState(library, route.choicesOf('audit')),
      peers: new PeersState(library, route.choicesOf('peers'), unseen),
      story: new RankingState(library, route.choicesOf('story'), unseen, units),
      execution: new ExecutionState(library, route.choicesOf('execution'), unseen, units),
      brief: new BriefState(library, unseen, new ExecutionState(library, route.choicesOf('brief'), unseen, units)),
    };
    const read = new Map<View, Promise<void>>();
    let previous = Promise.resolve();
    for (const view of Object.keys(AHEAD) as (keyof typeof AHEAD)[]) {
      previous = previous.then(async () => {
        if (READ_WHEN_QUIET.has(view)) await this.quiet(true);
        if (route.view !== view && current()) await states[view].readAhead().catch(() => undefined);
      });
      read.set(view, previous);
    }
    await this.drawViews(read);
    await this.warmCharts();
  }

  /** Once per page, after the views: chart.js drawn once per chart type off the page (compare/chart.ts warmUp). */
  private async warmCharts(): Promise<void> {
    if (this.chartsWarm) return;
    this.chartsWarm = true;
    try {
      const { warmUp } = await import('../compare/chart');
      for (const type of ['line', 'bar'] as const) {
        await this.quiet();
        warmUp(type);
      }
      this.drawn = [...this.drawn, 'charts'];
    } catch {
      // A chart that fails to draw says so where it is shown.
    }
  }

  /** Whether the user went to a view within the last `ms`. */
  private switchedSince(ms: number): boolean {
    return performance.now() - this.switchedAt < ms;
  }

  /** A second after the last switch (and, `sinceList`, after the last change of the document list too), in an idle moment. */
  private async quiet(sinceList = false): Promise<void> {
    const since = () => (sinceList ? Math.max(this.switchedAt, this.listedAt) : this.switchedAt);
    for (;;) {
      const wait = since() + QUIET_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await idleTask();
      if (performance.now() - since() >= QUIET_MS) return;
    }
  }

  /** Each view of AHEAD once its answer is read (`read`), one per quiet moment, hidden. */
  private async drawViews(read: ReadonlyMap<View, Promise<void>>): Promise<void> {
    const { kept, library } = this;
    const documents = library.documents;
    const views: View[] = [];
    for (const [v, drawn] of Object.entries(AHEAD) as [keyof typeof AHEAD, string][]) {
      await read.get(v);
      await this.quiet();
      if (this.importer.running || library.documents !== documents) return;
      if (kept.has(v)) continue;
      views.push(v);
      kept.drawAhead([...views]);
      // The view's answer drawn (it is in the memo: a microtask or two), then laid out while hidden,
      // so that showing it needs only paint.
      for (let i = 0; i < 20; i++) {
        const answer = document.querySelector(`.view[data-view="${v}"] ${drawn}`);
        if (answer) {
          // Not right after a switch: the layout (13–36 ms at 5,000 documents) would hold the frame
          // the user's click asked for. Nor once files are being imported: it took ~48 ms of the
          // page's core as a burst of 100 began (issue 17). The view is drawn; it is laid out when it is shown.
          if (!this.switchedSince(QUIET_MS) && !this.importer.running) answer.getBoundingClientRect();
          if (!this.drawn.includes(v)) this.drawn = [...this.drawn, v];
          break;
        }
        // A table's rest comes a frame after its first rows.
        await new Promise((r) => setTimeout(r, i < 4 ? 0 : 20));
      }
      if (!(await this.drawCharts(documents, `.view[data-view="${v}"]`))) return;
    }
    // Charts that came after their view's turn.
    await this.drawCharts(documents, '.view');
  }

  /**
   * The charts of views drawn ahead (`where`), one per quiet moment, at the size their layout gave
   * them: hidden, their boxes are told no size (compare/chart.ts chartIn), and a first visit would
   * draw them (17–25 ms each at 5,000 documents). False when the round should stop.
   */
  private async drawCharts(documents: unknown, where: string): Promise<boolean> {
    // Most views have no chart: no quiet moment waited for them (a chart drawn later than its view's
    // turn is found by the last call, over every view).
    if (!document.querySelector(`${where}.away canvas`)) return true;
    const { drawWaiting } = await import('../compare/chart');
    for (;;) {
      await this.quiet();
      if (this.importer.running || this.library.documents !== documents) return false;
      if (!drawWaiting(document.querySelectorAll(`${where}.away`))) return true;
    }
  }
}
