import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../../../src/lib/ingest/file';
import type { LibraryDb } from '../../../src/lib/db/library';
import type { StoredDocument } from '../../../src/lib/model/document';
import { SHARED } from '../../support/shared';

/** Adds the five Hebei seeds to `lib`, read through the importer as a picked file would be. */
export async function addSeeds(lib: LibraryDb): Promise<LibraryDb> {
  const dir = path.join(SHARED, 'seeds');
  for (const name of readdirSync(dir).sort()) {
    const read = await importFile(new Uint8Array(readFileSync(path.join(dir, name))), name);
    if (!read.ok) throw new Error(read.error);
    lib.addDocuments(read.docs, 'text', read.contentHash, read.text);
  }
  return lib;
}

/** The first document of the first Hebei seed, as the importer reads it. */
export async function firstSeed(): Promise<StoredDocument> {
  const dir = path.join(SHARED, 'seeds');
  const name = readdirSync(dir).sort()[0];
  const read = await importFile(new Uint8Array(readFileSync(path.join(dir, name))), name);
  if (!read.ok) throw new Error(read.error);
  return read.docs[0];
}
