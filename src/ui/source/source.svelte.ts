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
  /** The file the line and page count in, when not the document's own (FigureRow.file: a narrative PDF joined to its tables). */
  file?: string | null;
}

/** Where the reference is in the original: the PDF page and the cell's box on it, and the text line, in `file` (null: the document's own). */
export interface Located {
  page: number | null;
  box: Box | null;
  line: number | null;
  file: string | null;
  /** The name of that file, when it is not the document's own and known. */
  fileName?: string | null;
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

  lines(docId: string, line: number, context = 3, file: string | null = null): Promise<{ line: number; text: string }[]> {
    return this.db.call({ type: 'sourceLines', docId, line, context, file });
  }

  pdf(docId: string, file: string | null = null): Promise<PDFDocumentProxy | null> {
    return pdfOf(this.db, docId, file);
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
   * box around its cells on the page. A figure's keys name its file too; a line or a row counts in
   * the reference's file (none given: the document's own), since two files have lines of one number.
   */
  async locate(ref: SourceRef): Promise<Located> {
    const file = ref.file ?? null;
    const figure = !!(ref.table && ref.rowCode && ref.column);
    // A page given is where to look, in the file given; a figure given without its file is looked up for it.
    const rows = await this.figures(ref.docId);
    if (ref.page && (ref.file !== undefined || !figure)) {
      const fileName = file === null ? null : (rows.find((f) => f.file === file)?.fileName ?? null);
      return { page: ref.page, box: ref.box ?? null, line: ref.line ?? null, file, fileName };
    }
    const exact = figure
      ? rows.find((f) => f.table === ref.table && f.rowCode === ref.rowCode && f.column === ref.column)
      : undefined;
    const inFile = rows.filter((f) => f.file === file);
    const hits = exact ? [exact]
      : ref.line ? inFile.filter((f) => f.line === ref.line)
      : ref.table && ref.rowCode ? inFile.filter((f) => f.table === ref.table && f.rowCode === ref.rowCode)
      : [];
    const first = hits.find((f) => f.page !== null) ?? hits[0];
    if (!first) return { page: null, box: null, line: ref.line ?? null, file };
    const boxes = hits.filter((f) => f.page === first.page && f.box).map((f) => f.box!);
    return { page: first.page, box: boxes.length ? union(boxes) : null, line: ref.line ?? first.line, file: first.file, fileName: first.fileName };
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
