import type { Grid } from '../../lib/compare/grid';
import { VIEWS, type RouteState, type View } from './route.svelte';

/** What a comparison view shows, described for everything that leaves the screen. */
export interface ViewContent {
  /** The view's title as a reader needs it: 「信访局 同比（预算）」. */
  title: string;
  /** The documents shown: what a share link with data carries and what 「下载视图数据」 writes. */
  docs: readonly string[];
  /** The documents as a reader names them, for the print header and the chart images' source line. */
  sources: readonly string[];
  /**
   * The view laid out as on screen, for 「下载视图表格」: built when downloaded, not with each answer
   * (a year's 横比 of 500 units is a 30,000-cell grid, ~50–100 ms on the main thread).
   */
  grid: (() => Grid | Promise<Grid>) | null;
}

/** What the share bar, the print header and the downloads read: the content of the view on screen. */
export interface Shown {
  readonly content: ViewContent | null;
  readonly docs: readonly string[];
  readonly hasGrid: boolean;
  grid(): Promise<Grid | null>;
}

/**
 * The content of one view's comparison. The comparison states set it after each load; it is
 * cleared when the view is taken off the page (ui/state/kept.svelte.ts), so that it never describes
 * a drawing that is gone.
 */
export class ShownView implements Shown {
  content = $state.raw<ViewContent | null>(null);

  get docs(): readonly string[] {
    return this.content?.docs ?? [];
  }

  /** Whether the view can be downloaded as a table. */
  get hasGrid(): boolean {
    return !!this.content?.grid;
  }

  /** The view's table, built now (a paged 横比 asks the worker for every column first). */
  async grid(): Promise<Grid | null> {
    return (await this.content?.grid?.()) ?? null;
  }

  show(content: ViewContent): void {
    this.content = content;
  }

  clear(): void {
    this.content = null;
  }
}

/**
 * Every view's ShownView, and the content of the one on screen. A kept view (drawn, hidden) keeps
 * its content for when it is shown again, but a share or an export reads only the view shown: never
 * one the user left.
 */
export class ShownViews implements Shown {
  private readonly byView = new Map<View, ShownView>(VIEWS.map((v) => [v, new ShownView()]));

  constructor(private readonly route: RouteState) {}

  of(view: View): ShownView {
    return this.byView.get(view)!;
  }

  get content(): ViewContent | null {
    return this.of(this.route.view).content;
  }

  get docs(): readonly string[] {
    return this.of(this.route.view).docs;
  }

  get hasGrid(): boolean {
    return this.of(this.route.view).hasGrid;
  }

  grid(): Promise<Grid | null> {
    return this.of(this.route.view).grid();
  }
}
