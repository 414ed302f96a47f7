/**
 * Command-line converter: disclosure text, PDF, office and web-page files (and FORMAT CSVs), or ZIPs
 * of them (each file inside read as if given; scripts/cli.ts inputFiles) → one FORMAT CSV.
 *
 *   npx tsx scripts/convert.ts FILE... [--out OUT.csv] [--profiles PROFILES.json]...
 *
 * `--profiles`: layout profiles (src/lib/profiles, the file the app exports) read the tables the
 * importer does not know, as in the app; a profiles file that is not one stops the run (exit 2)
 * before anything is read.
 * Each disclosure is read with the same importer as the app. doc_id is the content id of the file's
 * bytes for its first document and `${id}-${n}` (n = 2, 3, …) for the later ones. Files given
 * together are read together: a narrative-only PDF and the tables PDF of the same unit, year, stage
 * and scope become one document with the tables file's id (ingest/merge.ts). A FORMAT CSV input
 * (known by its header, not its name) is written back unchanged in meaning, so
 * convert(convert(x)) == convert(x). Files enter as in the app, through ingest/file.ts.
 * Warnings go to stderr prefixed with the file name; the exit status is 1 when any file could not be
 * read at all (what could be read is still written).
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { inputFiles, processIo, readInputFile, runIfMain, type Io } from './cli';

export type { Io };
import { importFile } from '../src/lib/ingest/file';
import { mergeDocuments } from '../src/lib/ingest/merge';
import { startOcrNode } from '../src/lib/ingest/ocr/node';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import type { SourceRef, StoredDocument } from '../src/lib/model/document';
import { documentsToRows, rowsToCsv } from '../src/lib/model/formatCsv';
import { profileSource } from '../src/lib/profiles/apply';
import { applyProfilesToDocument, profileIndex } from '../src/lib/profiles/document';
import type { LayoutProfile } from '../src/lib/profiles/types';
import { readProfilesFile } from '../src/lib/profiles/validate';

/** 「第 3 页：」 for a PDF, 「第 120 行：」 for text. */
function where(source: SourceRef | undefined): string {
  if (source?.page) return `第 ${source.page} 页：`;
  return source?.line ? `第 ${source.line} 行：` : '';
}

const USAGE = '用法：npx tsx scripts/convert.ts 文件... [--out 输出.csv] [--profiles 版式配置.json]';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const files: string[] = [];
  const profileFiles: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--profiles') {
      const f = argv[++i];
      if (!f) {
        io.stderr(`缺少 --profiles 的文件名\n${USAGE}\n`);
        return 2;
      }
      profileFiles.push(f);
    } else if (argv[i] === '--out' || argv[i] === '-o') {
      out = argv[++i] ?? null;
      if (!out) {
        io.stderr(`缺少 --out 的文件名\n${USAGE}\n`);
        return 2;
      }
    } else if (argv[i] === '--help' || argv[i] === '-h') {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else {
      files.push(argv[i]);
    }
  }
  if (!files.length) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }

  const profiles: LayoutProfile[] = [];
  for (const file of profileFiles) {
    const bytes = await readInputFile(file, io);
    if (!bytes) return 2;
    const read = readProfilesFile(new TextDecoder('utf-8').decode(bytes), basename(file));
    if (!read.ok) {
      io.stderr(`${read.error}\n`);
      return 2;
    }
    profiles.push(...read.profiles);
  }
  const index = profileIndex(profiles);

  // Per file, so that a narrative PDF and its tables PDF given together become one document.
  const perFile: StoredDocument[][] = [];
  let failed = false;
  const inputs: { name: string; bytes: Uint8Array }[] = [];
  for (const file of files) {
    const read = await inputFiles(file, io);
    if (read) inputs.push(...read);
    else failed = true;
  }
  for (const { name, bytes } of inputs) {
    // The one way in (ingest/file.ts): the kind by content, the FORMAT doc_id from the bytes.
    const read = await importFile(bytes, name, { openPdf: openPdfNode, ocr: startOcrNode });
    if (!read.ok) {
      io.stderr(`${name}: ${read.error}\n`);
      failed = true;
      continue;
    }
    for (const err of read.rowErrors) io.stderr(`${name}: 第 ${err.line} 行：${err.message}\n`);
    const docs = read.docs.map((d) => applyProfilesToDocument(d, index).doc);
    for (const doc of docs) for (const w of doc.warnings) io.stderr(`${name}: ${where(w.source)}${w.message}\n`);
    for (const doc of docs) for (const t of doc.tables) if (t.source.profile) io.stderr(`${name}: ${where(t.source)}「${t.title}」${profileSource(t.source.profile)}\n`);
    perFile.push(docs);
  }

  const csv = rowsToCsv(documentsToRows(mergeDocuments(perFile)));
  if (out) await writeFile(out, csv, 'utf8');
  else io.stdout(csv);
  return failed ? 1 : 0;
}

runIfMain(import.meta.url, main, 1);
