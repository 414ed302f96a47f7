import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibraryFile } from '../../../src/lib/db/foreign';
import { LibraryDb } from '../../../src/lib/db/library';
import { libraryFile, MemorySources } from '../../../src/lib/db/sources';
import type { StoredDocument } from '../../../src/lib/model/document';
import { addImported } from '../../../src/lib/worker/imports';
import { importFile } from '../../../src/lib/ingest/file';
import { seedsDir } from '../../support/shared';
import { trackedLibraries } from './tracked';

/**
 * The files documents were read from live beside the library, not in its SQLite file (issue 17):
 * what a library's transactions do to them reaches the keeper only when they commit, files kept
 * inside a file by an older build are moved out on opening, and a downloaded library file carries
 * them inside again.
 */
const libs = trackedLibraries();
const track = libs.track;

function doc(docId: string): StoredDocument {
  return {
    docId, fileName: `${docId}.txt`, tables: [], projects: [], warnings: [],
    meta: { unitCode: '202', unitName: `单位${docId}`, scope: 'department', stage: 'budget', year: 2023 },
    figures: [{ table: 'summary', rowCode: 'income.general', rowName: '一般公共预算拨款收入', column: 'amount', amount: 7, source: { line: 2 } }],
  };
}

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3, 250]);

describe('source files beside the library', () => {
  it('reach the keeper only when the outermost transaction commits, and never from one rolled back', () => {
    const keeper = new MemorySources();
    const lib = track(LibraryDb.create(libs.SQL(), undefined, keeper));
    expect(() => lib.transaction(() => {
      lib.addDocuments([doc('a')], 'text', 'ha', '甲\n乙');
      expect(keeper.held('ha')).toBeUndefined(); // not before the commit
      throw new Error('失败');
    })).toThrow('失败');
    expect(keeper.size).toBe(0);
    expect(lib.hasDocument('a')).toBe(false);

    lib.transaction(() => {
      lib.addDocuments([doc('b')], 'text', 'hb', '丙');
      // A nested transaction rolled back takes its own file with it, not the outer one's.
      expect(() => lib.transaction(() => {
        lib.addDocuments([doc('c')], 'text', 'hc', '丁');
        throw new Error('内层失败');
      })).toThrow('内层失败');
    });
    expect(keeper.held('hb')).toEqual({ text: '丙' });
    expect(keeper.held('hc')).toBeUndefined();
  });

  it('keeps a file while any document reads from it, and replaces it when a claim makes way for the real file', async () => {
    const keeper = new MemorySources();
    const lib = track(LibraryDb.create(libs.SQL(), undefined, keeper));
    lib.addDocuments([doc('dept'), doc('unit')], 'text', 'h', '原文', undefined, PDF);
    lib.removeDocument('dept');
    expect(await lib.sourceLines('unit', 1, 1)).toEqual([{ line: 1, text: '原文' }]);
    expect(await lib.sourcePdf('unit')).toEqual(PDF);
    lib.removeDocument('unit');
    expect(keeper.size).toBe(0);

    // Removed and added again under the same hash in one transaction: the new record, whole.
    lib.addDocuments([doc('x')], 'sqlite', 'hx', '伪造的原文', undefined, PDF);
    lib.transaction(() => {
      lib.removeDocument('x');
      lib.addDocuments([doc('x')], 'text', 'hx', '真的原文');
    });
    expect(keeper.held('hx')).toEqual({ text: '真的原文' });
    expect(await lib.sourcePdf('x')).toBeNull();
  });

  it('moves files an older build kept inside the file out when opening it, and drops those no document reads', async () => {
    const old = track(LibraryDb.create(libs.SQL()));
    old.addDocuments([doc('a')], 'text', 'ha');
    old.db.run('INSERT INTO source_text (content_hash, text) VALUES (?, ?), (?, ?)', ['ha', '旧版保存的原文', 'orphan', '没有文档']);
    old.db.run('INSERT INTO source_blob (content_hash, bytes) VALUES (?, ?)', ['ha', PDF]);
    const keeper = new MemorySources();
    const lib = track(LibraryDb.open(libs.SQL(), old.export(), { sources: keeper }));
    expect(lib.movedSources).toBe(2);
    expect(lib.db.exec('SELECT (SELECT count(*) FROM source_text) + (SELECT count(*) FROM source_blob)')[0].values[0][0]).toBe(0);
    expect(keeper.size).toBe(1);
    expect(await lib.sourceLines('a', 1, 1)).toEqual([{ line: 1, text: '旧版保存的原文' }]);
    expect(await lib.sourcePdf('a')).toEqual(PDF);
  });

  it('puts them back inside a library file for download, which opens elsewhere whole', async () => {
    const file = '001_0e01da1d0149c9a7.txt';
    const bytes = new Uint8Array(readFileSync(path.join(seedsDir, file)));
    const read = await importFile(bytes, file);
    if (!read.ok) throw new Error(read.error);
    const lib = track(LibraryDb.create(libs.SQL()));
    const r = addImported(lib, read, file, bytes);
    if (r.status !== 'added') throw new Error(r.message);
    const docId = r.docs[0].docId;
    const lines = await lib.sourceLines(docId, 1, 5);
    expect(lines).toHaveLength(5);

    const download = await libraryFile(libs.SQL(), lib);
    const inside = new (libs.SQL().Database)(download);
    expect(inside.exec('SELECT count(*) FROM source_text')[0].values[0][0]).toBe(1);
    inside.close();
    // The live file itself stays without them.
    expect(lib.db.exec('SELECT count(*) FROM source_text')[0].values[0][0]).toBe(0);

    const elsewhere = track(openLibraryFile(libs.SQL(), download, new MemorySources()));
    expect(elsewhere.movedSources).toBe(1);
    expect(await elsewhere.sourceLines(docId, 1, 5)).toEqual(lines);
  });
});
