/**
 * The bundled sample: the five Hebei seed disclosures. They are copied into public/data/samples/
 * (the app reads them with its own importer on first start, keeping source lines), and converted
 * with the same importer into public/data/seeds.csv, the FORMAT dataset of the built-in catalog.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../src/lib/ingest/file';
import { documentsToRows, rowsToCsv } from '../src/lib/model/formatCsv';
import type { StoredDocument } from '../src/lib/model/document';
import { publicDataDir, seedsDir } from './paths';

if (!existsSync(seedsDir)) {
  console.error(`找不到 ${seedsDir}：示例数据需要仓库旁的 shared/ 目录（可用 BUDGET_LENS_SHARED 指定）。`);
  process.exit(1);
}
const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const samplesDir = path.join(publicDataDir, 'samples');
mkdirSync(samplesDir, { recursive: true });
const docs: StoredDocument[] = [];
for (const name of files) {
  const read = await importFile(new Uint8Array(readFileSync(path.join(seedsDir, name))), name);
  if (!read.ok) {
    console.error(read.error);
    process.exit(1);
  }
  docs.push(...read.docs);
  copyFileSync(path.join(seedsDir, name), path.join(samplesDir, name));
}
writeFileSync(path.join(publicDataDir, 'samples.json'), JSON.stringify({ files }, null, 1));
writeFileSync(path.join(publicDataDir, 'seeds.csv'), rowsToCsv(documentsToRows(docs)));
console.log(`public/data: ${files.length} sample files, ${docs.length} documents, ${docs.reduce((n, d) => n + d.figures.length, 0)} figures`);
