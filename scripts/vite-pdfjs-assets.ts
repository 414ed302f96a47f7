import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * pdf.js's data files (cMaps for Chinese fonts without embedded encodings, standard fonts and wasm
 * decoders for rendering) as files of our own build, at `assets/pdfjs/<dir>/<file>`: the app reads
 * PDFs offline, so nothing may come from a CDN, and the service worker precaches them with the rest.
 * src/lib/ingest/pdf/browser.ts finds them next to its own chunk (`assets/`); the dev server serves
 * the same paths from node_modules.
 */
const DIRS = ['cmaps', 'standard_fonts', 'wasm'] as const;
const DATA = /\.(bcmap|pfb|ttf|wasm)$/;

export function pdfjsAssets(): Plugin {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const files = DIRS.flatMap((dir) => readdirSync(path.join(root, dir)).filter((f) => DATA.test(f)).map((f) => `${dir}/${f}`));
  return {
    name: 'budget-lens-pdfjs-assets',
    generateBundle() {
      for (const f of files) this.emitFile({ type: 'asset', fileName: `assets/pdfjs/${f}`, source: readFileSync(path.join(root, f)) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/pdfjs\/((?:cmaps|standard_fonts|wasm)\/[\w.-]+)$/.exec(req.url?.split('?')[0] ?? '');
        if (!m || !files.includes(m[1])) return next();
        res.setHeader('content-type', m[1].endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream');
        res.end(readFileSync(path.join(root, m[1])));
      });
    },
  };
}
