import { flushSync, untrack } from 'svelte';

/** A table row is at least this tall: one line of text in a cell with its padding. */
const ROW_PX = 32;

/**
 * Rows of at least 32 px that fill a window `height` pixels tall from `top` down: at least 4 (a
 * table that starts below the window still shows its first rows to a quick scroll), at most 48.
 */
export function rowsToFill(top: number, height: number = typeof window === 'undefined' ? 1080 : window.innerHeight): number {
  return Math.min(48, Math.max(4, Math.ceil((height - top) / ROW_PX)));
}

/**
 * How many rows each later step adds: a screenful under a view's head (its title and choosers take
 * ~250 px), 15 rows at 720 px, so that each step is a task well under 50 ms.
 */
export const stepRows = (height?: number): number => rowsToFill(250, height);

/**
 * A long table drawn in steps: the rows the window shows in the frame that shows the table, then as
 * many more a task at a time after that frame is painted, where nobody is waiting for them (issue
 * 17: a 横比 opened on a link with its tree open, 71 rows at 5,000 documents, was one task of
 * 51–72 ms; drawn in steps, none is over 50 ms). Once whole it stays whole: a row opened or a new
 * answer is drawn at once. The table says which it shows with data-rows="first" | "all".
 *
 * The rows drawn first are counted from where the table's head ends on the page, measured once the
 * head is in place: the table is first drawn with no rows, and the rows are added in the same task,
 * before anything is painted (a hidden table takes a step's rows). A count guessed from the window
 * alone drew 15 rows of 横比, whose head ends ~600 px down at 5,000 documents, where a 1280×720
 * window shows 4–5, each ~38 elements to style and lay out in the frame of the click (issue 17).
 *
 * Create it while a component initialises: it sets up its effect. `table` gives the table element
 * once it is on the page.
 */
export class RowSteps {
  readonly step = stepRows();
  /** How many rows to draw; Infinity once the table is whole. */
  limit = $state(0);

  constructor(total: () => number, table: () => HTMLElement | undefined) {
    // Counted from the first rows: a table drawn before its answer (审核's head) starts then.
    const some = $derived(total() > 0);
    $effect(() => {
      if (!some) return;
      untrack(() => {
        if (this.limit !== 0) return;
        // The head's bottom is where the first row goes. Reading it lays the page out now, which the
        // frame would do anyway; the rows added after only lay out the table again. A table drawn
        // hidden, ahead of its view's first visit (state/ahead.svelte.ts), has no place on screen:
        // it takes a step's rows, and is not laid out in the middle of its drawing.
        const head = table();
        const shown = head && (typeof head.checkVisibility !== 'function' || head.checkVisibility());
        this.limit = shown ? rowsToFill(head.getBoundingClientRect().bottom) : this.step;
      });
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
