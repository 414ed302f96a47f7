import type { DocumentMeta } from './document';
import type { TableKey } from './keys';

/**
 * What an audit (勾稽) result is: stored by the library, exported, shown. The checks themselves live
 * in src/lib/audit/ (registry.ts names and describes them).
 */

/** The checks, in the order the UI lists them. */
export const CHECK_IDS = [
  'balance', 'cross_table', 'row_total', 'hierarchy', 'basic_expense',
  'income_row', 'three_public', 'narrative', 'cross_document', 'completeness',
  // Issue 13: the narrative read sentence by sentence, names and codes, 绩效目标表.
  'narrative_item', 'narrative_percent', 'narrative_text', 'names_codes', 'performance',
  'procurement',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/**
 * error: the published figures contradict each other. rounding (尾差): they differ by no more than
 * 0.01 万元 per addend, which printing rounded figures explains. warning: worth a look but not a
 * proven contradiction (a missing table, a difference that may follow from another error).
 * not_run: the comparison could not be made (its table is missing or unreadable); never a pass.
 */
export type Severity = 'error' | 'rounding' | 'warning' | 'not_run';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'rounding', 'not_run'];
/** 提示 for warnings: worth a look, not a proven contradiction (issue 13's three groups: 错误, 尾差, 提示). */
export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '提示', rounding: '尾差', not_run: '未执行' };

/** Where a finding points: a table of the document, or the document as a whole. */
export type FindingTable = TableKey | 'document';

export interface Finding {
  docId: string;
  check: CheckId;
  severity: Severity;
  table: FindingTable;
  /** FORMAT row key ('' for the document as a whole). */
  rowCode: string;
  rowName: string;
  /** FORMAT column key of the figure in question, '' when the finding is about a row or table. */
  column: string;
  /** The finding in Chinese: the figures and the relation they break. */
  message: string;
  /** What the relation requires, in 万元 (FORMAT decimal), '' when not a figure. */
  expected: string;
  /** What the document prints, in 万元; '空白' for a blank cell. */
  actual: string;
  /** 1-based source line of the figure (the table's title line for a table-level finding). */
  line: number | null;
  /** The other document of a cross-document finding. */
  relatedDocId: string | null;
  /** The narrative's sentence the finding is about, as printed ('' for a table finding). */
  quote: string;
  /** The PDF page of the figure or sentence, when known. */
  page: number | null;
  /**
   * The content hash of the file `line` and `page` count in, when it is not the document's own (a
   * narrative PDF joined to its tables, SourceRef.file); null: the document's own file.
   */
  file: string | null;
  /** That file's name, where the library knows it (doc_file). */
  fileName?: string | null;
}

/** How one check went on one document. A check with comparisons === 0 did not run. */
export interface CheckRun {
  docId: string;
  check: CheckId;
  status: 'ran' | 'not_run';
  comparisons: number;
  errors: number;
  warnings: number;
  roundings: number;
  /** Why (part of) the check could not run; empty when everything ran. */
  notRun: string[];
}

export interface DocumentAudit {
  docId: string;
  meta: DocumentMeta;
  checks: CheckRun[];
  findings: Finding[];
}

