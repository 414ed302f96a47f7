import { ConsoleClient } from '../../lib/console/client';
import { EXAMPLES } from '../../lib/console/examples';
import type { QueryResult } from '../../lib/console/run';
import type { DocumentSummary } from '../../lib/worker/protocol';
import type { LibraryState } from '../state/library.svelte';
import type { RouteState } from '../state/route.svelte';

/** Rows sent to the page; the whole is counted. More would not help a reader and would slow the table. */
export const MAX_ROWS = 1000;
/** A query still running after this is stopped (a runaway recursive CTE, a join without a condition). */
export const TIME_LIMIT_MS = 30_000;

export type ChartType = 'bar' | 'line';

/**
 * The SQL console: the query, its result and chart, all in the URL (q, chart, x, y) so a reload or a
 * share link shows the same. Queries run in the console worker over a copy of the library, taken
 * again whenever the library's document list has changed since the last copy.
 */
export class ConsoleState {
  result = $state.raw<QueryResult | null>(null);
  error = $state<string | null>(null);
  running = $state(false);
  ms = $state(0);
  /** The query the shown result came from. */
  ranSql = $state('');

  private readonly client = new ConsoleClient();
  private copiedFrom: readonly DocumentSummary[] | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Why the running query was stopped, when 取消 came while the library was still being copied to the
   * console's worker (no worker to stop yet): the run ends there instead of starting the query.
   */
  private cancelled: string | null = null;

  constructor(private readonly library: LibraryState, private readonly route: RouteState) {}

  get sql(): string {
    return this.route.params.q ?? EXAMPLES[0].sql;
  }

  set sql(value: string) {
    this.route.update({ q: value });
  }

  get chart(): { type: ChartType; x: string; y: string } | null {
    const p = this.route.params;
    const type = p.chart === 'bar' || p.chart === 'line' ? p.chart : null;
    return type && p.x && p.y ? { type, x: p.x, y: p.y } : null;
  }

  setChart(chart: { type: ChartType; x: string; y: string } | null): void {
    this.route.update(chart ? { chart: chart.type, x: chart.x, y: chart.y } : { chart: null, x: null, y: null });
  }

  useExample(i: number): void {
    const ex = EXAMPLES[i];
    this.route.update({ q: ex.sql, ...(ex.chart ? { chart: ex.chart.type, x: ex.chart.x, y: ex.chart.y } : { chart: null, x: null, y: null }) });
    void this.run();
  }

  async run(): Promise<void> {
    if (this.running) return;
    const sql = this.sql;
    this.running = true;
    this.error = null;
    this.cancelled = null;
    const started = performance.now();
    try {
      if (!this.client.started || this.copiedFrom !== this.library.documents) {
        const docs = this.library.documents;
        const bytes = await this.library.db.call({ type: 'exportSqlite' });
        if (this.cancelled) throw new Error(this.cancelled);
        await this.client.call({ type: 'open', bytes }, [bytes.buffer]);
        this.copiedFrom = docs;
      }
      if (this.cancelled) throw new Error(this.cancelled);
      this.timer = setTimeout(() => this.client.stop(`查询超过 ${TIME_LIMIT_MS / 1000} 秒，已停止。请缩小范围（加 WHERE 或 LIMIT）后再试。资料库没有任何改变。`), TIME_LIMIT_MS);
      const out = await this.client.call({ type: 'run', sql, maxRows: MAX_ROWS });
      if (out.ok) {
        this.result = out.result;
        this.ranSql = sql;
      } else {
        this.error = out.error;
      }
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.ms = Math.round(performance.now() - started);
      this.running = false;
    }
  }

  cancel(): void {
    this.cancelled = '查询已取消。资料库没有任何改变。';
    this.client.stop(this.cancelled);
  }

  dispose(): void {
    this.client.stop('');
  }
}
