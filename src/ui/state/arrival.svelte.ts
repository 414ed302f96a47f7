import type { RouteState, View } from './route.svelte';

/**
 * The view just gone to, for the one frame that first shows it; null after that frame.
 *
 * A view kept or drawn ahead, hidden (kept.svelte.ts), shows with a class changed, but its charts
 * did not: the first frame that paints a chart's canvas hands its pixels to the compositor, and on
 * a 2-core machine under load that held the commit of that frame 10–54 ms a chart (traced at 5,000
 * documents, issue 17). While a view arrives its charts are left out (App.svelte), so its tables,
 * what the user clicked for, paint at once, and the charts a frame later: the order a view drawn
 * by the click already had (compare/chart.ts makes a chart after the frame that lays its box out).
 *
 * Create it while a component initialises: it sets up an effect.
 */
export class Arrival {
  view = $state.raw<View | null>(null);

  constructor(route: RouteState) {
    // Before the DOM is updated, so that the view's class and this mark change in the same update.
    $effect.pre(() => {
      this.view = route.view;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => (timer = setTimeout(() => (this.view = null), 0)));
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    });
  }
}
