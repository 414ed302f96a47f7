import Papa from 'papaparse';
import { FORMAT_COLUMNS, FormatRowReader, type CsvRowError } from '../model/formatCsv';
import type { StoredDocument } from '../model/document';

export type CsvStreamResult =
  | { ok: true; docs: StoredDocument[]; errors: CsvRowError[]; rows: number; encoding: string }
  | { ok: false; error: string; cancelled?: boolean };

const CHUNK_BYTES = 1 << 20;

/**
 * Excel on Chinese Windows saves CSV as GB18030 (GBK); everything else is UTF-8. The first 64 KB
 * decide: valid UTF-8 (a BOM or not) means UTF-8, anything else GB18030. A multi-byte character cut
 * at the 64 KB edge is not counted as invalid.
 */
export async function sniffCsvEncoding(file: Blob): Promise<'utf-8' | 'gb18030'> {
  const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length === 65536 });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * Reads a FORMAT CSV file in 1 MB chunks, so a 50 MB file never sits in memory as one string and
 * progress can be shown. `isCancelled` is polled between chunks; a cancelled read returns nothing.
 *
 * We cut the chunks ourselves instead of using papaparse's file streamer: it decodes each byte
 * slice separately, which breaks a multi-byte character cut at a slice edge (a unit name then
 * differs between two rows of the same document). Here a streaming TextDecoder carries partial
 * characters over, and each piece ends at a line break outside quotes.
 */
export async function readFormatCsvStream(
  file: Blob,
  fileName: string,
  onProgress: (loaded: number, total: number) => void,
  isCancelled: () => boolean,
): Promise<CsvStreamResult> {
  const encoding = await sniffCsvEncoding(file);
  const decoder = new TextDecoder(encoding);
  const reader = new FormatRowReader();
  let header: string[] | null = null;
  let carry = '';
  let nextLine = 2;
  for (let at = 0; at < file.size || carry; at += CHUNK_BYTES) {
    if (isCancelled()) return { ok: false, error: `已取消导入「${fileName}」，没有导入任何数据。`, cancelled: true };
    const last = at + CHUNK_BYTES >= file.size;
    const bytes = at < file.size ? new Uint8Array(await file.slice(at, at + CHUNK_BYTES).arrayBuffer()) : new Uint8Array();
    let text = carry + decoder.decode(bytes, { stream: !last });
    if (header === null) text = text.replace(/^\uFEFF/, '');
    const cut = last ? text.length : lastRecordEnd(text);
    carry = text.slice(cut);
    const piece = text.slice(0, cut);
    if (piece) {
      const parsed = Papa.parse<string[]>(piece, { header: false, skipEmptyLines: 'greedy' });
      let records = parsed.data;
      if (header === null) {
        header = (records[0] ?? []).map((h) => h.trim());
        records = records.slice(1);
        const missing = FORMAT_COLUMNS.filter((c) => !header!.includes(c));
        if (missing.length) return { ok: false, error: `「${fileName}」不是预算数字 CSV：表头缺少列 ${missing.join('、')}` };
      }
      // Arrays with column indexes, not an object per row: see FormatRowReader.addRecords.
      reader.addRecords(records, header, nextLine);
      nextLine += records.length;
    }
    onProgress(Math.min(at + CHUNK_BYTES, file.size), file.size);
    if (last) break;
    // Let the worker answer a cancel between chunks.
    await new Promise((r) => setTimeout(r, 0));
  }
  if (header === null) return { ok: false, error: `「${fileName}」是空文件。` };
  return { ok: true, docs: reader.docs, errors: reader.errors, rows: reader.rows, encoding };
}

/** Index just after the last line break that is outside a quoted field (RFC 4180 doubles quotes). */
export function lastRecordEnd(text: string): number {
  let inQuotes = false;
  let end = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) end = i + 1;
  }
  return end;
}
