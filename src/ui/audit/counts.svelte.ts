import type { LibraryState } from '../state/library.svelte';

export interface BadgeCounts {
  errors: number;
  warnings: number;
}

/**
 * Error and warning counts per document for the library list's badges: one request per library
 * change, shared by every badge (each badge asks; only the first ask for a given list is sent).
 */
class AuditCounts {
  byDoc = $state.raw(new Map<string, BadgeCounts>());
  private asked: unknown = null;

  refresh(library: LibraryState): void {
    const docs = library.documents;
    if (this.asked === docs) return;
    this.asked = docs;
    library.db.call({ type: 'audits', docIds: null, withFindings: false }).then((audits) => {
      if (this.asked !== docs) return; // a newer list has been asked for meanwhile
      this.byDoc = new Map(audits.map((a) => [a.docId, {
        errors: a.checks.reduce((n, c) => n + c.errors, 0),
        warnings: a.checks.reduce((n, c) => n + c.warnings, 0),
      }]));
    }, () => undefined);
  }
}

export const auditCounts = new AuditCounts();
