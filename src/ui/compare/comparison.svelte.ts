import { untrack } from 'svelte';
import type { LibraryState } from '../state/library.svelte';
import type { Choices } from '../state/route.svelte';
import type { ShownView, ViewContent } from '../state/view.svelte';
import type { Trace } from './trace';

/**
 * What 同比 and 横比 share: the result of a query in the database worker (replaced whole), the
 * rows the user expanded and the number whose source is open. Every choice is a URL parameter, so
 * a reload or a shared link restores the same view.
 */
export abstract class ComparisonState<R> {
  result = $state.raw<R | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  trace = $state.raw<Trace | null>(null);
  private seq = 0;

  constructor(protected readonly library: LibraryState, protected readonly route: Choices, private readonly shown: ShownView) {}

  /**
   * The view's question for its current choices, for the memo of answers: what it asks the worker
   * and under which key. Null: a view whose answers are not kept.
   */
  protected question(): { view: string; key: string; ask: () => Promise<R | null> } | null {
    return null;
  }

  /** Reads the current choices' answer into the memo without showing it (AheadOfUser, in idle time, with the choices the view's tab opens it with). */
  readAhead(): Promise<void> {
    const q = this.question();
    return q ? this.library.answers.readAhead(q.view, q.key, q.ask) : Promise.resolve();
  }

  /**
   * The answer on screen is for the previous choices while the current ones are asked: the view
   * keeps it (a blank page on every click would flash), but marks it, so that nobody reads a table
   * that no longer matches the controls above it.
   */
  get stale(): boolean {
    return this.loading && this.result !== null;
  }

  protected get p(): Record<string, string> {
    return this.route.params;
  }

  /** Rows expanded by the user (类 → 款 → 项). */
  get open(): Set<string> {
    return new Set((this.p.open ?? '').split(',').filter(Boolean));
  }

  set(changes: Record<string, string | null>): void {
    this.trace = null;
    this.route.update(changes);
  }

  toggle(rowKey: string): void {
    const open = this.open;
    if (open.has(rowKey)) open.delete(rowKey);
    else open.add(rowKey);
    this.route.update({ open: [...open].join(',') || null });
  }

  /** What leaves the screen with this result: title, documents, sources and the table for Excel. */
  protected abstract describe(result: R): ViewContent | null;

  /**
   * Runs the view's query. A slower earlier request must not overwrite the answer to the latest
   * choice, so only the latest request's answer (or error) is kept. `failure` names the view in
   * the error message. `memo` names the question for the library's memo of answers: asked again on
   * an unchanged library (the view opened again), it is answered at once, without the worker. (Only
   * questions to the library's worker: the archive's views ask another.)
   */
  protected async run(query: () => Promise<R | null>, failure: string, memo?: { view: string; key: string }): Promise<void> {
    const mine = ++this.seq;
    const known = memo && this.library.answers.get<R | null>(memo.view, memo.key);
    if (known !== undefined) {
      untrack(() => this.settle(known));
      this.loading = false;
      return;
    }
    const stamp = this.library.answers.stamp();
    this.loading = true;
    try {
      const r = await ((memo && this.library.answers.pending<R | null>(memo.view, memo.key)) ?? query());
      if (mine !== this.seq) return;
      if (memo) this.library.answers.keep(memo.view, memo.key, stamp, r);
      this.settle(r);
    } catch (e) {
      if (mine === this.seq) this.error = `${failure}：${(e as Error).message}`;
    } finally {
      if (mine === this.seq) this.loading = false;
    }
  }

  private settle(r: R | null): void {
    this.result = r;
    const content = r && this.describe(r);
    if (content) this.shown.show(content);
    else this.shown.clear();
    this.error = null;
  }
}
