import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStoredDocuments, storedForm } from '../../../src/lib/db/documents';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import type { StoredDocument } from '../../../src/lib/model/document';
import { corpusDir, seedsDir } from '../../support/shared';
import { trackedLibraries } from './tracked';

/**
 * The audit of a file just imported starts from the documents in memory (storedForm), not from a read
 * of them (issue 17): the two must be the same, field for field, or an import and a later whole-library
 * audit could disagree.
 */
const { SQL, track } = trackedLibraries();

function expectSameAsRead(lib: LibraryDb, docs: StoredDocument[], kind: 'text' | 'pdf', hash: string, text?: string, bytes?: Uint8Array): void {
  const { added } = lib.addDocuments(docs, kind, hash, text, undefined, bytes);
  expect(added.length).toBe(docs.length);
  const read = loadStoredDocuments(lib.db, added);
  for (const doc of docs) expect(storedForm(doc), doc.fileName).toEqual(read.find((d) => d.docId === doc.docId));
}

describe('a document in memory in the form the library reads it back (storedForm)', () => {
  it('equals the read for every seed: warnings, tables, narratives, projects', async () => {
    const lib = track(LibraryDb.create(SQL()));
    for (const name of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
      const read = await importFile(new Uint8Array(readFileSync(path.join(seedsDir, name))), name);
      if (!read.ok) throw new Error(read.error);
      expectSameAsRead(lib, read.docs, 'text', read.contentHash, read.text);
    }
    const all = loadStoredDocuments(lib.db, null);
    expect(all.some((d) => d.warnings.length > 0)).toBe(true);
    expect(all.some((d) => d.narrative)).toBe(true);
  });

  it('equals the read for PDFs (pages and boxes, raw tables) of both corpora', { timeout: 120_000 }, async () => {
    const lib = track(LibraryDb.create(SQL()));
    for (const file of ['shanghai/putuo-qzfb-2025-unit.pdf', 'shanghai/putuo-czj-2024-department-final.pdf', 'jiangsu/jiangsu-gjfy-2019-dept-budget.pdf']) {
      const bytes = new Uint8Array(readFileSync(path.join(corpusDir, file)));
      const read = await importFile(bytes, file, { openPdf: openPdfNode });
      if (!read.ok) throw new Error(read.error);
      expectSameAsRead(lib, read.docs, 'pdf', read.contentHash, read.text, bytes);
      expect(read.docs[0].figures.some((f) => f.source.page && f.source.box)).toBe(true);
    }
  });

  it('equals the read for what the importer rarely gives: no line, a table listed twice, profiles, project indicators', () => {
    const doc: StoredDocument = {
      docId: 'x1', fileName: 'x.txt', meta: { unitCode: '301', unitName: '某部门', scope: 'department', stage: 'budget', year: 2024 },
      figures: [
        { table: 'summary', rowCode: 'expense.grand_total', rowName: '支出总计', column: 'amount', amount: 1_234_567_890_123, source: { line: 3, page: 2, box: [1, 2, 3, 4], profile: '某版式' } },
        { table: 'facts', rowCode: 'basic', rowName: '基本支出', column: 'amount', amount: 5, source: {} as never },
      ],
      tables: [
        { table: 'summary', status: 'present', title: '收支总表', source: { line: 1, page: 1 } },
        { table: 'expense', status: 'empty', title: '支出总表', source: { line: 9 }, note: '空表' },
        { table: 'summary', status: 'unreadable', title: '收支总表（续）', source: { line: 2, profile: '某版式' } },
      ],
      projects: [{ code: 'P1', name: '项目', amount: 10, fiscalAmount: null, otherAmount: 0, goals: '目标', indicators: [{ level1: '产出', level2: '数量', level3: '', description: '', value: '1', basis: '', source: { line: 8 } }], source: { line: 7 } }],
      warnings: [{ message: '读不出', source: { line: 4, page: 2 }, kind: 'unread_table', table: 'expense', title: '支出总表' }, { message: '只有一句' }],
      narrative: { paragraphs: [], statements: [] } as never,
    };
    expectSameAsRead(track(LibraryDb.create(SQL())), [doc], 'text', 'x');
  });
});
