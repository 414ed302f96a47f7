import type { Fen } from '../model/amount';
import type { DocumentMeta } from '../model/document';
import type { Scope } from '../model/keys';

/**
 * The results of the comparison queries, as they cross the worker boundary: plain data, amounts in
 * exact fen. Every number carries where it came from (a cited figure) or how it was derived.
 */

/** One figure as stored: enough to show its document, table, row, column and source line. */
export interface Cite {
  docId: string;
  table: string;
  rowCode: string;
  rowName: string;
  column: string;
  line: number | null;
}

/** A number shown in a comparison: read from one figure, or derived from several (said how). */
export interface Cell {
  amount: Fen;
  /** The figure it was read from; absent when derived. */
  source?: Cite;
  /** Derived numbers: the rule in words (「支出总计 − 说明所述比上年增减」) and the figures used. */
  derived?: { how: string; inputs: Cite[] };
  /** Set when a classification code was matched through the code mapping table (codeMapping.ts). */
  mapped?: string;
}

export interface DocRef extends DocumentMeta {
  docId: string;
  unitKey: string;
}

export type RowGroup = 'metric' | 'function' | 'economic';

/** A row of either view. `parent` is the key of the row it expands from (类 → 款 → 项). */
export interface RowHead {
  key: string;
  label: string;
  group: RowGroup;
  depth: number;
  parent: string | null;
  code?: string;
  hasChildren: boolean;
}

/** A unit as the comparisons see it: documents of one or more unit keys (codes, names, links). */
export interface UnitGroup {
  key: string;
  code: string;
  /** The name of its latest document. */
  name: string;
  names: string[];
  /** The unit keys in this group besides `key` itself, and whether each was linked by hand. */
  members: { key: string; linked: boolean }[];
  years: number[];
  scopes: Scope[];
  /** Its documents' year, stage and scope (`2023 budget department`, units.ts editionOf): two units that share one are two bodies, not one renamed. */
  editions: string[];
  docCount: number;
}
