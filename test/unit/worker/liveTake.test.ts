import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { CHUNK_SIZE } from '../../../src/lib/worker/chunks';
import { liveChunksOf, type SnapshotBody } from '../../../src/lib/worker/liveFile';
import type { SqlJsWithFiles } from '../../../src/lib/worker/sqljs/sql-wasm-browser.js';
import { addSeed, seedNames } from '../../support/seedLibrary';
import { glueSqlJs } from './glueSql';

/**
 * A save copies the live file in slices and lets requests run between them (liveFile.ts): what it
 * saves must still be the file as it was when the save began, whatever SQLite writes meanwhile,
 * and a file shrunk by VACUUM under the copy must not leave a mix of two files.
 */
let SQL: SqlJsWithFiles;
const seeds = seedNames;
const add = addSeed;
const live = (lib: LibraryDb) => SQL.libraryFile((lib.db as unknown as { filename: string }).filename).bytes().slice();

/** A pause that runs `change` at the first slice boundary only, and counts the boundaries. */
function pauseWith(change: () => Promise<void> | void): { pause: () => Promise<void>; count: () => number } {
  let n = 0;
  return { pause: async () => { if (n++ === 0) await change(); }, count: () => n };
}

/** The chunked body laid over `base` as the store would put it together. */
function applied(base: Uint8Array, body: SnapshotBody): Uint8Array {
  if ('bytes' in body) return body.bytes;
  const out = new Uint8Array(body.length);
  out.set(base.subarray(0, Math.min(base.length, body.length)));
  for (const [c, bytes] of body.chunks) out.set(bytes, c * CHUNK_SIZE);
  return out;
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('a sliced take of the live file', () => {
  beforeAll(async () => {
    SQL = await glueSqlJs();
  });

  it('the whole file as it was at the call, though an import writes between the slices', async () => {
    const lib = LibraryDb.create(SQL);
    const tracker = liveChunksOf(SQL, lib.db)!;
    for (const s of seeds.slice(0, 3)) await add(lib, s);
    const atCall = live(lib);
    const p = pauseWith(() => add(lib, seeds[3]));
    const body = await tracker.take(p.pause, 0);
    expect(p.count()).toBeGreaterThan(2);
    const now = live(lib);
    expect(same(now, atCall)).toBe(false);
    expect('bytes' in body && same(body.bytes, atCall)).toBe(true);
    // What the import wrote is the next save's: taken from a snapshot of `atCall`, it gives the file now.
    tracker.settled(1);
    const next = await tracker.take(async () => undefined, 0);
    expect('chunks' in next).toBe(true);
    expect(same(applied(atCall, next), now)).toBe(true);
    lib.close();
  }, 60_000);

  it('only the chunks written since the base, as they were at the call', async () => {
    const lib = LibraryDb.create(SQL);
    const tracker = liveChunksOf(SQL, lib.db)!;
    for (const s of seeds.slice(0, 2)) await add(lib, s);
    const base = live(lib);
    tracker.basedOn(7, base.length);
    await tracker.take(async () => undefined, 0); // clears what creating it wrote
    tracker.settled(7);
    await add(lib, seeds[2]);
    const atCall = live(lib);
    const p = pauseWith(() => {
      for (const d of lib.listDocuments().slice(0, 1)) lib.removeDocument(d.docId);
    });
    const body = await tracker.take(p.pause, 0);
    expect(p.count()).toBeGreaterThan(1);
    expect('chunks' in body && body.base).toBe(7);
    expect(same(applied(base, body), atCall)).toBe(true);
    expect(same(live(lib), atCall)).toBe(false);
    lib.close();
  }, 60_000);

  it('a VACUUM that shrinks the file under the copy: the file is taken again as it is after', async () => {
    const lib = LibraryDb.create(SQL);
    const tracker = liveChunksOf(SQL, lib.db)!;
    for (const s of seeds.slice(0, 4)) await add(lib, s);
    const atCall = live(lib);
    const p = pauseWith(() => {
      for (const d of lib.listDocuments().slice(0, 3)) lib.removeDocument(d.docId);
      lib.db.exec('VACUUM');
    });
    const body = await tracker.take(p.pause, 0);
    const after = live(lib);
    expect(after.length).toBeLessThan(atCall.length);
    expect('bytes' in body && same(body.bytes, after)).toBe(true);
    lib.close();
  }, 60_000);
});
