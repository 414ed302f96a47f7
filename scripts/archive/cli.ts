/**
 * npm run build:data -- FOLDER --archive OUTDIR [--id ID] [--title 标题] [--catalog public/data/catalog.json]
 * npm run build:archive -- FOLDER OUTDIR […the same options]
 * npm run build:archive -- OUTDIR --synthetic N [--seed S] [--years Y] [--finals]
 *
 * Writes a static archive (src/lib/archive/README.md) from a folder of disclosures (text, PDF,
 * FORMAT CSV; read one directory at a time, a narrative PDF joined to its tables: scripts/folder.ts)
 * or from the synthetic national corpus; prints the time and
 * peak memory. Files that cannot be read are listed and skipped; the exit status is 1 if any was.
 * With --catalog, the archive is listed in that site catalog so the app offers it (listArchive).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog } from '../../src/lib/model/catalog';
import { nationalCorpus } from '../../src/lib/synth/national';
import { folderDocuments } from '../folder';
import { buildArchive } from './build';

export async function archiveMain(argv: string[]): Promise<number> {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  let finals = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--finals') finals = true; // each unit-year's 决算 too (half the documents), for 执行
    else if (/^--(synthetic|seed|years|archive|out|id|title|catalog)$/.test(argv[i])) flags.set(argv[i].slice(2), argv[++i] ?? '');
    else positional.push(argv[i]);
  }
  const synthetic = Number(flags.get('synthetic') ?? 0);
  const seed = Number(flags.get('seed') ?? 1);
  const years = Number(flags.get('years') ?? 10);
  // build:data -- FOLDER --archive OUT; build:archive -- OUT --synthetic N; build:archive -- FOLDER OUT.
  const named = flags.get('archive') ?? flags.get('out');
  const out = named ?? (synthetic ? positional[0] : positional[1]) ?? '';
  const folder = synthetic ? '' : (positional[0] ?? '');
  const id = flags.get('id') ?? '';
  const title = flags.get('title') ?? '';
  if (!out || (!folder && !synthetic) || !Number.isSafeInteger(synthetic) || synthetic < 0) {
    console.error('用法：npm run build:data -- 文件夹 --archive 输出目录 [--id 编号] [--title 标题] [--catalog public/data/catalog.json]\n'
      + '　　或：npm run build:archive -- 输出目录 --synthetic 文档数 [--seed 种子] [--years 年数] [--finals]');
    return 2;
  }
  let failed = 0;
  const fileNames = new Map<string, string>();
  const reading = { onError: (m: string) => { console.error(m); failed++; }, names: fileNames };
  const docs = synthetic ? nationalCorpus({ documents: synthetic, seed, years, finals }) : folderDocuments(folder, reading);
  const started = performance.now();
  let built: Awaited<ReturnType<typeof buildArchive>>;
  try {
    built = await buildArchive(docs, {
      outDir: out, id: id || path.basename(path.resolve(out)), title: title || (synthetic ? `合成全国档案（${synthetic} 份）` : path.basename(path.resolve(folder))),
      log: (s) => console.error(s), fileNames,
    });
  } catch (e) {
    console.error(`未能写出数据档案：${(e as Error).message}`);
    return 2;
  }
  const { catalog, skipped } = built;
  const seconds = (performance.now() - started) / 1000;
  const bytes = catalog.files.reduce((n, f) => n + f.bytes, 0);
  console.log(`${out}: ${catalog.documents} 份文档，${catalog.units} 个单位，${catalog.figures} 个数字，${catalog.files.length} 个文件共 ${(bytes / 1e6).toFixed(1)} MB；`
    + `用时 ${seconds.toFixed(0)} 秒，内存峰值 ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB${skipped ? `；重复文档 ${skipped} 份未收入` : ''}`);
  const listIn = flags.get('catalog');
  if (listIn) listArchive(listIn, out, catalog.title);
  return failed ? 1 : 0;
}

/**
 * Lists the archive in a site's data/catalog.json (`archives: [{ title, url }]`, the address relative
 * to catalog.json), so the app offers it by name; an entry with the same address is replaced.
 */
export function listArchive(catalogFile: string, archiveDir: string, title: string): void {
  const url = `${path.relative(path.dirname(path.resolve(catalogFile)), path.resolve(archiveDir)).split(path.sep).join('/')}/`;
  const json = (existsSync(catalogFile) ? JSON.parse(readFileSync(catalogFile, 'utf8')) : { version: 1, datasets: [] }) as Catalog;
  json.archives = [...(json.archives ?? []).filter((e) => e.url !== url), { title, url }];
  writeFileSync(catalogFile, JSON.stringify(json, null, 1));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await archiveMain(process.argv.slice(2));
}
