import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import { corpusBytes } from '../ingest/pdf/corpus';

// The library keeps an imported PDF's bytes (the page view renders from them) and each figure's box.
const FILE = 'putuo-qzfb-2025-unit.pdf';
let SQL: SqlJsStatic;
let lib: LibraryDb | null = null;
beforeAll(async () => {
  SQL = await initSqlJs();
});
afterEach(() => lib?.close());

describe('a PDF in the library', () => {
  it('keeps its bytes and its figures\' pages and boxes, and drops the bytes with the last document', { timeout: 60_000 }, async () => {
    const bytes = corpusBytes(FILE);
    const read = await importFile(bytes, FILE, { openPdf: openPdfNode });
    if (!read.ok) throw new Error(read.error);
    lib = LibraryDb.create(SQL);
    const { added } = lib.addDocuments(read.docs, read.kind, read.contentHash, read.text, undefined, bytes);
    expect(added.length).toBe(1);
    // The snapshot holds the figures, not the bytes: they are kept beside it (db/sources.ts) and
    // found again by a library opened from the snapshot with the same keeper, as the app does.
    const snapshot = lib.export();
    const mid = Math.floor(bytes.length / 2);
    expect(Buffer.from(snapshot).indexOf(Buffer.from(bytes.subarray(mid, mid + 64)))).toBe(-1);
    const reopened = LibraryDb.open(SQL, snapshot, { sources: lib.sources });
    lib.close();
    lib = reopened;
    expect(await lib.sourcePdf(added[0])).toEqual(bytes);
    const figures = lib.figures(added[0]);
    const general = figures.find((f) => f.table === 'summary' && f.rowCode === 'income.general' && f.column === 'amount')!;
    expect(general.page).toBeGreaterThan(0);
    expect(general.box).toHaveLength(4);
    const [x0, y0, x1, y1] = general.box!;
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
    lib.removeDocument(added[0]);
    expect(await lib.sourcePdf(added[0])).toBeNull();
    expect(lib.db.exec('SELECT count(*) FROM source_blob')[0].values[0][0]).toBe(0);
  });
});
