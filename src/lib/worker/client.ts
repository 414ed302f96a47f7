import type { Envelope, ProgressUnit, Reply, RequestOf, RequestType, Responses, SaveState } from './protocol';

export class DbError extends Error {}

export interface DbEvents {
  onSave?: (state: SaveState) => void;
  onWriter?: (notice: string) => void;
}

/** Progress of one request (a streamed CSV's bytes, a PDF's pages): only that request's events. */
export type OnProgress = (loaded: number, total: number, unit: ProgressUnit) => void;

/**
 * The page's handle on the database worker: one promise per request. The worker is started here so
 * that Vite bundles it (the `new URL(..., import.meta.url)` form must stay literal for that).
 */
/** Requests that change the library: until the worker reports their save state, they count as unsaved. */
const CHANGES: ReadonlySet<RequestType> = new Set<RequestType>([
  'addDocuments', 'importFile', 'removeDocument', 'settleCsv', 'keepShared', 'openSqlite', 'linkUnits', 'unlinkUnit',
  'saveProfile', 'renameProfile', 'deleteProfile', 'importProfiles',
]);

export class DbClient {
  private readonly worker: Worker;
  /** Changing requests sent and not yet answered (the worker reports 「正在保存」 before it answers). */
  changesInFlight = 0;
  /**
   * Moves whenever a changing request is sent or answered: an answer read at one generation still
   * holds at the same one (the page's memo of answers, ui/state/answers.ts).
   */
  generation = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly progress = new Map<number, OnProgress>();

  constructor(events: DbEvents = {}) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'budget-lens-db' });
    this.worker.onmessage = (e: MessageEvent<Reply>) => {
      const reply = e.data;
      if ('event' in reply) {
        if (reply.event === 'save') events.onSave?.(reply.state);
        else if (reply.event === 'writer') events.onWriter?.(reply.notice);
        else this.progress.get(reply.requestId)?.(reply.loaded, reply.total, reply.unit);
        return;
      }
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      this.progress.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new DbError(reply.error));
    };
    this.worker.onerror = (e) => {
      const err = new DbError(`数据库线程出错：${e.message}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.progress.clear();
    };
  }

  call<T extends RequestType>(request: RequestOf<T>, transfer: Transferable[] = [], onProgress?: OnProgress): Promise<Responses[T]> {
    const id = this.nextId++;
    if (onProgress) this.progress.set(id, onProgress);
    const changes = CHANGES.has(request.type);
    if (changes) {
      this.changesInFlight++;
      this.generation++;
    }
    const answer = new Promise<Responses[T]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, request } satisfies Envelope, transfer);
    });
    if (!changes) return answer;
    return answer.finally(() => {
      this.changesInFlight--;
      this.generation++;
    });
  }

}
