import { describe, expect, it } from 'vitest';
import { recount } from '../../../src/lib/db/counts';
import { LibraryDb, type DocumentListAnswer, type DocumentSummary, type ListCursor } from '../../../src/lib/db/library';
import { byCodePoint } from '../../../src/lib/model/textOrder';
import { patchList } from '../../../src/lib/worker/documentList';
import type { StoredDocument } from '../../../src/lib/model/document';
import { addSeeds, firstSeed } from './seedLibrary';
import { trackedLibraries } from './tracked';

/**
 * The document list as changes (db/listChanges.ts) and the page's patched copy of it
 * (worker/documentList.ts): after any write, the patched list must be exactly a whole read.
 */
const { SQL, track } = trackedLibraries();

/** The page's side: its list and cursor, patched by each answer as library.svelte.ts does. */
class PageList {
  documents: DocumentSummary[] = [];
  cursor: ListCursor | null = null;
  answers: DocumentListAnswer[] = [];
  constructor(private readonly lib: LibraryDb) {}
  ask(): DocumentListAnswer {
    return this.lib.documentListSince(this.cursor);
  }
  take(answer: DocumentListAnswer): void {
    this.answers.push(answer);
    const next = patchList(this.documents, this.cursor, answer);
    if (!next) return;
    this.documents = next.documents;
    this.cursor = next.cursor;
  }
  refresh(): DocumentListAnswer {
    const a = this.ask();
    this.take(a);
    return a;
  }
}

const kind = (a: DocumentListAnswer) => ('documents' in a ? 'whole' : 'changes');
const logRows = (lib: LibraryDb) => Number(lib.db.exec('SELECT count(*) FROM temp.list_change')[0].values[0][0]);

/** Copies of a seed document under other ids and names (the figures are the seed's). */
function copies(of: StoredDocument, names: readonly string[], code = of.meta.unitCode): StoredDocument[] {
  return names.map((unitName, i) => ({ ...of, docId: `${of.docId}-c${i}`, meta: { ...of.meta, unitName, unitCode: code } }));
}

describe('the document list as changes (db/listChanges.ts, worker/documentList.ts)', { timeout: 60_000 }, () => {
  it('patches additions, removals and rewritten rows into exactly the whole list, sending only what changed', async () => {
    const lib = track(LibraryDb.create(SQL()));
    const page = new PageList(lib);
    expect(kind(page.refresh())).toBe('whole');
    expect(page.documents).toEqual([]);

    await addSeeds(lib);
    const added = page.refresh();
    expect(kind(added)).toBe('changes');
    expect('changed' in added && added.changed.length).toBe(lib.listDocuments().length);
    expect(page.documents).toEqual(lib.listDocuments());

    const [first, second] = lib.listDocuments();
    lib.removeDocument(first.docId);
    const removed = page.refresh();
    expect(removed).toMatchObject({ changed: [], removed: [first.docId] });
    expect(page.documents).toEqual(lib.listDocuments());

    // A row rewritten by any writer (here plain SQL), and a recount after figures went away.
    lib.db.exec(`UPDATE document SET unit_name = '甲' || unit_name, year = year - 7 WHERE doc_id = '${second.docId}'`);
    lib.db.exec(`DELETE FROM doc_warning WHERE doc_id = '${second.docId}'`);
    recount(lib.db, [second.docId]);
    const rewritten = page.refresh();
    expect('changed' in rewritten && rewritten.changed.map((d) => d.docId)).toEqual([second.docId]);
    expect(page.documents).toEqual(lib.listDocuments());
    expect(page.documents.at(-1)?.docId).toBe(second.docId); // seven years older: last
  });

  it('keeps the same array when nothing changed, and prunes the notes the page holds', async () => {
    const lib = track(await addSeeds(LibraryDb.create(SQL())));
    const page = new PageList(lib);
    page.refresh();
    const held = page.documents;
    expect(page.refresh()).toMatchObject({ changed: [], removed: [] });
    expect(page.documents).toBe(held);

    const doc = held[0];
    lib.removeDocument(doc.docId);
    expect(logRows(lib)).toBeGreaterThan(0);
    page.refresh();
    page.refresh(); // this one carries the cursor of the last: the notes before it go
    expect(logRows(lib)).toBe(0);
    expect(page.documents).toEqual(lib.listDocuments());
  });

  it('two reads asked with one cursor and answered in order give the whole list; an older answer is ignored', async () => {
    const lib = track(await addSeeds(LibraryDb.create(SQL())));
    const page = new PageList(lib);
    page.refresh();
    const [a, b] = lib.listDocuments();
    lib.removeDocument(a.docId);
    const firstAnswer = page.ask();
    lib.removeDocument(b.docId);
    const secondAnswer = page.ask(); // sent before the first was taken: the same cursor
    page.take(firstAnswer);
    page.take(secondAnswer);
    expect(page.documents).toEqual(lib.listDocuments());
    const held = page.documents;
    page.take(firstAnswer); // late: older than the list held
    expect(page.documents).toBe(held);
    expect(page.documents).toEqual(lib.listDocuments());
  });

  it('answers the whole list once a trigger is gone, for another library, and for a bogus cursor', async () => {
    const lib = track(await addSeeds(LibraryDb.create(SQL())));
    const page = new PageList(lib);
    page.refresh();
    lib.export(); // a save or an export keeps them (sql.js ≥ 1.13 copies through the backup API)
    lib.removeDocument(lib.listDocuments()[0].docId);
    expect(kind(page.refresh())).toBe('changes');
    expect(page.documents).toEqual(lib.listDocuments());
    // As a migration rebuilding the table would: the removal below is not noted.
    lib.db.exec('DROP TRIGGER temp.list_change_document_delete');
    lib.removeDocument(lib.listDocuments()[0].docId);
    expect(kind(page.refresh())).toBe('whole');
    expect(page.documents).toEqual(lib.listDocuments());
    // After the reinstall, changes again.
    lib.removeDocument(lib.listDocuments()[0].docId);
    expect(kind(page.refresh())).toBe('changes');
    expect(page.documents).toEqual(lib.listDocuments());

    const other = track(LibraryDb.create(SQL()));
    const answer = other.documentListSince(page.cursor);
    expect(kind(answer)).toBe('whole');
    expect(answer.epoch).not.toBe(page.cursor?.epoch);
    expect(kind(lib.documentListSince({ epoch: page.cursor!.epoch, seq: page.cursor!.seq + 1000 }))).toBe('whole');
  });

  it('notes nothing for a transaction rolled back', async () => {
    const lib = track(await addSeeds(LibraryDb.create(SQL())));
    const page = new PageList(lib);
    page.refresh();
    const doc = lib.listDocuments()[0];
    expect(() => lib.transaction(() => {
      lib.removeDocument(doc.docId);
      throw new Error('中途失败');
    })).toThrow('中途失败');
    expect(page.refresh()).toMatchObject({ changed: [], removed: [] });
    expect(page.documents).toEqual(lib.listDocuments());
  });

  it('orders names as SQLite does: by code point, past the Basic Multilingual Plane', async () => {
    const lib = track(LibraryDb.create(SQL()));
    const page = new PageList(lib);
    page.refresh();
    const seed = await firstSeed();
    // U+FF21 (Ａ) sorts before U+20000 (𠀀) by code point, after it by UTF-16 unit (a surrogate pair).
    const names = ['𠀀局', 'Ａ局', '甲局', 'A局', '甲', '𠀀'];
    lib.addDocuments(copies(seed, names), 'text', 'h1');
    lib.addDocuments(copies(seed, names, `${seed.meta.unitCode}0`).map((d) => ({ ...d, docId: `${d.docId}x` })), 'text', 'h2');
    page.refresh();
    expect(page.documents).toEqual(lib.listDocuments());
    expect(page.documents.map((d) => d.unitName).slice(0, 6)).toEqual(['A局', '甲', '甲局', 'Ａ局', '𠀀', '𠀀局']);
    expect(byCodePoint('Ａ', '𠀀')).toBeLessThan(0);
    expect('Ａ' < '𠀀').toBe(false); // what a plain comparison would have said
  });
});
