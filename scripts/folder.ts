import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesOf } from '../src/lib/ingest/bundle';
import { importFile } from '../src/lib/ingest/file';
import { isNarrativeOnly, isTablesOnly, mergeDocuments } from '../src/lib/ingest/merge';
import { startOcrNode } from '../src/lib/ingest/ocr/node';
import { openPdfNode } from '../src/lib/ingest/pdf/node';
import type { StoredDocument } from '../src/lib/model/document';

/**
 * A folder of disclosures read the way the app reads files dropped together: the builders
 * (build:data, build:archive) read through here, so a dataset or an archive holds the same documents
 * a library would.
 */

/** Each directory's files in name order, a directory's own files before its subdirectories'. */
function* directories(dir: string): Generator<string[]> {
  const names = readdirSync(dir).filter((n) => !n.startsWith('.') && n !== 'dataset.json').sort();
  const paths = names.map((n) => path.join(dir, n));
  const subdirs = paths.filter((p) => statSync(p).isDirectory());
  const files = paths.filter((p) => !subdirs.includes(p));
  if (files.length) yield files;
  for (const d of subdirs) yield* directories(d);
}

/** Every file under `dir`, recursively (dataset.json, a folder's own description, and hidden files left out). */
export function listFiles(dir: string): string[] {
  return [...directories(dir)].flat();
}

export interface FolderReading {
  /** Each file that cannot be read (`file`: it is skipped), and each row of one that could not (`row`), in Chinese, naming the file. */
  onError(message: string, what: 'file' | 'row'): void;
  /** Applied to each document as it is read, before pairing: a layout profile may be what finds its tables. */
  each?(doc: StoredDocument): StoredDocument;
  /** Filled as files are read: content hash → file name, for what names the file a joined narrative's rows count in (SourceRef.file). */
  names?: Map<string, string>;
}

/**
 * The documents of a folder's files. A narrative published as its own file joins the tables file of
 * the same unit, year, stage and scope in the same directory (ingest/merge.ts), as it does in the
 * library (db/pairing.ts) and in `convert`: without this, a province that publishes the two
 * separately was archived as two documents per unit-year, half of them narrative only, under two
 * names.
 *
 * Documents come out in file order. From a directory's first document that could pair (narrative
 * only, or tables only) to the directory's end, documents wait, so memory holds at most one
 * directory's documents, never the folder's.
 */
export async function* folderDocuments(folder: string, o: FolderReading): AsyncGenerator<StoredDocument> {
  for (const files of directories(folder)) {
    const held: StoredDocument[][] = [];
    const hashes: string[] = [];
    // One file read at a time; a ZIP of files stands for its files, read as if they lay in this
    // directory (ingest/bundle.ts).
    const inputs = function* () {
      for (const file of files) yield* filesOf(path.basename(file), new Uint8Array(readFileSync(file)), (message) => o.onError(message, 'file'));
    };
    for (const { name, bytes } of inputs()) {
      const read = await importFile(bytes, name, { openPdf: openPdfNode, ocr: startOcrNode });
      if (!read.ok) {
        o.onError(read.error, 'file');
        continue;
      }
      for (const e of read.rowErrors) o.onError(`${name}: 第 ${e.line} 行：${e.message}`, 'row');
      o.names?.set(read.contentHash, name);
      const docs = o.each ? read.docs.map(o.each) : read.docs;
      if (held.length || docs.some((d) => isNarrativeOnly(d) || isTablesOnly(d))) {
        held.push(docs);
        hashes.push(read.contentHash);
      } else {
        yield* docs;
      }
    }
    yield* mergeDocuments(held, hashes);
  }
}
