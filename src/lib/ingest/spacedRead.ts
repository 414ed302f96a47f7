import type { FileImport } from './file';
import { kindColumns } from './pdf/kindColumns';
import { readPdfPages } from './pdf/read';
import { spacedTableLines } from './pdf/spacedLines';
import type { PdfPageText, PdfTextItem } from './pdf/types';
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
  const pages = spacedPages(text, wide);
  const result = readPdfPages(pages, fileName, { spaced: { paged: text.includes('\f'), tableLines: spacedTableLines, columns: kindColumns } });
  if (!result.ok) return result;
  const docs = result.docs.map((d, i) => ({ ...d, docId: docIdFor(i), fileName }));
  return { ok: true, kind: 'text', contentHash, docs, rowErrors: [], text: result.text };
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
