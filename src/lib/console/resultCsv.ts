import Papa from 'papaparse';
import { FEN_PER_WAN, formatWan, parseDecimal } from '../model/amount';
import { FORMAT_COLUMNS, neutralizeCell, rowsToCsv, type FormatRow } from '../model/formatCsv';
import type { QueryResult, ResultCell } from './run';

const text = (v: ResultCell) => (v === null ? '' : String(v));

/** A query's rows for people: UTF-8 with a BOM (Excel on Windows needs it), every cell safe from formulas. */
export function resultToExcelCsv(r: QueryResult): string {
  const data = r.rows.map((row) => row.map((v) => neutralizeCell(text(v))));
  return `\uFEFF${Papa.unparse({ fields: r.columns.map(neutralizeCell), data }, { newline: '\r\n' })}\r\n`;
}

/** FORMAT column → the result columns that can fill it (the figures view's names first). */
const SOURCES: Record<(typeof FORMAT_COLUMNS)[number], readonly string[]> = {
  doc_id: ['doc_id'], unit_code: ['unit_code'], unit_name: ['unit_name'], scope: ['scope'], stage: ['stage'], year: ['year'],
  table: ['table_key', 'table'], row_code: ['row_code'], row_name: ['row_name'], column: ['column_key', 'column'],
  amount: ['amount_fen', 'amount_text', 'amount'],
};

export type FormatExport = { ok: true; csv: string; rows: number } | { ok: false; error: string };

/**
 * The rows as FORMAT CSV, when the query kept the figures view's columns. The amount is taken
 * exactly: from amount_fen, else amount_text, else the float `amount` rounded to the fen it came
 * from (万元 × 10⁶ stays far below 2⁵³, so the rounding gives back the stored integer).
 */
export function resultToFormatCsv(r: QueryResult): FormatExport {
  const index = new Map(r.columns.map((c, i) => [c, i]));
  const pick: Partial<Record<(typeof FORMAT_COLUMNS)[number], { col: string; i: number }>> = {};
  const missing: string[] = [];
  for (const c of FORMAT_COLUMNS) {
    const col = SOURCES[c].find((s) => index.has(s));
    if (col === undefined) missing.push(c === 'table' ? 'table_key' : c === 'column' ? 'column_key' : c);
    else pick[c] = { col, i: index.get(col)! };
  }
  if (missing.length) {
    return { ok: false, error: `查询结果缺少交换格式（FORMAT CSV）所需的列：${missing.join('、')}。可从 figures 视图选出这些列后再导出。` };
  }
  const rows: FormatRow[] = [];
  for (const [n, row] of r.rows.entries()) {
    const out = {} as FormatRow;
    for (const c of FORMAT_COLUMNS) out[c] = text(row[pick[c]!.i]);
    const a = pick.amount!;
    const v = row[a.i];
    const fen = a.col === 'amount_fen' ? (typeof v === 'number' && Number.isInteger(v) ? v : null)
      : a.col === 'amount_text' ? parseDecimal(text(v))
        : typeof v === 'number' ? Math.round(v * FEN_PER_WAN) : parseDecimal(text(v));
    if (fen === null) return { ok: false, error: `第 ${n + 1} 行的金额「${text(v)}」不是数字，无法导出为交换格式。` };
    out.amount = formatWan(fen);
    rows.push(out);
  }
  return { ok: true, csv: rowsToCsv(rows), rows: rows.length };
}
