import type { Grid } from '../../lib/compare/grid';

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

/**
 * The content of the comparison on screen. The comparison states set it after each load; it is
 * cleared when the user goes to another view, so a share or an export never carries a view that
 * is no longer shown.
 */
export class ShownView {
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
