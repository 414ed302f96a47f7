import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStoredDocuments } from '../../../src/lib/db/documents';
import { LibraryDb } from '../../../src/lib/db/library';
import { documentsToRows, rowsToCsv } from '../../../src/lib/model/formatCsv';
import { importFile } from '../../../src/lib/ingest/file';
import { importHandlers } from '../../../src/lib/worker/importHandlers';
import { parseJob } from '../../../src/lib/worker/parseJob';
import { ParsePool, poolSize } from '../../../src/lib/worker/parsePool';
import type { Persistence } from '../../../src/lib/worker/persistence';
import type { ImportFileResult } from '../../../src/lib/worker/protocol';
import { WorkerState } from '../../../src/lib/worker/state';
import { corpusDir, seedsDir } from '../../support/shared';
import { trackedLibraries } from '../db/tracked';
import { fakePool } from './fakePool';

const libs = trackedLibraries();
const seed = (name: string) => new Blob([readFileSync(path.join(seedsDir, name))]);
const SEEDS = ['000_90f61d72552513ea.txt', '001_0e01da1d0149c9a7.txt', '004_4e927ba8514049a8.txt'];

function state(): WorkerState {
  const w = new WorkerState(() => undefined);
  w.lib = libs.track(LibraryDb.create(libs.SQL()));
  w.persistence = { changed: () => undefined } as unknown as Persistence;
  return w;
}

const req = (fileName: string, file: Blob) => ({ type: 'importFile' as const, fileName, file });

// Whole seeds parsed and audited: generous limits for a hang on a loaded machine, not a speed goal.
describe('the parse pool', { timeout: 60_000 }, () => {
  it('has one worker per spare core, at least one', () => {
    expect(poolSize(8)).toBe(7);
    expect(poolSize(2)).toBe(1);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(0)).toBe(1);
  });

  it('starts its workers before the first file when asked, once, and reads the files in them', async () => {
    const { pool, workers } = fakePool(2);
    pool.prestart();
    expect(workers).toHaveLength(2);
    pool.prestart();
    expect(workers).toHaveLength(2);
    const outcome = await pool.parse(seed(SEEDS[0]), SEEDS[0]);
    expect(outcome).toMatchObject({ pass: false, read: { ok: true } });
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.jobs)).toEqual([1, 0]);
    // Where no worker can be started (Node, tests), there is nothing to start and files are read here.
    const here = new ParsePool(null, 2);
    here.prestart();
    expect(await here.parse(seed(SEEDS[0]), SEEDS[0])).toEqual(outcome);
  });

  it('reads disclosures in its workers, spread over them, as the one way in reads them here', async () => {
    const { pool, workers } = fakePool(2);
    const outcomes = await Promise.all(SEEDS.map((s) => pool.parse(seed(s), s)));
    expect(workers.map((w) => w.jobs)).toEqual([2, 1]);
    for (const [i, o] of outcomes.entries()) {
      if (o.pass || !o.read.ok) throw new Error('not read');
      const here = await importFile(new Uint8Array(readFileSync(path.join(seedsDir, SEEDS[i]))), SEEDS[i]);
      expect(o.read).toEqual(here);
    }
  });

  it('leaves PDFs, FORMAT CSVs and library files to the database worker, and reports what it cannot read by name', async () => {
    const pdf = new Blob([readFileSync(path.join(corpusDir, 'shanghai/putuo-czj-2025-department.pdf'))]);
    expect(await parseJob(pdf, 'a.pdf')).toEqual({ pass: true });
    expect(await parseJob(new Blob(['doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\n']), 'a.csv')).toEqual({ pass: true });
    expect(await parseJob(new Blob(['SQLite format 3\0']), 'a.sqlite')).toEqual({ pass: true });
    const png = await parseJob(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])]), '图.txt');
    expect(png.pass).toBe(false);
    if (!png.pass) expect(png.read.ok ? '' : png.read.error).toContain('「图.txt」');
  });

  it('reads a disclosure file once (its kind told from the bytes read), a file too large to read whole by its head first', async () => {
    class Counted extends Blob {
      reads: number[] = [];
      override arrayBuffer(): Promise<ArrayBuffer> {
        this.reads.push(this.size);
        return super.arrayBuffer();
      }
      override slice(start?: number, end?: number): Blob {
        const part = super.slice(start, end);
        return Object.assign(part, { arrayBuffer: () => (this.reads.push(part.size), Blob.prototype.arrayBuffer.call(part)) });
      }
    }
    const text = new Counted([readFileSync(path.join(seedsDir, SEEDS[0]))]);
    expect(await parseJob(text, SEEDS[0])).toMatchObject({ pass: false, read: { ok: true } });
    expect(text.reads).toEqual([text.size]);
    // 17 MB of a FORMAT CSV: only its head is read here; the database worker streams it.
    const csv = new Counted(['doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\n', new Uint8Array(17 * 1024 * 1024).fill(0x31)]);
    expect(await parseJob(csv, 'big.csv')).toEqual({ pass: true });
    expect(csv.reads).toEqual([4096]);
  });

  it('reads a file itself when a worker fails, and drops that worker', async () => {
    const { pool, workers } = fakePool(1, true);
    const o = await pool.parse(seed(SEEDS[0]), SEEDS[0]);
    expect(!o.pass && o.read.ok && o.read.docs.length).toBe(1);
    expect(workers[0].terminated).toBe(true);
    expect(await pool.parse(seed(SEEDS[1]), SEEDS[1])).toMatchObject({ pass: false, read: { ok: true } });
    expect(workers.length).toBe(1); // not started again: the rest is read here
  });
});

describe('files read ahead in the database worker', { timeout: 60_000 }, () => {
  it('stores what the pool read exactly as what it reads itself', async () => {
    const pooled = state();
    const here = state();
    const { pool, workers } = fakePool(1);
    const a = importHandlers(pooled, pool);
    const b = importHandlers(here);
    for (const [i, s] of SEEDS.entries()) a.readAhead(i + 1, req(s, seed(s)));
    for (const [i, s] of SEEDS.entries()) {
      expect((await a.handlers.importFile(req(s, seed(s)), i + 1)).status).toBe('added');
      expect((await b.handlers.importFile(req(s, seed(s)), i + 1)).status).toBe('added');
    }
    expect(workers[0].jobs).toBe(3);
    expect(loadStoredDocuments(pooled.lib.db, null)).toEqual(loadStoredDocuments(here.lib.db, null));
  });

  it('cancels every file requested before the 取消, and none after it', async () => {
    const w = state();
    const { pool } = fakePool(1);
    const h = importHandlers(w, pool);
    h.readAhead(1, req(SEEDS[0], seed(SEEDS[0])));
    h.readAhead(2, req(SEEDS[1], seed(SEEDS[1])));
    h.handlers.cancelImport({ type: 'cancelImport' }, 3);
    h.readAhead(4, req(SEEDS[2], seed(SEEDS[2])));
    const first = await h.handlers.importFile(req(SEEDS[0], seed(SEEDS[0])), 1);
    const second = await h.handlers.importFile(req(SEEDS[1], seed(SEEDS[1])), 2);
    expect(first).toEqual({ status: 'error', message: `已取消导入「${SEEDS[0]}」，没有导入任何数据。` });
    expect(second.status === 'error' && second.message).toContain(SEEDS[1]);
    expect((await h.handlers.importFile(req(SEEDS[2], seed(SEEDS[2])), 4)).status).toBe('added');
    expect(w.lib.listDocuments().map((d) => d.fileName).sort()).toEqual([SEEDS[2], SEEDS[2]]); // 004: a department and its unit
  });

  it('keeps two FORMAT CSVs waiting for the user apart', async () => {
    const w = state();
    const h = importHandlers(w);
    const csvOf = async (s: string) => {
      const read = await importFile(new Uint8Array(readFileSync(path.join(seedsDir, s))), s);
      if (!read.ok) throw new Error(read.error);
      // One bad row: the file waits for the user's choice.
      return new Blob([`${rowsToCsv(documentsToRows(read.docs))}x,1,坏行,department,budget,2024,summary,a,b,amount,不是数字\n`]);
    };
    const one = await h.handlers.importFile(req('一.csv', await csvOf(SEEDS[0])), 1);
    const two = await h.handlers.importFile(req('二.csv', await csvOf(SEEDS[1])), 2);
    if (one.status !== 'confirm' || two.status !== 'confirm') throw new Error('expected both to wait');
    const refused = await h.handlers.settleCsv({ type: 'settleCsv', token: two.token, accept: false }, 3);
    expect(refused).toEqual({ status: 'error', message: '已放弃导入「二.csv」，没有导入任何数据。' });
    const accepted: ImportFileResult = await h.handlers.settleCsv({ type: 'settleCsv', token: one.token, accept: true }, 4);
    expect(accepted.status).toBe('added');
    expect(w.lib.listDocuments().map((d) => d.fileName)).toEqual(['一.csv']);
  });
});
