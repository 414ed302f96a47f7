import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { DbClient } from '../../lib/worker/client';

/**
 * The PDF of the document whose pages are on screen, opened once with pdf.js on the page's side
 * (loaded on demand; rendering needs a canvas, which the database worker does not have). Only the
 * last document stays open: its bytes are also in the library, so reopening is cheap.
 */
let open: { key: string; doc: Promise<PDFDocumentProxy | null> } | null = null;

/** The PDF of a document, or of a row's other file (`file`: a narrative PDF joined to its tables). */
export function pdfOf(db: DbClient, docId: string, file: string | null = null): Promise<PDFDocumentProxy | null> {
  const key = `${docId}\n${file ?? ''}`;
  if (open?.key === key) return open.doc;
  const previous = open;
  const doc = load(db, docId, file).catch((e: unknown) => {
    // A failed open is not kept: the next click tries again.
    if (open?.key === key) open = null;
    throw e;
  });
  open = { key, doc };
  void previous?.doc.then((d) => d?.destroy()).catch(() => undefined);
  return open.doc;
}

async function load(db: DbClient, docId: string, file: string | null): Promise<PDFDocumentProxy | null> {
  const bytes = await db.call({ type: 'sourcePdf', docId, file });
  if (!bytes) return null;
  const { pdfjs, pdfjsParams } = await import('../../lib/ingest/pdf/browser');
  return pdfjs.getDocument({ ...pdfjsParams, isEvalSupported: false, verbosity: 0, data: bytes }).promise;
}
