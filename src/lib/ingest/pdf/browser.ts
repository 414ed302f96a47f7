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
import { DEFAULT_LIMITS, stoppableOpener, type Engine, type StopLimits } from './stoppable';
import type { PdfOpen } from './types';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

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

/**
 * One pdf.js worker, started by us: pdf.js would start it through `window.location`, which the
 * database worker does not have. Ending it (terminate) is the only way to stop a parse that spins
 * (a damaged font): stoppable.ts does so on a page's time limit and on 取消, and starts another.
 */
function startEngine(): Engine {
  const port = new Worker(workerUrl, { type: 'module', name: 'pdfjs' });
  // pdf.js accepts a port here (PDFWorkerParameters); its constructor's typings say `port?: null`.
  const worker = new (pdfjs.PDFWorker as unknown as new (params: { port: Worker; name: string }) => pdfjs.PDFWorker)({ port, name: 'pdfjs' });
  return {
    open: pdfjsOpener(pdfjs, { ...pdfjsParams, worker }),
    kill() {
      worker.destroy();
      port.terminate();
    },
  };
}

/**
 * The database worker's PDF opener: pdf.js in a worker of its own, within `limits` (and its cancel
 * check), the defaults where not given. The defaults are taken here, not by the caller: the database
 * worker would otherwise load stoppable.ts on its first visit for a constant.
 */
export function pdfOpenerBrowser(limits: Partial<StopLimits> = {}): PdfOpen {
  return stoppableOpener(startEngine, { ...DEFAULT_LIMITS, ...limits });
}

export { pdfjs };
