import { untrack } from 'svelte';
import type { ExecutionResult } from '../../lib/compare/execution';
import type { RankingResult } from '../../lib/compare/ranking';
import type { Finding } from '../../lib/model/audit';
import type { ExecutionState } from '../execution/execution.svelte';
import { docLabel } from '../format';
import type { LibraryState } from '../state/library.svelte';
import type { ShownView } from '../state/view.svelte';

export interface Brief {
  execution: ExecutionResult;
  ranking: RankingResult;
  /** Errors and warnings of the audit of the year's documents, errors first. */
  findings: Finding[];
  sources: string[];
}

/**
 * 一页简报: a unit-year on one A4 page for a deputy before a 人大 meeting — totals, the five largest
 * changes with their reasons, 三公, execution where a 决算 exists, audit findings, sources. Composed
 * of the views' own requests (execution, ranking, audits); unit and year are the 执行 view's.
 */
export class BriefState {
  brief = $state.raw<Brief | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  private seq = 0;

  constructor(private readonly library: LibraryState, private readonly shown: ShownView, readonly exec: ExecutionState) {}

  /**
   * The brief's question for the memo of answers (state/answers.ts): its three requests as one
   * answer, so that the brief can be read and drawn ahead like 执行 (a first visit at 5,000 documents
   * asked all three and waited ~60–75 ms), and a return shows it without asking again.
   */
  private question(): { key: string; ask: () => Promise<Brief> } | null {
    const unitKey = this.exec.unitKey;
    const year = this.exec.year;
    if (!unitKey || year === null) return null;
    return { key: JSON.stringify([unitKey, year]), ask: () => this.ask(unitKey, year) };
  }

  private async ask(unitKey: string, year: number): Promise<Brief> {
    const [execution, ranking] = await Promise.all([
      this.library.db.call({ type: 'execution', unitKey, year }),
      this.library.db.call({ type: 'ranking', options: { year, unitKey, limit: 5 } }),
    ]);
    if (!execution) throw new Error('没有这个单位');
    const docs = [execution.budgetDoc, execution.finalDoc].flatMap((d) => (d ? [d] : []));
    const audits = docs.length ? await this.library.db.call({ type: 'audits', docIds: docs.map((d) => d.docId), withFindings: true }) : [];
    const rank = { error: 0, warning: 1 } as Record<string, number>;
    const findings = audits.flatMap((a) => a.findings).filter((f) => f.severity in rank).sort((a, b) => rank[a.severity] - rank[b.severity]);
    return { execution, ranking, findings, sources: docs.map(docLabel) };
  }

  /** Reads the brief into the memo without showing it (AheadOfUser), once the units are the current list's. */
  async readAhead(): Promise<void> {
    const q = this.exec.units.current ? this.question() : null;
    if (q) await this.library.answers.readAhead('brief', q.key, q.ask);
  }

  async load(): Promise<void> {
    const q = this.question();
    const mine = ++this.seq;
    if (!q) return;
    const { answers } = this.library;
    const known = answers.get<Brief>('brief', q.key);
    if (known) {
      // Called from the view's effect: what showing reads must not become the effect's dependency.
      untrack(() => this.settle(known));
      this.loading = false;
      return;
    }
    const stamp = answers.stamp();
    this.loading = true;
    try {
      const brief = await (answers.pending<Brief>('brief', q.key) ?? q.ask());
      answers.keep('brief', q.key, stamp, brief);
      if (mine === this.seq) this.settle(brief);
    } catch (e) {
      if (mine === this.seq) this.error = `简报生成失败：${(e as Error).message}`;
    } finally {
      if (mine === this.seq) this.loading = false;
    }
  }

  private settle(brief: Brief): void {
    const { execution } = brief;
    const docs = [execution.budgetDoc, execution.finalDoc].flatMap((d) => (d ? [d] : []));
    this.brief = brief;
    this.shown.show({ title: `${execution.unit.name} ${execution.year}年 一页简报`, docs: docs.map((d) => d.docId), sources: brief.sources, grid: null });
    this.error = null;
  }
}
