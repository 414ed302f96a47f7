import type { SqlJsStatic } from 'sql.js';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { corpus, renderDocument } from '../../../src/lib/synth';
import { auditPending } from '../../../src/lib/worker/audits';
import { addImported } from '../../../src/lib/worker/imports';
import { seedBytes, seedFiles } from '../ingest/seeds';

/** Files into a new library the way the worker adds them (import, pairing, audit). */
export async function libraryOf(SQL: SqlJsStatic, files: readonly { name: string; bytes: Uint8Array }[]): Promise<LibraryDb> {
  const lib = LibraryDb.create(SQL);
  for (const f of files) {
    const read = await importFile(f.bytes, f.name);
    if (!read.ok) throw new Error(read.error);
    addImported(lib, read, f.name, f.bytes);
  }
  auditPending(lib);
  return lib;
}

export const seedInputs = () => seedFiles.map((name) => ({ name, bytes: seedBytes(name) }));

/** Three synthetic units over three years: what the year-on-year examples need. */
export const synthInputs = () =>
  [...corpus({ units: 3, years: 3, seed: 7 })].map((doc) => {
    const r = renderDocument(doc);
    return { name: r.fileName, bytes: new TextEncoder().encode(r.text), doc };
  });
