/**
 * pdf.js for Node (the command line, tests, benchmarks): its legacy build, with the cMaps and
 * standard fonts read from node_modules so nothing is fetched. Never imported by the app.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsOpener } from './load';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export const openPdfNode = pdfjsOpener(pdfjs, {
  cMapUrl: join(root, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(root, 'standard_fonts') + '/',
});
