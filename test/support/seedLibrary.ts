import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LibraryDb } from '../../src/lib/db/library';
import { importFile } from '../../src/lib/ingest/file';
import { seedsDir } from './shared';

/** The seed disclosures' text files, in a fixed order. */
export const seedNames = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

/** Reads a seed and adds its documents to `lib`, as an import does. */
export async function addSeed(lib: LibraryDb, name: string): Promise<void> {
  const read = await importFile(readFileSync(path.join(seedsDir, name)), name);
  if (!read.ok) throw new Error(read.error);
  lib.addDocuments(read.docs, read.kind, read.contentHash, read.text);
}
