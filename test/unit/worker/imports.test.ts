import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLibraryFile } from '../../../src/lib/db/foreign';
import { addImported } from '../../../src/lib/worker/imports';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import { contentId } from '../../../src/lib/model/hash';
import { decodeShareData, encodeShareFragment } from '../../../src/lib/share/link';
import type { StoredDocument } from '../../../src/lib/model/document';
import { seedsDir } from '../../support/shared';

/**
 * Issue 14 finding 2: a share link, a CSV or a .sqlite file carrying a document under the content id
 * of a real disclosure must not keep the real file out: importing the disclosure replaces the claim.
 */
let SQL: SqlJsStatic;
let lib: LibraryDb | null = null;
beforeAll(async () => {
  SQL = await initSqlJs();
});
afterEach(() => {
  lib?.close();
  lib = null;
});

const SEED = '000_90f61d72552513ea.txt';
const seedBytes = () => new Uint8Array(readFileSync(path.join(seedsDir, SEED)));
// gold/seeds.json: seed 000's summary income.general is 1441.70 万元.
const GENERAL = 1_441_700_000;
const FORGED = 99_000_000;

async function forgedDoc(): Promise<StoredDocument> {
  return {
    docId: await contentId(seedBytes()), fileName: '分享链接', tables: [], projects: [], warnings: [],
    meta: { unitCode: '', unitName: '开发区群众工作局', scope: 'department', stage: 'budget', year: 2023 },
    figures: [{ table: 'summary', rowCode: 'income.general', rowName: '一般公共预算拨款收入', column: 'amount', amount: FORGED, source: { line: 0 } }],
  };
}

async function importSeed(into: LibraryDb) {
  const read = await importFile(seedBytes(), SEED);
  if (!read.ok) throw new Error(read.error);
  return addImported(into, read, SEED, seedBytes());
}

function general(into: LibraryDb): number[] {
  return (into.db.exec("SELECT amount FROM figure WHERE table_key = 'summary' AND row_code = 'income.general' AND column_key = 'amount'")[0]?.values ?? [])
    .map(([a]) => a as number);
}

describe('document ids from outside never keep the real file out (issue 14, finding 2)', () => {
  it('a kept share link under the seed\'s content id is replaced by the seed', async () => {
    lib = LibraryDb.create(SQL);
    const link = await encodeShareFragment({ view: 'peers' }, [await forgedDoc()]);
    const ref = await decodeShareData(new URLSearchParams(link.ok ? link.fragment : '').get('data') ?? '');
    if (ref.kind !== 'inline') throw new Error(ref.kind);
    lib.addDocuments(ref.docs, 'share', 'share:1'); // what 保存到我的资料库 does
    expect(general(lib)).toEqual([FORGED]);
    const r = await importSeed(lib);
    expect(r.status).toBe('added');
    expect(general(lib)).toEqual([GENERAL]);
    expect(r.status === 'added' && r.replaced).toBe(1);
  });

  it('a FORMAT CSV row under the seed\'s content id is replaced by the seed', async () => {
    lib = LibraryDb.create(SQL);
    const id = await contentId(seedBytes());
    const csv = `doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\n${id},,开发区群众工作局,department,budget,2023,summary,income.general,一般公共预算拨款收入,amount,99.00\n`;
    const read = await importFile(new TextEncoder().encode(csv), '伪造.csv');
    if (!read.ok) throw new Error(read.error);
    expect(addImported(lib, read, '伪造.csv').status).toBe('added');
    expect((await importSeed(lib)).status).toBe('added');
    expect(general(lib)).toEqual([GENERAL]);
  });

  it('a .sqlite file claiming the seed (id, content hash and kind) is replaced by the seed', async () => {
    const forger = LibraryDb.create(SQL);
    const id = await contentId(seedBytes());
    forger.addDocuments([await forgedDoc()], 'text', id);
    const bytes = forger.export();
    forger.close();
    lib = openLibraryFile(SQL, bytes);
    expect((await importSeed(lib)).status).toBe('added');
    expect(general(lib)).toEqual([GENERAL]);
  });

  it('source text a .sqlite file left under the seed\'s hash, with no document, is not shown for the seed', async () => {
    const forger = LibraryDb.create(SQL);
    const id = await contentId(seedBytes());
    forger.db.run('INSERT INTO source_text (content_hash, text) VALUES (?, ?)', [id, '伪造的原文']);
    const bytes = forger.export();
    forger.close();
    lib = openLibraryFile(SQL, bytes);
    expect((await importSeed(lib)).status).toBe('added');
    const first = new TextDecoder().decode(seedBytes()).split(/\r?\n/)[0];
    expect(await lib.sourceLines(id, 1, 1)).toEqual([{ line: 1, text: first.replace(/^\uFEFF/, '') }]);
  });

  it('a claim arriving after the real file is skipped, and the real file stays a duplicate of itself', async () => {
    lib = LibraryDb.create(SQL);
    expect((await importSeed(lib)).status).toBe('added');
    expect(lib.addDocuments([await forgedDoc()], 'share', 'share:2')).toMatchObject({ added: [] });
    expect(general(lib)).toEqual([GENERAL]);
    expect((await importSeed(lib)).status).toBe('duplicate');
  });
});
