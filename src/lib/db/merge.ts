import type { Database } from 'sql.js';
import { ensureCompared } from './compared';
import { ensureCounted } from './counts';
import { columnsOf, copyRows } from './copyRows';
import { COPY_TABLES } from './copyTables';
import type { LibraryDb } from './library';
import { all, run, sql } from './sql';

/**
 * A second tab works in memory while another tab writes. When the writer closes, the second tab
 * takes over: it loads what the writer saved last and merges its own changes into it (issue 14: its
 * imports were lost). Its changes are what differs from the library it started from (`Baseline`):
 * documents added, replaced or removed, hand-made unit links and layout profiles. Rows of the other tables follow
 * their document (doc_id), their file (content_hash) or their link (unit_key), as COPY_TABLES lists
 * them; derived tables (audit results) are recomputed instead of copied.
 */
export interface Baseline {
  /** doc_id → what identifies that version of the document (content, origin, time of import). */
  docs: Map<string, string>;
  /** unit_key → canonical_key. */
  links: Map<string, string>;
  /** Layout profile name → its JSON (db/profiles.ts). */
  profiles: Map<string, string>;
}

export interface MergeResult {
  added: number;
  removed: number;
  links: number;
  profiles: number;
}

export function baseline(lib: LibraryDb): Baseline {
  return { docs: signatures(lib.db), links: links(lib.db), profiles: profiles(lib.db) };
}

/**
 * Takes documents the app itself replaced as part of the baseline, not as this tab's changes: a
 * first visit's sample documents, read again from their texts (worker/sampleTexts.ts), differ from
 * the CSV ones the tab started from, and at takeover they would be copied back into a library
 * whose writer had removed them.
 */
export function rebase(base: Baseline, lib: LibraryDb, docIds: readonly string[]): void {
  const now = signatures(lib.db);
  for (const id of docIds) {
    const sig = now.get(id);
    if (base.docs.has(id) && sig !== undefined) base.docs.set(id, sig);
  }
}

function profiles(db: Database): Map<string, string> {
  return new Map(all<{ n: string; p: string }>(db, sql`SELECT name AS n, profile AS p FROM layout_profile`).map((r) => [r.n, r.p]));
}

function signatures(db: Database): Map<string, string> {
  return new Map(all<{ id: string; sig: string }>(db, sql`SELECT doc_id AS id, content_hash || '|' || source_kind || '|' || imported_at AS sig FROM document`)
    .map((r) => [r.id, r.sig]));
}

function links(db: Database): Map<string, string> {
  return new Map(all<{ k: string; c: string }>(db, sql`SELECT unit_key AS k, canonical_key AS c FROM unit_link`).map((r) => [r.k, r.c]));
}

const READ_HERE = new Set(['text', 'pdf', 'sample']);
const kindOf = (sig: string | undefined) => sig?.split('|')[1];

/**
 * Applies to `into` (the library the writer saved) what `mine` changed since `base`. Runs in one
 * transaction of `into`. A document both tabs have under one id is kept as `into` has it, unless
 * `mine` holds the disclosure read from its file and `into` only a claim (imports.ts).
 * `reapply` is profiles.ts reapplyProfiles, run when profiles came over: passed in, so that the
 * worker loads the profiles' code only when it is used (worker/profileHandlers.ts).
 */
export function mergeChanges(into: LibraryDb, mine: LibraryDb, base: Baseline, reapply: (lib: LibraryDb) => unknown): MergeResult {
  const now = signatures(mine.db);
  const theirs = signatures(into.db);
  const result: MergeResult = { added: 0, removed: 0, links: 0, profiles: 0 };
  into.transaction(() => {
    for (const id of base.docs.keys()) {
      if (!now.has(id) && theirs.has(id)) {
        into.removeDocument(id);
        result.removed++;
      }
    }
    for (const [id, sig] of now) {
      if (base.docs.get(id) === sig) continue;
      const existing = signatures(into.db).get(id);
      if (existing !== undefined) {
        if (!(READ_HERE.has(kindOf(sig)!) && !READ_HERE.has(kindOf(existing)!))) continue;
        into.removeDocument(id);
      }
      const hash = copyDocument(mine.db, into.db, id);
      if (hash !== undefined) into.adoptSource(mine, hash);
      // The other files it was read from (a narrative joined from another PDF, db/pairing.ts).
      for (const r of all<{ h: string }>(mine.db, sql`SELECT content_hash AS h FROM doc_file WHERE doc_id = ${id}`)) into.adoptSource(mine, r.h);
      result.added++;
    }
    const mineLinks = links(mine.db);
    for (const key of new Set([...base.links.keys(), ...mineLinks.keys()])) {
      const to = mineLinks.get(key);
      if (to === base.links.get(key)) continue;
      if (to === undefined) run(into.db, sql`DELETE FROM unit_link WHERE unit_key = ${key}`);
      else run(into.db, sql`INSERT OR REPLACE INTO unit_link (unit_key, canonical_key) VALUES (${key}, ${to})`);
      result.links++;
    }
    // Layout profiles saved, changed or deleted in this tab; then every document is read through the
    // merged set, so the writer's documents get this tab's profiles too (and the audit runs on them).
    const mineProfiles = profiles(mine.db);
    for (const name of new Set([...base.profiles.keys(), ...mineProfiles.keys()])) {
      const p = mineProfiles.get(name);
      if (p === base.profiles.get(name)) continue;
      if (p === undefined) run(into.db, sql`DELETE FROM layout_profile WHERE name = ${name}`);
      else run(into.db, sql`INSERT OR REPLACE INTO layout_profile (name, profile, saved_at) VALUES (${name}, ${p}, ${new Date().toISOString()})`);
      result.profiles++;
    }
    if (result.profiles) reapply(into);
    ensureCompared(into.db);
    ensureCounted(into.db);
  });
  return result;
}

/**
 * One document's rows, table by table in COPY_TABLES order (parents first), and its file's source
 * rows where a library still has them in the file (db/sources.ts). Returns its content hash.
 */
function copyDocument(from: Database, into: Database, docId: string): string | undefined {
  const hash = all<{ h: string }>(from, sql`SELECT content_hash AS h FROM document WHERE doc_id = ${docId}`)[0]?.h;
  for (const spec of COPY_TABLES) {
    if (spec.derived || spec.rebuilt) continue;
    const columns = columnsOf(into, spec.table);
    if (!columns.length) continue;
    if (columns.includes('doc_id')) copyRows(from, into, spec, columns, { column: 'doc_id', value: docId });
    else if (columns.includes('content_hash') && hash !== undefined) copyRows(from, into, spec, columns, { column: 'content_hash', value: hash }, true);
  }
  return hash;
}
