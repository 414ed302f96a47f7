import type { ParsedDocument, RawTable, TableSeen } from '../model/document';
import { applyProfilesToDocument, profileIndex } from '../profiles/document';
import type { LayoutProfile } from '../profiles/types';
import { validateProfile } from '../profiles/validate';
import { markUnaudited } from './audits';
import { insertContent } from './content';
import type { LibraryDb } from './library';
import { all, one, run, sql } from './sql';

/**
 * Layout profiles kept with the library (layout_profile, schema v6), and their application to every
 * document whose raw tables match. Rows read through a profile carry its name (figure.profile,
 * doc_table.profile): re-applying removes exactly those and reads the raw tables again through the
 * profiles as they are now, so saving, renaming or deleting a profile is one operation whose
 * result does not depend on what was applied before. Documents whose figures changed are marked
 * for the audit (worker/audits.ts runs it).
 */
export function listProfiles(lib: LibraryDb): LayoutProfile[] {
  return all<{ p: string }>(lib.db, sql`SELECT profile AS p FROM layout_profile ORDER BY name`).flatMap((r) => {
    const checked = validateProfile(JSON.parse(r.p));
    return checked.ok ? [checked.profile] : [];
  });
}

export function hasProfile(lib: LibraryDb, name: string): boolean {
  return one(lib.db, sql`SELECT 1 AS x FROM layout_profile WHERE name = ${name}`) !== undefined;
}

/** Saves (or replaces, by name) checked profiles. */
export function saveProfiles(lib: LibraryDb, profiles: readonly LayoutProfile[], now = new Date()): void {
  lib.transaction(() => {
    for (const p of profiles) {
      run(lib.db, sql`INSERT OR REPLACE INTO layout_profile (name, profile, saved_at) VALUES (${p.name}, ${JSON.stringify(p)}, ${now.toISOString()})`);
    }
  });
}

export function deleteProfile(lib: LibraryDb, name: string): void {
  run(lib.db, sql`DELETE FROM layout_profile WHERE name = ${name}`);
}

export function renameProfile(lib: LibraryDb, from: string, to: string): void {
  const p = listProfiles(lib).find((x) => x.name === from);
  if (!p) return;
  lib.transaction(() => {
    deleteProfile(lib, from);
    saveProfiles(lib, [{ ...p, name: to }]);
  });
}

/** Reads every document's raw tables through the current profiles; returns the documents whose figures changed. */
export function reapplyProfiles(lib: LibraryDb): string[] {
  const index = profileIndex(listProfiles(lib));
  const changed: string[] = [];
  lib.transaction(() => {
    for (const { docId, raw } of all<{ docId: string; raw: string }>(lib.db, sql`SELECT doc_id AS docId, tables AS raw FROM doc_raw_tables`)) {
      const before = profileRows(lib, docId);
      run(lib.db, sql`DELETE FROM figure WHERE doc_id = ${docId} AND profile IS NOT NULL`);
      run(lib.db, sql`DELETE FROM doc_table WHERE doc_id = ${docId} AND profile IS NOT NULL`);
      const tables = all<{ t: string }>(lib.db, sql`SELECT table_key AS t FROM doc_table WHERE doc_id = ${docId}`)
        .map((r): TableSeen => ({ table: r.t as LayoutProfile['kind'], status: 'present', title: '', source: { line: 0 } }));
      const bare: ParsedDocument = { meta: { unitCode: '', unitName: '', scope: 'unit', stage: 'budget', year: 0 }, figures: [], tables, projects: [], warnings: [], rawTables: JSON.parse(raw) as RawTable[] };
      const { doc } = applyProfilesToDocument(bare, index);
      const next = nextSeq(lib, docId);
      // Only what the profiles added: their tables, then their figures (warnings stay as the import said them).
      for (const t of doc.tables.filter((x) => x.source.profile)) {
        run(lib.db, sql`INSERT OR REPLACE INTO doc_table (doc_id, table_key, status, title, line, page, note, profile)
          VALUES (${docId}, ${t.table}, ${t.status}, ${t.title}, ${t.source.line}, ${t.source.page ?? null}, ${null}, ${t.source.profile ?? null})`);
      }
      insertContent(lib.db, docId, { figures: doc.figures, warnings: [], projects: [] }, { figures: next, warnings: 0, projects: 0 });
      if (profileRows(lib, docId) !== before) changed.push(docId);
    }
    markUnaudited(lib, changed);
  });
  return changed;
}

/** What a document's profile rows say, to tell whether re-application changed anything. */
function profileRows(lib: LibraryDb, docId: string): string {
  return JSON.stringify(all(lib.db, sql`SELECT table_key, row_code, column_key, amount, profile FROM figure WHERE doc_id = ${docId} AND profile IS NOT NULL ORDER BY table_key, row_code, column_key`))
    + JSON.stringify(all(lib.db, sql`SELECT table_key, profile FROM doc_table WHERE doc_id = ${docId} AND profile IS NOT NULL ORDER BY table_key`));
}

function nextSeq(lib: LibraryDb, docId: string): number {
  return one<{ n: number }>(lib.db, sql`SELECT coalesce(max(seq) + 1, 0) AS n FROM figure WHERE doc_id = ${docId}`)!.n;
}
