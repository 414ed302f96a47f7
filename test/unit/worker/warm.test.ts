import { afterEach, describe, expect, it, vi } from 'vitest';
import { peersFrame, type PeersRequest } from '../../../src/lib/compare/peers';
import { PAGE_COLUMNS } from '../../../src/lib/compare/peersPage';
import type { LibraryDb } from '../../../src/lib/db/library';
import type { RequestOf } from '../../../src/lib/worker/protocol';
import type { WorkerState } from '../../../src/lib/worker/state';
import { ComparisonWarmer, type WarmOptions } from '../../../src/lib/worker/warm';
import { doc, library, type DocSpec } from '../compare/libraries';

/** The worker's queue: one task at a time, in order. */
function queue() {
  let q: Promise<unknown> = Promise.resolve();
  let pending = 0;
  const enqueue = (task: () => Promise<void>) => {
    pending++;
    const next = q.then(task).finally(() => pending--);
    q = next.catch(() => undefined);
    return next;
  };
  // Until the queue is empty, including tasks queued by tasks.
  const drain = async () => {
    while (pending) await q;
  };
  return { enqueue, drain, pending: () => pending };
}

/** `onPeers`: what happens while the round's first 横比 is answered (a change that arrives meanwhile). */
function warmer(w: WorkerState, opts: Partial<WarmOptions>, onPeers = () => {}) {
  const asked: RequestOf<'peers'>[] = [];
  const handlers = { peers: (req: RequestOf<'peers'>) => (asked.push(req), onPeers(), null as never) };
  const { enqueue, drain, pending } = queue();
  return { warm: new ComparisonWarmer(w, handlers, enqueue, opts), asked, drain, enqueue, pending };
}

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 1));
};

/** A long request (an import) in the queue until `release` is called. */
function longRequest(enqueue: (task: () => Promise<void>) => Promise<void>) {
  let release = () => {};
  void enqueue(() => new Promise<void>((r) => (release = r)));
  return () => release();
}

const specs = (prefix: string): DocSpec[] => [2021, 2022, 2023].flatMap((year) => Array.from({ length: 4 }, (_, i) => ({
  id: `${prefix}-${year}-${i}`, code: `10${i}`, name: `单位${i}`, year,
  figures: [['expense', 'total', 'total', String(100 + i + year)], ['expense', '201', 'total', String(60 + i)], ['expense', '205', 'total', String(40 + year - 2000)],
    ['basic_expense', 'total', 'total', String(30 + i)], ['three_public', 'total', 'total', `${i}.5`]],
})));

const yearOf = (year: number): PeersRequest => ({ year, stage: 'budget', scope: 'department', selection: { kind: 'all' } });

/** Every year's 横比 of `lib`, and how many figure reads they made. */
function everyYear(lib: LibraryDb) {
  const reads = vi.spyOn(lib.compare, 'figures');
  const frames = [2021, 2022, 2023].map((y) => peersFrame(lib.compare, yearOf(y)));
  const n = reads.mock.calls.length;
  reads.mockRestore();
  return { rows: frames.map((f) => f.rows), reads: n };
}

describe('ComparisonWarmer', () => {
  afterEach(() => vi.useRealTimers());

  it('asks the 横比 the view first shows, through the request queue, a moment after start-up', async () => {
    vi.useFakeTimers();
    const w = { lib: { compare: { documents: () => new Array(5_000).fill({ docId: 'x', year: 2024 }), version: () => 1, figures: () => [] } } } as unknown as WorkerState;
    const { warm, asked, drain } = warmer(w, {});
    warm.schedule();
    await Promise.resolve();
    expect(asked).toHaveLength(0); // the page's first requests go first
    vi.advanceTimersByTime(1_500);
    vi.useRealTimers();
    await drain();
    expect(asked).toEqual([{ type: 'peers', query: { year: null, stage: 'budget', scope: 'department', selection: { kind: 'all' } }, page: { from: 0, size: PAGE_COLUMNS, order: null } }]);
  });

  it('does not run a round queued behind a long request that changed the library: its countdown starts again after the change', async () => {
    const w = { lib: { compare: { documents: () => new Array(5_000).fill({ docId: 'x', year: 2024 }), version: () => 1, figures: () => [] } } } as unknown as WorkerState;
    const { warm, asked, drain, enqueue, pending } = warmer(w, { afterMs: 0, waitedMs: 60_000 });
    const release = longRequest(enqueue);
    warm.schedule();
    await until(() => pending() === 2); // the countdown ran out: its round waits behind the import
    warm.schedule(); // the import's change
    await until(() => pending() === 3);
    release();
    await drain();
    expect(asked).toHaveLength(1);
  });

  it('starts the countdown again for a round that waited long in the queue, so the requests that came meanwhile go first', async () => {
    const w = { lib: { compare: { documents: () => new Array(5_000).fill({ docId: 'x', year: 2024 }), version: () => 1, figures: () => [] } } } as unknown as WorkerState;
    const { warm, asked, drain, enqueue, pending } = warmer(w, { afterMs: 0, waitedMs: 20 });
    const release = longRequest(enqueue);
    warm.schedule();
    await until(() => pending() === 2);
    await new Promise((r) => setTimeout(r, 40));
    let pageAsked = false;
    void enqueue(async () => {
      pageAsked = true;
      expect(asked).toHaveLength(0); // the page's request was not held behind the round
    });
    release();
    await drain();
    expect(pageAsked).toBe(true);
    expect(asked).toHaveLength(0);
    await until(() => asked.length > 0); // the new countdown's round
    await drain();
    expect(asked).toHaveLength(1);
  });

  it('leaves a small library alone', async () => {
    const lib = await library(specs('s'));
    const { warm, asked, drain } = warmer({ lib } as unknown as WorkerState, { from: 13, afterMs: 0 });
    warm.schedule();
    await new Promise((r) => setTimeout(r, 5));
    await drain();
    expect(asked).toHaveLength(0);
    expect(everyYear(lib).reads).toBeGreaterThan(0);
  });

  it('reads every document ahead, so that no year\'s 横比 reads figures, and answers as a cold one does', async () => {
    const lib = await library(specs('a'));
    const cold = everyYear(await library(specs('a')));
    expect(cold.reads).toBeGreaterThan(0);
    const { warm, asked, drain } = warmer({ lib } as unknown as WorkerState, { from: 2, afterMs: 0, slice: 5 });
    warm.schedule();
    await new Promise((r) => setTimeout(r, 5));
    await drain();
    expect(asked).toHaveLength(1);
    const warmed = everyYear(lib);
    expect(warmed.reads).toBe(0);
    expect(warmed.rows).toEqual(cold.rows);
  });

  it('stops a round when the library changes, and reads only what changed in the next', async () => {
    const lib = await library(specs('c'));
    const w = { lib } as unknown as WorkerState;
    let change: (() => void) | null = () => lib.addDocuments([doc({ id: 'c-new', code: '109', name: '新单位', year: 2022, figures: [['expense', 'total', 'total', '7']] })], 'text', 'hash-c-new');
    const { warm, drain } = warmer(w, { from: 2, afterMs: 0, slice: 5 }, () => {
      change?.();
      change = null;
    });
    const reads = vi.spyOn(lib.compare, 'figures');
    // A document without 功能分类 rows in its 支出总表 is read twice (the 一般公共预算 table is then read for it).
    const docsRead = () => new Set(reads.mock.calls.flatMap(([ids]) => ids));
    const round = async () => {
      warm.schedule();
      await new Promise((r) => setTimeout(r, 5));
      await drain();
    };
    await round();
    expect(reads).not.toHaveBeenCalled();
    await round();
    expect(docsRead().size).toBe(13);
    reads.mockClear();
    lib.addDocuments([doc({ id: 'c-two', code: '110', name: '又一单位', year: 2023, figures: [['expense', 'total', 'total', '8']] })], 'text', 'hash-c-two');
    await round();
    expect([...docsRead()]).toEqual(['c-two']);
    reads.mockRestore();
  });

  it('stops a round when another library is put in place', async () => {
    const lib = await library(specs('d'));
    const w = { lib } as unknown as WorkerState;
    const other = await library(specs('e'));
    const { warm, drain } = warmer(w, { from: 2, afterMs: 0, slice: 5 }, () => (w.lib = other));
    const reads = vi.spyOn(lib.compare, 'figures');
    const otherReads = vi.spyOn(other.compare, 'figures');
    warm.schedule();
    await new Promise((r) => setTimeout(r, 5));
    await drain();
    expect(reads).not.toHaveBeenCalled();
    expect(otherReads).not.toHaveBeenCalled();
  });
});
