/// <reference lib="webworker" />
import { importHandlers } from './importHandlers';
import { libraryHandlers } from './libraryHandlers';
import { ParsePool, poolSize } from './parsePool';
import { profileHandlers } from './profileHandlers';
import type { Envelope, Reply, Request } from './protocol';
import { queryHandlers } from './queryHandlers';
import { sampleTextHandlers } from './sampleTexts';
import { WorkerState, type Handlers } from './state';
import { ComparisonWarmer } from './warm';

/**
 * The database worker: owns the only sql.js instance and answers the protocol, one request at a
 * time. The handlers are cut by what they do: files in (importHandlers.ts), which library is
 * answered from (libraryHandlers.ts), reads and comparisons (queryHandlers.ts); their shared state
 * is state.ts. All SQL lives on this side of the boundary, in src/lib/db/.
 */
declare const self: DedicatedWorkerGlobalScope;

const state = new WorkerState((reply: Reply) => self.postMessage(reply));

// Requests run one at a time, in order: sql.js is synchronous, but init and saves await, and a
// request must never see a half-initialised library.
let queue: Promise<unknown> = Promise.resolve();

function enqueue(task: () => Promise<void>): Promise<void> {
  // Work queued here (a takeover, the 横比 read ahead) sees every import audited, as requests do.
  const next = queue.then(() => {
    state.settle();
    return task();
  });
  queue = next.catch(() => undefined);
  return next;
}

// The parse pool's workers are started before the first file (parsePool.ts prestart); the URL form
// must stay literal for Vite to bundle parseWorker.ts (and the service worker to precache it).
const pool = new ParsePool(() => new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module', name: 'budget-lens-parse' }), poolSize());
const imports = importHandlers(state, pool);
const handlers: Handlers = {
  ...imports.handlers,
  ...libraryHandlers(state, enqueue, imports.readEntry),
  ...queryHandlers(state),
  ...profileHandlers(state),
  ...sampleTextHandlers(state, pool),
};

// The 横比 read ahead (warm.ts) after every change to the library in place (state.changed) and after
// the requests that put another library in place.
const warmer = new ComparisonWarmer(state, handlers, enqueue);
state.afterChange = (stored) => {
  if (stored) warmer.prime(stored);
  warmer.schedule();
};
// A returning visit has no sample texts to start the pool: it starts a moment after the library
// opened, once the first screen is drawn, so the first files picked do not wait for it to load.
const PRESTART_MS = 3_000;
let prestarted = false;
function prestartPool(): void {
  if (prestarted) return;
  prestarted = true;
  setTimeout(() => pool.prestart(), PRESTART_MS);
}

const REPLACING: ReadonlySet<Request['type']> = new Set(['init', 'openSqlite', 'openShared', 'openSharedFile', 'openSharedLink', 'keepShared', 'leaveShared']);

self.onmessage = (event: MessageEvent<Envelope>) => {
  const { id, request } = event.data;
  // A file starts being read in the pool as it arrives; its request waits its turn for the store.
  if (request.type === 'importFile') {
    imports.readAhead(id, request);
    state.filesWaiting++;
  }
  if (request.type === 'cancelImport') {
    // Not queued: it must reach a running import, which only yields between chunks.
    state.post({ id, ok: true, value: handlers.cancelImport(request, id) });
    return;
  }
  queue = queue.then(async () => {
    if (request.type === 'importFile') state.filesWaiting--;
    try {
      // A burst's files are audited together (state.ts imported()) and stored in one transaction
      // (importHandlers.ts store): whatever else comes reads, or changes, a library with every
      // import audited and committed.
      if (request.type !== 'importFile') state.settle();
      const handler = handlers[request.type] as (r: Request, id: number) => unknown;
      const value = await handler(request, id);
      state.post({ id, ok: true, value });
      // The burst's last file: one that added nothing (a duplicate) leaves the others' audit waiting.
      if (request.type === 'importFile' && state.filesWaiting === 0) state.settle();
      if (REPLACING.has(request.type)) warmer.schedule();
      if (request.type === 'init') prestartPool();
    } catch (e) {
      state.post({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
};
