/**
 * OCR in the browser: tesseract.js from our own build (scripts/vite-ocr-assets.ts puts its worker,
 * core and models at `assets/ocr/`, next to this chunk). Only imported dynamically, on the first
 * scanned page, so neither tesseract.js nor its 8 MB of files are fetched for anything else.
 */
import { startTesseract } from './tesseract';
import type { OcrStart } from './types';

// A variable, not a literal: Vite would otherwise try to resolve the folder as an asset at build time.
const DIR = 'ocr/';
const url = (path: string) => new URL(`${DIR}${path}`, import.meta.url).href;

// Its own ES module build: bundled from its CommonJS sources instead, it would add CommonJS helpers to
// the runtime chunk every first visit loads (0.3 KB gzip, firstVisitSize.test.ts).
export const startOcrBrowser: OcrStart = async () =>
  startTesseract((await import('tesseract.js/dist/tesseract.esm.min.js')).default, { workerPath: url('worker.min.js'), corePath: url('core/'), chinese: url('chi_sim'), english: url('eng') });
