import type { Database } from 'sql.js';
import type { DocumentMeta, RawTable, WarningKind } from '../model/document';
import type { TableKey } from '../model/keys';
import { all, one, sql } from './sql';

/** What the library's reads give back (LibraryDb in library.ts): a document listed, its figures and warnings as stored. */
export type SourceKind = 'text' | 'pdf' | 'csv' | 'sample' | 'sqlite' | 'share' | 'archive';

export interface DocumentSummary extends DocumentMeta {
  docId: string;
  fileName: string;
  sourceKind: SourceKind;
  importedAt: string;
  figureCount: number;
  tableCount: number;
  projectCount: number;
  warningCount: number;
}

export interface FigureRow {
  seq: number;
  table: TableKey;
  rowCode: string;
  rowName: string;
  column: string;
  amount: number;
  line: number | null;
  page: number | null;
  /** The cell's box on the PDF page ([x0, y0, x1, y1] in points, y up), for figures read from a PDF. */
  box: [number, number, number, number] | null;
  /** The layout profile the figure was read through, by name (「按版式配置 … 读取」), or null. */
  profile: string | null;
  /** The file the figure was read from when it is not the document's own (doc_file: a narrative PDF joined to its tables), or null. */
  file: string | null;
  /** That file's name, or null. */
  fileName: string | null;
}

/** A warning as stored: what it says and, when known, what it is about (ImportWarning). */
export interface WarningRow {
  message: string;
  line: number | null;
  page: number | null;
  kind: WarningKind | null;
  table: TableKey | null;
  title: string | null;
  rowCode: string | null;
  column: string | null;
  /** The file the warning is about when it is not the document's own (doc_file), or null. */
  file?: string | null;
}

/** A document's figures in their order, each with the other file it was read from, if any (doc_file). */
export function figureRows(db: Database, docId: string): FigureRow[] {
  return all<Omit<FigureRow, 'box'> & { box: string | null }>(db, sql`
    SELECT seq, table_key AS "table", row_code AS rowCode, row_name AS rowName, column_key AS "column", amount, line, page, box, profile,
      d.content_hash AS file, d.file_name AS fileName
    FROM figure f LEFT JOIN doc_file d ON d.doc_id = f.doc_id AND f.seq >= d.figures_from AND f.seq < d.figures_to
    WHERE f.doc_id = ${docId} ORDER BY seq`).map((f) => ({ ...f, box: f.box ? JSON.parse(f.box) : null }));
}

/** A document's import warnings in their order, each with the other file it is about, if any (doc_file). */
export function warningRows(db: Database, docId: string): WarningRow[] {
  return all<WarningRow>(db, sql`SELECT message, line, page, kind, table_key AS "table", title, row_code AS rowCode, column_key AS "column",
      d.content_hash AS file
    FROM doc_warning w LEFT JOIN doc_file d ON d.doc_id = w.doc_id AND w.seq >= d.warnings_from AND w.seq < d.warnings_to
    WHERE w.doc_id = ${docId} ORDER BY seq`);
}

/** The cells of the tables a document holds but did not map (RawTable[], see model/document.ts). */
export function rawTableRows(db: Database, docId: string): RawTable[] {
  const row = one<{ raw: string }>(db, sql`SELECT tables AS raw FROM doc_raw_tables WHERE doc_id = ${docId}`);
  return row ? JSON.parse(row.raw) : [];
}
