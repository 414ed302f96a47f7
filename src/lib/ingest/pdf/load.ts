/**
 * The pdf.js adapter: the only file that knows pdf.js's API. It is handed the pdf.js module (the
 * browser build in the app, the legacy build in Node; see browser.ts and node.ts) and turns a
 * document's pages into plain text items in page coordinates.
 */
import type * as PdfJs from 'pdfjs-dist';
import { toReading, type DisplayedRun } from './orient';
import type { PdfOpen, PdfPageText, PdfSource } from './types';

type PdfJsModule = Pick<typeof PdfJs, 'getDocument'>;
type Params = Omit<Parameters<typeof PdfJs.getDocument>[0] & object, 'data' | 'url'>;

export function pdfjsOpener(pdfjs: PdfJsModule, params: Params = {}): PdfOpen {
  return async (bytes) => {
    // pdf.js may transfer the buffer to its worker; a copy keeps the caller's bytes usable.
    const task = pdfjs.getDocument({ isEvalSupported: false, verbosity: 0, stopAtErrors: false, ...params, data: bytes.slice() });
    task.onPassword = () => {
      // Never prompt: destroying the task rejects the promise with the PasswordException below.
      void task.destroy();
    };
    try {
      const doc = await task.promise;
      return { ok: true, source: sourceOf(doc) };
    } catch (e) {
      const name = (e as { name?: string }).name;
      const message = e instanceof Error ? e.message : String(e);
      if (name === 'PasswordException' || /password|encrypt/i.test(message)) return { ok: false, reason: 'encrypted' };
      return { ok: false, reason: 'corrupt', detail: message };
    }
  };
}

function sourceOf(doc: PdfJs.PDFDocumentProxy): PdfSource {
  return {
    pageCount: doc.numPages,
    async page(n) {
      const page = await doc.getPage(n);
      try {
        return pageText(n, page, await page.getTextContent());
      } finally {
        page.cleanup();
      }
    },
    close: () => doc.destroy(),
  };
}

/**
 * Items in the page as displayed (rotation applied), then turned into the page's reading
 * orientation (orient.ts), origin at the bottom left, y up, 1 unit = 1 pt: 「top to bottom, left to
 * right」 holds whatever the page's /Rotate and however its content is set on it.
 */
function pageText(n: number, page: PdfJs.PDFPageProxy, content: Awaited<ReturnType<PdfJs.PDFPageProxy['getTextContent']>>): PdfPageText {
  const vp = page.getViewport({ scale: 1 });
  const runs: DisplayedRun[] = [];
  for (const it of content.items) {
    if (!('str' in it) || !it.str) continue;
    const [a, b, c, d, e, f] = it.transform as number[];
    const len = Math.hypot(a, b) || 1;
    const [x0, y0] = vp.convertToViewportPoint(e, f);
    const [x1, y1] = vp.convertToViewportPoint(e + (it.width * a) / len, f + (it.width * b) / len);
    runs.push({ str: it.str, x0, y0, x1, y1, size: Math.hypot(c, d) || it.height });
  }
  const read = toReading(runs, vp.width, vp.height);
  return { page: n, width: read.width, height: read.height, items: read.items, turn: read.turn };
}
