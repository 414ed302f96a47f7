/**
 * The library's persistence: SQLite snapshots in IndexedDB. Each save writes the new snapshot and
 * switches the pointer in one transaction, keeping the previous snapshot as a fallback; a crash
 * mid-save therefore leaves the old pointer and the old bytes intact.
 *
 * Runs in the database worker (workers have IndexedDB) and in the page for tests.
 */
const DB_NAME = 'budget-lens';
const DB_VERSION = 1;
const SNAPSHOTS = 'snapshots';
const META = 'meta';
const POINTER_KEY = 'pointer';

export interface SnapshotRecord {
  bytes: Uint8Array;
  savedAt: string;
  schemaVersion: number;
  buildId: string;
}

interface Pointer {
  current: number | null;
  previous: number | null;
}

export class QuotaError extends Error {}

function promised<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error);
  });
}

export class SnapshotStore {
  private constructor(private readonly idb: IDBDatabase) {}

  static async open(name = DB_NAME): Promise<SnapshotStore> {
    const req = indexedDB.open(name, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(SNAPSHOTS)) db.createObjectStore(SNAPSHOTS, { autoIncrement: true });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    return new SnapshotStore(await promised(req));
  }

  private async pointer(): Promise<Pointer> {
    const tx = this.idb.transaction(META, 'readonly');
    const p = (await promised(tx.objectStore(META).get(POINTER_KEY))) as Pointer | undefined;
    return p ?? { current: null, previous: null };
  }

  /** The current snapshot and the previous one, newest first; either may be missing. */
  async load(): Promise<{ current?: SnapshotRecord; previous?: SnapshotRecord }> {
    const p = await this.pointer();
    const tx = this.idb.transaction(SNAPSHOTS, 'readonly');
    const store = tx.objectStore(SNAPSHOTS);
    const current = p.current === null ? undefined : ((await promised(store.get(p.current))) as SnapshotRecord | undefined);
    const previous = p.previous === null ? undefined : ((await promised(store.get(p.previous))) as SnapshotRecord | undefined);
    return { current, previous };
  }

  /** Saves a snapshot atomically; the one it replaces becomes the fallback, the older one is deleted. */
  async save(record: SnapshotRecord): Promise<void> {
    const tx = this.idb.transaction([SNAPSHOTS, META], 'readwrite');
    const completed = done(tx);
    try {
      const snapshots = tx.objectStore(SNAPSHOTS);
      const meta = tx.objectStore(META);
      const p = ((await promised(meta.get(POINTER_KEY))) as Pointer | undefined) ?? { current: null, previous: null };
      const id = (await promised(snapshots.add(record))) as number;
      if (p.previous !== null) snapshots.delete(p.previous);
      meta.put({ current: id, previous: p.current } satisfies Pointer, POINTER_KEY);
      await completed;
    } catch (e) {
      completed.catch(() => undefined);
      throw isQuota(e) || isQuota(tx.error) ? new QuotaError('存储空间不足') : e;
    }
  }

  /** Makes the previous snapshot current again (after the current one turned out unreadable). */
  async dropCurrent(): Promise<void> {
    const tx = this.idb.transaction([SNAPSHOTS, META], 'readwrite');
    const completed = done(tx);
    const meta = tx.objectStore(META);
    const p = ((await promised(meta.get(POINTER_KEY))) as Pointer | undefined) ?? { current: null, previous: null };
    meta.put({ current: p.previous, previous: null } satisfies Pointer, POINTER_KEY);
    // The unreadable bytes stay in the store (unreferenced) on purpose: nothing is deleted that a
    // person might still want to recover by hand.
    await completed;
  }

  close(): void {
    this.idb.close();
  }
}

function isQuota(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}
