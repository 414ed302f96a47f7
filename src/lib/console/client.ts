import type { ConsoleReply, ConsoleRequest, ConsoleResponses } from './protocol';

/**
 * The page's handle on the console worker, started on the console's first query. `stop()` ends the
 * worker and with it any query it runs; the next call starts a new one, which needs a copy again.
 */
export class ConsoleClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** False after a stop or a crash, until a copy of the library is sent again. */
  get started(): boolean {
    return this.worker !== null;
  }

  private start(): Worker {
    const w = new Worker(new URL('./consoleWorker.ts', import.meta.url), { type: 'module', name: 'budget-lens-console' });
    w.onmessage = (e: MessageEvent<ConsoleReply>) => {
      const r = e.data;
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(r.error));
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.fail(`查询控制台线程出错：${e.message}`);
      this.worker?.terminate();
      this.worker = null;
    };
    return (this.worker = w);
  }

  call<T extends ConsoleRequest['type']>(request: Extract<ConsoleRequest, { type: T }>, transfer: Transferable[] = []): Promise<ConsoleResponses[T]> {
    const w = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      w.postMessage({ id, request }, transfer);
    });
  }

  /** Stops whatever runs now; its callers get `why`. */
  stop(why: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.fail(why);
  }

  private fail(why: string): void {
    for (const p of this.pending.values()) p.reject(new Error(why));
    this.pending.clear();
  }
}
