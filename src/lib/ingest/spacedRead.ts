import type { FileImport } from './file';
import { kindColumns } from './pdf/kindColumns';
import { readPdfPages } from './pdf/read';
import { spacedTableLines } from './pdf/spacedLines';
import type { PdfPageText, PdfTextItem } from './pdf/types';
import { reversedMessage, reversedPages } from './reversedPages';
import { wordsOf } from './spaced';

/**
 * A text laid out with spaces (spaced.ts) read as the pages it was printed on. A chunk of its own:
 * loaded with the first such text, so the readers every first disclosure loads do not carry it.
 */

/** Half an em: one place of the line's grid. */
const PLACE = 5;
const SIZE = 2 * PLACE;
/** Lines a line and eight tenths apart: rows stay apart, a line's words stay one line. */
const LEADING = 1.8 * SIZE;

/** Its documents, as `importFile` gives a text's, but with the rebuilt text (one cell a line) kept. */
export function readSpaced(text: string, wide: boolean, fileName: string, docIdFor: (i: number) => string, contentHash: string): FileImport {
  // A page written backwards gives no row worth reading, only a warning per glyph: its text is left
  // out, and said. The page stays, blank, so no table runs on across it.
  const reversed = reversedPages(text);
  const pages = spacedPages(text, wide).map((p): PdfPageText => (reversed?.pages.includes(p.page) ? { ...p, items: [], left: true } : p));
  const result = readPdfPages(pages, fileName, { spaced: { paged: text.includes('\f'), tableLines: spacedTableLines, columns: kindColumns } });
  if (!result.ok) return reversed ? { ok: false, error: reversedMessage(fileName, reversed) } : result;
  const docs = result.docs.map((d, i) => ({ ...d, docId: docIdFor(i), fileName }));
  if (reversed) docs[docBefore(docs, reversed.pages[0])].warnings.push({ message: reversedMessage(fileName, reversed), source: { line: 0, page: reversed.pages[0] } });
  return { ok: true, kind: 'text', contentHash, docs, rowErrors: [], text: result.text };
}

/** The last document read from a page before `page` (the one the page belongs to), or the first. */
function docBefore(docs: readonly { figures: readonly { source?: { page?: number } }[] }[], page: number): number {
  let at = 0;
  docs.forEach((d, i) => {
    if (d.figures.some((f) => (f.source?.page ?? Infinity) < page)) at = i;
  });
  return at;
}

/**
 * The text as pages of text items, one per word at its place: a form feed starts a page (pdftotext
 * writes one after each), and a text without any is one page.
 */
export function spacedPages(text: string, wide: boolean): PdfPageText[] {
  const pages: PdfPageText[] = [];
  const parts = text.split('\f');
  // The form feed after the last page opens none.
  if (parts.length > 1 && !parts[parts.length - 1].trim()) parts.pop();
  for (const pageText of parts) {
    const lines = pageText.split(/\r?\n/);
    const height = (lines.length + 2) * LEADING;
    let width = 0;
    const items: PdfTextItem[] = [];
    lines.forEach((line, i) => {
      const y = height - (i + 1) * LEADING;
      for (const { text: str, at, end } of wordsOf(line, wide)) {
        items.push({ str, x: at * PLACE, y, width: (end - at) * PLACE, size: SIZE });
        width = Math.max(width, end * PLACE);
      }
    });
    pages.push({ page: pages.length + 1, width: width + SIZE, height, items });
  }
  return pages;
}
