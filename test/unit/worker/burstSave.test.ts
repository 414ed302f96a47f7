import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importHandlers } from '../../../src/lib/worker/importHandlers';
import type { SqlJsWithFiles } from '../../../src/lib/worker/sqljs/sql-wasm-browser.js';
import { WorkerState } from '../../../src/lib/worker/state';
import { documents, renderDocument } from '../../../src/lib/synth';
import { startedWorker, workerHooks } from './startedWorker';

/**
 * The files of a burst share one transaction (db/transactions.ts, importHandlers.ts store), and a
 * save that comes during the burst (the timer spaces them a second apart) saves what was imported so
 * far, committed first, with its sources: what it writes is a whole library, never the file without
 * the burst's documents while the sources say they were saved. The worker's own wiring: persistenceOf,
 * openLibrary, the import handlers.
 */
let SQL: SqlJsWithFiles;

const worker = () => startedWorker(SQL);

/** The documents of the current snapshot, and whether every one's source file was saved beside it. */
async function savedLibrary(w: WorkerState): Promise<{ ids: string[]; sources: boolean }> {
  const read = await w.persistence.read((await w.persistence.load()).current!.id);
  if ('damage' in read) throw new Error(read.damage);
  const db = new SQL.Database(read.bytes);
  try {
    const rows = db.exec('SELECT doc_id, content_hash FROM document ORDER BY doc_id')[0]?.values ?? [];
    const found = await Promise.all(rows.map(([, hash]) => w.persistence.readSource(String(hash))));
    return { ids: rows.map(([id]) => String(id)), sources: found.every((r) => r !== undefined) };
  } finally {
    db.close();
  }
}
const ids = (w: WorkerState) => (w.lib.db.exec('SELECT doc_id FROM document ORDER BY doc_id')[0]?.values ?? []).map(([id]) => String(id));

describe('a burst of files and the saves during it', () => {
  workerHooks((glue) => (SQL = glue));

  it('saves the files stored so far, committed, and the rest once the burst ends', { timeout: 120_000 }, async () => {
    const w = await worker();
    const h = importHandlers(w);
    const files = documents(5, 31).map((d) => renderDocument(d)).map((r) => ({ type: 'importFile' as const, fileName: r.fileName, file: new Blob([r.text]) }));
    const sample = ids(w);
    for (const [i, f] of files.entries()) {
      w.filesWaiting = files.length - i - 1;
      expect((await h.handlers.importFile(f, i + 1)).status).toBe('added');
      if (i === 2) {
        // The timer's save, between two files of the burst.
        const mid = ids(w);
        expect(mid).toHaveLength(sample.length + 3);
        expect((await w.persistence.save()).status).toBe('saved');
        expect(await savedLibrary(w)).toEqual({ ids: mid, sources: true });
      }
    }
    // What worker.ts does after the burst's last file, then the save that follows.
    w.settle();
    expect((await w.persistence.save()).status).toBe('saved');
    const all = ids(w);
    expect(all).toHaveLength(sample.length + files.length);
    expect(await savedLibrary(w)).toEqual({ ids: all, sources: true });
    w.lib.close();
  });
});
