import type { Transfer } from './http';
import type { ArchiveReply, ArchiveRequest, ArchiveResponses } from './protocol';

/** The page's handle on the archive worker (started on first use, so nothing loads before an archive is opened). */
export class ArchiveClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(onTransfer: (t: Transfer) => void) {
    this.worker = new Worker(new URL('./archiveWorker.ts', import.meta.url), { type: 'module', name: 'budget-lens-archive' });
    this.worker.onmessage = (e: MessageEvent<ArchiveReply>) => {
      const r = e.data;
      onTransfer(r.transfer);
      if ('event' in r) return;
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(r.error));
    };
    this.worker.onerror = (e) => {
      for (const p of this.pending.values()) p.reject(new Error(`数据档案线程出错：${e.message}`));
      this.pending.clear();
    };
  }

  call<T extends ArchiveRequest['type']>(request: Extract<ArchiveRequest, { type: T }>): Promise<ArchiveResponses[T]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
