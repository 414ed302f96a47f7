import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { peersFrame } from '../../../src/lib/compare/peers';
import { peerSummaries } from '../../../src/lib/compare/peerSummaries';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import type { StoredDocument } from '../../../src/lib/model/document';
import { addImported } from '../../../src/lib/worker/imports';
import type { WorkerState } from '../../../src/lib/worker/state';
import { ComparisonWarmer } from '../../../src/lib/worker/warm';
import { corpusDir, seedsDir } from '../../support/shared';

/**
 * The 横比 summaries an import derives from its documents in memory (warm.ts prime) must be the ones
 * read back from the library: a summary is what 横比 shows, so a difference is a wrong figure.
 * Every real file of ../shared, each through the importer's own path (addImported, which says which
 * documents it stored as they are in memory), against the same library opened afresh.
 */
let SQL: SqlJsStatic;
const open: LibraryDb[] = [];
beforeAll(async () => {
  SQL = await initSqlJs();
});
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

const FILES = [
  ...readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(seedsDir, f)),
  ...['shanghai', 'jiangsu'].flatMap((c) => readdirSync(path.join(corpusDir, c)).filter((f) => f.endsWith('.pdf')).map((f) => path.join(corpusDir, c, f))),
];

/** A FORMAT CSV whose documents print a table's rows before its total, 项 before 款 and 类, and codes mapped across years. */
const CSV = [
  'doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount',
  ...[2019, 2024].flatMap((year) => [
    `csv-${year},901,测试局,department,budget,${year},expense,2010101,行政运行,total,12.5`,
    `csv-${year},901,测试局,department,budget,${year},expense,20101,人大事务,total,20`,
    `csv-${year},901,测试局,department,budget,${year},expense,201,一般公共服务支出,total,30`,
    `csv-${year},901,测试局,department,budget,${year},expense,2080505,机关事业单位基本养老保险缴费支出,total,4`,
    `csv-${year},901,测试局,department,budget,${year},expense,total,合计,total,34`,
    `csv-${year},901,测试局,department,budget,${year},basic_expense,30101,基本工资,total,8`,
    `csv-${year},901,测试局,department,budget,${year},basic_expense,total,合计,total,8`,
    `csv-${year},901,测试局,department,budget,${year},three_public,total,合计,total,1.25`,
  ]),
].join('\n');

/** Imports every file, priming after each as the worker does; returns each primed document's generation then. */
async function importAll(lib: LibraryDb, warm: ComparisonWarmer): Promise<Map<string, number>> {
  const primed = new Map<string, number>();
  const files: [string, Uint8Array][] = [...FILES.map((f) => [path.basename(f), new Uint8Array(readFileSync(f))] as [string, Uint8Array]), ['测试.csv', new TextEncoder().encode(CSV)]];
  for (const [name, bytes] of files) {
    const read = await importFile(bytes, name, { openPdf: openPdfNode });
    if (!read.ok) continue; // a file the importer cannot read stores nothing to prime
    const stored = new Map<string, StoredDocument>();
    if (addImported(lib, read, name, bytes, stored).status !== 'added') continue;
    warm.prime(stored);
    for (const id of stored.keys()) primed.set(id, lib.compare.generation(id));
  }
  return primed;
}

describe('summaries derived in the import (worker/warm.ts prime)', () => {
  it('are the summaries read back from the library, for every real file of ../shared', async () => {
    const lib = LibraryDb.create(SQL);
    open.push(lib);
    const warm = new ComparisonWarmer({ lib } as unknown as WorkerState, { peers: () => null as never }, async () => undefined, { from: 0 });
    const primed = await importAll(lib, warm);
    expect(primed.size).toBeGreaterThan(10);
    const docs = lib.compare.documents();
    const reads = vi.spyOn(lib.compare, 'figures');
    const kept = peerSummaries(lib.compare, docs, [], 5);
    // The primed ones were kept: only documents never primed, or changed since (a narrative from a
    // later file joining its tables), are read.
    const readIds = [...new Set(reads.mock.calls.flatMap(([ids]) => ids))].sort();
    const stale = docs.map((d) => d.docId).filter((id) => primed.get(id) !== lib.compare.generation(id)).sort();
    expect(readIds).toEqual(stale);
    expect(stale.length).toBeLessThan(primed.size / 2);
    reads.mockRestore();
    const cold = LibraryDb.open(SQL, lib.export());
    open.push(cold);
    expect(kept).toEqual(peerSummaries(cold.compare, docs, [], 5));
    // And each year's 横比 reads the same, also where a code mapping applies (read afresh then).
    for (const year of [...new Set(docs.map((d) => d.year))]) {
      for (const stage of ['budget', 'final'] as const) {
        const req = { year, stage, scope: 'all' as const, selection: { kind: 'all' as const } };
        expect(peersFrame(lib.compare, req), `${year} ${stage}`).toEqual(peersFrame(cold.compare, req));
      }
    }
  }, 600_000);

  it('leaves a library smaller than the round\'s threshold alone, as the round does', async () => {
    const bytes = new TextEncoder().encode(CSV);
    const read = await importFile(bytes, '测试.csv');
    if (!read.ok) throw new Error(read.error);
    /** How many documents' figures a 横比 reads back after an import of the CSV's two documents primed with threshold `from`. */
    const readBack = (from: number) => {
      const lib = LibraryDb.create(SQL);
      open.push(lib);
      const stored = new Map<string, StoredDocument>();
      expect(addImported(lib, read, '测试.csv', bytes, stored).status).toBe('added');
      expect(stored.size).toBe(2);
      new ComparisonWarmer({ lib } as unknown as WorkerState, { peers: () => null as never }, async () => undefined, { from }).prime(stored);
      const reads = vi.spyOn(lib.compare, 'figures');
      peerSummaries(lib.compare, lib.compare.documents(), [], 5);
      return new Set(reads.mock.calls.flatMap(([ids]) => ids)).size;
    };
    // Two documents, below a threshold of 3: nothing primed, so 横比 reads both.
    expect(readBack(3)).toBe(2);
    // At the threshold they are primed, and 横比 reads none back.
    expect(readBack(2)).toBe(0);
  });
});
