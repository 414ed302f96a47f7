/**
 * What `npm run sample:update` writes into public/data/ (and test/unit/sample.test.ts compares with
 * the committed files): the seeds read by today's importer as the app's sample, and the same
 * documents as the built-in catalog dataset (FORMAT CSV + its catalog entry).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../src/lib/ingest/file';
import type { CatalogDataset } from '../src/lib/model/catalog';
import type { Sample } from '../src/lib/model/sample';
import { datasetFiles } from './build-data';

export const SAMPLE_TITLE = '示例数据：河北省五份公开文件';
export const SAMPLE_DATASET = { id: 'seeds', title: '河北省部门预算公开文件（示例：5 个文件，6 份文档）', region: '河北' };

export interface SampleOutput {
  /** public/data/sample.json */
  sampleJson: string;
  /** public/data/seeds.csv */
  datasetCsv: Buffer;
  /** the seeds entry of public/data/catalog.json */
  dataset: CatalogDataset;
}

export async function makeSample(seedsDir: string): Promise<SampleOutput> {
  const names = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  const sample: Sample = { format: 'budget-lens-sample', version: 2, title: SAMPLE_TITLE, files: [] };
  const docs = [];
  for (const fileName of names) {
    const bytes = new Uint8Array(readFileSync(path.join(seedsDir, fileName)));
    const read = await importFile(bytes, fileName);
    if (!read.ok) throw new Error(read.error);
    if (read.text === undefined) throw new Error(`「${fileName}」没有可保存的原文`);
    // The app reads the text again as UTF-8 (worker/startup.ts): it must be the seed's very bytes,
    // or the documents would get other ids than the same file imported by hand.
    if (Buffer.compare(Buffer.from(read.text, 'utf8'), Buffer.from(bytes)) !== 0) throw new Error(`「${fileName}」的原文与文件字节不一致，无法作为示例`);
    sample.files.push({ fileName, text: read.text });
    docs.push(...read.docs);
  }
  const { csv, dataset } = datasetFiles(docs, SAMPLE_DATASET);
  // One file per line of JSON keeps a diff of the committed sample readable.
  const sampleJson = `{"format":"budget-lens-sample","version":2,"title":${JSON.stringify(sample.title)},"files":[\n${sample.files.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  return { sampleJson, datasetCsv: csv, dataset };
}
