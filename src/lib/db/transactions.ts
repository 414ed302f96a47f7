import type { Database } from 'sql.js';
import type { SourceJournal } from './sources';

/**
 * A library's transactions: savepoints, so that one may hold others, with the source files they
 * journaled reaching their keeper when the outermost commits and not at all when it rolls back.
 *
 * A burst (issue 17): the files of one pick are stored one transaction each, and each commit wrote
 * every page it dirtied to the library file, the same B-tree pages again and again (100 files into
 * 300: 19.2 MB written, 4,678 page writes). Files of a burst may share one outer savepoint instead
 * (7.5 MB, 1,827), each still all-or-nothing inside it. The burst is committed before anything
 * else looks at the library: any other request, a save, an export (worker/state.ts endBurst).
 */
export class Transactions {
  private depth = 0;
  private burst = false;

  constructor(private readonly db: Database, private readonly journal: SourceJournal) {}

  /** All of `fn` or nothing. */
  run<T>(fn: () => T): T {
    const mark = this.journal.mark();
    this.db.exec('SAVEPOINT tx');
    this.depth++;
    let out: T;
    try {
      out = fn();
      this.db.exec('RELEASE tx');
    } catch (e) {
      this.db.exec('ROLLBACK TO tx; RELEASE tx');
      this.journal.rollback(mark);
      throw e;
    } finally {
      this.depth--;
    }
    if (this.depth === 0) this.journal.commit(this.db);
    return out;
  }

  /** Opens the burst's savepoint, unless it is open: the transactions that follow commit into it. */
  beginBurst(): void {
    if (this.burst || this.depth > 0) return;
    this.db.exec('SAVEPOINT burst');
    this.burst = true;
    this.depth++;
  }

  /**
   * Commits the burst, if one is open. Only between transactions: releasing the outer savepoint
   * inside one would release its own with it.
   */
  endBurst(): void {
    if (!this.burst) return;
    if (this.depth !== 1) throw new Error('endBurst inside a transaction');
    this.db.exec('RELEASE burst');
    this.burst = false;
    this.depth = 0;
    this.journal.commit(this.db);
  }
}
