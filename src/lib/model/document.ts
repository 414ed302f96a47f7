import type { Fen, MoneyUnit } from './amount';
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
  /** The layout profile the figure was read through (src/lib/profiles), by name: 「按版式配置 <name> 读取」. */
  profile?: string;
  /**
   * The content hash of the file `line` and `page` count in, when it is not the document's own: a
   * narrative read from another PDF and joined to its tables (db/pairing.ts). Set on the narrative's
   * paragraphs and statements; stored rows say it by seq range (doc_file).
   */
  file?: string;
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

/**
 * present: figures were read; empty: published without figures (「空表列示」, a bare 合计); unreadable:
 * the table is there and prints amounts, but they could not be read (the audit says 「未能读取」
 * instead of blaming the document).
 */
export type TableStatus = 'present' | 'empty' | 'unreadable';

/** A table seen in the document under a FORMAT key. */
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
  /**
   * 上年结转资金, a part of `amount` beside the other two where the national per-project form prints
   * it (年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金); absent where it prints none or leaves it blank.
   */
  carryoverAmount?: Fen;
  goals: string;
  indicators: Indicator[];
  source: SourceRef;
}

/**
 * What a warning is about, for the audit and the UI: a cell or row that could not be read, a table
 * whose figures could not be read, a table of no known kind (its cells are in rawTables), or a
 * reading the importer chose where the print was inconsistent (a code that did not fit its place).
 */
/**
 * `not_kept`: printed and read, but not kept as figures because they restate figures that are kept (a
 * fund's 收支 table's income and 经济分类 columns beside its 功能分类's): no comparison lacks them.
 */
export const WARNING_KINDS = ['unread_cell', 'unread_row', 'unread_table', 'unmapped_table', 'repaired', 'sums', 'not_kept'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export interface ImportWarning {
  message: string;
  source?: SourceRef;
  kind?: WarningKind;
  /** The FORMAT key of the table concerned, when it has one. */
  table?: TableKey;
  /** The table's title as printed. */
  title?: string;
  rowCode?: string;
  column?: string;
}

/**
 * A table seen but not mapped to figures (no known kind, or its figures unreadable): its cells as
 * printed, so that nothing is dropped and the user can map it later.
 */
export interface RawTable {
  title: string;
  /** Rows above the first row with an amount. */
  header: string[][];
  body: string[][];
  source: SourceRef;
  /** The money unit the table declares (「单位：元」); absent: 万元. A profile reads its amounts in it. */
  unit?: MoneyUnit;
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
  /** Tables seen but not mapped (see RawTable); absent when there were none. */
  rawTables?: RawTable[];
}

export type { Narrative, NarrativeParagraph, Statement, ShareStatement, StatedAmount, StatedPercent } from './narrative';

/** A document as stored in the library: parsed content plus its identity. */
export interface StoredDocument extends ParsedDocument {
  /** FORMAT.md doc_id: 12 hex digits of the sha256 of the file's bytes, suffixed for each extra unit. */
  docId: string;
  fileName: string;
}
