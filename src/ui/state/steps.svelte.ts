import { flushSync } from 'svelte';

/**
 * Rows a long table draws in the frame that shows it: as many as a window `height` pixels tall can
 * show. A view's table starts 350–520 px down the page, under its title and choosers (a page
 * scrolled to its tabs has at most the ~100 px header above), and a row is at least 32 px tall; so
 * (height − 250) / 32 rows fill the window, at least 8. At 5,000 documents a 1280×720 window showed
 * 2–5 rows of 同比, 横比 and 审核, and 24–50 had been drawn in that frame: a row of 横比 is ~38
 * elements, each ~12 µs of style and layout on the 2-core machine (issue 17).
 */
export function firstRowCount(height: number = typeof window === 'undefined' ? 1080 : window.innerHeight): number {
  return Math.min(48, Math.max(8, Math.ceil((height - 250) / 32)));
}

/**
 * A long table drawn in steps: the rows the window shows in the frame that shows the table, then as
 * many more a task at a time after that frame is painted, where nobody is waiting for them (issue
 * 17: a 横比 opened on a link with its tree open, 71 rows at 5,000 documents, was one task of
 * 51–72 ms; drawn in steps, none is over 50 ms). Once whole it stays whole: a row opened or a new
 * answer is drawn at once. The table says which it shows with data-rows="first" | "all".
 *
 * Create it while a component initialises: it sets up its effect.
 */
export class RowSteps {
  readonly step = firstRowCount();
  /** How many rows to draw; Infinity once the table is whole. */
  limit = $state(this.step);

  constructor(total: () => number) {
    // Counted from the first rows: a table drawn before its answer (审核's head) starts then.
    const some = $derived(total() > 0);
    $effect(() => {
      if (!some) return;
      let timer = 0;
      const more = () => {
        this.limit = this.limit + this.step >= total() ? Infinity : this.limit + this.step;
        if (this.limit !== Infinity) timer = window.setTimeout(more, 0);
      };
      const frame = requestAnimationFrame(() => (timer = window.setTimeout(more, 0)));
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    });
  }

  /** Every row, now: a print asked before the table is whole still gets every row. */
  whole(): void {
    flushSync(() => (this.limit = Infinity));
  }
}
