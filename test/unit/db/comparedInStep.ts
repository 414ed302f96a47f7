import { comparedOf } from '../../../src/lib/db/compared';
import type { LibraryDb } from '../../../src/lib/db/library';
import { byCodePoint } from '../../../src/lib/model/textOrder';

const rowsOf = (lib: LibraryDb) => lib.db.exec('SELECT doc_id, part, figures FROM doc_compared ORDER BY doc_id, part')[0]?.values ?? [];

/** doc_compared as stored, or null when the library is closed or older than the table. */
export function comparedSnapshot(lib: LibraryDb): string | null {
  try {
    return JSON.stringify(rowsOf(lib));
  } catch {
    return null;
  }
}

/** Whether doc_compared holds exactly what every document's figure rows make now (read only: a library may be read-only). */
export function comparedInStep(lib: LibraryDb): boolean {
  const ids = (lib.db.exec('SELECT doc_id FROM document ORDER BY doc_id')[0]?.values ?? []).map(([id]) => String(id));
  const want = [...comparedOf(lib.db, ids)].flatMap(([docId, tables]) => [...tables].map(([t, rows]) => [docId, t, JSON.stringify(rows)]))
    // As SQLite orders text (by code point: an id past U+FFFF sorts after U+FF21, not before).
    .sort((a, b) => byCodePoint(a[0], b[0]) || byCodePoint(a[1], b[1]));
  return JSON.stringify(want) === comparedSnapshot(lib);
}
