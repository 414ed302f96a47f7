import { refreshCompared } from './compared';
import { recount } from './counts';
import { inFile, isNarrativeOnly, isTablesOnly, joinNarrative, keyedBy, pairNarrative } from '../ingest/merge';
import { codedRowsOf, rekeyNarrative } from '../ingest/narrative/rekey';
import type { CodedRow } from '../ingest/narrative/resolve';
import type { DocumentMeta, Narrative, ParsedDocument, StoredDocument } from '../model/document';
import { insertContent } from './content';
import type { LibraryDb } from './library';
import type { SourceRecord } from './sources';
import { all, one, run, sql } from './sql';

/**
 * A disclosure published as a narrative PDF and a tables PDF becomes one document in the library
 * too, as `convert` makes it (ingest/merge.ts): files dropped together reach the worker one by one,
 * so each import looks in the library for its other half, whichever came first.
 *
 * The rows the narrative brings keep their lines and pages, which count in the narrative's file: the
 * document notes that file and which of its rows came from it (doc_file), and keeps the file, so
 * that the source view shows the narrative's line or page, not the tables' of that number.
 */
interface LibraryDoc {
  docId: string;
  fileName: string;
  meta: DocumentMeta;
}

function candidates(lib: LibraryDb, meta: DocumentMeta, want: 'tables' | 'narrative'): LibraryDoc[] {
  const rows = want === 'tables'
    ? all<{ docId: string; fileName: string; unitCode: string; unitName: string }>(lib.db, sql`
        SELECT doc_id AS docId, file_name AS fileName, unit_code AS unitCode, unit_name AS unitName FROM document d
        WHERE year = ${meta.year} AND stage = ${meta.stage} AND scope = ${meta.scope}
          AND EXISTS (SELECT 1 FROM doc_table t WHERE t.doc_id = d.doc_id)
          AND NOT EXISTS (SELECT 1 FROM figure f WHERE f.doc_id = d.doc_id AND f.table_key = 'facts')`)
    : all<{ docId: string; fileName: string; unitCode: string; unitName: string }>(lib.db, sql`
        SELECT doc_id AS docId, file_name AS fileName, unit_code AS unitCode, unit_name AS unitName FROM document d
        WHERE year = ${meta.year} AND stage = ${meta.stage} AND scope = ${meta.scope} AND NOT EXISTS (SELECT 1 FROM doc_raw_tables r WHERE r.doc_id = d.doc_id)
          AND NOT EXISTS (SELECT 1 FROM doc_table t WHERE t.doc_id = d.doc_id)
          AND NOT EXISTS (SELECT 1 FROM figure f WHERE f.doc_id = d.doc_id AND f.table_key <> 'facts')`);
  return rows.map((r) => ({ docId: r.docId, fileName: r.fileName, meta: { ...meta, unitCode: r.unitCode, unitName: r.unitName } }));
}

/** The file a document's rows were read from, to keep beside the library (db/sources.ts). */
export interface ReadFile {
  hash: string;
  name: string;
  record: SourceRecord;
}

export interface Paired {
  /** The documents still to add (a narrative that joined a document in the library is not). */
  docs: StoredDocument[];
  /** docId → a note for the import list: what it was joined with. */
  notes: Map<string, string>;
}

/**
 * Before adding a file's documents: a narrative-only document whose tables are in the library is
 * appended to them instead of being added.
 */
export function joinNarratives(lib: LibraryDb, docs: readonly StoredDocument[], file: ReadFile): Paired {
  const notes = new Map<string, string>();
  const out: StoredDocument[] = [];
  for (const doc of docs) {
    const target = isNarrativeOnly(doc) ? pairNarrative(doc, candidates(lib, doc.meta, 'tables')) : null;
    if (!target) {
      out.push(doc);
      continue;
    }
    appendToDocument(lib, target.docId, { ...doc, warnings: doc.warnings.map((w) => ({ ...w, message: `「${doc.fileName}」${w.message}` })) }, file);
    notes.set(target.docId, `说明部分已并入「${target.fileName}」的同一份文档`);
  }
  return { docs: out, notes };
}

/**
 * After adding a file's documents: a tables-only document just added takes in a narrative-only
 * document of the library that pairs with it (its rows move over; the narrative document goes).
 */
export function absorbNarratives(lib: LibraryDb, added: readonly StoredDocument[], notes: Map<string, string>): void {
  for (const doc of added.filter(isTablesOnly)) {
    for (const narrative of candidates(lib, doc.meta, 'narrative')) {
      const tables = candidates(lib, doc.meta, 'tables');
      if (pairNarrative(narrative, tables)?.docId !== doc.docId) continue;
      keyStoredNarrative(lib, narrative.docId, codedRowsOf(doc.figures));
      moveInto(lib, narrative.docId, doc.docId);
      notes.set(doc.docId, `已并入「${narrative.fileName}」的说明部分`);
      break;
    }
  }
}

type Seqs = { figures: number; warnings: number; projects: number };

/** Where rows added to a document continue: after its own figures, warnings and projects. */
function nextSeqs(lib: LibraryDb, docId: string): Seqs {
  return one<Seqs>(lib.db, sql`SELECT
    (SELECT coalesce(max(seq) + 1, 0) FROM figure WHERE doc_id = ${docId}) AS figures,
    (SELECT coalesce(max(seq) + 1, 0) FROM doc_warning WHERE doc_id = ${docId}) AS warnings,
    (SELECT coalesce(max(seq) + 1, 0) FROM project WHERE doc_id = ${docId}) AS projects`)!;
}

/**
 * Notes that `docId`'s rows numbered from `next` on, `count` of each, were read from another file
 * (doc_file): their lines and pages count in that file, and the source view shows it.
 */
function noteFile(lib: LibraryDb, docId: string, file: { hash: string; name: string }, next: Seqs, count: Seqs): void {
  run(lib.db, sql`INSERT OR REPLACE INTO doc_file (doc_id, content_hash, file_name, figures_from, figures_to, warnings_from, warnings_to, projects_from, projects_to)
    VALUES (${docId}, ${file.hash}, ${file.name}, ${next.figures}, ${next.figures + count.figures}, ${next.warnings}, ${next.warnings + count.warnings},
      ${next.projects}, ${next.projects + count.projects})`);
}

/** Moves one document's figures, warnings and projects to another, after its own, and removes it. */
function moveInto(lib: LibraryDb, from: string, to: string): void {
  const next = nextSeqs(lib, to);
  const own = one<{ hash: string; name: string }>(lib.db, sql`SELECT content_hash AS hash, file_name AS name FROM document WHERE doc_id = ${from}`);
  lib.transaction(() => {
    // Its own file first, while its row counts are still its own; the files it had joined, shifted.
    if (own) noteFile(lib, to, own, next, nextSeqs(lib, from));
    run(lib.db, sql`INSERT OR REPLACE INTO doc_file SELECT ${to}, content_hash, file_name, figures_from + ${next.figures}, figures_to + ${next.figures},
      warnings_from + ${next.warnings}, warnings_to + ${next.warnings}, projects_from + ${next.projects}, projects_to + ${next.projects}
      FROM doc_file WHERE doc_id = ${from}`);
    // Indicators point at their project by (doc_id, seq): checked at commit, once both have moved.
    run(lib.db, sql`PRAGMA defer_foreign_keys = ON`);
    run(lib.db, sql`UPDATE figure SET doc_id = ${to}, seq = seq + ${next.figures} WHERE doc_id = ${from}`);
    run(lib.db, sql`UPDATE doc_warning SET doc_id = ${to}, seq = seq + ${next.warnings} WHERE doc_id = ${from}`);
    run(lib.db, sql`UPDATE project SET doc_id = ${to}, seq = seq + ${next.projects} WHERE doc_id = ${from}`);
    run(lib.db, sql`UPDATE indicator SET doc_id = ${to}, project_seq = project_seq + ${next.projects} WHERE doc_id = ${from}`);
    refreshCompared(lib.db, [to]);
    recount(lib.db, [to]);
    storeNarrative(lib, to, joinNarrative(storedNarrative(lib, to), own ? inFile(storedNarrative(lib, from), own.hash) : storedNarrative(lib, from)));
    run(lib.db, sql`DELETE FROM audit_check WHERE doc_id IN (${from}, ${to})`);
  });
  lib.removeDocument(from);
}

/**
 * A narrative read from another file, added to a document already in the library (the tables of
 * the same disclosure): its figures, warnings and projects follow the document's own, and the
 * document is audited again.
 */
function appendToDocument(lib: LibraryDb, docId: string, alone: ParsedDocument, file: ReadFile): void {
  const part = keyedBy(alone, codedRowsOf(storedRowNames(lib, docId)));
  const next = nextSeqs(lib, docId);
  lib.transaction(() => {
    insertContent(lib.db, docId, part, next);
    noteFile(lib, docId, file, next, { figures: part.figures.length, warnings: part.warnings.length, projects: part.projects.length });
    lib.keepFile(file.hash, file.record);
    storeNarrative(lib, docId, joinNarrative(storedNarrative(lib, docId), inFile(part.narrative, file.hash)));
    run(lib.db, sql`DELETE FROM audit_check WHERE doc_id = ${docId}`);
  });
}

/** A document's rows that may be coded (code and name), as codedRowsOf reads them. */
function storedRowNames(lib: LibraryDb, docId: string): { rowCode: string; rowName: string }[] {
  return all(lib.db, sql`SELECT DISTINCT row_code AS rowCode, row_name AS rowName FROM figure WHERE doc_id = ${docId} AND table_key <> 'facts' AND row_name <> ''`);
}

/**
 * A narrative-only document of the library about to join the tables just added: the 类/款/项 it
 * names are matched again against their coded rows (narrative/rekey.ts), and the facts rows of those
 * matched are added to it first, so that they move with its own and count in its file.
 */
function keyStoredNarrative(lib: LibraryDb, docId: string, coded: readonly CodedRow[]): void {
  const narrative = storedNarrative(lib, docId);
  if (!narrative) return;
  const taken = all<{ rowCode: string }>(lib.db, sql`SELECT row_code AS rowCode FROM figure WHERE doc_id = ${docId} AND table_key = 'facts'`);
  const rekeyed = rekeyNarrative(narrative, coded, new Set(taken.map((r) => r.rowCode)));
  if (!rekeyed) return;
  lib.transaction(() => {
    insertContent(lib.db, docId, { figures: rekeyed.facts, warnings: [], projects: [] }, nextSeqs(lib, docId));
    storeNarrative(lib, docId, rekeyed.narrative);
  });
}

function storedNarrative(lib: LibraryDb, docId: string): Narrative | undefined {
  const row = one<{ narrative: string }>(lib.db, sql`SELECT narrative FROM doc_narrative WHERE doc_id = ${docId}`);
  return row ? (JSON.parse(row.narrative) as Narrative) : undefined;
}

function storeNarrative(lib: LibraryDb, docId: string, narrative: Narrative | undefined): void {
  if (narrative) run(lib.db, sql`INSERT OR REPLACE INTO doc_narrative (doc_id, narrative) VALUES (${docId}, ${JSON.stringify(narrative)})`);
}

/** One document's line in an import list (protocol ImportedDoc), as the library now holds it. */
export function importedSummary(lib: LibraryDb, docId: string): { docId: string; unitName: string; year: number; figureCount: number; warningCount: number } {
  return one(lib.db, sql`SELECT doc_id AS docId, unit_name AS unitName, year,
    (SELECT count(*) FROM figure f WHERE f.doc_id = d.doc_id) AS figureCount,
    (SELECT count(*) FROM doc_warning w WHERE w.doc_id = d.doc_id) AS warningCount
    FROM document d WHERE doc_id = ${docId}`)!;
}
