import type { Stamp } from './answers';
import type { LibraryState } from './library.svelte';
import { VIEWS, type RouteState, type View } from './route.svelte';

/**
 * The views whose drawing is kept, hidden, when the user goes to another view: those a user goes
 * back and forth between on a big library. At 5,000 documents drawing one again took 45–100 ms
 * (issue 17: ~40 ms of script building a thousand elements, ~25–40 ms of style and layout), above
 * the goal of 50 ms; showing a kept one is a class changed. The others are drawn anew: 数据 and SQL
 * are quick to draw and ask the worker what may have changed (saves, a query's result), and the
 * archive reads the network.
 */
export const KEPT_VIEWS: ReadonlySet<View> = new Set<View>(['library', 'yoy', 'peers', 'execution', 'story', 'brief', 'audit']);

/** A view on the page: `key` changes when it is drawn anew. `left`: the library when the user left it (null while shown). */
export interface OnPage {
  readonly view: View;
  readonly key: string;
  left: Stamp | null;
}

/**
 * Which views are on the page: the one shown, and the kept views the user left while the library
 * has not changed since. A kept view is hidden with `content-visibility: hidden` (App.svelte), which
 * keeps its layout, so that showing it again needs neither script nor layout.
 *
 * A hidden view is dropped as soon as the document list changes: kept, it would ask the worker its
 * questions again on every change (each file of an import), for a drawing nobody sees. On a return
 * it is also drawn anew if a changing request (linking units, a layout profile) was sent since the
 * user left it, the same rule as the memo of answers (answers.ts): a kept drawing is never stale.
 */
export class KeptViews {
  /**
   * Bookkeeping of `onPage`, plain (not state): it changes only while `onPage` is worked out, from
   * the route and the document list it reads, so the derivation stays a function of those two.
   */
  private readonly entries = new Map<View, OnPage>();
  private shown: View | null = null;
  private drawn = 0;
  /** Views to draw hidden ahead of their first visit, on the document list they were asked for (AheadOfUser). */
  private ahead = $state.raw<{ documents: unknown; views: readonly View[] }>({ documents: null, views: [] });

  /**
   * A derivation, not an effect, so that a hidden view is dropped in the same update as the change
   * of the document list, before its own effects run and ask the worker anything.
   */
  readonly onPage: readonly OnPage[] = $derived.by(() => this.arrange(this.route.view, this.library.documents));

  constructor(private readonly route: RouteState, private readonly library: LibraryState) {}

  /**
   * Draws `views` hidden, ahead of their first visit, on the library as it is: the first visit is then
   * a view shown, like a return. Dropped with the next change of the document list, like any hidden view.
   */
  drawAhead(views: readonly View[]): void {
    this.ahead = { documents: this.library.documents, views };
  }

  /** Whether `view` is on the page (shown, or kept hidden). */
  has(view: View): boolean {
    return this.onPage.some((p) => p.view === view);
  }

  private arrange(view: View, documents: unknown): OnPage[] {
    const memo = this.library.answers;
    if (this.shown !== null && this.shown !== view) {
      const left = this.entries.get(this.shown);
      if (left) left.left = memo.stamp();
    }
    this.shown = view;
    for (const [v, e] of this.entries) {
      const stale = v === view ? e.left !== null && !memo.holds(e.left) : !KEPT_VIEWS.has(v) || e.left?.documents !== documents;
      if (stale) this.entries.delete(v);
    }
    if (this.ahead.documents === documents) {
      for (const v of this.ahead.views) if (KEPT_VIEWS.has(v) && !this.entries.has(v)) this.entries.set(v, { view: v, key: `${v}-${++this.drawn}`, left: memo.stamp() });
    }
    let current = this.entries.get(view);
    if (!current) this.entries.set(view, (current = { view, key: `${view}-${++this.drawn}`, left: null }));
    current.left = null;
    // Always in the tabs' order: a view moved in the DOM would be laid out again.
    return VIEWS.flatMap((v) => this.entries.get(v) ?? []);
  }
}
