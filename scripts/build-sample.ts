/**
 * npm run sample:update — rewrites the committed sample (public/data/sample.json) and the built-in
 * catalog dataset (public/data/seeds.csv and its catalog.json entry) from ../shared/seeds with
 * today's importer. Run it after changing the importer; test/unit/sample.test.ts fails until you do.
 * The build never runs this: a fresh clone has no ../shared, and needs none.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeDataset } from './build-data';
import { publicDataDir, seedsDir } from './paths';
import { makeSample } from './sample';

if (!existsSync(seedsDir)) {
  console.error(`找不到 ${seedsDir}：更新示例数据需要仓库旁的 shared/ 目录（可用 BUDGET_LENS_SHARED 指定）。`);
  process.exit(1);
}
const { sampleJson, datasetCsv, dataset } = await makeSample(seedsDir);
writeFileSync(path.join(publicDataDir, 'sample.json'), sampleJson);
writeDataset(publicDataDir, datasetCsv, dataset);
console.log(`public/data/sample.json: ${sampleJson.length} 字符; catalog dataset ${dataset.id}: ${dataset.documents} documents, ${dataset.figures} figures`);
