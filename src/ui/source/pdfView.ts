import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { DbClient } from '../../lib/db/client';

/**
 * The PDF of the document whose pages are on screen, opened once with pdf.js on the page's side
 * (loaded on demand; rendering needs a canvas, which the database worker does not have). Only the
 * last document stays open: its bytes are also in the library, so reopening is cheap.
 */
let open: { docId: string; doc: Promise<PDFDocumentProxy | null> } | null = null;

export function pdfOf(db: DbClient, docId: string): Promise<PDFDocumentProxy | null> {
  if (open?.docId === docId) return open.doc;
  const previous = open;
  const doc = load(db, docId).catch((e: unknown) => {
    // A failed open is not kept: the next click tries again.
    if (open?.docId === docId) open = null;
    throw e;
  });
  open = { docId, doc };
  void previous?.doc.then((d) => d?.destroy()).catch(() => undefined);
  return open.doc;
}

async function load(db: DbClient, docId: string): Promise<PDFDocumentProxy | null> {
  const bytes = await db.call({ type: 'sourcePdf', docId });
  if (!bytes) return null;
  const { pdfjs, pdfjsParams } = await import('../../lib/ingest/pdf/browser');
  return pdfjs.getDocument({ ...pdfjsParams, isEvalSupported: false, verbosity: 0, data: bytes }).promise;
}
