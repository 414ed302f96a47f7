import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../src/lib/db/library';
import { importFile } from '../../../src/lib/ingest/file';
import type { Narrative } from '../../../src/lib/model/narrative';
import { addImported } from '../../../src/lib/worker/imports';
import { ITEMS_TABLES, itemsNarrative } from '../ingest/fixtures';

/**
 * In the library too (db/pairing.ts), whichever file comes first: the 类/款/项 a narrative of its
 * own file names are coded by the tables it joins, and their facts rows count in the narrative's file.
 * 「政协事务（款）」 is not in the national list (test/unit/ingest/narrativeRekey.test.ts).
 */
const narrative = itemsNarrative('61');

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

async function add(lib: LibraryDb, name: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  const read = await importFile(bytes, name);
  if (!read.ok) throw new Error(read.error);
  expect(addImported(lib, read, name, bytes).status).toBe('added');
  return read.contentHash;
}

describe('a narrative joining its tables in the library', () => {
  for (const order of [['说明.txt', '表格.txt'], ['表格.txt', '说明.txt']]) {
    it(`${order[0]} then ${order[1]}`, async () => {
      const lib = LibraryDb.create(SQL);
      const hashes: Record<string, string> = {};
      for (const name of order) hashes[name] = await add(lib, name, name === '说明.txt' ? narrative : ITEMS_TABLES);
      const [doc, ...more] = lib.listDocuments();
      expect(more).toEqual([]);
      const fact = lib.figures(doc.docId).find((f) => f.table === 'facts' && f.rowCode === '2010201');
      expect(fact?.amount).toBe(61_000_000);
      // Its line is the narrative's (line 4), in the narrative's file.
      expect([fact?.line, fact?.fileName]).toEqual([4, '说明.txt']);
      expect(await lib.sourceLines(doc.docId, 4, 4, fact?.file)).toEqual([{ line: 4, text: narrative.split('\n')[3] }]);
      const stored = JSON.parse(lib.db.exec('SELECT narrative FROM doc_narrative')[0].values[0][0] as string) as Narrative;
      expect(stored.statements.filter((s) => s.level === 'item').map((s) => s.key)).toEqual(['2010201', '2010205']);
      lib.close();
    });
  }
});
