import { CLASS_TABLES, DocFigures, KEYED_FIGURES, MAPPED_CODES } from '../compare/figures';
import { METRICS, readMetrics } from '../compare/metrics';
import type { StoredDocument } from '../model/document';

/**
 * Which figures of a document the archive's view files hold: exactly those loadFigures()
 * (compare/figures.ts) would read from the library, the same predicate written once more in
 * JavaScript because the archive is built without a database. The archive test runs every view
 * both ways and compares them figure for figure, so the two cannot drift apart unseen.
 */
const KEYED = new Set(KEYED_FIGURES.map(([t, r, c]) => `${t}|${r}|${c}`));
const CLASSES = new Set(CLASS_TABLES);
const MAPPED = new Set(MAPPED_CODES);

/** 同比 reads down to 项 (7 digits), 横比 to 款 (5). */
export const YOY_CODE_LENGTH = 7;
export const PEER_CODE_LENGTH = 5;

export function isComparedFigure(table: string, rowCode: string, column: string, maxCodeLength: number): boolean {
  if (CLASSES.has(table) && column === 'total' && (rowCode.length <= maxCodeLength || MAPPED.has(rowCode))) return true;
  return KEYED.has(`${table}|${rowCode}|${column}`);
}

/** A figure row as the archive stores it: the library's figure columns, seq kept from the document. */
export interface FigureRowOut {
  seq: number;
  table: string;
  rowCode: string;
  rowName: string;
  column: string;
  amount: number;
  line: number | null;
}

export function comparedRows(doc: StoredDocument, maxCodeLength: number): FigureRowOut[] {
  const out: FigureRowOut[] = [];
  doc.figures.forEach((f, seq) => {
    if (isComparedFigure(f.table, f.rowCode, f.column, maxCodeLength)) {
      out.push({ seq, table: f.table, rowCode: f.rowCode, rowName: f.rowName, column: f.column, amount: f.amount, line: f.source.line ?? null });
    }
  });
  return out;
}

/** The metric keys, in METRICS order: the columns of metrics/*.parquet (and `prior_<key>`). */
export const METRIC_KEYS = METRICS.map((m) => m.key);

/** A document's 13 metrics as the views compute them (the first source it has, else the sum of parts); null where absent. */
export function metricAmounts(docId: string, rows: readonly FigureRowOut[]): (number | null)[] {
  const figs = new DocFigures();
  for (const r of rows) figs.add({ docId, table: r.table, rowCode: r.rowCode, rowName: r.rowName, column: r.column, amount: r.amount, line: r.line });
  const m = readMetrics(figs);
  return METRIC_KEYS.map((k) => m.get(k)?.amount ?? null);
}
