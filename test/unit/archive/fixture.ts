import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { buildArchive } from '../../../scripts/archive/build';
import type { ArchiveCatalog } from '../../../src/lib/archive/format';
import { LibraryDb } from '../../../src/lib/db/library';
import type { StoredDocument } from '../../../src/lib/model/document';
import { nationalCorpus, type NationalOptions } from '../../../src/lib/synth/national';

/** The test archive: 2,000 synthetic documents (issue 21), 5 years, over 8 provinces. */
export const TEST_CORPUS: NationalOptions = { documents: 2000, seed: 21, years: 5 };

export interface Fixture {
  SQL: SqlJsStatic;
  dir: string;
  catalog: ArchiveCatalog;
  /** The same documents imported into a local library, as a user would. */
  local: LibraryDb;
  docs: Map<string, StoredDocument>;
  dispose(): void;
}

export async function archiveFixture(opts: NationalOptions = TEST_CORPUS): Promise<Fixture> {
  const SQL = await initSqlJs();
  const dir = mkdtempSync(path.join(tmpdir(), 'bl-archive-'));
  const { catalog } = await buildArchive(nationalCorpus(opts), { outDir: dir, id: 'test', title: '测试档案', built: '2026-01-01T00:00:00Z' });
  const local = LibraryDb.create(SQL);
  const docs = new Map<string, StoredDocument>();
  let batch: StoredDocument[] = [];
  const flush = () => {
    local.addDocuments(batch, 'csv', `batch-${docs.size}`, undefined, new Date('2026-01-01T00:00:00Z'));
    batch = [];
  };
  for (const d of nationalCorpus(opts)) {
    docs.set(d.docId, d);
    batch.push(d);
    if (batch.length === 200) flush();
  }
  flush();
  return { SQL, dir, catalog, local, docs, dispose: () => { local.close(); rmSync(dir, { recursive: true, force: true }); } };
}
