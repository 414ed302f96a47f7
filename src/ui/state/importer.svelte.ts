import type { CsvImportResult, ImportFileResult, ProgressUnit } from '../../lib/worker/protocol';
import type { LibraryState } from './library.svelte';

export interface ImportItem {
  fileName: string;
  /** `bundle`: a ZIP of files, what it held; its files are items of their own after it. */
  result: ImportFileResult | { status: 'bundle'; message: string } | null;
}

/** A file to send: `depth`, how many ZIPs it was taken out of (protocol.ts importFile). */
interface Job {
  name: string;
  file: Blob;
  depth: number;
}

/**
 * The import queue: files are read in the workers (parsing never runs on the main thread; the
 * database worker's parse pool reads the next files while it stores one), stored one at a time,
 * so the progress bar moves per file and a large batch can be cancelled between files without
 * leaving a half-imported document behind.
 */
/** A CSV whose bad rows are listed, waiting for the user: import the good rows, or nothing. */
export interface PendingCsv {
  fileName: string;
  result: Extract<CsvImportResult, { status: 'confirm' }>;
  decide: (accept: boolean) => void;
}

/** How often the library list is read again while a burst of files comes in. */
const REFRESH_MS = 1000;
/**
 * How often the results list and the progress bar are drawn while a burst comes in. Drawn after
 * every file, the growing list's layout and paint were most of the main thread's work of a burst
 * (~17 ms per file, on the 2 cores the workers need).
 */
const DRAW_MS = 200;

/**
 * Files sent to the worker ahead of their turn: a few for each worker of its parse pool (one per
 * spare core), so that no worker waits for the page's round trip (a result drawn here, the next file
 * sent) before it has work again. With one file per pool worker, 100 files took ~1.9 s where the
 * workers' CPU alone allowed ~1.1 s on 2 cores (issue 17). A file in flight is only a Blob handle
 * and, once read, its documents; 取消 answers the ones sent with 已取消.
 */
const IN_FLIGHT = 2 * Math.max(1, (globalThis.navigator?.hardwareConcurrency || 2) - 1) + 4;

export class ImportState {
  items = $state.raw<ImportItem[]>([]);
  /** Bytes read of the file being streamed (large CSV), or pages read of a PDF, for a second progress bar. */
  fileProgress = $state.raw<{ loaded: number; total: number } | null>(null);
  /** What fileProgress counts: a CSV's bytes or a PDF's pages. */
  progressUnit = $state<ProgressUnit>('bytes');
  pendingCsv = $state.raw<PendingCsv | null>(null);
  done = $state(0);
  total = $state(0);
  running = $state(false);
  private cancelled = false;

  constructor(private readonly library: LibraryState) {}

  async importFiles(files: readonly File[]): Promise<void> {
    const readable = files.filter((f) => !f.name.startsWith('.'));
    if (!readable.length) return;
    await this.run(readable.map((f) => ({ name: f.webkitRelativePath || f.name, file: f, depth: 0 })));
  }

  async importText(text: string, name = '粘贴的文本'): Promise<void> {
    await this.run([{ name, file: new Blob([text], { type: 'text/plain' }), depth: 0 }]);
  }

  cancel(): void {
    this.cancelled = true;
    void this.library.db.call({ type: 'cancelImport' });
    this.pendingCsv?.decide(false);
  }

  /**
   * Every file goes the one way in (the worker's importFile, which tells its kind by content); only
   * this request's progress moves the bar.
   */
  private send({ file, name, depth }: Job): Promise<CsvImportResult> {
    return this.library.db.call({ type: 'importFile', fileName: name, file, depth }, [], (loaded, total, unit) => {
      this.progressUnit = unit;
      this.fileProgress = { loaded, total };
    }).catch((e: Error): CsvImportResult => ({ status: 'error', message: `「${name}」无法读取：${e.message}` }));
  }

  /**
   * A FORMAT CSV with bad rows waits for the user: the good rows, or nothing; until then nothing is
   * in the library, so a cancel leaves nothing behind.
   */
  private async settle(first: Exclude<CsvImportResult, { status: 'bundle' }>, name: string): Promise<ImportFileResult> {
    if (first.status !== 'confirm') return first;
    try {
      const accept = await new Promise<boolean>((decide) => (this.pendingCsv = { fileName: name, result: first, decide }));
      this.pendingCsv = null;
      return await this.library.db.call({ type: 'settleCsv', token: first.token, accept });
    } catch (e) {
      return { status: 'error', message: `「${name}」无法读取：${(e as Error).message}` };
    }
  }

  clear(): void {
    if (!this.running) this.items = [];
  }

  private run(jobs: Job[]): Promise<void> {
    // From the moment files are picked, leaving the page asks first (LibraryState.unsaved).
    return this.library.changing(() => this.runJobs(jobs));
  }

  private async runJobs(picked: readonly Job[]): Promise<void> {
    // A ZIP's files join the end of the queue as it is opened (its result says what it held).
    const jobs = [...picked];
    this.cancelled = false;
    this.running = true;
    this.done = 0;
    this.total = jobs.length;
    this.items = [];
    let listedAt = -Infinity;
    // Results wait here until the next draw (DRAW_MS); the last are drawn when the burst ends.
    const results: ImportItem[] = [];
    let drawTimer: ReturnType<typeof setTimeout> | null = null;
    const draw = () => {
      if (drawTimer) clearTimeout(drawTimer);
      drawTimer = null;
      if (results.length === this.items.length) return;
      this.items = results.slice();
      this.done = results.length;
    };
    // A few files in flight: the worker's parse pool reads the next ones while the database worker
    // stores the current one. Results are taken in order; a 取消 sends no more, and the worker
    // answers the ones already sent with 已取消 (or their result, if they were done).
    const sent: Promise<CsvImportResult>[] = [];
    const fill = () => {
      while (!this.cancelled && sent.length < jobs.length && sent.length < results.length + IN_FLIGHT) {
        const job = jobs[sent.length];
        sent.push(this.send(job));
      }
    };
    try {
      for (let i = 0; i < jobs.length; i++) {
        fill();
        if (i >= sent.length) break;
        const job = jobs[i];
        const first = await sent[i];
        if (first.status === 'bundle') {
          jobs.push(...first.files.map((f) => ({ name: f.name, file: f.file, depth: job.depth + 1 })));
          this.total = jobs.length;
          this.fileProgress = null;
          results.push({ fileName: job.name, result: { status: 'bundle', message: first.message } });
          draw();
          continue;
        }
        const result = await this.settle(first, job.name);
        this.fileProgress = null;
        results.push({ fileName: job.name, result });
        // A file that waited for the user (a CSV to confirm), or the only file, is shown at once.
        if (jobs.length === 1 || result !== first) draw();
        else drawTimer ??= setTimeout(draw, DRAW_MS);
        // The library list (and the audit badges it asks for) is read whole: after every file of a
        // burst it made each file cost more as the library grew (issue 17). Once a second, and at the end.
        // Not awaited: it waits in the worker's queue behind the files in flight.
        // Not after the last file: the end of the burst reads it (twice was 1.4 MB more at 5,000 documents).
        if (result.status === 'added' && i < jobs.length - 1 && performance.now() - listedAt >= REFRESH_MS) {
          listedAt = performance.now();
          void this.library.refresh().catch(() => undefined);
        }
      }
    } finally {
      draw();
      this.running = false;
      await this.library.refresh();
    }
  }
}

/** Files of a dropped folder, recursively (DataTransfer gives entries, not files, for folders). */
export async function filesFromDrop(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.length) return [...dt.files];
  const files: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      files.push(await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej)));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries returns at most ~100 entries per call; keep reading until it returns none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const e of entries) await walk(e);
  return files;
}
