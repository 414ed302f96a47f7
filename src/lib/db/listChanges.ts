import type { Database } from 'sql.js';
import { documentList, documentSummaries } from './counts';
import { all, one, run, sql } from './sql';
import type { DocumentSummary } from './rows';

/**
 * The document list as changes since the page last read it (issue 17). Reading the whole list after
 * every burst of files cost 14–19 ms of the database worker at 5,000 documents, plus the copy to the
 * page: the one step of an import that still grew with the library.
 *
 * A row of the list is made of `document` and `doc_count` only (counts.ts), so temporary triggers on
 * those two tables note every document whose row may have changed, whoever wrote it (an import, a
 * removal, a pairing, a merge from another tab, a recount). Temporary: they are never in the saved
 * file, a snapshot or an export, and a file from another build never carries them. A rollback takes
 * its notes back with the rows.
 *
 * A cursor is (epoch, seq). The epoch names one installation of the triggers on one database: the
 * worker switches libraries (a share link's, a file opened), and a table rebuilt by a migration loses
 * its triggers (so did sql.js's export() before 1.13, which reopened the connection). When the
 * triggers are not all there, or the cursor is of another epoch or older than the notes kept, the
 * answer is the whole list, as before.
 */
export interface ListCursor {
  epoch: number;
  seq: number;
}

/** The whole list, or the rows changed since the cursor and the documents gone since. */
export type DocumentListAnswer =
  | { epoch: number; seq: number; documents: DocumentSummary[] }
  | { epoch: number; seq: number; changed: DocumentSummary[]; removed: string[] };

const TRIGGERS = [
  ['document', 'INSERT', 'NEW.doc_id'],
  ['document', 'UPDATE', 'NEW.doc_id), (OLD.doc_id'],
  ['document', 'DELETE', 'OLD.doc_id'],
  ['doc_count', 'INSERT', 'NEW.doc_id'],
  ['doc_count', 'UPDATE', 'NEW.doc_id), (OLD.doc_id'],
  ['doc_count', 'DELETE', 'OLD.doc_id'],
] as const;
const triggerName = ([table, op]: readonly [string, string, string]) => `list_change_${table}_${op.toLowerCase()}`;

/** Epochs are unique within the worker (the page's one client talks to one worker for its life). */
let installs = 0;

/**
 * Per database: the epoch of its triggers and the oldest seq still noted (a cursor below it may have
 * missed notes pruned since). Whether the triggers are still there is checked at each read.
 */
const watched = new WeakMap<Database, { epoch: number; floor: number }>();

function installed(db: Database): boolean {
  const n = one<{ n: number }>(db, sql`SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'list_change_%'`);
  return Number(n?.n) === TRIGGERS.length;
}

/** (Re)creates the log and its triggers: a new epoch. AUTOINCREMENT so that a seq is never reused after pruning. */
function install(db: Database): { epoch: number; floor: number } {
  const drops = TRIGGERS.map((t) => `DROP TRIGGER IF EXISTS temp.${triggerName(t)};`).join('\n');
  const creates = TRIGGERS.map((t) => `CREATE TEMP TRIGGER ${triggerName(t)} AFTER ${t[1]} ON main.${t[0]}
    BEGIN INSERT INTO list_change (doc_id) VALUES (${t[2]}); END;`).join('\n');
  // Only our own constant names and SQL above: nothing from a document reaches this text.
  db.exec(`${drops}
    DROP TABLE IF EXISTS temp.list_change;
    CREATE TEMP TABLE list_change (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL);
    ${creates}`);
  const state = { epoch: ++installs, floor: 0 };
  watched.set(db, state);
  return state;
}

function lastSeq(db: Database): number {
  return Number(one<{ s: number | null }>(db, sql`SELECT max(seq) AS s FROM list_change`)?.s ?? 0);
}

/** The document list, whole or as the changes since `since` (see the file's comment). */
export function documentListSince(db: Database, since?: ListCursor | null): DocumentListAnswer {
  let state = watched.get(db);
  if (!state || !installed(db)) state = install(db);
  // The highest seq ever given: with AUTOINCREMENT, max(seq) of an emptied log would go back to 0.
  const seq = Math.max(lastSeq(db), state.floor);
  if (!since || since.epoch !== state.epoch || since.seq < state.floor || since.seq > seq) {
    return { epoch: state.epoch, seq, documents: documentList(db) };
  }
  const ids = all<{ id: string }>(db, sql`SELECT DISTINCT doc_id AS id FROM list_change WHERE seq > ${since.seq}`).map((r) => r.id);
  // The page holds everything up to its cursor: those notes are not needed again. The page asks
  // in order, so a request still on its way carries this cursor or a later one.
  run(db, sql`DELETE FROM list_change WHERE seq <= ${since.seq}`);
  state.floor = Math.max(state.floor, since.seq);
  if (!ids.length) return { epoch: state.epoch, seq, changed: [], removed: [] };
  const changed = documentSummaries(db, ids);
  const present = new Set(changed.map((d) => d.docId));
  return { epoch: state.epoch, seq, changed, removed: ids.filter((id) => !present.has(id)) };
}
