import { describe, expect, it } from 'vitest';
import { PdfCancelled, PdfTimeout, stoppableOpener, type Engine, type StopLimits } from '../../../../src/lib/ingest/pdf/stoppable';
import type { PdfPageText } from '../../../../src/lib/ingest/pdf/types';

/**
 * The mechanism that stops pdf.js (issue 14 finding 5), with engines whose pages can be made to
 * never finish: a page over its limit ends the engine, a new one opens the file again and the next
 * page is read; 取消 ends it at once. The real engines (pdf.js in a worker_thread, a hanging damaged
 * PDF) are in damaged.test.ts.
 */
const page = (n: number): PdfPageText => ({ page: n, width: 100, height: 100, items: [{ str: `p${n}`, x: 0, y: 0, width: 10, size: 10 }] });

/** Engines whose page `hang` never answers; counts starts and kills. */
function engines(hang: Set<number>) {
  const log = { started: 0, killed: 0, opened: 0 };
  const start = (): Engine => {
    log.started++;
    let alive = true;
    return {
      async open() {
        log.opened++;
        return {
          ok: true,
          source: {
            pageCount: 5,
            page: (n) => (hang.has(n) || !alive ? new Promise<PdfPageText>(() => undefined) : Promise.resolve(page(n))),
            close: async () => undefined,
          },
        };
      },
      kill() {
        alive = false;
        log.killed++;
      },
    };
  };
  return { start, log };
}

const limits = (over: Partial<StopLimits> = {}): StopLimits => ({ pageMs: 150, afterTimeoutMs: 100, openMs: 1000, budgetMs: 60_000, ...over });

describe('stoppable pdf.js', () => {
  it('a page that never finishes is skipped at its limit; the engine is replaced and the next pages are read', async () => {
    const { start, log } = engines(new Set([2]));
    const opened = await stoppableOpener(start, limits())(new Uint8Array([1]));
    if (!opened.ok) throw new Error('not opened');
    const { source } = opened;
    await expect(source.page(1)).resolves.toEqual(page(1));
    await expect(source.page(2)).rejects.toBeInstanceOf(PdfTimeout);
    await expect(source.page(2).catch((e: Error) => e.message)).resolves.toMatch(/第 2 页的解析超过/);
    await expect(source.page(3)).resolves.toEqual(page(3));
    expect(log.killed).toBe(2);
    expect(log.started).toBe(3); // the first, and one after each timeout
    expect(log.opened).toBe(3); // the file opened again in each new engine
    await source.close();
  }, 30_000);

  it('取消 ends a page that never finishes at once', async () => {
    let cancelled = false;
    const { start, log } = engines(new Set([1]));
    const opened = await stoppableOpener(start, limits({ pageMs: 600_000, cancelled: () => cancelled }))(new Uint8Array([1]));
    if (!opened.ok) throw new Error('not opened');
    const waiting = opened.source.page(1);
    setTimeout(() => (cancelled = true), 50);
    await expect(waiting).rejects.toBeInstanceOf(PdfCancelled);
    expect(log.killed).toBe(1);
  }, 30_000);

  it('stops trying once pages over their limit have cost the budget', async () => {
    const { start } = engines(new Set([1, 2, 3, 4, 5]));
    const opened = await stoppableOpener(start, limits({ budgetMs: 200 }))(new Uint8Array([1]));
    if (!opened.ok) throw new Error('not opened');
    const outcomes: string[] = [];
    for (let n = 1; n <= 5; n++) outcomes.push(await opened.source.page(n).then(() => 'ok', (e: Error) => e.message));
    expect(outcomes.slice(0, 2).every((m) => m.includes('超过'))).toBe(true);
    expect(outcomes.slice(2).every((m) => m.includes('其余页面未读取'))).toBe(true);
  }, 30_000);

  it('an open that never finishes is a damaged file, not a hang', async () => {
    const open = stoppableOpener(() => ({ open: () => new Promise(() => undefined), kill: () => undefined }), limits({ openMs: 100 }));
    await expect(open(new Uint8Array([1]))).resolves.toMatchObject({ ok: false, reason: 'corrupt' });
  }, 30_000);
});
