/**
 * The static archive builder (issue 21): documents in, a folder of Parquet files and archive.json out
 * (format: src/lib/archive/README.md). Streaming and bounded: the first pass spills each document to
 * its province/year file and keeps only its id, name and code; the second writes one province at a
 * time. Peak memory is one province's view rows, not the corpus (measured in bench/archive.bench.ts).
 *
 *   npm run build:data -- FOLDER --archive OUTDIR [--id ID --title 标题]
 *   npm run build:archive -- --synthetic 100000 [--seed 1] OUTDIR
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, CATALOG_FILE, unitsPath, type ArchiveCatalog, type ArchiveFile, type ArchiveProvince } from '../../src/lib/archive/format';
import { placeOf } from '../../src/lib/archive/place';
import type { StoredDocument } from '../../src/lib/model/document';
import { ParquetFile, type ColumnSpec } from './parquet';
import { writeProvince, type UnitOut } from './province';
import { Spill } from './spill';

export interface ArchiveBuildOptions {
  outDir: string;
  id: string;
  title: string;
  log?: (s: string) => void;
  /**
   * Content hash → file name, of the files read (scripts/folder.ts): a figure a joined narrative
   * brought names its file in figures.file, since its line and page count in that file.
   */
  fileNames?: ReadonlyMap<string, string>;
  /** Fixed build time, for reproducible output in tests. */
  built?: string;
}

export interface ArchiveBuildResult {
  catalog: ArchiveCatalog;
  skipped: number;
}

const UNIT_SPECS: ColumnSpec[] = ['unit_key', 'unit_code', 'unit_name', 'province', 'city', 'years'].map((name): ColumnSpec => ({ name, kind: 'text' }))
  .concat(['documents', 'doc_row', 'yoy_row', 'yoy_rows'].map((name): ColumnSpec => ({ name, kind: 'int' })));

export async function buildArchive(docs: Iterable<StoredDocument> | AsyncIterable<StoredDocument>, opts: ArchiveBuildOptions): Promise<ArchiveBuildResult> {
  const log = opts.log ?? (() => {});
  // The folder is replaced whole: refuse one that holds anything but an earlier archive (a typo must not wipe public/).
  if (existsSync(opts.outDir) && readdirSync(opts.outDir).length && !existsSync(path.join(opts.outDir, CATALOG_FILE))) {
    throw new Error(`输出目录 ${opts.outDir} 不是空的，也不是一个数据档案：请换一个新的目录`);
  }
  rmSync(opts.outDir, { recursive: true, force: true });
  mkdirSync(opts.outDir, { recursive: true });
  const spill = new Spill(path.join(opts.outDir, '.spill'));
  const seen = new Set<string>();
  const codeByName = new Map<string, string>();
  const stages = new Set<string>();
  let skipped = 0;
  let n = 0;
  try {
    for await (const doc of docs) {
      // The same document twice (a file copied into two folders) is archived once, as the library would.
      if (seen.has(doc.docId)) {
        skipped++;
        continue;
      }
      seen.add(doc.docId);
      if (doc.meta.unitCode) codeByName.set(doc.meta.unitName, doc.meta.unitCode);
      stages.add(doc.meta.stage);
      spill.add({ doc, ...placeOf(doc.meta.unitName) }, opts.fileNames);
      if (++n % 10_000 === 0) log(`已读入 ${n} 份文档`);
    }
    spill.flush();
    // Provinces keep the order they first appear in (a folder's files are read in name order).
    const names = [...spill.partitions.keys()];
    const provinces: ArchiveProvince[] = [];
    const files: ArchiveFile[] = [];
    const units: UnitOut[] = [];
    let figures = 0;
    names.forEach((name, i) => {
      const key = String(i + 1).padStart(2, '0');
      const years = [...spill.partitions.get(name)!].sort((a, b) => a - b);
      const out = writeProvince(opts.outDir, key, name, spill, years, codeByName);
      provinces.push(out.province);
      files.push(...out.files);
      for (const u of out.units) units.push({ ...u, province: key });
      figures += out.figures;
      log(`${name}：${out.province.documents} 份文档，${out.units.length} 个单位`);
    });
    files.unshift(writeUnits(opts.outDir, units));
    const catalog: ArchiveCatalog = {
      format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, id: opts.id, title: opts.title, built: opts.built ?? new Date().toISOString(),
      documents: n, figures, units: units.length,
      years: [...new Set(provinces.flatMap((p) => p.years))].sort((a, b) => a - b),
      stages: [...stages].sort(), provinces, files,
    };
    writeFileSync(path.join(opts.outDir, CATALOG_FILE), JSON.stringify(catalog));
    return { catalog, skipped };
  } finally {
    spill.remove();
  }
}

/** units.parquet: every unit, by province key, city and code; read whole when an archive is opened (the search index). */
function writeUnits(root: string, units: UnitOut[]): ArchiveFile {
  const file = new ParquetFile(root, unitsPath, UNIT_SPECS);
  const cols: Record<string, unknown[]> = Object.fromEntries(UNIT_SPECS.map((s) => [s.name, []]));
  for (const u of units) for (const s of UNIT_SPECS) cols[s.name].push(u[s.name as keyof UnitOut]);
  file.group(cols);
  return file.finish();
}
