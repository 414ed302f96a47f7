import type { DocumentMeta } from '../model/document';
import type { Narrative } from '../model/narrative';

/**
 * What the comparisons read from a library. The store implements it (db/compareReads.ts) over
 * SQLite, an archive over the rows it fetched; compare itself stays pure functions over data.
 */
export interface CompareSource {
  /** Changes whenever documents or unit links change: derived data is kept until it does. */
  version(): number;
  /** Every document, oldest year first, then in import order. */
  documents(): DocumentRow[];
  /** Hand-made links, unit_key → canonical_key. */
  links(): Map<string, string>;
  /** The figures `needs` names, of the given documents, each document's tables in print order. */
  figures(docIds: readonly string[], needs: FigureNeeds): FigureTuple[];
  /** The narratives of the given documents (those that have one); execution and ranking read reasons there. */
  narratives?(docIds: readonly string[]): Map<string, Narrative>;
}

export interface DocumentRow extends DocumentMeta {
  docId: string;
}

/** [docId, table, rowCode, rowName, column, amount, line] */
export type FigureTuple = [string, string, string, string, string, number, number | null];

/**
 * The figures a comparison reads: single figures by [table, row, column], and the classification
 * rows of `classTables` in column `total` down to `maxCodeLength` digits (or any length for the
 * old codes a mapping reads, codeMapping.ts).
 */
export interface FigureNeeds {
  keyed: readonly (readonly [string, string, string])[];
  classTables: readonly string[];
  /** The columns of the classification rows; `total` only when absent (execution adds the budget columns). */
  classColumns?: readonly string[];
  maxCodeLength: number;
  mappedCodes: readonly string[];
}
