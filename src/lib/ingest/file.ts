/**
 * One imported file, whatever its kind: the step shared by the app's worker, the command line and
 * the sample builder. It picks the reader by content (a FORMAT CSV header, else disclosure text),
 * gives the documents their FORMAT doc_id, and never throws.
 */
import type { StoredDocument } from '../model/document';
import { parseFormatCsv, FORMAT_COLUMNS, type CsvRowError } from '../model/formatCsv';
import { contentId } from '../model/hash';
import { decodeBytes } from './decode';
import { readDisclosure } from './index';

export type FileKind = 'text' | 'csv';

export type FileImport =
  | { ok: true; kind: FileKind; contentHash: string; docs: StoredDocument[]; rowErrors: CsvRowError[]; text?: string }
  | { ok: false; error: string };

/** doc_id: the file's content id for its first document, `${id}-${n}` for the n-th (n ≥ 2). */
export function docIdFor(contentHash: string, index: number): string {
  return index === 0 ? contentHash : `${contentHash}-${index + 1}`;
}

export function looksLikeFormatCsv(head: string): boolean {
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const cells = first.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return FORMAT_COLUMNS.every((c) => cells.includes(c));
}

export async function importFile(bytes: Uint8Array, fileName: string): Promise<FileImport> {
  try {
    const contentHash = await contentId(bytes);
    const decoded = decodeBytes(bytes);
    if (decoded.ok && looksLikeFormatCsv(decoded.text.slice(0, 2000))) {
      const { docs, errors } = parseFormatCsv(decoded.text);
      if (!docs.length) {
        const first = errors[0];
        return { ok: false, error: `「${fileName}」是预算数字 CSV，但没有可导入的行${first ? `（第 ${first.line} 行：${first.message}）` : ''}。` };
      }
      for (const d of docs) d.fileName = fileName;
      return { ok: true, kind: 'csv', contentHash, docs, rowErrors: errors };
    }
    const result = readDisclosure(bytes, fileName);
    if (!result.ok) return result;
    const docs = result.docs.map((d, i) => ({ ...d, docId: docIdFor(contentHash, i), fileName }));
    // The decoded text is kept so the app can show the line each figure was read from.
    return { ok: true, kind: 'text', contentHash, docs, rowErrors: [], text: decoded.ok ? decoded.text : undefined };
  } catch (e) {
    return { ok: false, error: `「${fileName}」读取失败：${e instanceof Error ? e.message : String(e)}` };
  }
}
