import type { Fen } from './amount';
import type { Scope, Stage, TableKey } from './keys';
import type { Narrative } from './narrative';

/** Where a figure was read: enough for the UI to cite it ("第 3 页 / 第 120 行"). */
export interface SourceRef {
  /** 1-based line in the decoded text (or in the rebuilt text of a PDF). */
  line: number;
  /** 1-based PDF page, when the source is a PDF. */
  page?: number;
  /** PDF user-space box [x0, y0, x1, y1] of the cell, when known. */
  box?: [number, number, number, number];
}

/** One figure: a cell of a table, keyed as in FORMAT.md. */
export interface Figure {
  table: TableKey;
  rowCode: string;
  rowName: string;
  column: string;
  amount: Fen;
  source: SourceRef;
}

/** 'unreadable': the importer saw the table but could not read its figures (not the document's fault). */
export type TableStatus = 'present' | 'empty' | 'unreadable';

/** A standard table seen in the document (present with rows, published empty with 「空表列示」, or unreadable). */
export interface TableSeen {
  table: TableKey;
  status: TableStatus;
  title: string;
  source: SourceRef;
  /** The table's own note as printed (「注：本表无数据」「本表为空表」), when it has one. */
  note?: string;
}

export interface Indicator {
  level1: string;
  level2: string;
  level3: string;
  description: string;
  value: string;
  basis: string;
  source: SourceRef;
}

/** A project of the 绩效目标表 (performance targets). Amounts are null where the table leaves them blank. */
export interface PerformanceProject {
  code: string;
  name: string;
  amount: Fen | null;
  fiscalAmount: Fen | null;
  otherAmount: Fen | null;
  goals: string;
  indicators: Indicator[];
  source: SourceRef;
}

export interface ImportWarning {
  message: string;
  source?: SourceRef;
  /**
   * What the warning is about, when it is about figures: a table, a row of it, or one cell. The
   * audit treats these figures as 「未能读取」 (never as blank) and does not judge them.
   */
  table?: TableKey;
  rowCode?: string;
  column?: string;
  /** A short machine-readable kind of problem (the importer's own vocabulary). */
  kind?: string;
}

export interface DocumentMeta {
  unitCode: string;
  unitName: string;
  scope: Scope;
  stage: Stage;
  year: number;
}

/** Everything read from one disclosure (one unit's document; a file may hold several). */
export interface ParsedDocument {
  meta: DocumentMeta;
  figures: Figure[];
  tables: TableSeen[];
  projects: PerformanceProject[];
  warnings: ImportWarning[];
  /** The 情况说明 as read: its paragraphs and structured statements (absent for a FORMAT CSV). */
  narrative?: Narrative;
}

export type { Narrative, NarrativeParagraph, Statement, ShareStatement, StatedAmount, StatedPercent } from './narrative';

/** A document as stored in the library: parsed content plus its identity. */
export interface StoredDocument extends ParsedDocument {
  /** FORMAT.md doc_id: 12 hex digits of the sha256 of the file's bytes, suffixed for each extra unit. */
  docId: string;
  fileName: string;
}
