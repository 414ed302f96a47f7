import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { CHUNK_SIZE, hashChunks } from '../../../src/lib/worker/chunks';
import { liveChunksOf, type LiveChunks } from '../../../src/lib/worker/liveFile';
import { Persistence } from '../../../src/lib/worker/persistence';
import type { SourceWrite } from '../../../src/lib/worker/sourceFiles';
import type { SqlJsWithFiles } from '../../../src/lib/worker/sqljs/sql-wasm-browser.js';
import { openLibrary } from '../../../src/lib/worker/startup';
import { WorkerState } from '../../../src/lib/worker/state';
import { addSeed, seedNames } from '../../support/seedLibrary';
import { glueSqlJs } from './glueSql';

/**
 * Saves that read only the chunks SQLite wrote (liveFile.ts, through the glue scripts/sqljs-file.ts
 * makes), on a real library of seed disclosures: a small change writes exactly the chunks whose
 * bytes changed, the saved file is the live file byte for byte (and db.export() but for the two
 * header counters its backup copy sets), and rollbacks, a shrinking file and start-up are right.
 */
let SQL: SqlJsWithFiles;
const seeds = seedNames;
const add = addSeed;

function saver(lib: () => LibraryDb, live: () => LiveChunks | null): Persistence {
  return new Persistence({ buildId: 't', snapshot: () => lib().export(), live, temporary: () => false, emit: () => undefined });
}

async function saved(p: Persistence): Promise<Uint8Array> {
  p.changed();
  const state = await p.save();
  expect(state).toMatchObject({ status: 'saved' });
  const read = await p.read((await p.load()).current!.id);
  if ('damage' in read) throw new Error(read.damage);
  return read.bytes;
}

const live = (lib: LibraryDb) => SQL.libraryFile((lib.db as unknown as { filename: string }).filename).bytes().slice();
/** The indices of the chunks that differ between two files. */
function differing(a: Uint8Array, b: Uint8Array): number[] {
  const ha = hashChunks(a);
  const hb = hashChunks(b);
  const out: number[] = [];
  for (let c = 0; c < hb.length / 2; c++) if (ha[2 * c] !== hb[2 * c] || ha[2 * c + 1] !== hb[2 * c + 1]) out.push(c);
  return out;
}
function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

describe('saves of the chunks SQLite wrote', () => {
  beforeAll(async () => {
    vi.stubGlobal('navigator', {});
    SQL = await glueSqlJs();
  });
  afterAll(() => vi.unstubAllGlobals());

  it('writes exactly the chunks whose bytes changed, and saves the live file byte for byte', async () => {
    const lib = LibraryDb.create(SQL);
    const tracker = liveChunksOf(SQL, lib.db)!;
    expect(tracker).not.toBeNull();
    const p = saver(() => lib, () => tracker);
    expect(await p.open()).toBeNull();
    expect(await p.claimWriter(async () => undefined)).toBe(true);
    for (const name of seeds.slice(0, 3)) await add(lib, name);
    // The first save knows no snapshot: the whole file.
    let before = live(lib);
    expect(same(await saved(p), before)).toBe(true);
    expect(p.lastWrite!.bytes).toBe(before.length);

    // A small change: exactly the chunks whose bytes changed, nothing else.
    await add(lib, seeds[3]);
    const after = live(lib);
    const want = differing(before, after);
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(hashChunks(after).length / 2);
    const back = await saved(p);
    expect(p.lastWrite!.chunks).toBe(want.length);
    expect(same(back, after)).toBe(true);
    // And a full export agrees byte for byte, but for three counters in SQLite's header that the backup
    // API sets on its copy: the file change counter (bytes 24–27), the schema cookie (40–43) and
    // version-valid-for (92–95).
    const exported = lib.export();
    expect(exported.length).toBe(back.length);
    const off = [...exported.keys()].filter((i) => exported[i] !== back[i]);
    expect(off.length).toBeGreaterThan(0);
    expect(off.filter((i) => !((i >= 24 && i < 28) || (i >= 40 && i < 44) || (i >= 92 && i < 96)))).toEqual([]);
    expect(differing(back, exported)).toEqual([0]);

    // A rolled-back transaction wrote to the file, but the bytes are back: nothing but what differs.
    before = live(lib);
    expect(() => lib.transaction(() => {
      lib.removeDocument(lib.listDocuments()[0].docId);
      throw new Error('rolled back');
    })).toThrow('rolled back');
    const unchanged = differing(before, live(lib));
    expect(same(await saved(p), live(lib))).toBe(true);
    expect(p.lastWrite!.chunks).toBe(unchanged.length);

    // Removals and VACUUM shrink the file: the chunks past its end are gone, the rest is the live file.
    for (const d of lib.listDocuments().slice(0, 3)) lib.removeDocument(d.docId);
    lib.db.exec('VACUUM');
    const small = live(lib);
    expect(small.length).toBeLessThan(after.length);
    const shrunk = await saved(p);
    expect(same(shrunk, small)).toBe(true);
    expect(p.lastWrite!.chunks).toBe(differing(after, small).filter((c) => c < Math.ceil(small.length / CHUNK_SIZE)).length);
    lib.close();
  }, 60_000);

  it('after start-up, saves only what changed since the snapshot it opened; a replaced store takes the whole file', async () => {
    const lib = LibraryDb.create(SQL);
    const p = saver(() => lib, () => null);
    await p.open();
    await p.claimWriter(async () => undefined);
    for (const s of seeds.slice(0, 4)) await add(lib, s);
    const first = await saved(p);
    lib.close();

    let current: LibraryDb | null = null;
    let tracker: LiveChunks | null = null;
    const again = saver(() => current!, () => tracker);
    const opened = await openLibrary(SQL, again, null);
    current = opened.lib;
    tracker = opened.live;
    expect(tracker).not.toBeNull();
    await again.claimWriter(async () => undefined);
    // Nothing is dirty yet: the save looks at the file's last chunk only, and writes nothing.
    const body = await tracker!.take();
    expect('chunks' in body && [...body.chunks.keys()]).toEqual([Math.ceil(first.length / CHUNK_SIZE) - 1]);
    tracker!.settled(null);
    await add(current, seeds[4]);
    const now = live(current);
    const back = await saved(again);
    expect(same(back, now)).toBe(true);
    expect(again.lastWrite!.chunks).toBe(differing(first, now).length);
    expect(again.lastWrite!.chunks).toBeLessThan(Math.ceil(now.length / CHUNK_SIZE));

    // Another writer saved meanwhile (the base is not current any more): the whole live file, once.
    const other = saver(() => current!, () => null);
    await other.open();
    await other.claimWriter(async () => undefined);
    await saved(other);
    await add(current, seeds[3]);
    const latest = live(current);
    expect(same(await saved(again), latest)).toBe(true);
    current.close();
  }, 60_000);

  it('a save done again after another writer\'s save takes the sources again with the file', async () => {
    const lib = LibraryDb.create(SQL);
    const tracker = liveChunksOf(SQL, lib.db)!;
    // A stand-in for the worker's KeptSources: each take says which documents the library had then.
    const taken: SourceWrite[] = [];
    const settled: SourceWrite[] = [];
    const docs = () => Number(lib.db.exec('SELECT count(*) FROM document')[0].values[0][0]);
    const sources = {
      take: (): SourceWrite => {
        const w: SourceWrite = { put: new Map([[`docs:${docs()}`, { text: '' }]]), remove: [], keep: null };
        taken.push(w);
        return w;
      },
      settled: (w: SourceWrite) => void settled.push(w),
    };
    const p = new Persistence({ buildId: 't', snapshot: () => lib.export(), live: () => tracker, sources, temporary: () => false, emit: () => undefined });
    await p.open();
    await p.claimWriter(async () => undefined);
    await add(lib, seeds[0]);
    await saved(p);
    // Another writer saves: this tab's next chunked save finds its base gone and takes the whole file again.
    const other = saver(() => lib, () => null);
    await other.open();
    await other.claimWriter(async () => undefined);
    await saved(other);
    await add(lib, seeds[1]);
    taken.length = settled.length = 0;
    const back = await saved(p);
    expect(same(back, live(lib))).toBe(true);
    // Taken twice, and what was written with the retried file is the second take: the library as it
    // was then (an import between the two takes would be in the file and, so, in its sources).
    expect(taken).toHaveLength(2);
    expect(settled).toEqual([taken[1]]);
    lib.close();
  }, 60_000);

  it('a library that began without a tracker (the sample, an empty start) writes only changed chunks after its first save', async () => {
    // What init does for a first visit: openLibrary gives the sample with no tracker, and the worker adopts it.
    const w = new WorkerState(() => undefined);
    w.SQL = SQL as never;
    const lib = LibraryDb.create(SQL);
    for (const s of seeds.slice(0, 2)) await add(lib, s);
    w.adopt(lib, null);
    let exports = 0;
    const p = new Persistence({
      buildId: 't', snapshot: () => (exports++, lib.export()), live: () => w.liveOf(lib), temporary: () => false, emit: () => undefined,
    });
    await p.open();
    await p.claimWriter(async () => undefined);
    // The first save knows no snapshot: the whole live file (a copy, not an export).
    const first = await saved(p);
    expect(same(first, live(lib))).toBe(true);
    // After it, a small change writes only the chunks that changed. Before the fix every save of
    // such a library exported the whole file (db.export(): the snapshot hook).
    await add(lib, seeds[2]);
    const now = live(lib);
    expect(same(await saved(p), now)).toBe(true);
    expect(p.lastWrite!.chunks).toBe(differing(first, now).length);
    expect(exports).toBe(0);
    lib.close();
  }, 60_000);
});
