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

  async load(): Promise<void> {
    const unitKey = this.exec.unitKey;
    const year = this.exec.year;
    const mine = ++this.seq;
    if (!unitKey || year === null) return;
    this.loading = true;
    try {
      const [execution, ranking] = await Promise.all([
        this.library.db.call({ type: 'execution', unitKey, year }),
        this.library.db.call({ type: 'ranking', options: { year, unitKey, limit: 5 } }),
      ]);
      if (!execution) throw new Error('没有这个单位');
      const docs = [execution.budgetDoc, execution.finalDoc].flatMap((d) => (d ? [d] : []));
      const audits = docs.length ? await this.library.db.call({ type: 'audits', docIds: docs.map((d) => d.docId), withFindings: true }) : [];
      const rank = { error: 0, warning: 1 } as Record<string, number>;
      const findings = audits.flatMap((a) => a.findings).filter((f) => f.severity in rank).sort((a, b) => rank[a.severity] - rank[b.severity]);
      if (mine !== this.seq) return;
      this.brief = { execution, ranking, findings, sources: docs.map(docLabel) };
      this.shown.show({ title: `${execution.unit.name} ${year}年 一页简报`, docs: docs.map((d) => d.docId), sources: docs.map(docLabel), grid: null });
      this.error = null;
    } catch (e) {
      if (mine === this.seq) this.error = `简报生成失败：${(e as Error).message}`;
    } finally {
      if (mine === this.seq) this.loading = false;
    }
  }
}
