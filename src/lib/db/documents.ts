import type { Database } from 'sql.js';
import type { DocumentMeta, Figure, ImportWarning, PerformanceProject, SourceRef, StoredDocument, TableSeen, TableStatus } from '../model/document';
import type { WarningRow } from './library';
import type { TableKey } from '../model/keys';
import { all, list, sql } from './sql';

interface DocRow extends DocumentMeta {
  docId: string; fileName: string;
}
/** A figure as its JSON array: table, row code, row name, column, amount (fen), line, page, the layout profile it was read through. */
type FigTuple = [table: TableKey, rowCode: string, rowName: string, column: string, amount: number, line: number | null, page: number | null, profile: string | null];

/**
 * Documents read back from the library as StoredDocument (meta, figures with their sources, tables,
 * warnings, the narrative; projects without goals and indicators), in library order. `docIds` null means all. This is what
 * exports, share links and the audit work from, so they see exactly what the library holds.
 * `known`: documents stored just now, still in memory, taken from there in their stored form
 * (storedForm) instead of read back — the audit of an import (issue 17).
 */
export function loadStoredDocuments(db: Database, docIds: readonly string[] | null, known?: ReadonlyMap<string, StoredDocument>): StoredDocument[] {
  const docs = docIds === null
    ? all<DocRow>(db, sql`SELECT doc_id AS docId, file_name AS fileName, unit_code AS unitCode, unit_name AS unitName, scope, stage, year
        FROM document ORDER BY year, unit_code, unit_name, scope, doc_id`)
    : all<DocRow>(db, sql`SELECT doc_id AS docId, file_name AS fileName, unit_code AS unitCode, unit_name AS unitName, scope, stage, year
        FROM document WHERE doc_id IN (${list(docIds)}) ORDER BY year, unit_code, unit_name, scope, doc_id`);
  const byId = new Map<string, StoredDocument>();
  for (const d of docs) {
    const mine = known?.get(d.docId);
    if (mine) {
      byId.set(d.docId, storedForm(mine));
      continue;
    }
    byId.set(d.docId, {
      docId: d.docId, fileName: d.fileName, figures: [], tables: [], projects: [], warnings: [],
      meta: { unitCode: d.unitCode, unitName: d.unitName, scope: d.scope, stage: d.stage, year: d.year },
    });
  }
  // Bound parameters per statement are limited (32766 in sql.js's SQLite): go in batches.
  const toRead = [...byId.keys()].filter((id) => !known?.has(id));
  for (let at = 0; at < toRead.length; at += BATCH) fillBatch(db, byId, toRead.slice(at, at + BATCH));
  return [...byId.values()];
}

const BATCH = 5000;

function fillBatch(db: Database, byId: Map<string, StoredDocument>, ids: string[]): void {
  // The raw tables of these documents only: a document known in memory is not read at all.
  for (const r of all<{ docId: string; tables: string }>(db, sql`SELECT doc_id AS docId, tables FROM doc_raw_tables WHERE doc_id IN (${list(ids)})`)) {
    if (r.tables) byId.get(r.docId)!.rawTables = JSON.parse(r.tables);
  }
  // One JSON array per document instead of a row per figure: sql.js pays a wasm call per cell, and a
  // document has a thousand figures (the audit reads them back on every import; issue 17). The
  // primary key (doc_id, seq) gives the rows in stored order, which the aggregate keeps.
  for (const d of all<{ docId: string; rows: string }>(db, sql`SELECT doc_id AS docId,
      json_group_array(json_array(table_key, row_code, row_name, column_key, amount, line, page, profile)) AS rows
      FROM (SELECT * FROM figure WHERE doc_id IN (${list(ids)}) ORDER BY doc_id, seq) GROUP BY doc_id`)) {
    const figures = byId.get(d.docId)!.figures;
    for (const t of JSON.parse(d.rows) as FigTuple[]) figures.push(figureOf(t));
  }
  for (const t of all<TableRow & { docId: string }>(db,
    sql`SELECT doc_id AS docId, table_key AS "table", status, title, line, note, profile FROM doc_table WHERE doc_id IN (${list(ids)})`)) {
    byId.get(t.docId)!.tables.push(tableOf(t));
  }
  for (const n of all<{ docId: string; narrative: string }>(db, sql`SELECT doc_id AS docId, narrative FROM doc_narrative WHERE doc_id IN (${list(ids)})`)) {
    byId.get(n.docId)!.narrative = JSON.parse(n.narrative);
  }
  for (const p of all<ProjectRow & { docId: string }>(db,
    sql`SELECT doc_id AS docId, code, name, amount, fiscal_amount AS fiscalAmount, other_amount AS otherAmount, carryover_amount AS carryoverAmount, line FROM project WHERE doc_id IN (${list(ids)}) ORDER BY doc_id, seq`)) {
    byId.get(p.docId)!.projects.push(projectOf(p));
  }
  for (const w of all<WarningRow & { docId: string }>(db,
    sql`SELECT doc_id AS docId, message, line, page, kind, table_key AS "table", title, row_code AS rowCode, column_key AS "column"
      FROM doc_warning WHERE doc_id IN (${list(ids)}) ORDER BY doc_id, seq`)) {
    byId.get(w.docId)!.warnings.push(warningOf(w));
  }
  markOtherFiles(db, byId, ids);
}

/**
 * Rows another file brought (a narrative PDF joined to its tables, doc_file) say so on their source,
 * as the narrative's paragraphs do: their lines and pages count in that file, so a finding about
 * them cites it and a line warned in one file does not mark the same line of the other. Only the
 * few documents that list a file pay for reading their rows' seqs.
 */
function markOtherFiles(db: Database, byId: Map<string, StoredDocument>, ids: string[]): void {
  type Range = { docId: string; hash: string; ff: number; ft: number; wf: number; wt: number; pf: number; pt: number };
  const ranges = all<Range>(db, sql`SELECT doc_id AS docId, content_hash AS hash, figures_from AS ff, figures_to AS ft,
    warnings_from AS wf, warnings_to AS wt, projects_from AS pf, projects_to AS pt FROM doc_file WHERE doc_id IN (${list(ids)})`);
  for (const docId of new Set(ranges.map((r) => r.docId))) {
    const doc = byId.get(docId)!;
    const mine = ranges.filter((r) => r.docId === docId);
    // Rows were read in seq order, so the i-th seq is the i-th row's.
    const mark = (rows: readonly { source?: SourceRef }[], seqs: { seq: number }[], from: 'ff' | 'wf' | 'pf', to: 'ft' | 'wt' | 'pt') =>
      seqs.forEach(({ seq }, i) => {
        const hit = mine.find((r) => seq >= r[from] && seq < r[to]);
        const source = rows[i]?.source;
        if (hit && source) source.file = hit.hash;
      });
    mark(doc.figures, all<{ seq: number }>(db, sql`SELECT seq FROM figure WHERE doc_id = ${docId} ORDER BY seq`), 'ff', 'ft');
    mark(doc.warnings, all<{ seq: number }>(db, sql`SELECT seq FROM doc_warning WHERE doc_id = ${docId} ORDER BY seq`), 'wf', 'wt');
    mark(doc.projects, all<{ seq: number }>(db, sql`SELECT seq FROM project WHERE doc_id = ${docId} ORDER BY seq`), 'pf', 'pt');
  }
}

/**
 * A document as loadStoredDocuments would read it back right after LibraryDb.addDocuments stored it,
 * made from the document in memory: the audit of a file just imported starts from what the importer
 * gave, without reading it back (issue 17). Every field goes through the same conversions as a read
 * (lines without a number read as 0, no boxes, projects without goals, a table key stored once, the
 * last one winning, in key order); test/unit/db/storedForm.test.ts holds the two equal on real files.
 */
export function storedForm(doc: StoredDocument): StoredDocument {
  const out: StoredDocument = {
    docId: doc.docId, fileName: doc.fileName, figures: [], tables: [], projects: [], warnings: [],
    meta: { unitCode: doc.meta.unitCode, unitName: doc.meta.unitName, scope: doc.meta.scope, stage: doc.meta.stage, year: doc.meta.year },
  };
  if (doc.rawTables?.length) out.rawTables = JSON.parse(JSON.stringify(doc.rawTables));
  // A row another file brought keeps saying so (markOtherFiles reads the same back).
  const inFile = <T extends { source?: SourceRef }>(row: T, file: string | undefined): T => {
    if (file && row.source) row.source.file = file;
    return row;
  };
  for (const f of doc.figures) {
    out.figures.push(inFile(figureOf([f.table, f.rowCode, f.rowName, f.column, f.amount, f.source.line ?? null, f.source.page ?? null, f.source.profile ?? null]), f.source.file));
  }
  const tables = new Map(doc.tables.map((t) => [t.table, t]));
  for (const key of [...tables.keys()].sort()) {
    const t = tables.get(key)!;
    out.tables.push(tableOf({ table: t.table, status: t.status, title: t.title, line: t.source.line ?? null, note: t.note ?? null, profile: t.source.profile ?? null }));
  }
  if (doc.narrative) out.narrative = JSON.parse(JSON.stringify(doc.narrative));
  for (const p of doc.projects) {
    out.projects.push(inFile(projectOf({ code: p.code, name: p.name, amount: p.amount, fiscalAmount: p.fiscalAmount, otherAmount: p.otherAmount, carryoverAmount: p.carryoverAmount ?? null, line: p.source.line ?? null }), p.source.file));
  }
  for (const w of doc.warnings) {
    out.warnings.push(inFile(warningOf({ message: w.message, line: w.source?.line ?? null, page: w.source?.page ?? null, kind: w.kind ?? null,
      table: w.table ?? null, title: w.title ?? null, rowCode: w.rowCode ?? null, column: w.column ?? null }), w.source?.file));
  }
  return out;
}

function figureOf([table, rowCode, rowName, column, amount, line, page, profile]: FigTuple): Figure {
  const source: SourceRef = page === null ? { line: line ?? 0 } : { line: line ?? 0, page };
  // Provenance travels with the figure (exports, share links of the library's documents).
  if (profile !== null) source.profile = profile;
  return { table, rowCode, rowName, column, amount, source };
}

interface TableRow { table: TableKey; status: TableStatus; title: string; line: number | null; note: string | null; profile: string | null }

function tableOf(t: TableRow): TableSeen {
  const source: SourceRef = t.profile === null ? { line: t.line ?? 0 } : { line: t.line ?? 0, profile: t.profile };
  return { table: t.table, status: t.status, title: t.title, source, ...(t.note ? { note: t.note } : {}) };
}

interface ProjectRow { code: string; name: string; amount: number | null; fiscalAmount: number | null; otherAmount: number | null; carryoverAmount: number | null; line: number | null }

/** Projects without their goals and indicators: the audit checks a form's amounts, not its targets. */
function projectOf(p: ProjectRow): PerformanceProject {
  const out: PerformanceProject = { code: p.code, name: p.name, amount: p.amount, fiscalAmount: p.fiscalAmount, otherAmount: p.otherAmount, goals: '', indicators: [], source: { line: p.line ?? 0 } };
  if (p.carryoverAmount !== null) out.carryoverAmount = p.carryoverAmount;
  return out;
}

/** A stored warning as the importer gave it: only the fields it had. */
function warningOf(w: WarningRow): ImportWarning {
  const out: ImportWarning = { message: w.message };
  if (w.line !== null) out.source = w.page === null ? { line: w.line } : { line: w.line, page: w.page };
  if (w.kind) out.kind = w.kind;
  if (w.table) out.table = w.table;
  if (w.title) out.title = w.title;
  if (w.rowCode) out.rowCode = w.rowCode;
  if (w.column) out.column = w.column;
  return out;
}
