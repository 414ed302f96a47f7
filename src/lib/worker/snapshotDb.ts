import { CHUNKS, promised, SNAPSHOTS, type SnapshotRecord } from './manifests';
import type { DamagedRecord } from './snapshotInfo';

/** The snapshot store's IndexedDB database: its name, version and stores, and upgrading it (snapshots.ts uses it). */
export const DB_NAME = 'budget-lens';
// 2: the `damaged` store. 3: the `chunks` store (version 2's whole-file records are still read).
// 4: a chunk record may hold a run of chunks (manifest.firsts); no store changes, but a version-3
// build would read a run as one chunk and call the library damaged, so it must not open this one.
// 5: the `sources` store (the files documents were read from, out of the SQLite file: sourceFiles.ts).
export const DB_VERSION = 5;
export const DAMAGED = 'damaged';
export const SOURCES = 'sources';
export const META = 'meta';
export const POINTER_KEY = 'pointer';

export interface Pointer {
  current: number | null;
  previous: number | null;
}


export function openDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, DB_VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    const tx = req.transaction!;
    if (!db.objectStoreNames.contains(SNAPSHOTS)) db.createObjectStore(SNAPSHOTS, { autoIncrement: true });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    if (!db.objectStoreNames.contains(CHUNKS)) db.createObjectStore(CHUNKS);
    if (!db.objectStoreNames.contains(SOURCES)) db.createObjectStore(SOURCES);
    if (!db.objectStoreNames.contains(DAMAGED)) {
      db.createObjectStore(DAMAGED, { autoIncrement: true });
      // Version 1 left an unreadable snapshot in place, unreferenced: those become damaged records.
      void adoptOrphans(tx);
    }
  };
  return promised(req);
}

async function adoptOrphans(tx: IDBTransaction): Promise<void> {
  const p = ((await promised(tx.objectStore(META).get(POINTER_KEY))) as Pointer | undefined) ?? { current: null, previous: null };
  const keys = (await promised(tx.objectStore(SNAPSHOTS).getAllKeys())) as number[];
  for (const key of keys) {
    if (key === p.current || key === p.previous) continue;
    const rec = (await promised(tx.objectStore(SNAPSHOTS).get(key))) as SnapshotRecord;
    tx.objectStore(DAMAGED).add({ ...rec, reason: '早先一次无法打开的保存', foundAt: new Date().toISOString() } satisfies DamagedRecord);
    tx.objectStore(SNAPSHOTS).delete(key);
  }
}
