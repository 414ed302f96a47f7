import { CHECKS, SEVERITIES, type CheckId, type DocumentAudit, type Finding, type Severity } from '../../lib/audit/audit';
import type { AuditPage } from '../../lib/worker/audits';
import type { LibraryState } from '../state/library.svelte';
import type { Choices } from '../state/route.svelte';

export { SEVERITY_NAMES } from '../../lib/model/audit';

import { AUDIT_PAGE } from './page';

export { AUDIT_PAGE };

/**
 * The audit view's state. Results come from the database worker, which audits on import; the
 * library summary (checks per document, no findings) comes a page at a time, the page holding the
 * open document first; the open document's findings are loaded on demand. The chosen document and
 * severities live in the URL fragment.
 */
export class AuditState {
  audits = $state.raw<DocumentAudit[]>([]);
  /** Where the page shown starts among all documents, and how many there are. */
  from = $state(0);
  total = $state(0);
  findings = $state.raw<Finding[]>([]);
  /** The open document's audit, whichever page is shown. */
  opened = $state.raw<DocumentAudit | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  constructor(private readonly library: LibraryState, private readonly route: Choices) {}

  get docId(): string | null {
    const id = this.route.params.doc ?? null;
    return id && this.library.documents.some((d) => d.docId === id) ? id : null;
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

  /** The page from `from`, or (by default) the one holding the open document. */
  async load(from: number = this.from, withOpen = true): Promise<void> {
    const request = this.request(from, withOpen);
    // The view opened again on an unchanged library: the page it showed, at once (ui/state/answers.ts).
    const key = JSON.stringify(request);
    const known = this.library.answers.get<AuditPage>('audit', key);
    if (known) return this.show(known);
    const stamp = this.library.answers.stamp();
    this.loading = true;
    try {
      const page = await (this.library.answers.pending<AuditPage>('audit', key) ?? this.library.db.call(request));
      this.library.answers.keep('audit', key, stamp, page);
      this.show(page);
    } catch (e) {
      this.error = `审核结果读取失败：${(e as Error).message}`;
    } finally {
      this.loading = false;
    }
  }

  /** The page `load` would show, read into the memo without showing it (AheadOfUser, in idle time, with the choices the view's tab opens it with). */
  readAhead(): Promise<void> {
    const request = this.request(this.from, true);
    return this.library.answers.readAhead('audit', JSON.stringify(request), () => this.library.db.call(request));
  }

  private request(from: number, withOpen: boolean) {
    return { type: 'auditPage', from, size: AUDIT_PAGE, docId: withOpen ? this.docId : null } as const;
  }

  private show(page: AuditPage): void {
    this.audits = page.audits;
    this.from = page.from;
    this.total = page.total;
    this.error = null;
  }

  async loadFindings(docId: string): Promise<void> {
    const [a] = await this.library.db.call({ type: 'audits', docIds: [docId], withFindings: true });
    this.opened = a ?? null;
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
