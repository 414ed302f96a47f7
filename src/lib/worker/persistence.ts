import type { SaveState } from './protocol';
import type { LiveChunks } from './liveFile';
import { SnapshotStore, type SnapshotRead } from './snapshots';
import type { DamagedInfo, SaveStats, SnapshotInfo } from './snapshotInfo';
import type { SourceWrite } from './sourceFiles';
import type { SourceRecord } from '../db/sources';
import { describeFailure } from './saveErrors';
import { WriterLock } from './writerLock';
import { writeSnapshot } from './snapshotWrite';

export { SAVE_MESSAGES } from './saveErrors';

// Short: it only gathers a burst of changes into one write. A long debounce loses more on a crash.
const SAVE_COALESCE_MS = 30;
// While more changes are queued (a burst of files), a save starts at most once in this time, not
// after each file: 100 files made 25 saves writing ~1,200 chunks, CPU the import needed on a 2-core
// machine. When nothing more is queued, the save follows in SAVE_COALESCE_MS as before (a reload
// right after a change must find it saved); a flush (leaving the page, an update) saves at once.
const SAVE_GAP_MS = 1_000;
// After a failed save: try again by itself (space may be freed without any change in this tab).
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

export interface PersistenceHooks {
  buildId: string;
  /** The bytes to save: always the user's own library, also while a share link's data is shown. */
  snapshot: () => Uint8Array;
  /**
   * Where sql.js lets the library file be watched: the tracker of the library `snapshot` would give,
   * so that a save reads only the chunks SQLite wrote (liveFile.ts) instead of exporting the file.
   */
  live?: () => LiveChunks | null;
  /**
   * The files the saved library's documents were read from, to write or delete in the save's own
   * transaction (sourceFiles.ts): taken when its chunks are, settled when it was written.
   */
  sources?: { take(): SourceWrite; settled(write: SourceWrite): void };
  /** True while a share link's temporary data is on screen (the status bar says so). */
  temporary: () => boolean;
  /** True while more changes wait in the worker's queue (the next files of a burst): saves are spaced out. */
  busy?: () => boolean;
  /** Commits what the library holds uncommitted (a burst's transaction): called before a save takes the file. */
  settle?: () => void;
  emit: (state: SaveState) => void;
}

/**
 * The library's life on disk, for the database worker: IndexedDB snapshots, the one-writer lock
 * across tabs, and saves coalesced after changes. It knows nothing of SQL beyond the bytes.
 *
 * A failed save (a full disk) keeps the change in memory, says so in Chinese, and tries again on
 * the next change and on a timer; the page warns before it is closed while anything is unsaved.
 */
export class Persistence {
  private store: SnapshotStore | null = null;
  writer = false;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_FIRST_MS;
  private run: Promise<SaveState> | null = null;
  private last: SaveState = { status: 'saved', savedAt: '' };
  /** What the last successful save wrote (for tests and benchmarks). */
  lastWrite: SaveStats | null = null;
  /** Why this page saves nothing (storage refused, a newer build's library), or null. */
  private off: string | null = null;
  private readonly lock = new WriterLock();
  /** When the last write started (Date.now()), for the gap between saves of a burst. */
  private lastStarted = -Infinity;
  /** The delay the pending save timer was set with (for tests), and when it fires. */
  scheduledIn: number | null = null;
  private timerAt = 0;

  constructor(private readonly hooks: PersistenceHooks, private readonly gapMs = SAVE_GAP_MS) {}

  get available(): boolean {
    return this.store !== null;
  }

  /** False when this page saves nothing at all (refuse(), or storage refused). */
  get saving(): boolean {
    return this.off === null;
  }

  /** Whether a change has not reached the disk yet. */
  get unsaved(): boolean {
    return this.dirty || this.run !== null;
  }

  /** Opens IndexedDB; returns a notice for the user when the browser refuses it. */
  async open(): Promise<string | null> {
    try {
      this.store = await SnapshotStore.open();
      // The browser closed the connection (seen on a full disk right after a save it called
      // complete, which then never reached the disk): the last save may be lost, so save again.
      this.store.onClosed = () => {
        if (this.writer && !this.hooks.temporary()) this.changed();
      };
      return null;
    } catch {
      this.off = '不保存：浏览器不允许使用本地存储（IndexedDB）';
      return '浏览器不允许使用本地存储（IndexedDB），本次导入的资料在关闭页面后不会保留。';
    }
  }

  /**
   * This page will not save at all (the stored library is a newer build's, startup.ts): the store is
   * closed, so nothing of this page reaches it and a newer tab may upgrade it, and the writer lock
   * goes to another tab, so this one can neither hold it nor take it over later.
   */
  refuse(message: string): void {
    this.off = message;
    this.writer = false;
    this.lock.release();
    this.store?.close();
    this.store = null;
    this.report({ status: 'off', message });
  }

  load(): Promise<{ current?: SnapshotInfo; previous?: SnapshotInfo }> {
    return this.store ? this.store.load() : Promise.resolve({});
  }

  /** A file documents were read from, from the store (sourceFiles.ts). */
  readSource(hash: string): Promise<SourceRecord | undefined> {
    return this.store ? this.store.source(hash) : Promise.resolve(undefined);
  }

  /** A snapshot's file (one at a time: at 5,000 documents each is ~200 MB). */
  read(id: number): Promise<SnapshotRead> {
    return this.store ? this.store.read(id) : Promise.resolve({ damage: '浏览器不允许使用本地存储' });
  }

  /** A snapshot could not be opened: keep it aside (damaged); when it was current, the previous one becomes current. */
  async quarantine(id: number, reason: string): Promise<void> {
    await this.store?.quarantine(id, reason);
  }

  listDamaged(): Promise<DamagedInfo[]> {
    return this.store ? this.store.listDamaged() : Promise.resolve([]);
  }

  damagedBytes(id: number): Promise<Uint8Array | null> {
    return this.store ? this.store.damagedBytes(id) : Promise.resolve(null);
  }

  async discardDamaged(id: number): Promise<void> {
    await this.store?.discardDamaged(id);
  }

  /**
   * One writer across tabs: the first tab holds the lock for its lifetime; later tabs work in memory
   * and are told so, and take over when the writer tab closes (`onTakeover` reloads the library and
   * merges this tab's own changes into it).
   */
  async claimWriter(onTakeover: () => Promise<void>): Promise<boolean> {
    // `writer` is set by the takeover itself, once the library is merged: a save before that would
    // write this tab's library over what the other tab saved last.
    this.writer = await this.lock.claim(async () => {
      if (this.off !== null) return false;
      await onTakeover();
      return true;
    });
    return this.writer;
  }

  /** Something changed: save soon (or say why it will not be saved). */
  changed(): void {
    if (this.hooks.temporary()) {
      this.report({ status: 'temporary' });
      return;
    }
    this.dirty = true;
    if (this.off !== null) {
      this.report({ status: 'off', message: this.off, unsaved: true });
      return;
    }
    if (!this.writer || !this.store) {
      this.report({ status: 'readonly', unsaved: true });
      return;
    }
    // Said once per burst: after every file of one it was a message the page handled for nothing.
    if (this.last.status !== 'error' && this.last.status !== 'pending') this.report({ status: 'pending' });
    // A change after a failed save is the moment to try again at once ("retry on the next change").
    if (this.timer && this.last.status === 'error') this.clearTimer();
    if (!this.run) this.schedule();
  }

  /**
   * The next save: soon after a change, or while more changes are queued not sooner than the gap
   * after the last write began. A save already set for sooner stands; one set for later (during the
   * burst) is brought forward when the burst has ended.
   */
  private schedule(): void {
    const busy = this.hooks.busy?.() ?? false;
    const wait = busy ? Math.max(SAVE_COALESCE_MS, this.lastStarted + this.gapMs - Date.now()) : SAVE_COALESCE_MS;
    if (this.timer && this.timerAt <= Date.now() + wait) return;
    this.clearTimer();
    this.scheduledIn = wait;
    this.timerAt = Date.now() + wait;
    this.timer = setTimeout(() => void this.saveRun(false), wait);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.scheduledIn = null;
  }

  /**
   * Writes snapshots until nothing is left unsaved. Only then is 「已保存」 reported: a change made
   * while a snapshot was being written must not be announced as saved by that older write.
   */
  save(): Promise<SaveState> {
    return this.saveRun(true);
  }

  /**
   * `untilClean`: write again while changes came in during the write (a flush, save()). Otherwise
   * (the timer, during a burst) write once and leave later changes to the next timer, a gap away;
   * until then the state stays 「正在保存」.
   */
  private saveRun(untilClean: boolean): Promise<SaveState> {
    this.clearTimer();
    if (this.run) return untilClean ? this.run.then(() => this.saveRun(true)) : this.run;
    if (!this.dirty) return Promise.resolve(this.last);
    const store = this.store;
    if (this.off !== null) return Promise.resolve<SaveState>({ status: 'off', message: this.off, unsaved: true });
    if (!this.writer || !store) return Promise.resolve<SaveState>({ status: 'readonly', unsaved: true });
    this.run = (async (): Promise<SaveState> => {
      let state: SaveState = this.last;
      while (this.dirty) {
        this.dirty = false;
        this.lastStarted = Date.now();
        try {
          this.lastWrite = await writeSnapshot(store, this.hooks);
          state = { status: 'saved', savedAt: new Date().toISOString() };
        } catch (e) {
          this.dirty = true;
          state = { status: 'error', message: await describeFailure(e) };
          break;
        }
        if (!untilClean) break;
      }
      return state;
    })();
    return this.run.then((state) => {
      this.run = null;
      if (state.status === 'error') {
        this.report(state);
        this.timer = setTimeout(() => void this.save(), this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
        return state;
      }
      this.retryMs = RETRY_FIRST_MS;
      // Changes that came in during the write: not 已保存 yet, saved a gap later.
      if (this.dirty) {
        this.report({ status: 'pending' });
        if (!this.timer) this.schedule();
        return { status: 'pending' } as SaveState;
      }
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
