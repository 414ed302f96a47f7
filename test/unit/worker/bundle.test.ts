import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { importHandlers } from '../../../src/lib/worker/importHandlers';
import { parseJob } from '../../../src/lib/worker/parseJob';
import type { Persistence } from '../../../src/lib/worker/persistence';
import type { CsvImportResult } from '../../../src/lib/worker/protocol';
import { WorkerState } from '../../../src/lib/worker/state';
import { gold } from '../ingest/seeds';
import { trackedLibraries } from '../db/tracked';
import { fakePool } from './fakePool';

const libs = trackedLibraries();
const zip = new Blob([readFileSync(path.join(__dirname, '../ingest/bundle/bundle.zip'))]);

function state(): WorkerState {
  const w = new WorkerState(() => undefined);
  w.lib = libs.track(LibraryDb.create(libs.SQL()));
  w.persistence = { changed: () => undefined } as unknown as Persistence;
  return w;
}

/**
 * The page's queue (ui/state/importer.svelte.ts), reduced to its order: each file sent the one way in,
 * read ahead by the pool, a bundle's files added to the end with their depth.
 */
async function importAll(w: WorkerState, first: { name: string; file: Blob }): Promise<{ name: string; result: CsvImportResult }[]> {
  const h = importHandlers(w, fakePool(1).pool);
  const jobs = [{ ...first, depth: 0 }];
  const out: { name: string; result: CsvImportResult }[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const req = { type: 'importFile' as const, fileName: jobs[i].name, file: jobs[i].file, depth: jobs[i].depth };
    h.readAhead(i + 1, req);
    const result = await h.handlers.importFile(req, i + 1);
    out.push({ name: jobs[i].name, result });
    if (result.status === 'bundle') jobs.push(...result.files.map((f) => ({ name: f.name, file: f.file, depth: jobs[i].depth + 1 })));
  }
  return out;
}

describe('a ZIP of disclosures, through the database worker', { timeout: 120_000 }, () => {
  it('comes back as its files, named by the bundle; each goes in the one way in, the ZIP inside it too', async () => {
    const w = state();
    const results = await importAll(w, { name: '2023年预算.zip', file: zip });
    expect(results.map((r) => [r.name, r.result.status])).toEqual([
      ['2023年预算.zip', 'bundle'],
      ['2023年预算.zip/2023年部门预算/000_90f61d72552513ea.txt', 'added'],
      ['2023年预算.zip/2023年部门预算/001_0e01da1d0149c9a7.txt', 'added'],
      ['2023年预算.zip/2023年部门预算/002_64e98bfc144ba4c8.txt', 'added'],
      ['2023年预算.zip/2023年部门预算/003_3753cf426c7ec0a0.xls', 'added'],
      ['2023年预算.zip/其他/更多.zip', 'bundle'],
      ['2023年预算.zip/其他/更多.zip/004_4e927ba8514049a8.txt', 'added'],
    ]);
    const first = results[0].result;
    expect(first.status === 'bundle' && first.message).toBe('「2023年预算.zip」是压缩包，含 5 个文件，逐个导入（结果见下）；1 个图片、音视频或程序文件不是公开文件，未读取：「封面.png」');
    // Every gold document of the five seeds is in the library, under the name of the file it came from.
    const listed = w.lib.listDocuments();
    expect(listed.map((d) => [d.unitName, d.year]).sort()).toEqual(gold.documents.map((g) => [g.unit_name, g.year]).sort());
    expect(listed.every((d) => d.fileName.startsWith('2023年预算.zip/'))).toBe(true);
  });

  it('a bundle nested deeper than three is not opened, and says so', async () => {
    const w = state();
    const h = importHandlers(w);
    const result = await h.handlers.importFile({ type: 'importFile', fileName: 'a.zip/b.zip/c.zip/d.zip', file: zip, depth: 3 }, 1);
    expect(result).toEqual({ status: 'error', message: '「a.zip/b.zip/c.zip/d.zip」是压缩包里的压缩包，嵌套超过 3 层，未打开：请解压后导入。' });
    expect(w.lib.listDocuments()).toEqual([]);
  });

  it('the parse pool leaves a bundle to the database worker', async () => {
    expect(await parseJob(zip, 'a.zip')).toEqual({ pass: true });
  });
});
