import { CHUNK_SIZE, chunkCount, runsOf } from './chunks';
import {
  assemble, CHUNKS, copyForward, done, firstOf, getStored, isManifest, manifestProblem, promised, release, salvage, SNAPSHOTS, sweep,
  type Manifest, type SnapshotRead, type SnapshotRecord,
} from './manifests';
import { nextTask, SLICE_MS, type SnapshotBody } from './liveFile';
import { hashBody, planSave, sparseRecords } from './savePlan';
import { DAMAGED, DB_NAME, META, openDb, POINTER_KEY, SOURCES, type Pointer } from './snapshotDb';
import { isQuota, QuotaError, StaleBase, type DamagedInfo, type DamagedRecord, type SaveStats, type SnapshotInfo } from './snapshotInfo';
import { writeSources, type SourceWrite } from './sourceFiles';
import type { SourceRecord } from '../db/sources';

/** At most this many chunks (1 MiB) copied forward by one save (savePlan.ts sparseRecords). */
const COMPACT_CHUNKS = 32;

export type { SnapshotRead, SnapshotRecord } from './manifests';

/** What a save is, besides its bytes: and the files its documents were read from, to write or delete with it. */
export type SnapshotMeta = Omit<SnapshotRecord, 'bytes'> & { sources?: SourceWrite };

/**
 * The library's persistence: the SQLite file in IndexedDB, as fixed-size chunks (chunks.ts) and a
 * manifest per save that lists them. A save writes only the chunks that changed since the current
 * manifest, a new manifest and the pointer switch, in ONE transaction: a crash mid-save leaves the
 * old pointer, the old manifest and every chunk it lists intact. The previous manifest is kept as a
 * fallback; chunks that neither manifest lists are deleted in that same transaction.
 *
 * A snapshot that can't be opened (a chunk missing or failing its hash, or SQLite refusing the file)
 * is copied whole to the `damaged` store, where it stays until the user downloads or discards it:
 * nothing a person might still want to recover is deleted by the app.
 *
 * Stores: snapshots (manifests), chunks (runs of chunks), meta (the pointer), damaged; README.md.
 * The browser may close the connection under us (a full disk, site data cleared, another tab
 * upgrading the database): every operation reopens it when needed.
 *
 * Runs in the database worker (workers have IndexedDB) and in the page for tests.
 */
export class SnapshotStore {
  private idb: IDBDatabase | null;

  /**
   * Called when the browser closes the connection. On a full disk Chromium may report a save as
   * complete and then close the connection without having written it: the owner saves again.
   */
  onClosed: (() => void) | null = null;

  /** The id of the last snapshot this store saved (a chunked save's next base). */
  lastSaved: number | null = null;

  /** How long a save hashes or puts before it lets requests run (tests set 0: a pause at every step). */
  sliceMs = SLICE_MS;

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
      try {
        return await fn(tx);
      } catch (e) {
        // A request that threw (not one that failed later) leaves the transaction to commit what was
        // queued before it: a manifest no pointer names, chunks no manifest lists. Undo all of it.
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        throw e;
      }
    }
  }

  private async pointerIn(tx: IDBTransaction): Promise<Pointer> {
    return ((await promised(tx.objectStore(META).get(POINTER_KEY))) as Pointer | undefined) ?? { current: null, previous: null };
  }

  /** The current snapshot and the previous one (their ids and dates, not their bytes); either may be missing. */
  load(): Promise<{ current?: SnapshotInfo; previous?: SnapshotInfo }> {
    return this.tx([SNAPSHOTS, META], 'readonly', async (tx) => {
      const p = await this.pointerIn(tx);
      const info = async (id: number | null): Promise<SnapshotInfo | undefined> => {
        const rec = id === null ? undefined : await getStored(tx, id);
        if (!rec) return undefined;
        const size = isManifest(rec) ? rec.length : rec.bytes instanceof Uint8Array ? rec.bytes.length : 0;
        return { id: id!, savedAt: String(rec.savedAt), schemaVersion: Number(rec.schemaVersion), buildId: String(rec.buildId), size };
      };
      return { current: await info(p.current), previous: await info(p.previous) };
    });
  }

  /** A snapshot's file, put together from its chunks and checked against their hashes. */
  read(id: number): Promise<SnapshotRead> {
    return this.tx([SNAPSHOTS, CHUNKS], 'readonly', async (tx) => {
      const rec = await getStored(tx, id);
      if (!rec) return { damage: '找不到这次保存的记录' };
      return assemble(tx, rec);
    });
  }

  /**
   * Saves a snapshot atomically: the chunks that differ from the current manifest's, the new
   * manifest, the pointer. The manifest it replaces becomes the fallback; the one before that is
   * deleted with the chunks only it listed. Returns what was written.
   */
  async save(record: SnapshotMeta & SnapshotBody): Promise<SaveStats> {
    // Before the transaction: a transaction with no request pending at a task's end commits.
    const hashed = await hashBody(record, nextTask, this.sliceMs);
    const length = hashed.length;
    try {
      return await this.tx([SNAPSHOTS, CHUNKS, META, SOURCES], 'readwrite', async (tx) => {
        const completed = done(tx);
        completed.catch(() => undefined);
        const snapshots = tx.objectStore(SNAPSHOTS);
        const chunks = tx.objectStore(CHUNKS);
        const p = await this.pointerIn(tx);
        const current = p.current === null ? undefined : await getStored(tx, p.current);
        const previous = p.previous === null ? undefined : await getStored(tx, p.previous);
        const base = current && isManifest(current) && current.chunkSize === CHUNK_SIZE && !manifestProblem(current) ? current : null;
        const plan = planSave(hashed, base, p.current);
        if (!plan) throw new StaleBase('上次保存已不是当前保存');
        const { hashes, changed } = plan;
        const count = chunkCount(length);
        const manifest: Manifest = {
          length, chunkSize: CHUNK_SIZE, gens: new Uint32Array(count), firsts: new Uint32Array(count), hashes,
          savedAt: record.savedAt, schemaVersion: record.schemaVersion, buildId: record.buildId,
        };
        manifest.sizes = new Uint32Array(count);
        const id = (await promised(snapshots.add(manifest))) as number;
        const sourceBytes = record.sources ? await writeSources(tx.objectStore(SOURCES), record.sources) : 0;
        if (base) {
          const kept = Math.min(count, base.gens.length);
          manifest.gens.set(base.gens.subarray(0, kept));
          for (let i = 0; i < kept; i++) manifest.firsts![i] = firstOf(base, i);
          if (base.sizes) manifest.sizes.set(base.sizes.subarray(0, kept));
        }
        const carried = base ? await copyForward(chunks, manifest, count, sparseRecords(manifest, count, new Set(changed), COMPACT_CHUNKS)) : new Map<number, Uint8Array>();
        const written = [...changed, ...carried.keys()].sort((a, b) => a - b);
        let bytes = 0;
        // Consecutive changed chunks go in one record: start-up reads a few dozen records, not thousands.
        // A put clones its run at once (~10 ms for 2 MiB): a first save at 5,000 documents is ~80 of
        // them, so every SLICE_MS the loop waits for its last put, and requests that came in run
        // meanwhile (the pending put keeps the transaction open; the runs are copies already).
        let since = performance.now();
        for (const [first, n] of runsOf(written)) {
          // A fresh buffer, never a view: IndexedDB would clone the whole underlying buffer of a view.
          const run = new Uint8Array(Math.min(length, (first + n) * CHUNK_SIZE) - first * CHUNK_SIZE);
          for (let i = first; i < first + n; i++) run.set(carried.get(i) ?? hashed.chunk(i), (i - first) * CHUNK_SIZE);
          const put = chunks.put(run, [id, first]);
          manifest.gens.fill(id, first, first + n);
          manifest.firsts!.fill(first, first, first + n);
          manifest.sizes.fill(n, first, first + n);
          bytes += run.length;
          if (performance.now() - since < this.sliceMs) continue;
          await promised(put);
          since = performance.now();
        }
        snapshots.put(manifest, id);
        if (p.previous !== null) {
          snapshots.delete(p.previous);
          if (previous && isManifest(previous) && !manifestProblem(previous)) release(chunks, previous, [current, manifest]);
        }
        tx.objectStore(META).put({ current: id, previous: p.current } satisfies Pointer, POINTER_KEY);
        await completed;
        this.lastSaved = id;
        return { chunks: written.length, bytes, sources: record.sources?.put.size ?? 0, sourceBytes };
      });
    } catch (e) {
      throw isQuota(e) ? new QuotaError('存储空间不足') : e;
    }
  }

  /** A file documents were read from (sourceFiles.ts), or undefined. */
  source(hash: string): Promise<SourceRecord | undefined> {
    return this.tx([SOURCES], 'readonly', async (tx) => (await promised(tx.objectStore(SOURCES).get(hash))) as SourceRecord | undefined);
  }

  /**
   * Moves a snapshot that could not be opened to the damaged store (its whole file, as far as its
   * chunks still hold it), and out of the pointer (when it was current, the previous one becomes
   * current). Chunks no remaining manifest lists are deleted. Returns the damaged record's id.
   */
  quarantine(id: number, reason: string): Promise<number | null> {
    return this.tx([SNAPSHOTS, CHUNKS, META, DAMAGED], 'readwrite', async (tx) => {
      const completed = done(tx);
      completed.catch(() => undefined);
      const p = await this.pointerIn(tx);
      const rec = await getStored(tx, id);
      let damagedId: number | null = null;
      if (rec) {
        const bytes = isManifest(rec) ? await salvage(tx, rec) : rec.bytes;
        const damaged: DamagedRecord = { bytes, savedAt: rec.savedAt, schemaVersion: rec.schemaVersion, buildId: rec.buildId, reason, foundAt: new Date().toISOString() };
        damagedId = (await promised(tx.objectStore(DAMAGED).add(damaged))) as number;
      }
      tx.objectStore(SNAPSHOTS).delete(id);
      const next: Pointer = p.current === id ? { current: p.previous, previous: null } : { current: p.current, previous: p.previous === id ? null : p.previous };
      tx.objectStore(META).put(next, POINTER_KEY);
      await sweep(tx, [next.current, next.previous]);
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
