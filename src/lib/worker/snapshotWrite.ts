import { SCHEMA_VERSION } from '../db/schema';
import type { SnapshotBody } from './liveFile';
import type { PersistenceHooks } from './persistence';
import type { SnapshotStore } from './snapshots';
import { StaleBase, type SaveStats } from './snapshotInfo';

/**
 * One snapshot: the chunks SQLite wrote since the last save where the file can be watched, else
 * the exported file. A chunked save whose base is no longer current (a quarantine, a store this
 * tab did not write last) is done again with the whole live file.
 */
export async function writeSnapshot(store: SnapshotStore, hooks: PersistenceHooks): Promise<SaveStats> {
  // The file holds only what was committed: a burst's open transaction is committed first.
  hooks.settle?.();
  const live = hooks.live?.() ?? null;
  // The take decides what it saves at once and the sources are read in the same task: both are
  // the library at this moment, though the copying goes on between requests.
  const taking = live ? live.take() : Promise.resolve({ bytes: hooks.snapshot() });
  const meta = { savedAt: new Date().toISOString(), schemaVersion: SCHEMA_VERSION, buildId: hooks.buildId, sources: hooks.sources?.take() };
  const body = await taking;
  const written = (stats: SaveStats) => {
    if (meta.sources) hooks.sources!.settled(meta.sources);
    return stats;
  };
  if (!live) return written(await store.save({ ...body, ...meta }));
  const attempt = async (body: SnapshotBody): Promise<SaveStats> => {
    try {
      const stats = await store.save({ ...body, ...meta });
      live.settled(store.lastSaved);
      return stats;
    } catch (e) {
      live.settled(null);
      throw e;
    }
  };
  try {
    return written(await attempt(body));
  } catch (e) {
    if (!(e instanceof StaleBase)) throw e;
    live.forget();
    hooks.settle?.();
    const retry = live.takeNow();
    // The sources with it, in the same task: a file imported since the first take is in this
    // one, and its source must be written with it (what the first take had is still unsettled).
    meta.sources = hooks.sources?.take();
    return written(await attempt(retry));
  }
}
