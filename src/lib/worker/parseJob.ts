import type { FileImport } from '../ingest/file';
import { packImport, type PackedImport } from './packedFigures';
import { importFile } from './reader';
import { HEAD, kindOf, kindOfHead, startsAsZip } from './entry';

/**
 * One file read off the database worker's thread (parseWorker.ts, in the pool of parsePool.ts):
 * what a disclosure text or an office file gives (ingest/file.ts, the one way in), or `pass` for
 * what the database worker reads itself — a FORMAT CSV (streamed, perhaps waiting for the user), a
 * PDF (pdf.js already parses in a worker of its own; its pages report progress and stop on 取消),
 * a library file (refused with where to open it), a ZIP of files (opened there, its files sent back).
 */
export type ParseOutcome = { pass: true } | { pass: false; read: FileImport };

export interface ParseJob { job: number; file: Blob; fileName: string }
/** On the wire, a read's figures are columns (packedFigures.ts): the pool unpacks them. */
export type ParseReply = { job: number } & ({ pass: true } | { pass: false; read: PackedImport });

/**
 * Files up to this size are read whole at once and their kind told from the bytes read. Reading the
 * head first, then the whole, was two round trips to the browser's file system for every file of a
 * burst (issue 17). Larger files (a big CSV, passed on to be streamed) are not read whole here.
 */
const READ_WHOLE = 16 * 1024 * 1024;

export async function parseJob(file: Blob, fileName: string): Promise<ParseOutcome> {
  const whole = file.size <= READ_WHOLE ? new Uint8Array(await file.arrayBuffer()) : null;
  const kind = whole ? kindOfHead(whole.subarray(0, HEAD)) : await kindOf(file);
  if (kind !== 'text') return { pass: true };
  const bytes = whole ?? new Uint8Array(await file.arrayBuffer());
  // A ZIP of files is opened by the database worker, which hands its files back to the page.
  if (startsAsZip(bytes) && (await import('../ingest/bundle')).isBundle(bytes)) return { pass: true };
  // importFile never throws: a file it cannot read comes back as a Chinese message naming it.
  return { pass: false, read: await importFile(bytes, fileName) };
}

/** A pool worker's answer to a job (parseWorker.ts), with the buffers its message transfers. Never throws. */
export async function answerJob({ job, file, fileName }: ParseJob): Promise<{ reply: ParseReply; transfer: ArrayBuffer[] }> {
  try {
    const outcome = await parseJob(file, fileName);
    if (outcome.pass) return { reply: { job, pass: true }, transfer: [] };
    const { packed, transfer } = packImport(outcome.read);
    return { reply: { job, pass: false, read: packed }, transfer };
  } catch (e) {
    return { reply: { job, pass: false, read: { ok: false, error: `「${fileName}」读取失败：${e instanceof Error ? e.message : String(e)}` } }, transfer: [] };
  }
}
