import type { FileImport, ImportOptions } from '../ingest/file';

/**
 * The disclosure readers (ingest/file.ts: text, tables, narrative, office and PDF dispatch) as a
 * chunk of their own, loaded on the first file a worker reads rather than with the worker: a first
 * visit shows the bundled sample without them (issue 17, first visit ≤ 500 KB). Vite splits a
 * dynamic import in a module worker into a chunk the service worker precaches like any other.
 */
let reader: Promise<typeof import('../ingest/file')> | null = null;

export async function importFile(bytes: Uint8Array, fileName: string, options?: ImportOptions): Promise<FileImport> {
  reader ??= import('../ingest/file');
  return (await reader).importFile(bytes, fileName, options);
}
