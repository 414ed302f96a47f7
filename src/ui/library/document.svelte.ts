import type { FigureRow } from '../../lib/worker/protocol';
import type { LibraryState } from '../state/library.svelte';
import { sourceOf } from '../source/source.svelte';

/**
 * An import warning as the view reads it. `page` is set for a PDF; `table` and `rowCode` are
 * structured fields the importer may add (ImportWarning): used when present, never required.
 */
export interface DocWarning {
  message: string;
  line: number | null;
  page?: number | null;
  table?: string | null;
  rowCode?: string | null;
  /** What the warning is about (ImportWarning.kind) and the table's title as printed. */
  kind?: string | null;
  title?: string | null;
  /** The file its line and page count in, when not the document's own (a narrative joined from another PDF). */
  file?: string | null;
}

/** One document opened in the library: its figures and import warnings, read from the worker. */
export class DocumentState {
  figures = $state.raw<FigureRow[]>([]);
  warnings = $state.raw<DocWarning[]>([]);
  error = $state<string | null>(null);
  private asked: string | null = null;

  constructor(private readonly library: LibraryState) {}

  async load(docId: string): Promise<void> {
    this.asked = docId;
    try {
      const [f, w] = await Promise.all([sourceOf(this.library).figures(docId), this.library.db.call({ type: 'warnings', docId })]);
      if (this.asked !== docId) return;
      this.figures = f;
      this.warnings = w;
      this.error = null;
    } catch (e) {
      if (this.asked === docId) this.error = `文档内容读取失败：${(e as Error).message}`;
    }
  }
}
