import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { baseline, mergeChanges } from '../../../src/lib/db/merge';
import { reapplyProfiles } from '../../../src/lib/db/profiles';
import { importFile } from '../../../src/lib/ingest/file';
import { parseSample } from '../../../src/lib/model/sample';
import { storedAudits } from '../../../src/lib/worker/audits';
import { Persistence } from '../../../src/lib/worker/persistence';
import type { ParsePool } from '../../../src/lib/worker/parsePool';
import { sampleTextHandlers } from '../../../src/lib/worker/sampleTexts';
import { openLibrary } from '../../../src/lib/worker/startup';
import { WorkerState } from '../../../src/lib/worker/state';
import { publicDataDir } from '../../../scripts/paths';
import { fakePool } from './fakePool';

/**
 * A first visit in two steps (issue 17): the sample's documents from their FORMAT CSV
 * (public/data/seeds.csv) at start-up, then their texts (public/data/sample.json) replacing them.
 * The end must be exactly the library the texts alone give — documents, figures, tables, projects,
 * warnings, source lines and audit — and a document removed in between must stay removed.
 */
const BASE = 'http://app.test/data/';

function serveData(): void {
  vi.stubGlobal('fetch', async (url: string) => {
    const file = path.join(publicDataDir, new URL(url).pathname.replace('/data/', ''));
    return new Response(readFileSync(file));
  });
}

async function firstVisit(SQL: SqlJsStatic, pool?: ParsePool) {
  const persistence = new Persistence({ buildId: 't', snapshot: () => new Uint8Array(), temporary: () => false, emit: () => undefined });
  const opened = await openLibrary(SQL, persistence, `${BASE}seeds.csv`);
  const w = new WorkerState(() => undefined);
  w.lib = opened.lib;
  const saves: number[] = [];
  w.persistence = { changed: () => saves.push(1) } as unknown as Persistence;
  return { opened, w, saves, handlers: sampleTextHandlers(w, pool) };
}

/** The library the sample's texts give when read whole (what a first visit gave before). */
async function fromTexts(SQL: SqlJsStatic): Promise<LibraryDb> {
  const lib = LibraryDb.create(SQL);
  for (const f of parseSample(JSON.parse(readFileSync(path.join(publicDataDir, 'sample.json'), 'utf8'))).files) {
    const read = await importFile(new TextEncoder().encode(f.text), f.fileName);
    if (!read.ok) throw new Error(read.error);
    lib.addDocuments(read.docs, 'sample', read.contentHash, read.text);
  }
  return lib;
}

const listed = (lib: LibraryDb) => lib.listDocuments().map(({ importedAt: _, ...d }) => d);

describe('the sample on a first visit: documents first, texts after', () => {
  let SQL: SqlJsStatic;
  beforeAll(async () => {
    vi.stubGlobal('navigator', {});
    serveData();
    SQL = await initSqlJs();
  });
  afterAll(() => vi.unstubAllGlobals());

  it('ends as the library the texts give, with every figure on screen before them, the texts read in the parse pool', { timeout: 120_000 }, async () => {
    const { pool, workers } = fakePool(1);
    const { opened, w, saves, handlers } = await firstVisit(SQL, pool);
    const whole = await fromTexts(SQL);
    expect(opened.restoredFrom).toBe('sample');
    // Before the texts: every document and figure, none of their source.
    const early = listed(opened.lib);
    expect(early.map((d) => [d.docId, d.figureCount])).toEqual(listed(whole).map((d) => [d.docId, d.figureCount]));
    expect(early.every((d) => d.sourceKind === 'sample')).toBe(true);
    expect(await opened.lib.sourceLines(early[0].docId, 1, 3)).toEqual([]);
    expect(saves).toHaveLength(0);

    expect(await handlers.sampleTexts({ type: 'sampleTexts', url: `${BASE}sample.json` }, 1)).toEqual({ replaced: 6 });
    // Every text went to the pool, which is then up for the user's first files.
    expect(workers.map((x) => x.jobs)).toEqual([parseSample(JSON.parse(readFileSync(path.join(publicDataDir, 'sample.json'), 'utf8'))).files.length]);
    expect(listed(w.lib)).toEqual(listed(whole));
    for (const { docId } of listed(whole)) {
      expect(w.lib.figures(docId)).toEqual(whole.figures(docId));
      expect(w.lib.warnings(docId)).toEqual(whole.warnings(docId));
      expect(await w.lib.sourceLines(docId, 1, 40)).toEqual(await whole.sourceLines(docId, 1, 40));
    }
    const audits = (lib: LibraryDb) => storedAudits(lib, null, true).sort((a, b) => a.docId.localeCompare(b.docId));
    expect(audits(w.lib)).toEqual(audits(whole));
    // Saved once, whole: a visit closed before the texts arrive starts from the sample again.
    expect(saves).toHaveLength(1);
    whole.close();
    w.lib.close();
  });

  it('leaves removed sample documents removed and a hand-imported one as it was', { timeout: 120_000 }, async () => {
    const { w, handlers } = await firstVisit(SQL);
    const [removed, byHand, ...rest] = listed(w.lib);
    w.lib.removeDocument(removed.docId);
    w.lib.removeDocument(byHand.docId);
    w.lib.addDocuments([{ docId: byHand.docId, fileName: 'mine.csv', meta: { unitCode: byHand.unitCode, unitName: byHand.unitName, scope: byHand.scope, stage: byHand.stage, year: byHand.year }, figures: [], tables: [], projects: [], warnings: [] }], 'csv', 'csv:mine');
    const result = await handlers.sampleTexts({ type: 'sampleTexts', url: `${BASE}sample.json` }, 1);
    expect(result.replaced).toBe(rest.length);
    const after = new Map(listed(w.lib).map((d) => [d.docId, d]));
    expect(after.has(removed.docId)).toBe(false);
    expect(after.get(byHand.docId)?.sourceKind).toBe('csv');
    for (const d of rest) expect(await w.lib.sourceLines(d.docId, 1, 1)).toHaveLength(1);
    w.lib.close();
  });

  it('in a tab that is not the writer, is not a change of its own: a takeover does not bring back sample documents the writer removed', { timeout: 120_000 }, async () => {
    const { w, handlers } = await firstVisit(SQL);
    // Two tabs on a first visit: this one started from the CSV sample while the other held the lock.
    w.base = baseline(w.lib);
    const [mine, ...rest] = listed(w.lib);
    w.lib.removeDocument(mine.docId);
    await handlers.sampleTexts({ type: 'sampleTexts', url: `${BASE}sample.json` }, 1);
    // The writer's saved library: the sample read from its texts, then two documents removed by hand.
    const writer = await fromTexts(SQL);
    const [gone, alsoGone] = rest;
    writer.removeDocument(gone.docId);
    writer.removeDocument(alsoGone.docId);
    const result = mergeChanges(writer, w.lib, w.base, reapplyProfiles);
    // Only this tab's own change reaches it: its removal. The texts it read are not "added".
    expect(result).toEqual({ added: 0, removed: 1, links: 0, profiles: 0 });
    expect(listed(writer).map((d) => d.docId).sort()).toEqual(rest.slice(2).map((d) => d.docId).sort());
    writer.close();
    w.lib.close();
  });

  it('says what is wrong with texts it cannot read, and changes nothing', async () => {
    const { w, handlers } = await firstVisit(SQL);
    const before = listed(w.lib);
    await expect(handlers.sampleTexts({ type: 'sampleTexts', url: `${BASE}catalog.json` }, 1)).rejects.toThrow('示例数据（sample.json）格式不对');
    expect(listed(w.lib)).toEqual(before);
    w.lib.close();
  });
});
