import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { DbClient } from '../../lib/worker/client';
import type { FigureRow } from '../../lib/worker/protocol';
import type { LibraryState } from '../state/library.svelte';
import { pdfOf } from './pdfView';

export type Box = [number, number, number, number];

/** What to show the source of: a figure (table, row, column), an audit finding (line), a warning (page, line). */
export interface SourceRef {
  docId: string;
  table?: string;
  rowCode?: string;
  column?: string;
  line?: number | null;
  page?: number | null;
  box?: Box | null;
}

/** Where the reference is in the original: the PDF page and the cell's box on it, and the text line. */
export interface Located {
  page: number | null;
  box: Box | null;
  line: number | null;
}

/**
 * The original documents behind the figures, from the database worker: text lines around a line,
 * a PDF's bytes (opened with pdf.js on this side, for a canvas), and the page and cell box of a
 * figure. One per library (sourceOf), so every view that shows a source shares the open PDF and
 * the figures of the last document looked up.
 */
export class SourceState {
  private figs: { docId: string; rows: Promise<FigureRow[]> } | null = null;

  constructor(private readonly db: DbClient) {}

  lines(docId: string, line: number, context = 3): Promise<{ line: number; text: string }[]> {
    return this.db.call({ type: 'sourceLines', docId, line, context });
  }

  pdf(docId: string): Promise<PDFDocumentProxy | null> {
    return pdfOf(this.db, docId);
  }

  /** Forgets the cached figures: a layout profile saved, renamed or deleted changes documents' figures. */
  forgetFigures(): void {
    this.figs = null;
  }

  /** A document's figures (the last document asked for stays cached; only a layout profile changes them: forgetFigures). */
  figures(docId: string): Promise<FigureRow[]> {
    if (this.figs?.docId !== docId) {
      const rows = this.db.call({ type: 'figures', docId });
      rows.catch(() => {
        if (this.figs?.rows === rows) this.figs = null;
      });
      this.figs = { docId, rows };
    }
    return this.figs.rows;
  }

  /**
   * The page and cell of a reference. A figure is found by its keys; a finding or warning by its
   * line, where the importer gives every PDF cell a line of its own; a row without a column is the
   * box around its cells on the page.
   */
  async locate(ref: SourceRef): Promise<Located> {
    if (ref.page) return { page: ref.page, box: ref.box ?? null, line: ref.line ?? null };
    const rows = await this.figures(ref.docId);
    const exact = ref.table && ref.rowCode && ref.column
      ? rows.find((f) => f.table === ref.table && f.rowCode === ref.rowCode && f.column === ref.column)
      : undefined;
    const hits = exact ? [exact]
      : ref.line ? rows.filter((f) => f.line === ref.line)
      : ref.table && ref.rowCode ? rows.filter((f) => f.table === ref.table && f.rowCode === ref.rowCode)
      : [];
    const first = hits.find((f) => f.page !== null) ?? hits[0];
    if (!first) return { page: null, box: null, line: ref.line ?? null };
    const boxes = hits.filter((f) => f.page === first.page && f.box).map((f) => f.box!);
    return { page: first.page, box: boxes.length ? union(boxes) : null, line: ref.line ?? first.line };
  }
}

function union(boxes: readonly Box[]): Box {
  return [
    Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
  ];
}

const states = new WeakMap<LibraryState, SourceState>();

export function sourceOf(library: LibraryState): SourceState {
  let s = states.get(library);
  if (!s) states.set(library, (s = new SourceState(library.db)));
  return s;
}
