import type { PdfOpen, PdfPageText, PdfSource } from './types';

/**
 * pdf.js where it can be stopped. A damaged PDF can spin pdf.js's font parsing for minutes (issue 14:
 * flipped bits, NULs), and a call into pdf.js can't be interrupted: only the thread it runs on can be
 * ended. So pdf.js runs in a worker of its own (an `Engine`: pdf.js's nested worker in the browser,
 * a worker_thread in Node), every call waits at most a time limit, and on a limit or a cancel the
 * engine is terminated and a new one started; the file is reopened there and reading goes on with
 * the next page. The caller (the database worker, the CLI) never waits on a hung parse.
 */
export interface Engine {
  /** Opens a document in this engine. */
  open: PdfOpen;
  /** Ends the engine at once; whatever it was doing is abandoned. */
  kill(): void;
}

export interface StopLimits {
  /** The longest a page may take (its text content); then the engine is restarted and the page skipped. */
  pageMs: number;
  /**
   * The limit for the pages after one that ran over: a broken font spins again on every page that
   * uses it (each engine parses it anew), and the file has already shown it is damaged.
   */
  afterTimeoutMs: number;
  /** The longest opening a document may take. */
  openMs: number;
  /** Time pages over their limit may cost in all; after that the remaining pages are not tried. */
  budgetMs: number;
  /** Polled while waiting: when it returns true the engine is ended and the call fails at once. */
  cancelled?: () => boolean;
}

export const DEFAULT_LIMITS: StopLimits = { pageMs: 20_000, afterTimeoutMs: 5_000, openMs: 30_000, budgetMs: 120_000 };

export class PdfTimeout extends Error {}
export class PdfCancelled extends Error {}

const POLL_MS = 50;

/** `work` or, whichever comes first, a time limit or a cancel (both end with `onStop`, then reject). */
function bounded<T>(work: Promise<T>, ms: number, cancelled: (() => boolean) | undefined, onStop: () => void, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const started = Date.now();
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      fn();
    };
    const timer = setInterval(() => {
      if (cancelled?.()) finish(() => (onStop(), reject(new PdfCancelled('已取消'))));
      else if (Date.now() - started > ms) finish(() => (onStop(), reject(new PdfTimeout(`${what}超过 ${Math.round(ms / 1000)} 秒仍未完成，可能是文件损坏，已跳过`))));
    }, POLL_MS);
    work.then((v) => finish(() => resolve(v)), (e) => finish(() => reject(e)));
  });
}

/**
 * A PdfOpen over engines made by `start`. One engine serves one document after another; it is
 * replaced whenever it had to be ended. `limits` may be changed between files (the cancel check).
 */
export function stoppableOpener(start: () => Engine, limits: StopLimits = DEFAULT_LIMITS): PdfOpen {
  let engine: Engine | null = null;
  const current = () => (engine ??= start());
  const restart = () => {
    engine?.kill();
    engine = null;
  };

  const openIn = async (bytes: Uint8Array) => {
    try {
      return await bounded(current().open(bytes), limits.openMs, limits.cancelled, restart, '打开文件');
    } catch (e) {
      if (e instanceof PdfCancelled) throw e;
      return { ok: false as const, reason: 'corrupt' as const, detail: e instanceof Error ? e.message : String(e) };
    }
  };

  return async (bytes) => {
    let opened: Awaited<ReturnType<PdfOpen>>;
    try {
      opened = await openIn(bytes);
    } catch {
      return { ok: false, reason: 'corrupt', detail: '已取消' };
    }
    if (!opened.ok) return opened;
    let inner: PdfSource | null = opened.source;
    let spent = 0;
    let timeouts = 0;
    const source: PdfSource = {
      pageCount: opened.source.pageCount,
      async page(n: number): Promise<PdfPageText> {
        if (spent >= limits.budgetMs) throw new PdfTimeout(`已有 ${timeouts} 页解析超时，为免久等，其余页面未读取`);
        if (!inner) {
          // The engine was restarted after a page over the limit: the file is opened again there.
          const again = await openIn(bytes);
          if (!again.ok) throw new Error(again.detail ?? '无法重新打开文件');
          inner = again.source;
        }
        const reading = inner;
        const ms = timeouts ? limits.afterTimeoutMs : limits.pageMs;
        try {
          return await bounded(reading.page(n), ms, limits.cancelled, () => {
            inner = null;
            restart();
          }, `第 ${n} 页的解析`);
        } catch (e) {
          if (e instanceof PdfTimeout) {
            timeouts++;
            spent += ms;
          }
          throw e;
        }
      },
      async close() {
        const closing = inner;
        inner = null;
        if (!closing) return;
        await bounded(closing.close(), limits.openMs, undefined, restart, '关闭文件').catch(() => undefined);
      },
    };
    return { ok: true, source };
  };
}
