import { PAGE_COLUMNS } from '../compare/peersPage';
import type { Handlers, WorkerState } from './state';

/** Below this many documents a first 横比 is quick without it (~40 ms at 1,000). */
const WARM_FROM = 1_000;
/** After start-up: the page's first requests (the list, the badges) go first. */
const WARM_AFTER_MS = 1_500;

/**
 * The 横比 a user first sees (the busiest year's 部门预算, every unit), asked once after a large
 * library is opened: its per-document summaries (compare/peerSummaries.ts) are then read while the
 * library list is on screen — ~200–390 ms of this worker at 5,000 documents — rather than when
 * 横比 is clicked; kept by each document's generation, they outlive later imports. Queued like any
 * request, so it never runs beside one; a small library is not warmed.
 */
export function warmComparisons(w: WorkerState, handlers: Pick<Handlers, 'peers'>, enqueue: (task: () => Promise<void>) => Promise<void>): void {
  setTimeout(() => void enqueue(async () => {
    try {
      if (!w.lib || w.lib.compare.documents().length < WARM_FROM) return;
      await handlers.peers({ type: 'peers', query: { year: null, stage: 'budget', scope: 'department', selection: { kind: 'all' } }, page: { from: 0, size: PAGE_COLUMNS, order: null } }, 0);
    } catch {
      /* a warm-up that fails costs nothing but the time: the view reads what it needs when asked */
    }
  }), WARM_AFTER_MS);
}
