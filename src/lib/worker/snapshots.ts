/**
 * The library's persistence: SQLite snapshots in IndexedDB. Each save writes the new snapshot and
 * switches the pointer in one transaction, keeping the previous snapshot as a fallback; a crash
 * mid-save therefore leaves the old pointer and the old bytes intact. A snapshot that can't be
 * opened is moved to the `damaged` store, where it stays until the user downloads or discards it:
 * nothing a person might still want to recover is deleted by the app.
 *
 * The browser may close the connection under us (a full disk, site data cleared, another tab
 * upgrading the database): every operation reopens it when needed.
 *
 * Runs in the database worker (workers have IndexedDB) and in the page for tests.
 */
const DB_NAME = 'budget-lens';
// 2: the `damaged` store.
const DB_VERSION = 2;
const SNAPSHOTS = 'snapshots';
const DAMAGED = 'damaged';
const META = 'meta';
const POINTER_KEY = 'pointer';

export interface SnapshotRecord {
  bytes: Uint8Array;
  savedAt: string;
  schemaVersion: number;
  buildId: string;
}

export interface StoredSnapshot extends SnapshotRecord {
  id: number;
}

export interface DamagedRecord extends SnapshotRecord {
  /** Why it could not be opened, as the user was told. */
  reason: string;
  foundAt: string;
}

export interface DamagedInfo {
  id: number;
  savedAt: string;
  foundAt: string;
  reason: string;
  size: number;
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
    tx.onabort = () => reject(tx.error ?? new DOMException('IndexedDB transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error);
  });
}

function openDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, DB_VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    const tx = req.transaction!;
    if (!db.objectStoreNames.contains(SNAPSHOTS)) db.createObjectStore(SNAPSHOTS, { autoIncrement: true });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
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

export class SnapshotStore {
  private idb: IDBDatabase | null;

  /**
   * Called when the browser closes the connection. On a full disk Chromium may report a save as
   * complete and then close the connection without having written it: the owner saves again.
   */
  onClosed: (() => void) | null = null;

  private constructor(idb: IDBDatabase, private readonly name: string) {
    this.idb = this.watch(idb);
  }

  static async open(name = DB_NAME): Promise<SnapshotStore> {
    return new SnapshotStore(await openDb(name), name);
  }

  private watch(idb: IDBDatabase): IDBDatabase {
    // Closed by the browser (storage failure, site data cleared): reopen on next use.
    idb.onclose = () => {
      if (this.idb === idb) this.idb = null;
      this.onClosed?.();
    };
    // A newer build wants to upgrade: let it, and reopen on next use.
    idb.onversionchange = () => {
      idb.close();
      if (this.idb === idb) this.idb = null;
    };
    return idb;
  }

  /**
   * Runs `fn` on a transaction, reopening the connection when the browser has closed it. A closing
   * connection throws InvalidStateError before any write happens, so one retry is safe.
   */
  private async tx<T>(stores: string[], mode: IDBTransactionMode, fn: (tx: IDBTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let tx: IDBTransaction;
      try {
        this.idb ??= this.watch(await openDb(this.name));
        tx = this.idb.transaction(stores, mode);
      } catch (e) {
        if (attempt === 0 && e instanceof DOMException && e.name === 'InvalidStateError') {
          this.idb = null;
          continue;
        }
        throw e;
      }
      return fn(tx);
    }
  }

  private async pointerIn(tx: IDBTransaction): Promise<Pointer> {
    return ((await promised(tx.objectStore(META).get(POINTER_KEY))) as Pointer | undefined) ?? { current: null, previous: null };
  }

  /** The current snapshot and the previous one, newest first, with their ids; either may be missing. */
  load(): Promise<{ current?: StoredSnapshot; previous?: StoredSnapshot }> {
    return this.tx([SNAPSHOTS, META], 'readonly', async (tx) => {
      const p = await this.pointerIn(tx);
      const store = tx.objectStore(SNAPSHOTS);
      const get = async (id: number | null) => {
        const rec = id === null ? undefined : ((await promised(store.get(id))) as SnapshotRecord | undefined);
        return rec && { ...rec, id: id! };
      };
      return { current: await get(p.current), previous: await get(p.previous) };
    });
  }

  /** Saves a snapshot atomically; the one it replaces becomes the fallback, the older one is deleted. */
  async save(record: SnapshotRecord): Promise<void> {
    try {
      await this.tx([SNAPSHOTS, META], 'readwrite', async (tx) => {
        const completed = done(tx);
        completed.catch(() => undefined);
        const snapshots = tx.objectStore(SNAPSHOTS);
        const p = await this.pointerIn(tx);
        const id = (await promised(snapshots.add(record))) as number;
        if (p.previous !== null) snapshots.delete(p.previous);
        tx.objectStore(META).put({ current: id, previous: p.current } satisfies Pointer, POINTER_KEY);
        await completed;
      });
    } catch (e) {
      throw isQuota(e) ? new QuotaError('存储空间不足') : e;
    }
  }

  /**
   * Moves a snapshot that could not be opened to the damaged store, and out of the pointer (when it
   * was current, the previous one becomes current). Returns the damaged record's id.
   */
  quarantine(id: number, reason: string): Promise<number | null> {
    return this.tx([SNAPSHOTS, META, DAMAGED], 'readwrite', async (tx) => {
      const completed = done(tx);
      completed.catch(() => undefined);
      const p = await this.pointerIn(tx);
      const rec = (await promised(tx.objectStore(SNAPSHOTS).get(id))) as SnapshotRecord | undefined;
      const damagedId = rec ? ((await promised(tx.objectStore(DAMAGED).add({ ...rec, reason, foundAt: new Date().toISOString() } satisfies DamagedRecord))) as number) : null;
      tx.objectStore(SNAPSHOTS).delete(id);
      const next: Pointer = p.current === id ? { current: p.previous, previous: null } : { current: p.current, previous: p.previous === id ? null : p.previous };
      tx.objectStore(META).put(next, POINTER_KEY);
      await completed;
      return damagedId;
    });
  }

  listDamaged(): Promise<DamagedInfo[]> {
    return this.tx([DAMAGED], 'readonly', async (tx) => {
      const store = tx.objectStore(DAMAGED);
      const keys = (await promised(store.getAllKeys())) as number[];
      const out: DamagedInfo[] = [];
      for (const id of keys) {
        const r = (await promised(store.get(id))) as DamagedRecord;
        out.push({ id, savedAt: r.savedAt, foundAt: r.foundAt, reason: r.reason, size: r.bytes?.length ?? 0 });
      }
      return out;
    });
  }

  damagedBytes(id: number): Promise<Uint8Array | null> {
    return this.tx([DAMAGED], 'readonly', async (tx) => ((await promised(tx.objectStore(DAMAGED).get(id))) as DamagedRecord | undefined)?.bytes ?? null);
  }

  discardDamaged(id: number): Promise<void> {
    return this.tx([DAMAGED], 'readwrite', async (tx) => {
      const completed = done(tx);
      tx.objectStore(DAMAGED).delete(id);
      await completed;
    });
  }

  close(): void {
    this.idb?.close();
    this.idb = null;
  }
}

export function isQuota(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}
