import type { FileImport } from '../ingest/file';
import { importFile } from './reader';
import { kindOf, startsAsZip } from './entry';

/**
 * One file read off the database worker's thread (parseWorker.ts, in the pool of parsePool.ts):
 * what a disclosure text or an office file gives (ingest/file.ts, the one way in), or `pass` for
 * what the database worker reads itself — a FORMAT CSV (streamed, perhaps waiting for the user), a
 * PDF (pdf.js already parses in a worker of its own; its pages report progress and stop on 取消),
 * a library file (refused with where to open it), a ZIP of files (opened there, its files sent back).
 */
export type ParseOutcome = { pass: true } | { pass: false; read: FileImport };

export interface ParseJob { job: number; file: Blob; fileName: string }
export type ParseReply = { job: number } & ParseOutcome;

export async function parseJob(file: Blob, fileName: string): Promise<ParseOutcome> {
  if ((await kindOf(file)) !== 'text') return { pass: true };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A ZIP of files is opened by the database worker, which hands its files back to the page.
  if (startsAsZip(bytes) && (await import('../ingest/bundle')).isBundle(bytes)) return { pass: true };
  // importFile never throws: a file it cannot read comes back as a Chinese message naming it.
  return { pass: false, read: await importFile(bytes, fileName) };
}
