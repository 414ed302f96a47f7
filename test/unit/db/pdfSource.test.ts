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
    // Survives a snapshot round trip, as the app saves and reopens it.
    const reopened = LibraryDb.open(SQL, lib.export());
    lib.close();
    lib = reopened;
    expect(lib.sourcePdf(added[0])).toEqual(bytes);
    const figures = lib.figures(added[0]);
    const general = figures.find((f) => f.table === 'summary' && f.rowCode === 'income.general' && f.column === 'amount')!;
    expect(general.page).toBeGreaterThan(0);
    expect(general.box).toHaveLength(4);
    const [x0, y0, x1, y1] = general.box!;
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
    lib.removeDocument(added[0]);
    expect(lib.sourcePdf(added[0])).toBeNull();
    expect(lib.db.exec('SELECT count(*) FROM source_blob')[0].values[0][0]).toBe(0);
  });
});
