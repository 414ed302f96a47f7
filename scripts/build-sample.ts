/**
 * The bundled sample: the five Hebei seed disclosures. They are copied into public/data/samples/
 * (the app reads them with its own importer on first start, keeping source lines), and converted
 * into the built-in catalog's first dataset, public/data/seeds.csv.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDataset } from './build-data';
import { publicDataDir, seedsDir } from './paths';

if (!existsSync(seedsDir)) {
  console.error(`找不到 ${seedsDir}：示例数据需要仓库旁的 shared/ 目录（可用 BUDGET_LENS_SHARED 指定）。`);
  process.exit(1);
}
const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const samplesDir = path.join(publicDataDir, 'samples');
mkdirSync(samplesDir, { recursive: true });
for (const name of files) copyFileSync(path.join(seedsDir, name), path.join(samplesDir, name));
writeFileSync(path.join(publicDataDir, 'samples.json'), JSON.stringify({ files }, null, 1));

const { dataset, failed } = await buildDataset({ folder: seedsDir, id: 'seeds', title: '河北省部门预算公开文件（示例，5 份）', region: '河北' });
if (failed) process.exit(1);
console.log(`public/data: ${files.length} sample files; catalog dataset ${dataset.id}: ${dataset.documents} documents, ${dataset.figures} figures`);
