/**
 * npm run build:archive -- OUTDIR (--synthetic N [--seed S] [--years Y] | FOLDER) [--id ID] [--title 标题]
 * npm run build:data -- FOLDER --archive OUTDIR [--id ID] [--title 标题]
 *
 * Writes a static archive (src/lib/archive/README.md) from a folder of disclosures (text, PDF,
 * FORMAT CSV; read one file at a time) or from the synthetic national corpus; prints the time and
 * peak memory. Files that cannot be read are listed and skipped; the exit status is 1 if any was.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importFile } from '../../src/lib/ingest/file';
import { openPdfNode } from '../../src/lib/ingest/pdf/node';
import type { StoredDocument } from '../../src/lib/model/document';
import { nationalCorpus } from '../../src/lib/synth/national';
import { listFiles } from '../build-data';
import { buildArchive } from './build';

export async function* folderDocuments(folder: string, onError: (message: string) => void): AsyncGenerator<StoredDocument> {
  for (const file of listFiles(folder)) {
    const read = await importFile(new Uint8Array(readFileSync(file)), path.basename(file), { openPdf: openPdfNode });
    if (!read.ok) {
      onError(read.error);
      continue;
    }
    for (const e of read.rowErrors) onError(`${path.basename(file)}: 第 ${e.line} 行：${e.message}`);
    yield* read.docs;
  }
}

export async function archiveMain(argv: string[]): Promise<number> {
  let out = '';
  let folder = '';
  let synthetic = 0;
  let seed = 1;
  let years = 10;
  let id = '';
  let title = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--synthetic') synthetic = Number(argv[++i]);
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '--years') years = Number(argv[++i]);
    else if (a === '--archive' || a === '--out') out = argv[++i];
    else if (a === '--id') id = argv[++i];
    else if (a === '--title') title = argv[++i];
    else if (!out && !argv.includes('--archive') && !argv.includes('--out') && (synthetic || argv.includes('--synthetic'))) out = a;
    else if (!folder && !argv.includes('--synthetic')) folder = a;
    else out ||= a;
  }
  if (!out || (!folder && !synthetic)) {
    console.error('用法：npm run build:archive -- 输出目录 (--synthetic 文档数 [--seed 种子] [--years 年数] | 文件夹) [--id 编号] [--title 标题]');
    return 2;
  }
  let failed = 0;
  const docs = synthetic ? nationalCorpus({ documents: synthetic, seed, years }) : folderDocuments(folder, (m) => { console.error(m); failed++; });
  const started = performance.now();
  const { catalog, skipped } = await buildArchive(docs, {
    outDir: out, id: id || path.basename(path.resolve(out)), title: title || (synthetic ? `合成全国档案（${synthetic} 份）` : path.basename(path.resolve(folder))),
    log: (s) => console.error(s),
  });
  const seconds = (performance.now() - started) / 1000;
  const bytes = catalog.files.reduce((n, f) => n + f.bytes, 0);
  console.log(`${out}: ${catalog.documents} 份文档，${catalog.units} 个单位，${catalog.figures} 个数字，${catalog.files.length} 个文件共 ${(bytes / 1e6).toFixed(1)} MB；`
    + `用时 ${seconds.toFixed(0)} 秒，内存峰值 ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB${skipped ? `；重复文档 ${skipped} 份未收入` : ''}`);
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await archiveMain(process.argv.slice(2));
}
