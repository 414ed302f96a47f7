import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { MemorySources } from '../../../src/lib/db/sources';
import { importFile } from '../../../src/lib/ingest/file';
import { documents, renderDocument } from '../../../src/lib/synth';
import { addImported } from '../../../src/lib/worker/imports';
import type { SqlJsWithFiles } from '../../../src/lib/worker/sqljs/sql-wasm-browser.js';
import { glueSqlJs } from '../worker/glueSql';

/**
 * A burst's files in one transaction (db/transactions.ts, issue 17): the library file holds only
 * what was committed until the burst ends, each file stays all-or-nothing inside it, the files'
 * sources reach their keeper at the end, and the burst can't be ended from inside a transaction.
 */
let SQL: SqlJsWithFiles;
const texts = documents(4, 21).map((d) => renderDocument(d));
const reads = () => Promise.all(texts.map(async (r) => {
  const bytes = new TextEncoder().encode(r.text);
  const read = await importFile(bytes, r.fileName);
  if (!read.ok) throw new Error(read.error);
  return { name: r.fileName, bytes, read };
}));

/** The documents in the library file as it lies in memory (what a save takes), opened apart. */
function committedIds(lib: LibraryDb): string[] {
  const bytes = SQL.libraryFile((lib.db as unknown as { filename: string }).filename).bytes().slice();
  const copy = new SQL.Database(bytes);
  try {
    return (copy.exec('SELECT doc_id FROM document ORDER BY doc_id')[0]?.values ?? []).map(([id]) => String(id));
  } finally {
    copy.close();
  }
}
const ids = (lib: LibraryDb) => (lib.db.exec('SELECT doc_id FROM document ORDER BY doc_id')[0]?.values ?? []).map(([id]) => String(id));

describe('a burst of imports in one transaction', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    SQL = await glueSqlJs();
  });

  it('leaves the file as it was until the burst ends, then holds every file of it', async () => {
    const files = await reads();
    const sources = new MemorySources();
    const lib = LibraryDb.create(SQL, undefined, sources);
    try {
      addImported(lib, files[0].read, files[0].name, files[0].bytes);
      const before = committedIds(lib);
      expect(before).toHaveLength(1);
      lib.beginBurst();
      for (const f of files.slice(1)) expect(addImported(lib, f.read, f.name, f.bytes).status).toBe('added');
      // The connection reads the burst's documents; the file (and the sources' keeper) does not yet.
      expect(ids(lib)).toHaveLength(files.length);
      expect(committedIds(lib)).toEqual(before);
      for (const f of files.slice(1)) expect(sources.held(f.read.contentHash)).toBeUndefined();
      lib.endBurst();
      expect(committedIds(lib)).toEqual(ids(lib));
      for (const f of files) expect(sources.held(f.read.contentHash)?.text).toBe(f.read.text);
      // Ending it again does nothing.
      lib.endBurst();
      expect(committedIds(lib)).toEqual(ids(lib));
    } finally {
      lib.close();
    }
  });

  it('keeps each file all-or-nothing inside it', async () => {
    const files = await reads();
    const sources = new MemorySources();
    const lib = LibraryDb.create(SQL, undefined, sources);
    try {
      lib.beginBurst();
      addImported(lib, files[0].read, files[0].name, files[0].bytes);
      // A file whose store fails half-way: its rows and its source go, the burst's others stay.
      expect(() => lib.transaction(() => {
        lib.addDocuments(files[1].read.docs, 'text', files[1].read.contentHash, files[1].read.text);
        throw new Error('存储失败');
      })).toThrow('存储失败');
      addImported(lib, files[2].read, files[2].name, files[2].bytes);
      lib.endBurst();
      const want = [files[0], files[2]].flatMap((f) => f.read.docs.map((d) => d.docId)).sort();
      expect(committedIds(lib)).toEqual(want);
      expect(sources.size).toBe(2);
      expect(sources.held(files[1].read.contentHash)).toBeUndefined();
    } finally {
      lib.close();
    }
  });

  it('is ended by an export, and can not be ended from inside a transaction', async () => {
    const files = await reads();
    const lib = LibraryDb.create(SQL);
    try {
      lib.beginBurst();
      addImported(lib, files[0].read, files[0].name, files[0].bytes);
      expect(() => lib.transaction(() => lib.endBurst())).toThrow();
      // Still open after the refused end: the next file joins it, and an export commits it.
      addImported(lib, files[1].read, files[1].name, files[1].bytes);
      expect(committedIds(lib)).toEqual([]);
      const exported = new SQL.Database(lib.export());
      try {
        expect(exported.exec('SELECT count(*) FROM document')[0].values[0][0]).toBe(2);
      } finally {
        exported.close();
      }
      expect(committedIds(lib)).toHaveLength(2);
      // A burst asked for inside a transaction is no burst: the transaction commits as it always did.
      lib.transaction(() => {
        lib.beginBurst();
        addImported(lib, files[2].read, files[2].name, files[2].bytes);
      });
      expect(committedIds(lib)).toHaveLength(3);
    } finally {
      lib.close();
    }
  });
});
