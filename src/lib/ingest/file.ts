/**
 * One imported file, whatever its kind: the one way in, shared by the app's worker, the command
 * line (scripts/convert.ts) and the sample builder. It picks the reader by content (a FORMAT CSV header, else disclosure text),
 * gives the documents their FORMAT doc_id, and never throws.
 */
import type { StoredDocument } from '../model/document';
import { parseFormatCsv, FORMAT_COLUMNS, type CsvRowError } from '../model/formatCsv';
import { contentId } from '../model/hash';
import { decodeBytes } from './decode';
import { readDisclosureText } from './index';
import { readPdf } from './pdf/read';
import { isPdf, type PdfOpen, type PdfReadOptions } from './pdf/types';

export type FileKind = 'text' | 'csv' | 'pdf';

/**
 * How to open a PDF (pdf/browser.ts in the app, pdf/node.ts on the command line), with page
 * progress and cancellation. Without `openPdf` a PDF is refused with a message.
 */
export interface ImportOptions extends PdfReadOptions {
  openPdf?: PdfOpen;
}

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

export async function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<FileImport> {
  try {
    const contentHash = await contentId(bytes);
    if (isPdf(bytes)) return await importPdf(bytes, fileName, contentHash, options);
    // Decoded once, here: the CSV sniff, the reader and the source view all use this text.
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return { ok: false, error: `「${fileName}」${decoded.reason}。` };
    if (looksLikeFormatCsv(decoded.text.slice(0, 2000))) {
      const { docs, errors } = parseFormatCsv(decoded.text);
      if (!docs.length) {
        const first = errors[0];
        return { ok: false, error: `「${fileName}」是预算数字 CSV，但没有可导入的行${first ? `（第 ${first.line} 行：${first.message}）` : ''}。` };
      }
      for (const d of docs) d.fileName = fileName;
      return { ok: true, kind: 'csv', contentHash, docs, rowErrors: errors };
    }
    const result = readDisclosureText(decoded.text, fileName);
    if (!result.ok) return result;
    const docs = result.docs.map((d, i) => ({ ...d, docId: docIdFor(contentHash, i), fileName }));
    // The decoded text is kept so the app can show the line each figure was read from.
    return { ok: true, kind: 'text', contentHash, docs, rowErrors: [], text: decoded.text };
  } catch (e) {
    return { ok: false, error: `「${fileName}」读取失败：${e instanceof Error ? e.message : String(e)}` };
  }
}

async function importPdf(bytes: Uint8Array, fileName: string, contentHash: string, options: ImportOptions): Promise<FileImport> {
  if (!options.openPdf) return { ok: false, error: `「${fileName}」是 PDF，但此环境没有可用的 PDF 读取器。` };
  const result = await readPdf(bytes, fileName, options.openPdf, options);
  if (!result.ok) return { ok: false, error: result.error };
  const docs = result.docs.map((d, i) => ({ ...d, docId: docIdFor(contentHash, i), fileName }));
  // The rebuilt rows, one cell per line: a figure's source line names its cell (pdf/layout.ts).
  return { ok: true, kind: 'pdf', contentHash, docs, rowErrors: [], text: result.text };
}
