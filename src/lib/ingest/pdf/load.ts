/**
 * The pdf.js adapter: the only file that knows pdf.js's API. It is handed the pdf.js module (the
 * browser build in the app, the legacy build in Node; see browser.ts and node.ts) and turns a
 * document's pages into plain text items in page coordinates.
 */
import type * as PdfJs from 'pdfjs-dist';
import { pageImages } from './images';
import { toReading, type DisplayedRun } from './orient';
import type { PdfOpen, PdfPageText, PdfSource } from './types';

export type PdfJsModule = Pick<typeof PdfJs, 'getDocument' | 'OPS'>;
type Params = Omit<Parameters<typeof PdfJs.getDocument>[0] & object, 'data' | 'url'>;

export function pdfjsOpener(pdfjs: PdfJsModule, params: Params = {}): PdfOpen {
  const load = (bytes: Uint8Array, stopAtErrors: boolean) => {
    // pdf.js may transfer the buffer to its worker; a copy keeps the caller's bytes usable.
    // Images decoded to pixels, not to bitmaps: a scanned page's image goes to OCR (images.ts).
    const task = pdfjs.getDocument({ isEvalSupported: false, isOffscreenCanvasSupported: false, verbosity: 0, ...params, stopAtErrors, data: bytes.slice() });
    task.onPassword = () => {
      // Never prompt: destroying the task rejects the promise with the PasswordException below.
      void task.destroy();
    };
    return task.promise;
  };
  return async (bytes) => {
    try {
      // Strict: a content stream that breaks off fails its page instead of giving what came before
      // the damage as if it were the whole page (issue 14: a table's numbers vanished silently).
      const doc = await load(bytes, true);
      let lenient: Promise<PdfJs.PDFDocumentProxy> | null = null;
      return { ok: true, source: sourceOf(doc, pdfjs.OPS, () => (lenient ??= load(bytes, false))) };
    } catch (e) {
      const name = (e as { name?: string }).name;
      const message = e instanceof Error ? e.message : String(e);
      if (name === 'PasswordException' || /password|encrypt/i.test(message)) return { ok: false, reason: 'encrypted' };
      return { ok: false, reason: 'corrupt', detail: message };
    }
  };
}

/**
 * Pages of a document opened strictly. A page pdf.js can't parse whole is read again from a lenient
 * copy (opened only then): what comes before the damage is kept, and a note says the page is partial.
 */
function sourceOf(doc: PdfJs.PDFDocumentProxy, ops: PdfJsModule['OPS'], lenient: () => Promise<PdfJs.PDFDocumentProxy>): PdfSource {
  let opened: Promise<PdfJs.PDFDocumentProxy> | null = null;
  const read = async (from: PdfJs.PDFDocumentProxy, n: number) => {
    const page = await from.getPage(n);
    try {
      const text = pageText(n, page, await page.getTextContent());
      const visible = visibleChars(text, STAMP_CHARS);
      if (visible >= STAMP_CHARS) return text;
      // No text, or a few characters over a picture of the page (a page number or a mark stamped on
      // a scan by the tool that put the scans together): a scan, perhaps. Its images go with the
      // page, for OCR; a page of a few words beside a logo, a seal or a cover's picture keeps its text.
      const vp = page.getViewport({ scale: 1 });
      const images = await pageImages(page, ops, vp);
      const whole = images.some((im) => Math.abs(im.matrix[0] * im.matrix[3] - im.matrix[1] * im.matrix[2]) >= WHOLE_PAGE * vp.width * vp.height);
      return images.length && (!visible || whole) ? { ...text, scan: { width: vp.width, height: vp.height, images } } : text;
    } finally {
      page.cleanup();
    }
  };
  return {
    pageCount: doc.numPages,
    async page(n) {
      try {
        return await read(doc, n);
      } catch (e) {
        const partial = await read(await (opened ??= lenient()), n);
        const why = e instanceof Error ? e.message : String(e);
        const note = `第 ${n} 页的内容有损坏（${why}），只读到了其中一部分文字，这一页的数字可能不全`;
        return { ...partial, notes: [...(partial.notes ?? []), note] };
      }
    },
    close: async () => {
      await doc.destroy();
      if (opened) await (await opened.catch(() => null))?.destroy();
    },
  };
}

/**
 * Items in the page as displayed (rotation applied), then turned into the page's reading
 * orientation (orient.ts), origin at the bottom left, y up, 1 unit = 1 pt: 「top to bottom, left to
 * right」 holds whatever the page's /Rotate and however its content is set on it.
 *
 * A damaged file shows here first (issue 14): positions that are not numbers (a corrupt width or
 * matrix) can't be placed in a table and are left out, and characters that decode to nothing
 * readable (U+FFFD, control codes, private-use glyphs of a broken font map) mean the page's text is
 * not what was printed. Both become notes, which the reader turns into warnings on the page.
 */
function pageText(n: number, page: PdfJs.PDFPageProxy, content: Awaited<ReturnType<PdfJs.PDFPageProxy['getTextContent']>>): PdfPageText {
  const vp = page.getViewport({ scale: 1 });
  const runs: DisplayedRun[] = [];
  let unplaced = 0;
  let unreadable = 0;
  for (const it of content.items) {
    if (!('str' in it) || !it.str) continue;
    const [a, b, c, d, e, f] = it.transform as number[];
    const len = Math.hypot(a, b) || 1;
    const [x0, y0] = vp.convertToViewportPoint(e, f);
    const [x1, y1] = vp.convertToViewportPoint(e + (it.width * a) / len, f + (it.width * b) / len);
    const run = { str: it.str, x0, y0, x1, y1, size: Math.hypot(c, d) || it.height };
    if (![x0, y0, x1, y1, run.size].every(Number.isFinite)) {
      unplaced++;
      continue;
    }
    unreadable += it.str.match(UNREADABLE)?.length ?? 0;
    runs.push(run);
  }
  const read = toReading(runs, vp.width, vp.height);
  const notes: string[] = [];
  if (unplaced) notes.push(`第 ${n} 页有 ${unplaced} 段文字的位置无法确定（文件可能损坏），已略去，这一页的数字可能不全`);
  if (unreadable) notes.push(`第 ${n} 页有 ${unreadable} 个字符无法识别（字体或文件可能损坏），这一页的数字可能不全或有误`);
  const text: PdfPageText = { page: n, width: read.width, height: read.height, items: read.items, turn: read.turn };
  return notes.length ? { ...text, notes } : text;
}


const UNREADABLE = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD\uE000-\uF8FF]/g;

/**
 * Fewer characters than this on a page drawn as a picture of itself: a scan with a stamp on it. A
 * scanner's own OCR layer (a 「searchable」 scan) prints the page's text, far more, and is read as text.
 */
const STAMP_CHARS = 40;
/**
 * A picture covering this share of the page is the page (a scan), not a logo, a seal or a cover's
 * picture under its title (half of an A4 page, 「江苏省人民检察院 / 2017 年部门预算」 over it).
 */
const WHOLE_PAGE = 0.75;

/** The page's characters other than spaces, counted up to `limit`. */
function visibleChars(page: PdfPageText, limit: number): number {
  let n = 0;
  for (const item of page.items) {
    for (const ch of item.str) if (ch.trim()) n++;
    if (n >= limit) break;
  }
  return n;
}
