import type { LibraryState } from '../state/library.svelte';

export interface BadgeCounts {
  errors: number;
  warnings: number;
}

/**
 * Error and warning counts for the library list's badges, of the documents on the page shown: one
 * request per page and library change. Asked for the whole library, the answer at 5,000 documents
 * (every check of every document) took ~150 ms of the main thread to receive, on every visit to
 * the list, for a page that shows 100 badges.
 */
class AuditCounts {
  byDoc = $state.raw(new Map<string, BadgeCounts>());
  private asked: { docs: unknown; ids: string } | null = null;

  refresh(library: LibraryState, docIds: readonly string[]): void {
    const docs = library.documents;
    const ids = docIds.join('\n');
    if (this.asked?.docs === docs && this.asked.ids === ids) return;
    const asked = (this.asked = { docs, ids });
    if (!docIds.length) {
      this.byDoc = new Map();
      return;
    }
    library.db.call({ type: 'audits', docIds: [...docIds], withFindings: false }).then((audits) => {
      if (this.asked !== asked) return; // a newer page or list has been asked for meanwhile
      this.byDoc = new Map(audits.map((a) => [a.docId, {
        errors: a.checks.reduce((n, c) => n + c.errors, 0),
        warnings: a.checks.reduce((n, c) => n + c.warnings, 0),
      }]));
    }, () => undefined);
  }
}

export const auditCounts = new AuditCounts();
