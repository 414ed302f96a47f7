/**
 * One imported file, whatever its kind: the one way in, shared by the app's worker, the command
 * line (scripts/convert.ts) and the sample builder. It picks the reader by content (a FORMAT CSV header, else disclosure text),
 * gives the documents their FORMAT doc_id, and never throws.
 */
import type { StoredDocument } from '../model/document';
import { parseFormatCsv, type CsvRowError } from '../model/formatCsv';
import { looksLikeFormatCsv } from './formatHead';
import { contentId } from '../model/hash';
import { decodeBytes, MAX_BYTES } from './decode';
import { htmlText, looksLikeHtml } from './html';
import { looksLikeMhtml, mhtmlPage } from './mhtml';
import { looksLikeSpreadsheetMl } from './office/sniff';
import type { OfficeRead } from './office/read';
import { readDisclosureText } from './index';
import type { PagedFormat } from './pdf/messages';
import { readPdf } from './pdf/read';
import { spacedLayout } from './spaced';
import { isPdf, type PdfOpen, type PdfReadOptions } from './pdf/types';

export type FileKind = 'text' | 'csv' | 'pdf';

/** An .xlsx/.xls/Excel 2003 XML/.docx/.doc read through office/read.ts (its documents are stored as `text`: the source view shows its text rendering). */
export type OfficeFormat = 'xlsx' | 'xls' | 'xml' | 'docx' | 'doc';

/**
 * How to open a PDF (pdf/browser.ts in the app, pdf/node.ts on the command line), with page
 * progress and cancellation. Without `openPdf` a PDF is refused with a message.
 */
export interface ImportOptions extends PdfReadOptions {
  openPdf?: PdfOpen;
}

export type FileImport =
  | { ok: true; kind: FileKind; contentHash: string; docs: StoredDocument[]; rowErrors: CsvRowError[]; text?: string; office?: OfficeFormat }
  | { ok: false; error: string };

/** doc_id: the file's content id for its first document, `${id}-${n}` for the n-th (n ≥ 2). */
export function docIdFor(contentHash: string, index: number): string {
  return index === 0 ? contentHash : `${contentHash}-${index + 1}`;
}

export { looksLikeFormatCsv };

export async function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<FileImport> {
  try {
    const contentHash = await contentId(bytes);
    if (isPdf(bytes)) return await importPdf(bytes, fileName, contentHash, options);
    if (isOffice(bytes)) {
      // An OFD is a ZIP too: its pages go to the PDF reader (ofd.ts), loaded on the first ZIP only.
      if (bytes[0] === 0x50) {
        const ofd = await import('./ofd');
        if (ofd.isOfd(bytes)) {
          // Stored as text (the rebuilt rows, which the source view shows): the page view draws PDFs only.
          const read = await importPdf(bytes, fileName, contentHash, { ...options, openPdf: ofd.openOfd }, 'OFD');
          return read.ok ? { ...read, kind: 'text' } : read;
        }
      }
      return await importOffice(bytes, fileName, contentHash);
    }
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
    // An Excel 2003 XML workbook (finance systems export them, often named .xls): the office reader's.
    if (looksLikeSpreadsheetMl(decoded.text)) {
      const { readSpreadsheetXml } = await import('./office/read');
      return officeImport(readSpreadsheetXml(decoded.text, fileName), fileName, contentHash);
    }
    // A saved web page (or one saved as a single .mht file): its paragraphs and table rows as the
    // text reader reads them (html.ts).
    const page = looksLikeMhtml(decoded.text) ? mhtmlPage(decoded.text) : null;
    const html = page ?? decoded.text;
    const text = looksLikeHtml(html) ? htmlText(html) : decoded.text;
    // A text laid out with spaces (a PDF converted to text) is read as the pages it was (spaced.ts).
    const spaced = text === decoded.text ? spacedLayout(text) : null;
    if (spaced) {
      // Loaded with the first such text (a chunk of its own): most texts are tabbed or one cell a line.
      const { readSpaced } = await import('./spacedRead');
      return readSpaced(text, spaced.wide, fileName, (i) => docIdFor(contentHash, i), contentHash);
    }
    const result = readDisclosureText(text, fileName);
    if (!result.ok) return result;
    const docs = result.docs.map((d, i) => ({ ...d, docId: docIdFor(contentHash, i), fileName }));
    // The text read is kept so the app can show the line each figure was read from.
    return { ok: true, kind: 'text', contentHash, docs, rowErrors: [], text };
  } catch (e) {
    return { ok: false, error: `「${fileName}」读取失败：${e instanceof Error ? e.message : String(e)}` };
  }
}

async function importPdf(bytes: Uint8Array, fileName: string, contentHash: string, options: ImportOptions, kind: PagedFormat = 'PDF'): Promise<FileImport> {
  if (!options.openPdf) return { ok: false, error: `「${fileName}」是 PDF，但此环境没有可用的 PDF 读取器。` };
  const result = await readPdf(bytes, fileName, options.openPdf, options, kind);
  if (!result.ok) return { ok: false, error: result.error };
  const docs = result.docs.map((d, i) => ({ ...d, docId: docIdFor(contentHash, i), fileName }));
  // The rebuilt rows, one cell per line: a figure's source line names its cell (pdf/layout.ts).
  return { ok: true, kind: 'pdf', contentHash, docs, rowErrors: [], text: result.text };
}

/** A ZIP (.xlsx, .docx) or an OLE compound file (.xls, .doc, a password-protected .xlsx). */
function isOffice(bytes: Uint8Array): boolean {
  const b = bytes;
  return b.length >= 4 && ((b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0));
}

/**
 * The office reader is imported here, on the first such file only: the first visit of the app does
 * not load it (vite makes it a chunk of its own, precached for offline use).
 */
async function importOffice(bytes: Uint8Array, fileName: string, contentHash: string): Promise<FileImport> {
  if (bytes.length > MAX_BYTES) return { ok: false, error: `「${fileName}」文件过大（${Math.round(bytes.length / 1048576)} MB），不像是预算公开文件。` };
  const { readOffice } = await import('./office/read');
  return officeImport(readOffice(bytes, fileName), fileName, contentHash);
}

function officeImport(result: OfficeRead, fileName: string, contentHash: string): FileImport {
  if (!result.ok) return result;
  // The app's own library export: FORMAT figures with their own ids, as a FORMAT CSV gives them.
  if (result.formatRows) {
    for (const d of result.formatRows.docs) d.fileName = fileName;
    return { ok: true, kind: 'csv', office: result.format, contentHash, docs: result.formatRows.docs, rowErrors: result.formatRows.errors };
  }
  const docs = result.docs.map((d, i) => ({ ...d, docId: docIdFor(contentHash, i), fileName }));
  // Stored as text: the rendering names each cell (「工作表!B7」) or is the document's own text.
  return { ok: true, kind: 'text', office: result.format, contentHash, docs, rowErrors: [], text: result.text };
}
