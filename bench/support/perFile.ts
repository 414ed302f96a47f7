/**
 * One file through the worker's whole import path (importFile → addImported → auditPending, as
 * importHandlers.ts and WorkerState.changed() run it, then the document list the page asks for after
 * a burst: ui/state/library.svelte.ts), with the CPU time of each stage: what the scaling curve
 * measures at each library size. The list stage is the worker's answer (the changes since the page's
 * last read: db/listChanges.ts) and the page patching its copy with it (worker/documentList.ts).
 * Not used by tests.
 */
import type { DocumentSummary, LibraryDb, ListCursor } from '../../src/lib/db/library';
import { patchList } from '../../src/lib/worker/documentList';
import type { StoredDocument } from '../../src/lib/model/document';
import { importFile } from '../../src/lib/ingest/file';
import { auditPending, removeDocument } from '../../src/lib/worker/audits';
import { addImported } from '../../src/lib/worker/imports';
import type { BenchFile } from './corpus';

export interface StageCpu { read: number; store: number; audit: number; list: number; total: number }

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** The page's copy of the list and where it stands, kept across the files of a run. */
export class PageList {
  documents: DocumentSummary[] = [];
  cursor: ListCursor | null = null;
  constructor(private readonly lib: LibraryDb) {
    this.refresh();
  }
  refresh(): void {
    const next = patchList(this.documents, this.cursor, this.lib.documentListSince(this.cursor));
    if (next) ({ documents: this.documents, cursor: this.cursor } = next);
  }
}

/** Imports `file` into `lib` as the worker does; CPU ms per stage. Returns the ids added. */
export async function importOne(lib: LibraryDb, file: BenchFile, page = new PageList(lib)): Promise<{ cpu: StageCpu; added: string[] }> {
  const t0 = cpu();
  const read = await importFile(file.bytes, file.name);
  if (!read.ok) throw new Error(read.error);
  const t1 = cpu();
  const stored = new Map<string, StoredDocument>();
  const result = addImported(lib, read, file.name, file.bytes, stored);
  if (result.status !== 'added') throw new Error(`${file.name}: ${result.status}`);
  const added = result.docs.map((d) => d.docId);
  const t2 = cpu();
  auditPending(lib, added, stored);
  const t3 = cpu();
  page.refresh();
  const t4 = cpu();
  return { cpu: { read: t1 - t0, store: t2 - t1, audit: t3 - t2, list: t4 - t3, total: t4 - t0 }, added };
}

/**
 * CPU per imported file at the library's current size: each of `files` imported, then removed
 * again (and the related documents re-audited, untimed), so the library keeps its size. Medians.
 */
export async function perFileCpu(lib: LibraryDb, files: readonly BenchFile[]): Promise<StageCpu> {
  const runs: StageCpu[] = [];
  const page = new PageList(lib);
  for (const f of files) {
    const { cpu: c, added } = await importOne(lib, f, page);
    runs.push(c);
    for (const id of added) auditPending(lib, removeDocument(lib, id));
    page.refresh();
  }
  const med = (k: keyof StageCpu) => {
    const s = runs.map((r) => r[k]).sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  return { read: med('read'), store: med('store'), audit: med('audit'), list: med('list'), total: med('total') };
}
