import { unpackImport } from './packedFigures';
import { parseJob, type ParseOutcome, type ParseReply } from './parseJob';

/**
 * The parse pool (issue 17): one worker per spare core (navigator.hardwareConcurrency − 1, at
 * least one), started by the database worker before the first file (prestart), which keeps the SQL. A file is
 * handed to the least busy worker as soon as its request arrives, ahead of the request queue, so
 * the next files of a burst are read while the database worker stores and audits the previous ones.
 *
 * Where workers can't be started (Node, tests) or one fails, the file is read here instead: a
 * worker that dies never loses a file.
 */
interface Slot { worker: Worker; jobs: Map<number, (outcome: ParseOutcome | null) => void> }

export class ParsePool {
  private slots: Slot[] | null = null;
  private nextJob = 1;

  constructor(private readonly start: (() => Worker) | null, private readonly size: number) {}

  /** What `file` reads as, from a pool worker, or from this thread where none can take it. */
  async parse(file: Blob, fileName: string): Promise<ParseOutcome> {
    const slot = this.leastBusy();
    if (!slot) return parseJob(file, fileName);
    const job = this.nextJob++;
    const outcome = await new Promise<ParseOutcome | null>((resolve) => {
      slot.jobs.set(job, resolve);
      slot.worker.postMessage({ job, file, fileName });
    });
    return outcome ?? parseJob(file, fileName);
  }

  /**
   * Starts the workers before the first file (worker.ts: the sample's texts, or a moment after a
   * library opens), so a burst's first files are not read while the pool's code loads: a pool
   * started by the first of 100 files left the database worker idle for its first ~300 ms, and
   * its parser ran cold (issue 17). A started worker costs its memory whether or not files come.
   */
  prestart(): void {
    if (this.start) this.slots ??= Array.from({ length: this.size }, () => this.slot());
  }

  private leastBusy(): Slot | null {
    if (!this.start) return null;
    this.prestart();
    return (this.slots ?? []).reduce<Slot | null>((best, s) => (!best || s.jobs.size < best.jobs.size ? s : best), null);
  }

  private slot(): Slot {
    const worker = this.start!();
    const slot: Slot = { worker, jobs: new Map() };
    worker.onmessage = (e: MessageEvent<ParseReply>) => {
      const reply = e.data;
      const resolve = slot.jobs.get(reply.job);
      slot.jobs.delete(reply.job);
      resolve?.(reply.pass ? { pass: true } : { pass: false, read: unpackImport(reply.read) });
    };
    // A worker that fails (it could not load, or crashed) is dropped; its files are read here.
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      this.slots = this.slots?.filter((s) => s !== slot) ?? null;
      for (const resolve of slot.jobs.values()) resolve(null);
      slot.jobs.clear();
    };
    return slot;
  }
}

/** One worker per spare core, at least one. */
export function poolSize(cores = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, (cores || 1) - 1);
}
