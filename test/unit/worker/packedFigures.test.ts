import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, type FileImport } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import type { Figure, StoredDocument } from '../../../src/lib/model/document';
import { packImport, unpackImport } from '../../../src/lib/worker/packedFigures';
import { syntheticFiles } from '../../../bench/support/corpus';
import { corpusDir, seedsDir } from '../../support/shared';

/**
 * A parse worker sends a read's figures as columns (packedFigures.ts); the database worker must get
 * back exactly what was read. Every real file of ../shared and a set of synthetic disclosures, each
 * through a structured clone with the buffers transferred, as postMessage does.
 */
const FILES = [
  ...readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(seedsDir, f)),
  ...['shanghai', 'jiangsu'].flatMap((c) => readdirSync(path.join(corpusDir, c)).filter((f) => f.endsWith('.pdf')).map((f) => path.join(corpusDir, c, f))),
];

function overTheWire(read: FileImport): FileImport {
  const { packed, transfer } = packImport(read);
  return unpackImport(structuredClone(packed, { transfer }));
}

const docsOf = (r: FileImport): StoredDocument[] => (r.ok ? r.docs : []);

describe('figures sent as columns from a parse worker', () => {
  it('come back exactly as read, for every real file of ../shared and synthetic disclosures', async () => {
    const reads: [string, FileImport][] = [];
    for (const f of FILES) reads.push([path.basename(f), await importFile(new Uint8Array(readFileSync(f)), path.basename(f), { openPdf: openPdfNode })]);
    for (const f of syntheticFiles(20, 7)) reads.push([f.name, await importFile(f.bytes, f.name)]);
    let figures = 0;
    let withRest = 0;
    for (const [name, read] of reads) {
      expect(read.ok, name).toBe(true);
      const { packed } = packImport(read);
      // Every document of these was packed: nothing went as objects.
      for (const d of docsOf(packed)) expect((d as { packed?: unknown }).packed, name).toBeDefined();
      const back = overTheWire(read);
      expect(back, name).toStrictEqual(read);
      for (const d of docsOf(back)) {
        figures += d.figures.length;
        withRest += d.figures.filter((f) => Object.keys(f.source).length > 1).length;
      }
    }
    // The PDFs' figures carry pages and boxes beside their lines: that path was taken too.
    expect(figures).toBeGreaterThan(5000);
    expect(withRest).toBeGreaterThan(500);
  }, 600_000);

  it('keeps amounts and optional source fields exact, and sends as they are documents it does not know', () => {
    const fig = (amount: number, source: Figure['source']): Figure => ({ table: 'expense', rowCode: '2010101', rowName: '行政运行', column: 'total', amount, source });
    const doc = (figures: Figure[]): StoredDocument => ({
      docId: 'abc', fileName: 'x.txt', meta: { unitCode: '', unitName: '某局', scope: 'department', stage: 'budget', year: 2024 }, figures, tables: [], projects: [], warnings: [],
    } as unknown as StoredDocument);
    const plain = doc([
      fig(9007199254740991, { line: 1 }), fig(-123456789012, { line: 2, page: 3 }), fig(0, { line: 3, box: [1.5, 2, 3.25, 4], profile: '某版式' }),
      fig(-0, { line: 4, file: 'ffff' }), fig(1, { line: 5 }),
    ]);
    const odd = doc([fig(1, { line: 1 }), { ...fig(2, { line: 2 }), note: '多出的字段' } as Figure]);
    const noLine = doc([fig(1, { line: 1 }), fig(2, {} as Figure['source'])]);
    const read: FileImport = { ok: true, kind: 'text', contentHash: 'abc', docs: [plain, odd, noLine], rowErrors: [], text: '…' };
    const { packed } = packImport(read);
    expect(docsOf(packed).map((d) => 'packed' in d)).toEqual([true, false, false]);
    const back = overTheWire(read);
    expect(back).toStrictEqual(read);
    expect(Object.is(docsOf(back)[0].figures[3].amount, -0)).toBe(true);
    const failed: FileImport = { ok: false, error: '「x.txt」读取失败：坏了' };
    expect(overTheWire(failed)).toStrictEqual(failed);
  });
});
