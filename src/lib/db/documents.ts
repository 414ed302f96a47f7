import type { Database } from 'sql.js';
import type { DocumentMeta, ImportWarning, SourceRef, StoredDocument, TableStatus } from '../model/document';
import type { WarningRow } from './library';
import type { TableKey } from '../model/keys';
import { all, list, sql } from './sql';

interface DocRow extends DocumentMeta {
  docId: string; fileName: string; raw: string | null;
}
/** A figure as its JSON array: table, row code, row name, column, amount (fen), line, page, the layout profile it was read through. */
type FigTuple = [table: TableKey, rowCode: string, rowName: string, column: string, amount: number, line: number | null, page: number | null, profile: string | null];

/**
 * Documents read back from the library as StoredDocument (meta, figures with their sources, tables,
 * warnings, the narrative; projects without goals and indicators), in library order. `docIds` null means all. This is what
 * exports, share links and the audit work from, so they see exactly what the library holds.
 */
export function loadStoredDocuments(db: Database, docIds: readonly string[] | null): StoredDocument[] {
  const docs = docIds === null
    ? all<DocRow>(db, sql`SELECT doc_id AS docId, file_name AS fileName, unit_code AS unitCode, unit_name AS unitName, scope, stage, year,
        (SELECT tables FROM doc_raw_tables r WHERE r.doc_id = document.doc_id) AS raw FROM document ORDER BY year, unit_code, unit_name, scope, doc_id`)
    : all<DocRow>(db, sql`SELECT doc_id AS docId, file_name AS fileName, unit_code AS unitCode, unit_name AS unitName, scope, stage, year,
        (SELECT tables FROM doc_raw_tables r WHERE r.doc_id = document.doc_id) AS raw FROM document WHERE doc_id IN (${list(docIds)}) ORDER BY year, unit_code, unit_name, scope, doc_id`);
  const byId = new Map<string, StoredDocument>();
  for (const d of docs) {
    const doc: StoredDocument = {
      docId: d.docId, fileName: d.fileName, figures: [], tables: [], projects: [], warnings: [],
      meta: { unitCode: d.unitCode, unitName: d.unitName, scope: d.scope, stage: d.stage, year: d.year },
    };
    if (d.raw) doc.rawTables = JSON.parse(d.raw);
    byId.set(d.docId, doc);
  }
  // Bound parameters per statement are limited (32766 in sql.js's SQLite): go in batches.
  for (let at = 0; at < byId.size; at += BATCH) fillBatch(db, byId, [...byId.keys()].slice(at, at + BATCH));
  return [...byId.values()];
}

const BATCH = 5000;

function fillBatch(db: Database, byId: Map<string, StoredDocument>, ids: string[]): void {
  // One JSON array per document instead of a row per figure: sql.js pays a wasm call per cell, and a
  // document has a thousand figures (the audit reads them back on every import; issue 17). The
  // primary key (doc_id, seq) gives the rows in stored order, which the aggregate keeps.
  for (const d of all<{ docId: string; rows: string }>(db, sql`SELECT doc_id AS docId,
      json_group_array(json_array(table_key, row_code, row_name, column_key, amount, line, page, profile)) AS rows
      FROM (SELECT * FROM figure WHERE doc_id IN (${list(ids)}) ORDER BY doc_id, seq) GROUP BY doc_id`)) {
    const figures = byId.get(d.docId)!.figures;
    for (const [table, rowCode, rowName, column, amount, line, page, profile] of JSON.parse(d.rows) as FigTuple[]) {
      const source: SourceRef = page === null ? { line: line ?? 0 } : { line: line ?? 0, page };
      // Provenance travels with the figure (exports, share links of the library's documents).
      if (profile !== null) source.profile = profile;
      figures.push({ table, rowCode, rowName, column, amount, source });
    }
  }
  for (const t of all<{ docId: string; table: TableKey; status: TableStatus; title: string; line: number | null; note: string | null; profile: string | null }>(db,
    sql`SELECT doc_id AS docId, table_key AS "table", status, title, line, note, profile FROM doc_table WHERE doc_id IN (${list(ids)})`)) {
    const source: SourceRef = t.profile === null ? { line: t.line ?? 0 } : { line: t.line ?? 0, profile: t.profile };
    byId.get(t.docId)!.tables.push({ table: t.table, status: t.status, title: t.title, source, ...(t.note ? { note: t.note } : {}) });
  }
  for (const n of all<{ docId: string; narrative: string }>(db, sql`SELECT doc_id AS docId, narrative FROM doc_narrative WHERE doc_id IN (${list(ids)})`)) {
    byId.get(n.docId)!.narrative = JSON.parse(n.narrative);
  }
  // Projects without their goals and indicators: the audit checks a form's amounts, not its targets.
  for (const p of all<{ docId: string; code: string; name: string; amount: number | null; fiscalAmount: number | null; otherAmount: number | null; line: number | null }>(db,
    sql`SELECT doc_id AS docId, code, name, amount, fiscal_amount AS fiscalAmount, other_amount AS otherAmount, line FROM project WHERE doc_id IN (${list(ids)}) ORDER BY doc_id, seq`)) {
    byId.get(p.docId)!.projects.push({ code: p.code, name: p.name, amount: p.amount, fiscalAmount: p.fiscalAmount, otherAmount: p.otherAmount, goals: '', indicators: [], source: { line: p.line ?? 0 } });
  }
  for (const w of all<WarningRow & { docId: string }>(db,
    sql`SELECT doc_id AS docId, message, line, page, kind, table_key AS "table", title, row_code AS rowCode, column_key AS "column"
      FROM doc_warning WHERE doc_id IN (${list(ids)}) ORDER BY doc_id, seq`)) {
    byId.get(w.docId)!.warnings.push(warningOf(w));
  }
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
