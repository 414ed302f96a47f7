/**
 * pdf.js for Node (the command line, tests, benchmarks): its legacy build, with the cMaps and
 * standard fonts read from node_modules so nothing is fetched. Never imported by the app.
 *
 * pdf.js runs in a worker_thread (nodeWorker.ts) behind stoppable.ts: a page that spins for minutes
 * (a damaged font) is stopped at the time limit by ending the thread, and pdf.js's unhandled
 * rejections end at most that thread, never the command. The thread does not keep the process
 * alive while idle.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineReply, EngineRequest, OpenReply } from './nodeProtocol';
import { DEFAULT_LIMITS, stoppableOpener, type Engine, type StopLimits } from './stoppable';
import type { PdfOpen, PdfPageText } from './types';

const require = createRequire(import.meta.url);
const WORKER = new URL('./nodeWorker.ts', import.meta.url).href;
const PDFJS = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
// The worker is TypeScript like the rest: tsx (a dev dependency, which runs the CLIs) loads it, by
// the path of its ESM entry so the command works from any folder. pdf.js itself is imported natively.
const TSX = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const BOOT = `Promise.all([import(${JSON.stringify(PDFJS)}), import(${JSON.stringify(TSX)})])
  .then(async ([pdfjs, { tsImport }]) => (await tsImport(${JSON.stringify(WORKER)}, ${JSON.stringify(import.meta.url)})).serve(pdfjs))
  .catch((e) => { console.error(e); process.exit(70); });`;

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
type Call = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** One pdf.js worker_thread. Every call fails at once when the thread has ended. */
class NodeEngine implements Engine {
  private readonly worker = new Worker(BOOT, { eval: true });
  private readonly calls = new Map<number, Call>();
  private nextId = 1;
  private dead: Error | null = null;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (r: EngineReply) => {
      const call = this.calls.get(r.id);
      if (!call) return;
      this.settle(r.id);
      if (r.ok) call.resolve(r.value);
      else call.reject(new Error(r.error));
    });
    this.worker.on('error', (e: Error) => this.die(new Error(`PDF 解析线程出错：${e.message}`)));
    this.worker.on('exit', (code) => this.die(new Error(`PDF 解析线程已结束（${code}）`)));
  }

  private settle(id: number): void {
    this.calls.delete(id);
    if (!this.calls.size) this.worker.unref();
  }

  private die(e: Error): void {
    this.dead ??= e;
    for (const [id, call] of this.calls) {
      this.settle(id);
      call.reject(e);
    }
  }

  private call<T>(req: DistributiveOmit<EngineRequest, 'id'>): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.ref(); // a call in flight keeps the process alive until it is answered
      this.worker.postMessage({ ...req, id } as EngineRequest);
    });
  }

  open: PdfOpen = async (bytes) => {
    const r = await this.call<OpenReply>({ op: 'open', bytes: bytes.slice() });
    if (!r.ok) return r;
    const doc = r.doc;
    return {
      ok: true,
      source: {
        pageCount: r.pageCount,
        page: (n: number) => this.call<PdfPageText>({ op: 'page', doc, n }),
        close: () => this.call<null>({ op: 'close', doc }).then(() => undefined),
      },
    };
  };

  kill(): void {
    this.die(new Error('PDF 解析线程已被停止'));
    void this.worker.terminate();
  }
}

/** A Node PDF opener with its own limits (and cancel check). */
export function pdfOpenerNode(limits: StopLimits = { ...DEFAULT_LIMITS }): PdfOpen {
  return stoppableOpener(() => new NodeEngine(), limits);
}

export const openPdfNode: PdfOpen = pdfOpenerNode();
