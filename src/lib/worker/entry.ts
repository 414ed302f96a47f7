import { looksLikeFormatCsv } from '../ingest/formatHead';
import { isPdf } from '../ingest/pdf/types';

/**
 * Where a file goes in, decided once for every way a file arrives (picked, dropped, pasted, a
 * catalog dataset, a share link's dataset): by its first bytes, never by its name, which a user or a
 * host may have got wrong. A FORMAT CSV is streamed (it can be large); a PDF or a disclosure text is
 * read whole by ingest/file.ts; a library file is opened elsewhere (it replaces the library).
 */
export type EntryKind = 'pdf' | 'sqlite' | 'csv' | 'text';

const SQLITE_MAGIC = 'SQLite format 3\0';
/** How much of a file tells its kind. */
export const HEAD = 4096;

export function kindOfHead(head: Uint8Array): EntryKind {
  if (isPdf(head)) return 'pdf';
  if (String.fromCharCode(...head.subarray(0, SQLITE_MAGIC.length)) === SQLITE_MAGIC) return 'sqlite';
  // The FORMAT header is ASCII: UTF-8 and GB18030 files spell it with the same bytes.
  if (looksLikeFormatCsv(new TextDecoder('utf-8').decode(head))) return 'csv';
  return 'text';
}

export async function kindOf(file: Blob): Promise<EntryKind> {
  return kindOfHead(new Uint8Array(await file.slice(0, HEAD).arrayBuffer()));
}

/**
 * A ZIP's first bytes: an .xlsx, a .docx, or a bundle of files (ingest/bundle.ts tells them apart
 * by the ZIP's directory, and is loaded only for these).
 */
export function startsAsZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export function sqliteHere(fileName: string): string {
  return `「${fileName}」是 SQLite 资料库文件，不是公开文件：请在「数据导入导出」中用「打开 SQLite 资料库文件」打开它（会替换当前资料库）。`;
}
