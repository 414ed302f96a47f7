import type { StoredDocument } from '../model/document';
import { CheckContext } from './context';
import { DocView } from './docView';
import { CHECKS } from './registry';
import type { DocumentAudit } from './types';

/**
 * Audits documents. `library` is everything loaded together (for the cross-document check); only the
 * documents in `targets` (all of them by default) get results. Pure: documents in, findings out.
 */
export function auditDocuments(library: readonly StoredDocument[], targets?: ReadonlySet<string>): DocumentAudit[] {
  const views = library.map((d) => new DocView(d));
  const out: DocumentAudit[] = [];
  for (const view of views) {
    if (targets && !targets.has(view.docId)) continue;
    const audit: DocumentAudit = { docId: view.docId, meta: view.doc.meta, checks: [], findings: [] };
    for (const check of CHECKS) {
      const ctx = new CheckContext(view, check.id);
      try {
        check.run(ctx, views);
      } catch (e) {
        // A check must never take the others down; what it could not do is 未执行, with the reason.
        ctx.notRun.push(`检查出错：${e instanceof Error ? e.message : String(e)}`);
        ctx.comparisons = 0;
      }
      audit.checks.push(ctx.run());
      for (const f of ctx.findings) audit.findings.push(f); // not push(...): a huge table overflows the stack
    }
    out.push(audit);
  }
  return out;
}

export { AUDIT_VERSION, CHECKS, CHECK_BY_ID } from './registry';
export { dependentDocIds, neededDocIds } from './crossDocument';
export type { CheckDef } from './registry';
export * from './types';
