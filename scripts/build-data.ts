/**
 * npm run build:data -- FOLDER [--id ID] [--title 标题] [--region 地区] [--profiles PROFILES.json]
 *
 * `--profiles`: layout profiles (src/lib/profiles) read the tables the importer does not know; the
 * checked profiles ship beside the dataset as <id>.profiles.json, named in its catalog entry, and the
 * app adds them to the library that loads the dataset.
 * Converts every disclosure and FORMAT CSV in FOLDER (recursively) into one dataset,
 * public/data/<id>.csv, and records it in public/data/catalog.json (replacing an entry with the same
 * id). `npm run build` then ships and precaches them. A folder may hold a dataset.json with
 * { "id", "title", "region" } instead of the flags. Files that cannot be read are listed and skipped;
 * the exit status is 1 if any was. With `--archive OUTDIR` it writes a static archive instead
 * (scripts/archive/cli.ts, src/lib/archive/README.md).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCatalog, DATASET_ID, type Catalog, type CatalogDataset } from '../src/lib/model/catalog';
import type { StoredDocument } from '../src/lib/model/document';
import { documentsToRows, rowsToCsv } from '../src/lib/model/formatCsv';
import { applyProfilesToDocument, profileIndex } from '../src/lib/profiles/document';
import type { LayoutProfile } from '../src/lib/profiles/types';
import { profilesFileText, readProfilesFile } from '../src/lib/profiles/validate';
import { folderDocuments } from './folder';
import { publicDataDir } from './paths';

export interface DatasetOptions {
  folder: string;
  id?: string;
  title?: string;
  region?: string;
  outDir?: string;
  /** Checked layout profiles (readProfilesFile) to read the folder with and ship with the dataset. */
  profiles?: LayoutProfile[];
}

export async function buildDataset(opts: DatasetOptions, log: (s: string) => void = console.error): Promise<{ dataset: CatalogDataset; failed: number }> {
  const meta = existsSync(path.join(opts.folder, 'dataset.json'))
    ? (JSON.parse(readFileSync(path.join(opts.folder, 'dataset.json'), 'utf8')) as Partial<DatasetOptions>)
    : {};
  const id = opts.id ?? meta.id ?? path.basename(path.resolve(opts.folder)).toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  if (!DATASET_ID.test(id)) throw new Error(`数据集编号「${id}」无效：只能用字母、数字、- 和 _`);
  const docs: StoredDocument[] = [];
  const seen = new Set<string>();
  const index = profileIndex(opts.profiles ?? []);
  let failed = 0;
  const reading = {
    onError: (m: string, what: 'file' | 'row') => {
      log(m);
      if (what === 'file') failed++;
    },
    each: (d: StoredDocument) => applyProfilesToDocument(d, index).doc,
  };
  for await (const d of folderDocuments(opts.folder, reading)) {
    if (seen.has(d.docId)) continue;
    seen.add(d.docId);
    docs.push(d);
  }
  const { csv, dataset } = datasetFiles(docs, {
    id,
    title: opts.title ?? meta.title ?? id,
    region: opts.region ?? meta.region ?? '',
  });
  const outDir = opts.outDir ?? publicDataDir;
  if (opts.profiles?.length) {
    dataset.profiles = `${id}.profiles.json`;
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, dataset.profiles), profilesFileText(opts.profiles));
  }
  writeDataset(outDir, csv, dataset);
  return { dataset, failed };
}

/** A dataset's FORMAT CSV and its catalog entry (sizes and hash of exactly those bytes). */
export function datasetFiles(docs: readonly StoredDocument[], about: { id: string; title: string; region: string }): { csv: Buffer; dataset: CatalogDataset } {
  const csv = Buffer.from(rowsToCsv(documentsToRows(docs)), 'utf8');
  const units = new Map<string, { code: string; name: string }>();
  for (const d of docs) units.set(`${d.meta.unitCode}|${d.meta.unitName}`, { code: d.meta.unitCode, name: d.meta.unitName });
  const dataset: CatalogDataset = {
    ...about,
    years: [...new Set(docs.map((d) => d.meta.year))].sort(),
    units: [...units.values()],
    documents: docs.length,
    figures: docs.reduce((n, d) => n + d.figures.length, 0),
    file: `${about.id}.csv`,
    bytes: csv.length,
    sha256: createHash('sha256').update(csv).digest('hex'),
  };
  return { csv, dataset };
}

/** Writes `<id>.csv` and puts its entry into the folder's catalog.json, replacing one with the same id. */
export function writeDataset(outDir: string, csv: Buffer, dataset: CatalogDataset): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, dataset.file), csv);
  const catalogPath = path.join(outDir, 'catalog.json');
  let catalog: Catalog = { version: 1, datasets: [] };
  if (existsSync(catalogPath)) {
    const parsed = parseCatalog(JSON.parse(readFileSync(catalogPath, 'utf8')));
    if (parsed.ok) catalog = parsed.catalog;
  }
  catalog.datasets = [...catalog.datasets.filter((d) => d.id !== dataset.id), dataset];
  writeFileSync(catalogPath, JSON.stringify(catalog, null, 1));
}

async function main(argv: string[]): Promise<number> {
  // --archive OUTDIR: a static archive read by range requests (issue 21) instead of one CSV dataset.
  if (argv.includes('--archive')) return (await import('./archive/cli')).archiveMain(argv);
  const opts: DatasetOptions = { folder: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--id') opts.id = argv[++i];
    else if (a === '--title') opts.title = argv[++i];
    else if (a === '--region') opts.region = argv[++i];
    else if (a === '--out') opts.outDir = argv[++i];
    else if (a === '--profiles') {
      const file = argv[++i] ?? '';
      const read = existsSync(file) ? readProfilesFile(readFileSync(file, 'utf8'), path.basename(file)) : { ok: false as const, error: `版式配置文件「${path.basename(file)}」不存在` };
      if (!read.ok) {
        console.error(read.error);
        return 2;
      }
      opts.profiles = [...(opts.profiles ?? []), ...read.profiles];
    }
    else opts.folder = a;
  }
  if (!opts.folder || !existsSync(opts.folder) || !statSync(opts.folder).isDirectory()) {
    console.error('用法：npm run build:data -- 文件夹 [--id 编号] [--title 标题] [--region 地区] [--out 输出目录] [--profiles 版式配置.json]');
    return 2;
  }
  const { dataset, failed } = await buildDataset(opts);
  console.log(`${dataset.file}: ${dataset.documents} 份文档，${dataset.figures} 个数字，${dataset.bytes} 字节`);
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
