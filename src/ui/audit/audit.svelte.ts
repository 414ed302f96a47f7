import { CHECKS, SEVERITIES, type CheckId, type DocumentAudit, type Finding, type Severity } from '../../lib/audit/audit';
import type { LibraryState } from '../state/library.svelte';
import type { RouteState } from '../state/route.svelte';

export { SEVERITY_NAMES } from '../../lib/model/audit';

/**
 * The audit view's state. Results come from the database worker, which audits on import; the
 * library summary (checks per document, no findings) is replaced whole, the open document's
 * findings are loaded on demand. The chosen document and severities live in the URL fragment.
 */
export class AuditState {
  audits = $state.raw<DocumentAudit[]>([]);
  findings = $state.raw<Finding[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly library: LibraryState, private readonly route: RouteState) {}

  get docId(): string | null {
    const id = this.route.params.doc ?? null;
    return id && this.audits.some((a) => a.docId === id) ? id : null;
  }

  get severities(): Severity[] {
    const raw = this.route.params.sev;
    if (raw === undefined) return ['error', 'warning', 'rounding', 'not_run'];
    return raw.split(',').filter((s): s is Severity => (SEVERITIES as readonly string[]).includes(s));
  }

  toggleSeverity(s: Severity): void {
    const now = this.severities;
    const next = now.includes(s) ? now.filter((x) => x !== s) : [...now, s];
    this.route.update({ sev: SEVERITIES.filter((x) => next.includes(x)).join(',') || 'none' });
  }

  open(docId: string | null): void {
    this.route.update({ doc: docId });
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.audits = await this.library.db.call({ type: 'audits', docIds: null, withFindings: false });
      this.error = null;
    } catch (e) {
      this.error = `审核结果读取失败：${(e as Error).message}`;
    } finally {
      this.loading = false;
    }
  }

  async loadFindings(docId: string): Promise<void> {
    const [a] = await this.library.db.call({ type: 'audits', docIds: [docId], withFindings: true });
    this.findings = a?.findings ?? [];
  }

  /** Count of one severity for a document's check ('not_run' counts the check itself). */
  count(a: DocumentAudit, check: CheckId | null, s: Severity): number {
    const runs = check ? a.checks.filter((c) => c.check === check) : a.checks;
    if (s === 'not_run') return runs.filter((c) => c.status === 'not_run' || c.notRun.length).length;
    return runs.reduce((n, c) => n + (s === 'error' ? c.errors : s === 'warning' ? c.warnings : c.roundings), 0);
  }

  /** The findings shown (this document or all, the chosen severities) as CSV, made in the worker. */
  exportCsv(docId: string | null): Promise<string> {
    return this.library.db.call({ type: 'auditCsv', docIds: docId ? [docId] : null, severities: this.severities });
  }
}

export const CHECK_LIST = CHECKS.map(({ id, no, name, description }) => ({ id, no, name, description }));
