import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/lib/model/catalog';
import { importFile } from '../../src/lib/ingest/file';
import { parseSample } from '../../src/lib/model/sample';
import { publicDataDir } from '../../scripts/paths';
import { makeSample, SAMPLE_DATASET } from '../../scripts/sample';
import { seedsDir } from '../support/shared';

/**
 * The sample and the built-in dataset are committed (a fresh clone has no ../shared to build them
 * from). This proves they are exactly what today's importer makes of the seeds, so they can never
 * drift: on a mismatch it writes the fresh output beside the committed file as *-changed.* (ignored
 * by git) and fails; `npm run sample:update` accepts it.
 */
describe('the committed sample', () => {
  it('is exactly what the importer makes of the seeds today', { timeout: 120_000 }, async () => {
    const fresh = await makeSample(seedsDir);
    const committed = readFileSync(path.join(publicDataDir, 'sample.json'), 'utf8');
    if (committed !== fresh.sampleJson) writeFileSync(path.join(publicDataDir, 'sample-changed.json'), fresh.sampleJson);
    expect(committed === fresh.sampleJson, 'public/data/sample.json differs from the importer\'s output: run npm run sample:update').toBe(true);

    const csv = readFileSync(path.join(publicDataDir, `${SAMPLE_DATASET.id}.csv`));
    if (!csv.equals(fresh.datasetCsv)) writeFileSync(path.join(publicDataDir, `${SAMPLE_DATASET.id}-changed.csv`), fresh.datasetCsv);
    expect(csv.equals(fresh.datasetCsv), 'public/data/seeds.csv differs: run npm run sample:update').toBe(true);

    const catalog = parseCatalog(JSON.parse(readFileSync(path.join(publicDataDir, 'catalog.json'), 'utf8')));
    expect(catalog.ok).toBe(true);
    if (catalog.ok) expect(catalog.catalog.datasets.find((d) => d.id === SAMPLE_DATASET.id)).toEqual(fresh.dataset);
  });

  it('holds the five seed files, which read as six documents with the ids of the seeds themselves', async () => {
    const sample = parseSample(JSON.parse(readFileSync(path.join(publicDataDir, 'sample.json'), 'utf8')));
    expect(sample.files).toHaveLength(5);
    const docs = [];
    for (const f of sample.files) {
      const fromSample = await importFile(new TextEncoder().encode(f.text), f.fileName);
      const fromSeed = await importFile(new Uint8Array(readFileSync(path.join(seedsDir, f.fileName))), f.fileName);
      expect(fromSample.ok && fromSeed.ok && fromSample.contentHash === fromSeed.contentHash).toBe(true);
      if (fromSample.ok) docs.push(...fromSample.docs);
    }
    expect(docs).toHaveLength(6);
    for (const d of docs) {
      expect(d.meta.unitName).not.toBe('');
      expect(d.meta.year).toBeGreaterThan(2000);
    }
    for (const f of sample.files) expect(f.text.length).toBeGreaterThan(1000);
  });

  it('refuses a sample of another shape or size', () => {
    expect(() => parseSample({ format: 'budget-lens-sample', version: 1, title: 'x', files: [] })).toThrow('格式不对');
    expect(() => parseSample({ format: 'budget-lens-sample', version: 2, title: 'x', files: [{ fileName: 'a.txt' }] })).toThrow('无效的文件');
    expect(() => parseSample({ format: 'budget-lens-sample', version: 2, title: 'x', files: [{ fileName: 'a.txt', text: 'x'.repeat(4_000_001) }] })).toThrow('过大');
  });
});
