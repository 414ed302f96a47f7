/**
 * OCR for Node (the command line, tests, benchmarks): tesseract.js with its core and language data
 * read from node_modules, so nothing is fetched. Never imported by the app.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startTesseract } from './tesseract';
import type { OcrStart } from './types';

const require = createRequire(import.meta.url);
const folder = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));

export const startOcrNode: OcrStart = async () =>
  startTesseract(await import('tesseract.js'), {
    corePath: folder('tesseract.js-core'),
    chinese: join(folder('@tesseract.js-data/chi_sim'), '4.0.0_best_int'),
    english: join(folder('@tesseract.js-data/eng'), '4.0.0_best_int'),
  });
