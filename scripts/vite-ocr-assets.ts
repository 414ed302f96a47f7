import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * OCR's files (tesseract.js's worker script, its WebAssembly core, the simplified-Chinese and English
 * models) as files of our own build, at `assets/ocr/…`: nothing may come from a CDN. They are 4–8 MB
 * and only a scanned PDF needs them, so the service worker does not precache them; it keeps them the
 * first time they are fetched (vite.config.ts runtimeCaching), and OCR works offline from then on.
 * src/lib/ingest/ocr/browser.ts finds them next to its own chunk (`assets/`); the dev server serves
 * the same paths from node_modules.
 */
const require = createRequire(import.meta.url);
const folder = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

/** Build path under assets/ocr/ → the file in node_modules. */
function ocrFiles(): Map<string, string> {
  const core = folder('tesseract.js-core');
  const files = new Map<string, string>([['worker.min.js', path.join(folder('tesseract.js'), 'dist', 'worker.min.js')]]);
  // tesseract.js picks one by what the browser's WebAssembly supports (LSTM models only: OEM.LSTM_ONLY).
  for (const f of ['tesseract-core-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js', 'tesseract-core-relaxedsimd-lstm.wasm.js']) files.set(`core/${f}`, path.join(core, f));
  for (const lang of ['chi_sim', 'eng']) files.set(`${lang}/${lang}.traineddata.gz`, path.join(folder(`@tesseract.js-data/${lang}`), '4.0.0_best_int', `${lang}.traineddata.gz`));
  return files;
}

export function ocrAssets(): Plugin {
  const files = ocrFiles();
  return {
    name: 'budget-lens-ocr-assets',
    generateBundle() {
      for (const [name, from] of files) this.emitFile({ type: 'asset', fileName: `assets/ocr/${name}`, source: readFileSync(from) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/ocr\/([\w-]+\/[\w.-]+|worker\.min\.js)$/.exec(req.url?.split('?')[0] ?? '');
        const from = m && files.get(m[1]);
        if (!from) return next();
        res.setHeader('content-type', from.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
        res.end(readFileSync(from));
      });
    },
  };
}
