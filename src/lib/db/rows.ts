import type { DocumentMeta, WarningKind } from '../model/document';
import type { TableKey } from '../model/keys';

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
}
