import type { SaveState } from './protocol';
import { SCHEMA_VERSION } from '../db/schema';
import { QuotaError, SnapshotStore, type SnapshotRecord } from './snapshots';

// Short: it only gathers a burst of changes into one write. A long debounce loses more on a crash.
const SAVE_COALESCE_MS = 30;
const WRITER_LOCK = 'budget-lens-writer';

export interface PersistenceHooks {
  buildId: string;
  /** The bytes to save: always the user's own library, also while a share link's data is shown. */
  snapshot: () => Uint8Array;
  /** True while a share link's temporary data is on screen (the status bar says so). */
  temporary: () => boolean;
  emit: (state: SaveState) => void;
}

/**
 * The library's life on disk, for the database worker: IndexedDB snapshots, the one-writer lock
 * across tabs, and saves coalesced after changes. It knows nothing of SQL beyond the bytes.
 */
export class Persistence {
  private store: SnapshotStore | null = null;
  writer = false;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private run: Promise<SaveState> | null = null;
  private last: SaveState = { status: 'saved', savedAt: '' };

  constructor(private readonly hooks: PersistenceHooks) {}

  get available(): boolean {
    return this.store !== null;
  }

  /** Opens IndexedDB; returns a notice for the user when the browser refuses it. */
  async open(): Promise<string | null> {
    try {
      this.store = await SnapshotStore.open();
      return null;
    } catch {
      return '浏览器不允许使用本地存储（IndexedDB），本次导入的资料在关闭页面后不会保留。';
    }
  }

  load(): Promise<{ current?: SnapshotRecord; previous?: SnapshotRecord }> {
    return this.store ? this.store.load() : Promise.resolve({});
  }

  dropCurrent(): Promise<void> {
    return this.store ? this.store.dropCurrent() : Promise.resolve();
  }

  /**
   * One writer across tabs: the first tab holds the lock for its lifetime; later tabs work in memory
   * and are told so, and take over when the writer tab closes (`onTakeover` reloads the library).
   */
  async claimWriter(onTakeover: (saved: SnapshotRecord | undefined) => void): Promise<boolean> {
    if (!('locks' in navigator)) return (this.writer = true);
    const hold = () => new Promise<void>(() => undefined); // until the tab goes away
    this.writer = await new Promise<boolean>((resolve) => {
      void navigator.locks.request(WRITER_LOCK, { ifAvailable: true }, async (lock) => {
        resolve(lock !== null);
        if (lock) await hold();
      });
    });
    if (!this.writer) {
      void navigator.locks.request(WRITER_LOCK, async () => {
        this.writer = true;
        onTakeover((await this.load()).current);
        await hold();
      });
    }
    return this.writer;
  }

  /** Something changed: save soon (or say why it will not be saved). */
  changed(): void {
    if (this.hooks.temporary()) {
      this.report({ status: 'temporary' });
      return;
    }
    this.dirty = true;
    if (!this.writer || !this.store) {
      this.report({ status: 'readonly' });
      return;
    }
    this.report({ status: 'pending' });
    if (!this.timer && !this.run) this.timer = setTimeout(() => void this.save(), SAVE_COALESCE_MS);
  }

  /**
   * Writes snapshots until nothing is left unsaved. Only then is 「已保存」 reported: a change made
   * while a snapshot was being written must not be announced as saved by that older write.
   */
  save(): Promise<SaveState> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.run) return this.run;
    if (!this.dirty) return Promise.resolve(this.last);
    const store = this.store;
    if (!this.writer || !store) return Promise.resolve<SaveState>({ status: 'readonly' });
    this.run = (async (): Promise<SaveState> => {
      let state: SaveState = this.last;
      while (this.dirty) {
        this.dirty = false;
        try {
          await store.save({ bytes: this.hooks.snapshot(), savedAt: new Date().toISOString(), schemaVersion: SCHEMA_VERSION, buildId: this.hooks.buildId });
          state = { status: 'saved', savedAt: new Date().toISOString() };
        } catch (e) {
          this.dirty = true;
          const message = e instanceof QuotaError
            ? '存储空间不足，最近的更改没有保存。已保存的资料库完好；请删除一些文档或释放磁盘空间后再试。'
            : `保存资料库失败：${(e as Error).message ?? e}`;
          state = { status: 'error', message };
          break;
        }
      }
      return state;
    })();
    return this.run.then((state) => {
      this.run = null;
      this.report(state);
      return state;
    });
  }

  /** The save state as the status bar should show it (a shared link's data says 临时数据). */
  report(state: SaveState): void {
    this.last = state;
    this.hooks.emit(this.hooks.temporary() && state.status === 'saved' ? { status: 'temporary' } : state);
  }

  /** Back from a share link's data: show the own library's real state again. */
  reportOwn(): void {
    this.report(this.last.status === 'temporary' ? { status: 'saved', savedAt: '' } : this.last);
  }
}
