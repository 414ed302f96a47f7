import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/lib/model/catalog';
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

  it('holds the five seed files and six documents, named by unit and year', () => {
    const sample = parseSample(JSON.parse(readFileSync(path.join(publicDataDir, 'sample.json'), 'utf8')));
    expect(sample.files).toHaveLength(5);
    const docs = sample.files.flatMap((f) => f.docs);
    expect(docs).toHaveLength(6);
    for (const d of docs) {
      expect(d.meta.unitName).not.toBe('');
      expect(d.meta.year).toBeGreaterThan(2000);
    }
    for (const f of sample.files) expect(f.text.length).toBeGreaterThan(1000);
  });
});
