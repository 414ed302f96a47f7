import type { ImportFileResult } from '../../lib/db/protocol';
import type { LibraryState } from './library.svelte';

export interface ImportItem {
  fileName: string;
  result: ImportFileResult | null;
}

/**
 * The import queue: files are read one at a time in the database worker (parsing never runs on
 * the main thread), so the progress bar moves per file and a large batch can be cancelled between
 * files without leaving a half-imported document behind.
 */
export class ImportState {
  items = $state.raw<ImportItem[]>([]);
  done = $state(0);
  total = $state(0);
  running = $state(false);
  private cancelled = false;

  constructor(private readonly library: LibraryState) {}

  async importFiles(files: readonly File[]): Promise<void> {
    const readable = files.filter((f) => !f.name.startsWith('.'));
    if (!readable.length) return;
    await this.run(readable.map((f) => ({ name: f.webkitRelativePath || f.name, bytes: () => f.arrayBuffer() })));
  }

  async importText(text: string, name = '粘贴的文本'): Promise<void> {
    const bytes = new TextEncoder().encode(text);
    await this.run([{ name, bytes: async () => bytes.buffer as ArrayBuffer }]);
  }

  cancel(): void {
    this.cancelled = true;
  }

  clear(): void {
    if (!this.running) this.items = [];
  }

  private async run(jobs: { name: string; bytes: () => Promise<ArrayBuffer> }[]): Promise<void> {
    this.cancelled = false;
    this.running = true;
    this.done = 0;
    this.total = jobs.length;
    this.items = [];
    try {
      for (const job of jobs) {
        if (this.cancelled) break;
        let result: ImportFileResult;
        try {
          const bytes = new Uint8Array(await job.bytes());
          result = await this.library.db.call({ type: 'importFile', fileName: job.name, bytes }, [bytes.buffer]);
        } catch (e) {
          result = { status: 'error', message: `「${job.name}」无法读取：${(e as Error).message}` };
        }
        this.items = [...this.items, { fileName: job.name, result }];
        this.done++;
        if (result.status === 'added') await this.library.refresh();
      }
    } finally {
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
