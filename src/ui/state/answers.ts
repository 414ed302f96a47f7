import type { DbClient } from '../../lib/worker/client';

/** What an answer was read against: the document list on screen and the worker client's generation. */
export interface Stamp {
  documents: unknown;
  generation: number;
}

/**
 * The last answer of each view's query, kept while the view is closed. Going back to 横比, 同比 or
 * 审核 on a library that has not changed shows the table in the click's own frame, instead of a
 * 「正在计算…」 frame, a worker round trip and the table a frame or two later (issue 17: ~20–40 ms of
 * a switch at 5,000 documents). An answer holds while the document list is the same array (every
 * change replaces it) and no changing request was sent or answered since it was asked (linking
 * units and layout profiles change answers without a new list).
 *
 * The worker keeps its own last answers (worker/lastAnswers.ts), which spare it the computing; this
 * spares the page the round trip and the frame drawn while it waits.
 */
export class AnswerMemo {
  private readonly last = new Map<string, { key: string; stamp: Stamp; value: unknown }>();
  /** Questions read ahead and not answered yet: a view opened meanwhile waits for them instead of asking twice. */
  private readonly asking = new Map<string, { key: string; stamp: Stamp; answer: Promise<unknown> }>();

  constructor(private readonly db: DbClient, private readonly documents: () => unknown) {}

  /** To pass to `keep` with the answer: taken when the question is asked, not when it is answered. */
  stamp(): Stamp {
    return { documents: this.documents(), generation: this.db.generation };
  }

  /** The view's last answer if it answered `key` and still holds. */
  get<R>(view: string, key: string): R | undefined {
    const e = this.last.get(view);
    return e && e.key === key && this.holds(e.stamp) ? (e.value as R) : undefined;
  }

  /** The answer to `key` being read ahead for the library as it is (undefined: none). */
  pending<R>(view: string, key: string): Promise<R> | undefined {
    const e = this.asking.get(view);
    return e && e.key === key && this.holds(e.stamp) ? (e.answer as Promise<R>) : undefined;
  }

  /** Keeps a view's answer (one per view), unless the library changed while it was being read. */
  keep(view: string, key: string, stamp: Stamp, value: unknown): void {
    if (this.holds(stamp)) this.last.set(view, { key, stamp, value });
    else this.last.delete(view);
  }

  /**
   * Asks ahead of the view, in idle time, what its first visit would ask, and keeps the answer (none
   * if it holds one already). A failure is left for the view to ask again and report.
   */
  async readAhead(view: string, key: string, ask: () => Promise<unknown>): Promise<void> {
    if (this.get(view, key) !== undefined || this.pending(view, key)) return;
    const stamp = this.stamp();
    const answer = ask();
    this.asking.set(view, { key, stamp, answer });
    try {
      this.keep(view, key, stamp, await answer);
    } catch {
      /* the view that waited for it reports the failure; one opened later asks again */
    } finally {
      if (this.asking.get(view)?.answer === answer) this.asking.delete(view);
    }
  }

  /** Whether answers read at `s` still hold: the same document list, no changing request since. */
  holds(s: Stamp): boolean {
    return s.documents === this.documents() && s.generation === this.db.generation;
  }
}
