import { warmPeerSummaries } from '../compare/peers';
import { comparedInMemory } from '../db/compareReads';
import { comparedParts } from '../db/compared';
import type { StoredDocument } from '../model/document';
import { PAGE_COLUMNS } from '../compare/peersPage';
import type { Handlers, WorkerState } from './state';

export interface WarmOptions {
  /** Below this many documents a first 横比 is quick without it (~40 ms at 1,000). */
  from: number;
  /** After start-up, an opened file or a change: the page's own requests go first. */
  afterMs: number;
  /** Documents read per queued task: ~20–30 ms of this worker at 150 (Node, 5,000 documents), so a request waits at most that. */
  slice: number;
  /** A round that waited longer than this in the queue (behind an import) starts its countdown again. */
  waitedMs: number;
}

const DEFAULTS: WarmOptions = { from: 1_000, afterMs: 1_500, slice: 150, waitedMs: 250 };

/**
 * Reads, in the background, what a first 横比 would read, so that no year's 横比 is the one that
 * pays for it: at 5,000 documents a year's first 横比 read ~1,000 documents' compared figures
 * (150–220 ms in Node; most of it parsing their JSON), where one kept reads in 20–30 ms.
 *
 * A moment after start-up, after a library file is opened and after every change, it first asks the
 * 横比 a user first sees (the busiest year's 部门预算, every unit: its units and frame are kept too),
 * then every document's summary (compare/peerSummaries.ts), a slice per queued task, so that it
 * never runs beside a request and a request waits at most one slice. Summaries are kept by each
 * document's generation, so after an import only the new documents are read. A later change or
 * another library stops the round (the next one starts from the change); a small library is left
 * alone.
 *
 * Kept in memory, not in the library file: a stored summary would be right only for the build that
 * derived it (metrics are defined in code), and a wrong figure shown is worse than a slow one.
 */
export class ComparisonWarmer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Counts schedule() calls: a round queued before the latest one is not run. */
  private scheduled = 0;
  private readonly opts: WarmOptions;

  constructor(
    private readonly w: WorkerState,
    private readonly handlers: Pick<Handlers, 'peers'>,
    private readonly enqueue: (task: () => Promise<void>) => Promise<void>,
    opts: Partial<WarmOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /**
   * Starts (or restarts) the countdown to a round. A countdown that ran out during a long request
   * (a 5,000-document import) left its round queued behind it; that round then ran the moment the
   * import ended, and held the page's first requests after the import — its document list among
   * them — ~900 ms behind a first 横比 of every unit (issue 17). So a round runs only if no change
   * came while it waited and it did not wait long; otherwise the countdown starts again, after the
   * requests that came meanwhile.
   */
  schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const mine = ++this.scheduled;
    this.timer = setTimeout(() => {
      this.timer = null;
      const queuedAt = performance.now();
      void this.enqueue(async () => {
        if (mine !== this.scheduled) return;
        if (performance.now() - queuedAt > this.opts.waitedMs) this.schedule();
        else await this.round();
      });
    }, this.opts.afterMs);
  }

  /**
   * The summaries of documents a change just stored, derived from them as they are in memory, in the
   * request that stored them: the first 横比 after a 5,000-document import read ~1,000 of them back
   * (SQL and JSON, ~250 ms of this worker, the page's first requests behind it), where deriving
   * them here costs the import ~0.27 ms a document (Node). Read through the same code as the stored ones
   * (db/compareReads.ts comparedInMemory), and kept under the generation the write gave them, as
   * the round's are.
   */
  prime(stored: ReadonlyMap<string, StoredDocument>): void {
    const lib = this.w.lib;
    if (!lib || !stored.size) return;
    // A small library is left alone, as by the round: its first 横比 reads every summary quickly,
    // and priming was a cold ~100 ms of this worker in a first burst of 100 files into the sample.
    // A library that grows past `from` is then read by the round, a slice at a time.
    if (Number(lib.db.exec('SELECT count(*) FROM document')[0].values[0][0]) < this.opts.from) return;
    const docs = [...stored.values()].map((d) => ({ docId: d.docId, year: d.meta.year }));
    try {
      warmPeerSummaries(lib.compare, docs, comparedInMemory(new Map([...stored].map(([id, d]) => [id, comparedParts(d.figures)]))));
    } catch {
      /* as a round's: the view reads what it needs when asked */
    }
  }

  private async round(): Promise<void> {
    const lib = this.w.lib;
    if (!lib) return;
    const docs = lib.compare.documents();
    if (docs.length < this.opts.from) return;
    const version = lib.compare.version();
    // Only while nothing has changed since the round began: a change schedules the next round.
    const current = () => this.w.lib === lib && lib.compare.version() === version;
    try {
      await this.handlers.peers({ type: 'peers', query: { year: null, stage: 'budget', scope: 'department', selection: { kind: 'all' } }, page: { from: 0, size: PAGE_COLUMNS, order: null } }, 0);
    } catch {
      /* a warm-up that fails costs nothing but the time: the view reads what it needs when asked */
    }
    const slice = (from: number): Promise<void> => this.enqueue(async () => {
      if (!current()) return;
      try {
        warmPeerSummaries(lib.compare, docs.slice(from, from + this.opts.slice));
      } catch {
        return;
      }
      if (from + this.opts.slice < docs.length) void slice(from + this.opts.slice);
    });
    if (current()) void slice(0);
  }
}
