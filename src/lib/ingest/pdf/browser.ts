/**
 * pdf.js in the browser: the database worker opens PDFs with it to import them, and the page renders
 * a PDF page with it to show where a figure was read. Only imported dynamically, so pdf.js (about
 * 0.4 MB, plus 1.2 MB for its worker) is fetched the first time a PDF is used, not on every visit.
 *
 * pdf.js parses in its own worker (a nested worker when called from the database worker). Its data
 * files come from our build (scripts/vite-pdfjs-assets.ts), found next to this chunk in `assets/`.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url';
import { pdfjsOpener } from './load';
import type { PdfOpen } from './types';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
// pdf.js starts its worker through `window.location`, which a worker does not have (it would fall
// back to parsing on this thread, and fail to load its code): in the database worker we start it.
// Documents are opened one after another there, each closed before the next, so one port serves all.
if (typeof window === 'undefined') pdfjs.GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module', name: 'pdfjs' });

// A variable, not a literal: Vite would otherwise try to resolve the folder as an asset at build time.
const DATA_DIR = 'pdfjs/';
const dataUrl = (dir: string) => new URL(`${DATA_DIR}${dir}/`, import.meta.url).href;

/** getDocument parameters shared by import and rendering. */
export const pdfjsParams = {
  cMapUrl: dataUrl('cmaps'),
  cMapPacked: true,
  standardFontDataUrl: dataUrl('standard_fonts'),
  wasmUrl: dataUrl('wasm'),
  // Explicit: pdf.js's default looks at `document`, which a worker does not have.
  useWorkerFetch: true,
};

export const openPdfBrowser: PdfOpen = pdfjsOpener(pdfjs, pdfjsParams);

export { pdfjs };
