import type { SqlJsStatic } from 'sql.js';
import type { LibraryDb } from '../db/library';
import type { StoredDocument } from '../model/document';
import type { Baseline } from '../db/merge';
import { auditPending } from './audits';
import { liveChunksOf, type LiveChunks } from './liveFile';
import type { Persistence } from './persistence';
import type { Reply, Request, RequestOf, RequestType, Responses } from './protocol';
import { KeptSources } from './sourceFiles';

/**
 * What the database worker holds, in one place rather than in module-level variables: the sql.js
 * engine, the library it answers from, the user's own library while a share link's data is shown,
 * and persistence. The handlers (imports, libraries, queries) share it.
 */
export class WorkerState {
  SQL!: SqlJsStatic;
  lib!: LibraryDb;
  /** While a share link's data is shown, the user's own library waits here, untouched. */
  ownLib: LibraryDb | null = null;
  persistence!: Persistence;
  /** While another tab writes: the library this tab started from, to tell its own changes apart (db/merge.ts). */
  base: Baseline | null = null;
  /** The files documents were read from, kept beside the snapshots (every library of the user's opens with it). */
  readonly sources = new KeptSources((hash) => this.persistence.readSource(hash));
  /** Files waiting in the request queue behind the one being stored: a burst is on (saves are spaced out). */
  filesWaiting = 0;
  /** Documents imported in this burst whose audit waits for the burst's next files (imported()). */
  private unaudited: { touched: Set<string>; stored: Map<string, StoredDocument> } | null = null;
  /** Told after every change, once the change is audited and its save is asked for, with the documents it stored as they are in memory where it has them (worker.ts: the 横比 warm-up). */
  afterChange: ((stored?: ReadonlyMap<string, StoredDocument>) => void) | null = null;

  /** Each library object's written chunks since its last save (liveFile.ts); none where sql.js hides its files. */
  private readonly live = new WeakMap<LibraryDb, LiveChunks | null>();

  constructor(readonly post: (reply: Reply) => void) {}

  /**
   * The tracker of `lib`: the one it was opened with (`adopt`), else one begun now, which knows no
   * snapshot yet (the next save takes the whole file: a created, imported or merged library).
   */
  liveOf(lib: LibraryDb): LiveChunks | null {
    if (!this.live.has(lib)) this.live.set(lib, liveChunksOf(this.SQL, lib.db));
    return this.live.get(lib) ?? null;
  }

  /**
   * `lib`'s tracker as it was opened. Without one (the sample, an empty start, a merge), none is
   * pinned: liveOf begins one at the next save, which takes the whole live file once and chunks
   * after. Pinning null made every save of a library that began as the sample — a first visit's —
   * export the whole file (issue 17: most of the database worker's time importing 100 files).
   */
  adopt(lib: LibraryDb, live: LiveChunks | null): void {
    if (live) this.live.set(lib, live);
    else this.live.delete(lib);
  }

  /**
   * Every change to the library passes here, and the pipeline's last steps run in order: the audit
   * of what changed and of the documents related to it (only those: auditPending), then the save.
   * Reads of audit results never see a stale one. `touched`: the documents the change added or
   * marked for audit, where it knows them (imports, removals), so that the audit need not look
   * through the whole library for them (auditPending); `stored`: documents it stored as they are in
   * memory, which the audit need not read back.
   */
  changed(touched?: readonly string[], stored?: ReadonlyMap<string, StoredDocument>): void {
    auditPending(this.lib, touched, stored);
    this.persistence.changed();
    this.afterChange?.(stored);
  }

  /**
   * A file's import (importHandlers.ts): like changed(), but while more files of its burst wait
   * in the queue, its audit waits for theirs, up to AUDIT_WITH_UP_TO documents. One audit of a
   * burst's files takes each other's documents from memory where a file alone read its neighbours
   * back from SQL (the same unit's other years, its department), and looks them up once: 100
   * synthetic files audited in 167 ms instead of 237–262 ms (Node, warm). auditImported() runs
   * what waits before any other request (worker.ts), so every read sees the library audited.
   */
  imported(touched: readonly string[], stored: ReadonlyMap<string, StoredDocument>): void {
    const waiting = (this.unaudited ??= { touched: new Set(), stored: new Map() });
    for (const id of touched) {
      waiting.touched.add(id);
      // Changed by this file but not as read from it (a narrative PDF joined to the tables an
      // earlier file of the burst brought): what waits in memory is no longer the document. Read back.
      if (!stored.has(id)) waiting.stored.delete(id);
    }
    for (const [id, doc] of stored) waiting.stored.set(id, doc);
    if (this.filesWaiting > 0 && waiting.touched.size < AUDIT_WITH_UP_TO) {
      this.persistence.changed();
      this.afterChange?.(stored);
      return;
    }
    this.unaudited = null;
    auditPending(this.lib, [...waiting.touched], waiting.stored);
    this.persistence.changed();
    this.afterChange?.(stored);
  }

  /**
   * Before anything but the next file of a burst: what the burst's imports left waiting is audited
   * (auditImported) and the transaction they share is committed (endBurst).
   */
  settle(): void {
    this.auditImported();
    this.endBurst();
  }

  /**
   * Commits the transaction a burst's files share (db/transactions.ts): before any other request
   * reads the library and before a save or an export takes its file.
   */
  endBurst(): void {
    this.lib?.endBurst();
    this.ownLib?.endBurst();
  }

  /** Audits what imports left waiting (imported()); nothing when none wait. */
  auditImported(): void {
    const waiting = this.unaudited;
    if (!waiting) return;
    this.unaudited = null;
    try {
      auditPending(this.lib, [...waiting.touched], waiting.stored);
    } catch {
      // Not the business of the request it runs before. Nothing is lost: the library is no longer
      // taken as settled (auditPending), so the next read of audit results looks through every
      // document, audits these again and reports what fails to the page.
    }
    this.persistence.changed();
  }
}

/**
 * Documents of a burst audited together at most (imported()): their parsed forms wait in memory
 * until then. The page reads the list once a second during a burst, which audits what waits anyway.
 */
export const AUDIT_WITH_UP_TO = 50;

/** One handler per request type; `id` is the request's, for the progress events it sends. */
export type Handlers = { [T in Request['type']]: (req: RequestOf<T>, id: number) => Promise<Responses[T]> | Responses[T] };
export type HandlersFor<K extends RequestType> = Pick<Handlers, K>;
