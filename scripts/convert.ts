/**
 * Command-line converter: disclosure text and PDF files (and FORMAT CSVs) → one FORMAT CSV.
 *
 *   npx tsx scripts/convert.ts FILE... [--out OUT.csv]
 *
 * Each disclosure is read with the same importer as the app. doc_id is the content id of the file's
 * bytes for its first document and `${id}-${n}` (n = 2, 3, …) for the later ones. Files given
 * together are read together: a narrative-only PDF and the tables PDF of the same unit, year, stage
 * and scope become one document with the tables file's id (ingest/merge.ts). A `.csv` input is
 * read as FORMAT CSV and written back unchanged in meaning, so convert(convert(x)) == convert(x).
 * Warnings go to stderr prefixed with the file name; the exit status is 1 when any file could not be
 * read at all (what could be read is still written).
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { processIo, readInputFile, runIfMain, type Io } from './cli';

export type { Io };
import { readDisclosure } from '../src/lib/ingest';
import { mergeDocuments } from '../src/lib/ingest/merge';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import { readPdf } from '../src/lib/ingest/pdf/read';
import { isPdf } from '../src/lib/ingest/pdf/types';
import type { SourceRef, StoredDocument } from '../src/lib/model/document';
import { documentsToRows, parseFormatCsv, rowsToCsv } from '../src/lib/model/formatCsv';
import { contentId } from '../src/lib/model/hash';

/** 「第 3 页：」 for a PDF, 「第 120 行：」 for text. */
function where(source: SourceRef | undefined): string {
  if (source?.page) return `第 ${source.page} 页：`;
  return source?.line ? `第 ${source.line} 行：` : '';
}

const USAGE = '用法：npx tsx scripts/convert.ts 文件... [--out 输出.csv]';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const files: string[] = [];
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' || argv[i] === '-o') {
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

  // Per file, so that a narrative PDF and its tables PDF given together become one document.
  const perFile: StoredDocument[][] = [];
  let failed = false;
  for (const file of files) {
    const name = basename(file);
    const bytes = await readInputFile(file, io);
    if (!bytes) {
      failed = true;
      continue;
    }
    if (/\.csv$/i.test(file)) {
      const parsed = parseFormatCsv(new TextDecoder().decode(bytes));
      for (const err of parsed.errors) io.stderr(`${name}: 第 ${err.line} 行：${err.message}\n`);
      if (!parsed.docs.length && parsed.errors.length) failed = true;
      perFile.push(parsed.docs.map((d) => ({ ...d, fileName: name })));
      continue;
    }
    const result = isPdf(bytes) ? await readPdf(bytes, name, openPdfNode) : readDisclosure(bytes, name);
    if (!result.ok) {
      io.stderr(`${name}: ${result.error}\n`);
      failed = true;
      continue;
    }
    const id = await contentId(bytes);
    perFile.push(result.docs.map((doc, n) => {
      for (const w of doc.warnings) io.stderr(`${name}: ${where(w.source)}${w.message}\n`);
      return { ...doc, docId: n === 0 ? id : `${id}-${n + 1}`, fileName: name };
    }));
  }

  const csv = rowsToCsv(documentsToRows(mergeDocuments(perFile)));
  if (out) await writeFile(out, csv, 'utf8');
  else io.stdout(csv);
  return failed ? 1 : 0;
}

runIfMain(import.meta.url, main, 1);
