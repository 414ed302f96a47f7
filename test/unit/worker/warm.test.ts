import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestOf } from '../../../src/lib/worker/protocol';
import type { WorkerState } from '../../../src/lib/worker/state';
import { warmComparisons } from '../../../src/lib/worker/warm';

/** The 横比 warm-up after start-up: queued (never beside a request), only for a large library, with the view's first question. */
function setup(documents: number) {
  const asked: RequestOf<'peers'>[] = [];
  const queued: (() => Promise<void>)[] = [];
  const w = { lib: { compare: { documents: () => new Array(documents).fill({}) } } } as unknown as WorkerState;
  const handlers = { peers: (req: RequestOf<'peers'>) => (asked.push(req), null as never) };
  const enqueue = (task: () => Promise<void>) => (queued.push(task), Promise.resolve());
  warmComparisons(w, handlers, enqueue);
  return { asked, queued };
}

describe('warmComparisons', () => {
  afterEach(() => vi.useRealTimers());

  it('asks the 横比 the view first shows, through the request queue, a moment after start-up', async () => {
    vi.useFakeTimers();
    const { asked, queued } = setup(5_000);
    expect(queued).toHaveLength(0); // the page's first requests go first
    vi.runAllTimers();
    expect(queued).toHaveLength(1);
    expect(asked).toHaveLength(0); // only when its turn in the queue comes
    await queued[0]();
    expect(asked).toEqual([{ type: 'peers', query: { year: null, stage: 'budget', scope: 'department', selection: { kind: 'all' } }, page: { from: 0, size: 40, order: null } }]);
  });

  it('leaves a small library alone', async () => {
    vi.useFakeTimers();
    const { asked, queued } = setup(999);
    vi.runAllTimers();
    await queued[0]();
    expect(asked).toHaveLength(0);
  });
});
