/**
 * The worker_thread that runs pdf.js for Node (node.ts starts it): it opens documents and reads
 * their pages on request, so that a page that never finishes can be stopped by ending this thread.
 *
 * pdf.js is handed in by the thread's bootstrap, which imports it natively: through tsx's loader
 * (which loads this file) its 2 MB took seconds to load.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { pdfjsOpener, type PdfJsModule } from './load';
import type { PdfSource } from './types';
import type { EngineReply, EngineRequest } from './nodeProtocol';

export function serve(pdfjs: PdfJsModule): void {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const open = pdfjsOpener(pdfjs, {
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
  });

  // pdf.js leaves some internal promises of a damaged file rejected with no handler; by default that
  // ends the thread. The call waiting on that work fails or runs into its time limit instead.
  process.on('unhandledRejection', () => undefined);

  const docs = new Map<number, PdfSource>();
  let next = 1;
  const port = parentPort!;
  const reply = (r: EngineReply) => port.postMessage(r);
  port.on('message', (req: EngineRequest) => void handle(req));

  async function handle(req: EngineRequest): Promise<void> {
    try {
      if (req.op === 'open') {
        const opened = await open(req.bytes);
        if (!opened.ok) return reply({ id: req.id, ok: true, value: { ok: false, reason: opened.reason, detail: opened.detail } });
        const doc = next++;
        docs.set(doc, opened.source);
        return reply({ id: req.id, ok: true, value: { ok: true, doc, pageCount: opened.source.pageCount } });
      }
      const source = docs.get(req.doc);
      if (!source) throw new Error('文档未打开');
      if (req.op === 'page') return reply({ id: req.id, ok: true, value: await source.page(req.n) });
      docs.delete(req.doc);
      await source.close();
      return reply({ id: req.id, ok: true, value: null });
    } catch (e) {
      reply({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }
}
