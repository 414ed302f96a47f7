import { DbClient } from '../../lib/worker/client';
import type { DocumentSummary } from '../../lib/worker/protocol';
import type { ListCursor, SaveState } from '../../lib/worker/protocol';
import { patchList } from '../../lib/worker/documentList';
import { AnswerMemo } from './answers';

/**
 * The library as the page sees it: the document list (a new array after each change, hence
 * $state.raw), start-up notices and the save state reported by the worker.
 */
export class LibraryState {
  readonly db: DbClient;
  documents = $state.raw<DocumentSummary[]>([]);
  ready = $state(false);
  fatal = $state<string | null>(null);
  notices = $state<string[]>([]);
  save = $state.raw<SaveState>({ status: 'saved', savedAt: '' });
  writer = $state(true);
  restoredFrom = $state<string>('');
  /**
   * While the bundled sample's texts are read after its documents are on screen (a first visit):
   * its tables, projects and warnings arrive with them, so the list shows them as coming, not as 0.
   */
  sampleReading = $state(false);
  /** The bundled sample's documents still in the library (source kind 'sample'), for the banner. */
  sampleDocs = $derived(this.documents.filter((d) => d.sourceKind === 'sample'));

  /** Where the list on screen stands in the worker's record of changes (db/listChanges.ts). */
  private listed: ListCursor | null = null;

  /** Work on the page that will change the library (files picked and being read): see `unsaved`. */
  private busy = 0;

  /** The views' last answers, for going back to a view on an unchanged library. */
  readonly answers: AnswerMemo;

  constructor() {
    this.db = new DbClient({
      onSave: (s) => (this.save = s),
      onWriter: (notice) => {
        this.writer = true;
        this.notices = [...this.notices, notice];
        void this.refresh();
      },
    });
    this.answers = new AnswerMemo(this.db, () => this.documents);
    // Leaving the page while a change has not reached the disk loses it: the browser asks first.
    // Registered at once: a file picked a moment before a reload is already a change (issue 14).
    addEventListener('beforeunload', (e) => {
      if (!this.unsaved) return;
      e.preventDefault();
      e.returnValue = true; // older browsers ask only when this is set
    });
  }

  /** Whether anything would be lost if the page went away now. */
  get unsaved(): boolean {
    const s = this.save;
    return this.busy > 0 || this.db.changesInFlight > 0 || s.status === 'pending' || s.status === 'error' || ((s.status === 'readonly' || s.status === 'off') && !!s.unsaved);
  }

  /** Runs page-side work that ends in a change (reading picked files before they reach the worker). */
  async changing<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work();
    } finally {
      this.busy--;
    }
  }

  async init(): Promise<void> {
    try {
      // A first visit's sample: its documents' figures (FORMAT CSV, 13 KB gzip) before anything is on
      // screen, their source texts (80 KB) only after (issue 17, first visit ≤ 500 KB).
      const sampleUrl = new URL('data/seeds.csv', document.baseURI).href;
      const result = await this.db.call({ type: 'init', sampleUrl, buildId: __BUILD_ID__ });
      this.notices = result.notices;
      this.writer = result.writer;
      this.restoredFrom = result.restoredFrom;
      this.sampleReading = result.restoredFrom === 'sample';
      await this.refresh();
      this.ready = true;
      if (this.sampleReading) void this.readSampleTexts();
      // Last chance for a pending change when the tab goes away; the write is usually fast enough.
      addEventListener('pagehide', () => void this.flush().catch(() => undefined));
    } catch (e) {
      this.fatal = `资料库无法启动：${(e as Error).message}`;
    }
  }

  /** The sample's texts, once its documents have been painted (two frames: the list is on screen). */
  private async readSampleTexts(): Promise<void> {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    try {
      await this.db.call({ type: 'sampleTexts', url: new URL('data/sample.json', document.baseURI).href });
    } catch (e) {
      this.notices = [...this.notices, `示例数据的原文未能读取：${(e as Error).message}`];
    } finally {
      this.sampleReading = false;
      await this.refresh();
    }
  }

  /**
   * Reads the list again: only the documents changed since the last read (worker/documentList.ts).
   * The whole list after every burst cost the worker 14–19 ms at 5,000 documents, and the page a
   * new copy of every row (issue 17). The array is replaced only when something in it changed.
   */
  async refresh(): Promise<void> {
    const answer = await this.db.call({ type: 'listDocuments', since: this.listed });
    const next = patchList(this.documents, this.listed, answer);
    if (!next) return;
    this.listed = next.cursor;
    this.documents = next.documents;
  }

  async remove(docId: string): Promise<void> {
    await this.db.call({ type: 'removeDocument', docId });
    await this.refresh();
  }

  /** One click from the sample to an empty library of one's own: removes every sample document. */
  async clearSample(): Promise<void> {
    for (const d of this.sampleDocs) await this.db.call({ type: 'removeDocument', docId: d.docId });
    await this.refresh();
  }

  /** Saves now instead of after the debounce: before an update reloads the page, for example. */
  flush(): Promise<SaveState> {
    return this.db.call({ type: 'flush' });
  }

  dismissNotice(i: number): void {
    this.notices = this.notices.filter((_, j) => j !== i);
  }
}
