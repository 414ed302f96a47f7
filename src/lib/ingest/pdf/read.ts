import type { ImportWarning, ParsedDocument, SourceRef } from '../../model/document';
import { readDisclosureRows } from '../index';
import { toFragments } from './fragments';
import { joinCutPages } from './cutPages';
import { hasTitle, layoutRows, type CellPlace, type SpacedLayout } from './layout';
import { toLines, type TextLine } from './lines';
import { toDisplayed } from './orient';
import { joinTouchingRuns } from './runs';
import { pdfMessages, type PagedFormat } from './messages';
import type { PdfOpen, PdfPageText, PdfReadOptions } from './types';
import { narrativeSources } from '../narrative';
import type { OcrEngine } from '../ocr/types';

export type PdfReadResult =
  | { ok: true; docs: ParsedDocument[]; text: string; pageCount: number }
  | { ok: false; error: string; cancelled?: boolean };

/**
 * A disclosure PDF → documents, like readDisclosure for text: the pages' text items are rebuilt into
 * rows of cells (layout.ts) and read by the same recognizers. Every figure keeps its page and the box
 * of its cell. Pages are read one by one, reporting progress and stopping when cancelled; a page that
 * cannot be read becomes a warning and the rest is imported.
 */
export async function readPdf(bytes: Uint8Array, fileName: string, open: PdfOpen, options: PdfReadOptions = {}, kind: PagedFormat = 'PDF'): Promise<PdfReadResult> {
  const opened = await open(bytes);
  if (!opened.ok) return { ok: false, error: pdfMessages.open(fileName, opened.reason, kind, opened.detail) };
  const { source } = opened;
  let ocr: Promise<OcrEngine> | null = null;
  try {
    const pages: PdfPageText[] = [];
    const warnings: ImportWarning[] = [];
    for (let n = 1; n <= source.pageCount; n++) {
      if (options.cancelled?.()) return { ok: false, error: pdfMessages.cancelled(fileName), cancelled: true };
      try {
        let page = await source.page(n);
        // Without OCR a scanned page's pixels (megabytes a page) are not kept for nothing, nor the
        // few words stamped on it (pdf/load.ts): the page is said to have no text, as a scan's is.
        if (page.scan && !options.ocr) page = { ...page, items: [], scan: undefined };
        if (page.scan && options.ocr) {
          const engine = await (ocr ??= options.ocr()).catch((e: unknown) => e instanceof Error ? e : new Error(String(e)));
          if (engine instanceof Error) return { ok: false, error: pdfMessages.ocrUnavailable(fileName, engine.message) };
          // Loaded with the first scanned page: the readers every PDF loads do not carry it.
          const { ocrPage } = await import('../ocr/page');
          page = await ocrPage(page, engine);
        }
        pages.push(page);
        for (const message of page.notes ?? []) warnings.push({ message, source: { line: 0, page: n } });
      } catch (e) {
        warnings.push({ message: pdfMessages.pageFailed(n, e instanceof Error ? e.message : String(e)), source: { line: 0, page: n } });
      }
      options.onPage?.(n, source.pageCount);
    }
    if (options.cancelled?.()) return { ok: false, error: pdfMessages.cancelled(fileName), cancelled: true };
    return readPdfPages(pages, fileName, { pageCount: source.pageCount, pageWarnings: warnings, kind });
  } finally {
    await source.close().catch(() => undefined);
    if (ocr) await (await ocr.catch(() => null))?.close().catch(() => undefined);
  }
}

export interface PagesOptions {
  pageCount?: number;
  /** What could not be read of the file's pages, first among each document's warnings. */
  pageWarnings?: ImportWarning[];
  kind?: PagedFormat;
  /**
   * Pages made of a text laid out with spaces (spaced.ts): its rows are lined up by their amounts
   * first, and its cells have no box on a page anyone can see; `paged`: its form feeds gave the
   * pages, so a figure's page is the page of the PDF the text was made from.
   */
  spaced?: { paged: boolean } & SpacedLayout;
}

/** The pure part: page texts → documents. Exposed for tests that build pages by hand. */
export function readPdfPages(pages: readonly PdfPageText[], fileName: string, options: PagesOptions = {}): PdfReadResult {
  const { pageCount = pages.length, pageWarnings = [], kind = 'PDF', spaced } = options;
  const withText = pages.filter((p) => p.items.some((i) => i.str.trim()));
  if (!withText.length) {
    // No text at all: a scan (images only) or pages that all failed.
    const allFailed = pageCount > 0 && pageWarnings.length === pageCount;
    return { ok: false, error: allFailed ? `「${fileName}」的页面都无法读取：${pageWarnings[0].message}。` : pdfMessages.scanned(fileName, kind) };
  }
  const lines = pages.map((p) => toLines(p.page, joinTouchingRuns(p.items).flatMap(toFragments)));
  // A text laid out with spaces sets every line on one grid: heights tell no band from its page there.
  const cut = spaced ? { pages: lines, joins: [] } : joinCutPages(lines, hasTitle);
  const layout = layoutRows(cut.pages, spaced);
  const read = readDisclosureRows(layout.rows, fileName);
  // Pages that could not be read (a damaged file) are the likelier reason than 「not a disclosure」.
  if (!read.ok && pages.every((p) => p.ocr || !p.items.length)) return { ok: false, error: pdfMessages.ocrNothing(fileName, kind) };
  if (!read.ok && pageWarnings.length) return { ok: false, error: pdfMessages.damaged(fileName, pageWarnings.length, pageWarnings[0].message) };
  if (!read.ok) return read;
  const empty = pages.filter((p) => !p.left && !p.items.some((i) => i.str.trim())).map((p) => p.page);
  const scanned = pages.filter((p) => p.ocr).map((p) => p.page);
  // Boxes go back onto the page as displayed, for the page view.
  const turned = new Map(pages.filter((p) => p.turn).map((p) => [p.page, p]));
  for (const place of layout.places.values()) {
    const p = turned.get(place.page);
    if (!p?.turn) continue;
    const sideways = p.turn === 90 || p.turn === 270;
    place.box = toDisplayed(place.box, p.turn, sideways ? p.height : p.width, sideways ? p.width : p.height);
  }
  for (const doc of read.docs) {
    if (!spaced || spaced.paged) placeSources(doc, layout.places, !spaced);
    doc.warnings.unshift(...pageWarnings);
    if (empty.length) doc.warnings.unshift({ message: pdfMessages.pageWithoutText(empty), source: { line: 0, page: empty[0] } });
    if (scanned.length) doc.warnings.unshift({ message: pdfMessages.ocrPages(scanned), source: { line: 0, page: scanned[0] } });
    for (const j of cut.joins) doc.warnings.push({ message: pdfMessages.cutPage(j.page, j.onto), source: { line: 0, page: j.page } });
  }
  return { ok: true, docs: read.docs, text: layout.text, pageCount };
}

/** Gives every figure its cell's page and box, and every table and warning its page. */
function placeSources(doc: ParsedDocument, places: Map<number, CellPlace>, boxes: boolean): void {
  const place = (source: SourceRef | undefined, withBox: boolean) => {
    if (!source) return;
    const p = places.get(source.line) ?? nearest(places, source.line);
    if (!p) return;
    source.page = p.page;
    if (withBox && boxes && places.has(source.line)) source.box = p.box;
  };
  for (const f of doc.figures) place(f.source, true);
  for (const t of doc.tables) place(t.source, false);
  for (const t of doc.rawTables ?? []) place(t.source, false);
  for (const w of doc.warnings) place(w.source, false);
  for (const n of narrativeSources(doc.narrative)) place(n, false);
  for (const p of doc.projects) {
    place(p.source, false);
    for (const i of p.indicators) place(i.source, false);
  }
}

/** The place of the closest cell line at or before `line` (a blank cell or a row's first line). */
function nearest(places: Map<number, CellPlace>, line: number): CellPlace | undefined {
  for (let l = line; l > 0 && l > line - 50; l--) {
    const p = places.get(l);
    if (p) return p;
  }
  return undefined;
}
