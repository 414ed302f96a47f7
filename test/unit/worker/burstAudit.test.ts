import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_VERSION } from '../../../src/lib/audit/audit';
import { readAudits, unauditedIds } from '../../../src/lib/db/audits';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import type { StoredDocument } from '../../../src/lib/model/document';
import { documents, renderDocument } from '../../../src/lib/synth';
import { addImported } from '../../../src/lib/worker/imports';
import { importHandlers } from '../../../src/lib/worker/importHandlers';
import type { Persistence } from '../../../src/lib/worker/persistence';
import { AUDIT_WITH_UP_TO, WorkerState } from '../../../src/lib/worker/state';
import { corpusDir, seedsDir } from '../../support/shared';
import { trackedLibraries } from '../db/tracked';

/**
 * A burst's files are audited together (state.ts imported(), issue 17): the end must be exactly the
 * audit each file gets imported alone, findings and all, and nothing may read the library while an
 * audit waits (auditImported before any other request, worker.ts).
 */
const libs = trackedLibraries();

function state(): { w: WorkerState; saves: number[] } {
  const w = new WorkerState(() => undefined);
  w.lib = libs.track(LibraryDb.create(libs.SQL()));
  const saves: number[] = [];
  w.persistence = { changed: () => saves.push(1) } as unknown as Persistence;
  return { w, saves };
}

// The seeds (findings, a department and its unit) and synthetic units over five years (each audit
// reads the year before: neighbours within the burst).
const SEEDS = ['000_90f61d72552513ea.txt', '001_0e01da1d0149c9a7.txt', '002_64e98bfc144ba4c8.txt', '003_3753cf426c7ec0a0.txt', '004_4e927ba8514049a8.txt'];
const files = [
  ...SEEDS.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(seedsDir, name))) })),
  ...documents(15, 11).map((d) => renderDocument(d)).map((r) => ({ name: r.fileName, bytes: new TextEncoder().encode(r.text) })),
];
const req = (f: { name: string; bytes: Uint8Array }) => ({ type: 'importFile' as const, fileName: f.name, file: new Blob([f.bytes as Uint8Array<ArrayBuffer>]) });
const audits = (lib: LibraryDb) => readAudits(lib, null, true).sort((a, b) => a.docId.localeCompare(b.docId));

async function importAlone(): Promise<LibraryDb> {
  const { w } = state();
  const h = importHandlers(w);
  for (const [i, f] of files.entries()) expect((await h.handlers.importFile(req(f), i + 1)).status).toBe('added');
  expect(unauditedIds(w.lib, AUDIT_VERSION)).toEqual([]);
  return w.lib;
}

// Whole files parsed and audited: generous limits for a hang on a loaded machine, not a speed goal.
describe('the files of a burst, audited together', { timeout: 120_000 }, () => {
  it('wait for the burst\'s last file, then have exactly the audit each gets imported alone', async () => {
    const alone = await importAlone();
    const { w, saves } = state();
    const h = importHandlers(w);
    for (const [i, f] of files.entries()) {
      w.filesWaiting = files.length - i - 1;
      expect((await h.handlers.importFile(req(f), i + 1)).status).toBe('added');
      // Each file still asks for its save; its audit waits while files of the burst do.
      expect(saves).toHaveLength(i + 1);
      if (i === 0) expect(unauditedIds(w.lib, AUDIT_VERSION).length).toBeGreaterThan(0);
    }
    expect(unauditedIds(w.lib, AUDIT_VERSION)).toEqual([]);
    const got = audits(w.lib);
    expect(got.some((a) => a.findings.length > 0)).toBe(true);
    expect(got).toEqual(audits(alone));
  });

  it('are audited by auditImported when something else comes first, and by it only once', async () => {
    const alone = await importAlone();
    const { w, saves } = state();
    const h = importHandlers(w);
    w.filesWaiting = 1; // the burst goes on behind every file: only auditImported audits them
    for (const [i, f] of files.entries()) await h.handlers.importFile(req(f), i + 1);
    expect(unauditedIds(w.lib, AUDIT_VERSION).length).toBe(files.length + 1); // 004: a department and its unit
    w.auditImported();
    expect(unauditedIds(w.lib, AUDIT_VERSION)).toEqual([]);
    expect(audits(w.lib)).toEqual(audits(alone));
    // The audit is a change to save; a second call finds nothing waiting.
    expect(saves).toHaveLength(files.length + 1);
    w.auditImported();
    expect(saves).toHaveLength(files.length + 1);
  });

  // A narrative PDF joins the document its tables PDF brought (db/pairing.ts): in either order, the
  // document that waits is the joined one, not the first file's read of it (its narrative's findings).
  const dir = path.join(corpusDir, 'jiangsu');
  const tablesPdf = readdirSync(dir).filter((f) => f.endsWith('-tables.pdf')).sort()[0];
  const narrativePdf = tablesPdf.replace(/-tables\.pdf$/, '-text.pdf');
  for (const order of [[tablesPdf, narrativePdf], [narrativePdf, tablesPdf]]) {
    it(`take a document joined by a later file from the library, not from memory: ${order.join(' then ')}`, async () => {
      const reads = await Promise.all(order.map(async (name) => {
        const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
        const read = await importFile(bytes, name, { openPdf: openPdfNode });
        if (!read.ok) throw new Error(read.error);
        return { name, bytes, read };
      }));
      const run = (burst: boolean) => {
        const { w } = state();
        for (const [i, f] of reads.entries()) {
          w.filesWaiting = burst ? reads.length - i - 1 : 0;
          const stored = new Map<string, StoredDocument>();
          const result = addImported(w.lib, f.read, f.name, f.bytes, stored);
          if (result.status !== 'added') throw new Error(result.status);
          w.imported(result.docs.map((d) => d.docId), stored);
        }
        expect(unauditedIds(w.lib, AUDIT_VERSION)).toEqual([]);
        return audits(w.lib);
      };
      const alone = run(false);
      expect(alone.flatMap((a) => a.findings).some((f) => f.file)).toBe(true); // a finding in the narrative's own file
      expect(run(true)).toEqual(alone);
    });
  }

  it(`hold at most ${AUDIT_WITH_UP_TO} documents in memory for it`, async () => {
    const { w } = state();
    const h = importHandlers(w);
    const many = documents(AUDIT_WITH_UP_TO + 10, 5).map((d) => renderDocument(d));
    w.filesWaiting = 1;
    let most = 0;
    for (const [i, r] of many.entries()) {
      await h.handlers.importFile(req({ name: r.fileName, bytes: new TextEncoder().encode(r.text) }), i + 1);
      most = Math.max(most, unauditedIds(w.lib, AUDIT_VERSION).length);
    }
    expect(most).toBe(AUDIT_WITH_UP_TO - 1);
    expect(unauditedIds(w.lib, AUDIT_VERSION)).toHaveLength(10);
  });
});
