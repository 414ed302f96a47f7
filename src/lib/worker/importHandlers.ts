import { readFormatCsvStream } from '../ingest/csvStream';
import type { FileImport } from '../ingest/file';
import { importFile } from './reader';
import type { OcrStart } from '../ingest/ocr/types';
import type { PdfOpen } from '../ingest/pdf/types';
import type { StoredDocument } from '../model/document';
import { removeDocument } from './audits';
import { kindOf, sqliteHere, startsAsZip } from './entry';
import { addImported } from './imports';
import { withProfiles } from './profileHandlers';
import { ParsePool } from './parsePool';
import type { ParseOutcome } from './parseJob';
import type { CsvImportResult, ImportFileResult, ProgressUnit, RequestOf } from './protocol';
import type { HandlersFor, WorkerState } from './state';

/** The documents an import added or joined a part to: all that it leaves waiting for an audit. */
function touchedBy(result: Extract<ImportFileResult, { status: 'added' }>): string[] {
  return result.docs.map((d) => d.docId);
}

export type EntryRead = { ok: true; docs: StoredDocument[] } | { ok: false; error: string };

/**
 * Files in: the one way in (importFile, which tells a file's kind by content, worker/entry.ts), the
 * CSV decision (settleCsv), cancel, documents given whole (an archive's) and removal.
 */
export function importHandlers(w: WorkerState, pool: ParsePool = new ParsePool(null, 1)) {
  // 取消 stops every import requested before it: with a burst in flight (the page sends the next
  // files ahead, so the pool can read them), the ones queued behind the running one too.
  let cancelUpTo = 0;
  let running = 0;
  const importCancelled = () => running < cancelUpTo;
  /** Files handed to the pool as their requests arrived, by request id (readAhead). */
  const ahead = new Map<number, Promise<ParseOutcome>>();
  // pdf.js is loaded on the first PDF only (pdf/browser.ts), and runs where it can be stopped
  // (pdf/stoppable.ts): a page over its time limit or a 取消 ends its worker at once, so a damaged
  // file never holds this worker (and every request behind it).
  let pdfOpener: PdfOpen | null = null;
  const openPdf: PdfOpen = async (bytes) => {
    pdfOpener ??= (await import('../ingest/pdf/browser')).pdfOpenerBrowser({ cancelled: importCancelled });
    return pdfOpener(bytes);
  };
  // OCR (tesseract.js and its models) is loaded on the first scanned page only (ocr/browser.ts).
  const startOcr: OcrStart = async () => (await import('../ingest/ocr/browser')).startOcrBrowser();
  let stagedToken = 0;
  // By token: with files in flight, a second CSV may wait for the user while the first does.
  const staged = new Map<number, { fileName: string; docs: StoredDocument[] }>();

  function addParsed(fileName: string, docs: StoredDocument[], contentHash: string): ImportFileResult {
    const stored = new Map<string, StoredDocument>();
    const result = addImported(w.lib, { ok: true, kind: 'csv', contentHash, docs, rowErrors: [] }, fileName, undefined, stored);
    if (result.status === 'added') w.changed(touchedBy(result), stored);
    return result;
  }

  /**
   * A FORMAT CSV streamed in chunks. Rows with errors: the documents wait in memory (staged) until
   * the user accepts or refuses them (settleCsv); nothing reaches the library before.
   */
  async function importCsv(file: Blob, fileName: string, onBytes: (loaded: number, total: number) => void): Promise<CsvImportResult> {
    const read = await readFormatCsvStream(file, fileName, onBytes, importCancelled);
    if (!read.ok) return { status: 'error', message: read.error };
    for (const d of read.docs) d.fileName = fileName;
    if (!read.docs.length) {
      const first = read.errors[0];
      return { status: 'error', message: `「${fileName}」没有可导入的行${first ? `（第 ${first.line} 行：${first.message}）` : ''}。` };
    }
    if (read.errors.length) {
      const token = ++stagedToken;
      staged.set(token, { fileName, docs: read.docs });
      return {
        status: 'confirm', token, documents: read.docs.length, goodRows: read.rows - read.errors.length,
        errorCount: read.errors.length, errors: read.errors.slice(0, 200),
      };
    }
    return addParsed(fileName, read.docs, `csv:${fileName}:${file.size}`);
  }

  /** A file's documents through the one way in, without adding them anywhere (a share link's dataset). */
  async function readEntry(file: Blob, fileName: string): Promise<EntryRead> {
    const kind = await kindOf(file);
    if (kind === 'sqlite') return { ok: false, error: sqliteHere(fileName) };
    if (kind === 'csv') {
      const read = await readFormatCsvStream(file, fileName, () => undefined, () => false);
      return read.ok ? { ok: true, docs: read.docs.map((d) => ({ ...d, fileName })) } : read;
    }
    const read = await importFile(new Uint8Array(await file.arrayBuffer()), fileName, { openPdf, ocr: startOcr });
    return read.ok ? { ok: true, docs: read.docs } : read;
  }

  const handlers: HandlersFor<'importFile' | 'settleCsv' | 'cancelImport' | 'addDocuments' | 'removeDocument'> = {
    async importFile(req, id) {
      running = id;
      const early = ahead.get(id);
      ahead.delete(id);
      if (importCancelled()) return { status: 'error', message: `已取消导入「${req.fileName}」，没有导入任何数据。` };
      const parsed = early ? await early.catch((): ParseOutcome => ({ pass: true })) : null;
      if (parsed && !parsed.pass) return store(parsed.read, req.fileName);
      const progress = (unit: ProgressUnit) => (loaded: number, total: number) => w.post({ id: 0, event: 'progress', requestId: id, unit, loaded, total });
      const kind = await kindOf(req.file);
      if (kind === 'sqlite') return { status: 'error', message: sqliteHere(req.fileName) };
      if (kind === 'csv') return importCsv(req.file, req.fileName, progress('bytes'));
      const bytes = new Uint8Array(await req.file.arrayBuffer());
      if (startsAsZip(bytes)) {
        const bundle = await openBundle(bytes, req.fileName, req.depth ?? 0);
        if (bundle) return bundle;
      }
      return store(await importFile(bytes, req.fileName, { openPdf, ocr: startOcr, onPage: progress('pages'), cancelled: importCancelled }), req.fileName, bytes);
    },
    settleCsv(req) {
      const pending = staged.get(req.token);
      staged.delete(req.token);
      if (!pending) return { status: 'error', message: '没有等待确认的导入。' };
      if (!req.accept) return { status: 'error', message: `已放弃导入「${pending.fileName}」，没有导入任何数据。` };
      return addParsed(pending.fileName, pending.docs, `csv:${pending.fileName}:${req.token}`);
    },
    cancelImport(_req, id) {
      cancelUpTo = id;
      return null;
    },
    addDocuments(req) {
      const result = w.lib.addDocuments(req.docs, req.sourceKind, req.contentHash);
      if (result.added.length) w.changed(result.added);
      return result;
    },
    removeDocument(req) {
      w.changed(removeDocument(w.lib, req.docId));
      return null;
    },
  };
  /**
   * A ZIP that is no Office file: its files, for the page to send the one way in, one by one (their
   * own progress, results, cancel); null when it is an Office file after all.
   */
  async function openBundle(bytes: Uint8Array, fileName: string, depth: number): Promise<CsvImportResult | null> {
    const { isBundle, readBundle, MAX_BUNDLE_DEPTH } = await import('../ingest/bundle');
    if (!isBundle(bytes)) return null;
    if (depth >= MAX_BUNDLE_DEPTH) return { status: 'error', message: `「${fileName}」是压缩包里的压缩包，嵌套超过 ${MAX_BUNDLE_DEPTH} 层，未打开：请解压后导入。` };
    const read = readBundle(bytes, fileName);
    if (!read.ok) return { status: 'error', message: read.error };
    const files = read.members.map((m) => ({ name: `${fileName}/${m.path}`, file: new Blob([m.bytes as Uint8Array<ArrayBuffer>]) }));
    const message = `「${fileName}」是压缩包，含 ${files.length} 个文件，逐个导入（结果见下）${read.notes.length ? `；${read.notes.join('；')}` : ''}`;
    return { status: 'bundle', message, files };
  }

  /** A file read (here or in the pool) into the library: the layout profiles, the store, the audit. */
  async function store(read: FileImport, fileName: string, bytes?: Uint8Array): Promise<ImportFileResult> {
    if (!read.ok) return { status: 'error', message: read.error };
    const docs = await withProfiles(w, read.docs);
    const stored = new Map<string, StoredDocument>();
    // More files of the burst wait: they share its transaction, committed when the burst ends or
    // anything else comes first (worker.ts, state.ts settle).
    if (w.filesWaiting > 0) w.lib.beginBurst();
    const result = addImported(w.lib, { ...read, docs }, fileName, bytes, stored);
    if (result.status === 'added') w.imported(touchedBy(result), stored);
    return result;
  }

  /**
   * Hands an importFile request's file to the pool as soon as it arrives, ahead of the request
   * queue (worker.ts): by the time its turn comes, it has been read.
   */
  function readAhead(id: number, req: RequestOf<'importFile'>): void {
    const read = pool.parse(req.file, req.fileName);
    read.catch(() => undefined); // a file that can't be read is read again, and reported, in its turn
    ahead.set(id, read);
  }

  return { handlers, readEntry, readAhead };
}
