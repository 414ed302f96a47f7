import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { addImported } from '../../../src/lib/worker/imports';
import { Persistence } from '../../../src/lib/worker/persistence';
import { KeptSources } from '../../../src/lib/worker/sourceFiles';
import type { SqlJsWithFiles } from '../../../src/lib/worker/sqljs/sql-wasm-browser.js';
import { WorkerState } from '../../../src/lib/worker/state';
import { seedsDir } from '../../support/shared';
import { startedWorker, workerHooks } from './startedWorker';

/**
 * The files documents were read from, in IndexedDB beside the snapshots (issue 17), through the
 * worker's own wiring (libraryHandlers.ts persistenceOf, startup.ts): a save writes a new file with
 * the snapshot that first lists its document and deletes one with the snapshot that lists none; the
 * snapshot itself holds no source text; a restart reads the files back; a library an older build
 * saved with its files inside moves them out and saves them beside it.
 */
let SQL: SqlJsWithFiles;
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const seedText = (name: string) => readFileSync(path.join(seedsDir, name), 'utf8');

const worker = () => startedWorker(SQL);

async function importSeed(w: WorkerState, name: string): Promise<string[]> {
  const bytes = new Uint8Array(readFileSync(path.join(seedsDir, name)));
  const read = await importFile(bytes, name);
  if (!read.ok) throw new Error(read.error);
  const r = addImported(w.lib, read, name, bytes);
  if (r.status !== 'added') throw new Error(r.message);
  w.changed(r.docs.map((d) => d.docId));
  return r.docs.map((d) => d.docId);
}

function storeKeys(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('budget-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('sources').objectStore('sources').getAllKeys();
      req.onsuccess = () => {
        open.result.close();
        resolve((req.result as string[]).sort());
      };
    };
  });
}

function putStored(key: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('budget-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('sources', 'readwrite');
      tx.objectStore('sources').put(value, key);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
    };
  });
}

async function currentFile(p: Persistence): Promise<Buffer> {
  const read = await p.read((await p.load()).current!.id);
  if ('damage' in read) throw new Error(read.damage);
  return Buffer.from(read.bytes);
}

/** Stretches of the raw text that span line breaks: stored only where the text is stored whole. */
function windows(text: string): Buffer[] {
  const bytes = Buffer.from(text);
  return [0.2, 0.4, 0.6, 0.8].map((at) => bytes.subarray(Math.floor(bytes.length * at), Math.floor(bytes.length * at) + 120));
}

describe('source files beside the snapshots', () => {
  workerHooks((glue) => (SQL = glue));

  it('are written with the snapshot that lists their documents, read back after a restart, and deleted with the last one', { timeout: 60_000 }, async () => {
    const w = await worker();
    const ids = [];
    for (const name of seeds.slice(0, 3)) ids.push(...(await importSeed(w, name)));
    expect((await w.persistence.save()).status).toBe('saved');
    expect(w.persistence.lastWrite!.sources).toBeGreaterThan(0);
    expect(w.sources.unsaved).toBe(0);
    expect(await storeKeys()).toHaveLength(3);
    // The snapshot has the figures, not the texts they were read from.
    const file = await currentFile(w.persistence);
    for (const name of seeds.slice(0, 3)) for (const stretch of windows(seedText(name))) expect(file.indexOf(stretch)).toBe(-1);
    const first = seedText(seeds[0]).replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 3);
    w.lib.close();

    // A restart: the texts come from the store.
    const again = await worker();
    expect((await again.lib.sourceLines(ids[0], 1, 3)).map((l) => l.text)).toEqual(first);
    // Removing the file's only document deletes the file with the save that no longer lists it.
    const [hash] = again.lib.db.exec('SELECT content_hash FROM document WHERE doc_id = ?', [ids[0]])[0].values[0] as string[];
    again.lib.removeDocument(ids[0]);
    again.changed([]);
    expect((await again.persistence.save()).status).toBe('saved');
    expect(await storeKeys()).toHaveLength(2);
    expect(await storeKeys()).not.toContain(hash);
    expect(await again.lib.sourceLines(ids[0], 1, 3)).toEqual([]);
    again.lib.close();
  });

  it('moves the files an older build saved inside the library out at start-up, and sweeps files no document reads', { timeout: 60_000 }, async () => {
    // An older build: the text inside the file, saved as a whole-file snapshot.
    const old = LibraryDb.create(SQL);
    const name = seeds[1];
    const bytes = new Uint8Array(readFileSync(path.join(seedsDir, name)));
    const read = await importFile(bytes, name);
    if (!read.ok) throw new Error(read.error);
    old.addDocuments(read.docs, read.kind, read.contentHash);
    old.db.run('INSERT INTO source_text (content_hash, text) VALUES (?, ?)', [read.contentHash, read.text!]);
    const legacy = new Persistence({ buildId: 'old', snapshot: () => old.export(), temporary: () => false, emit: () => undefined });
    await legacy.claimWriter(async () => undefined);
    await legacy.open();
    legacy.changed();
    expect((await legacy.save()).status).toBe('saved');
    old.close();
    expect((await currentFile(legacy)).indexOf(windows(read.text!)[1])).toBeGreaterThan(-1);
    await putStored('orphan', { text: '没有文档读自这个文件' });

    const w = await worker();
    expect(w.lib.movedSources).toBe(1);
    // Start-up asked for the save itself.
    expect((await w.persistence.save()).status).toBe('saved');
    expect(await storeKeys()).toEqual([read.contentHash]);
    const file = await currentFile(w.persistence);
    for (const stretch of windows(read.text!)) expect(file.indexOf(stretch)).toBe(-1);
    const docId = read.docs[0].docId;
    const lines = await w.lib.sourceLines(docId, 1, 3);
    w.lib.close();

    const again = await worker();
    expect(again.lib.movedSources).toBe(0);
    expect(await again.lib.sourceLines(docId, 1, 3)).toEqual(lines);
    expect(lines.map((l) => l.text).join('').length).toBeGreaterThan(0);
    again.lib.close();
  });

  it('keeps a file to write until a save has written it, and a file put again during that save for the next', async () => {
    const sqlLib = LibraryDb.create(SQL);
    const kept = new KeptSources(async () => undefined);
    const lib = LibraryDb.open(SQL, sqlLib.export(), { sources: kept });
    sqlLib.close();
    lib.addDocuments([{ docId: 'a', fileName: 'a.txt', meta: { unitCode: '', unitName: '甲', scope: 'department', stage: 'budget', year: 2024 }, figures: [], tables: [], projects: [], warnings: [] }], 'text', 'ha', '一');
    const failed = kept.take(lib.db);
    expect([...failed.put.keys()]).toEqual(['ha']);
    // The save failed (never settled): still to write.
    const retry = kept.take(lib.db);
    expect([...retry.put.keys()]).toEqual(['ha']);
    kept.put('ha', { text: '二' }); // put again while that save is written
    kept.settled(retry);
    expect(kept.unsaved).toBe(1);
    expect(await lib.sourceLines('a', 1, 1)).toEqual([{ line: 1, text: '二' }]);
    expect(kept.take(lib.db).keep).toBeNull(); // the first settled save swept the store
    lib.close();
  });
});
