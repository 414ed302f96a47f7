import Papa from 'papaparse';
import { formatWan, parseDecimal } from './amount';
import type { StoredDocument } from './document';
import { TABLE_KEYS, type Scope, type Stage, type TableKey } from './keys';

/** The columns of the FORMAT.md budget figures CSV, in order. */
export const FORMAT_COLUMNS = [
  'doc_id', 'unit_code', 'unit_name', 'scope', 'stage', 'year',
  'table', 'row_code', 'row_name', 'column', 'amount',
] as const;

export type FormatRow = Record<(typeof FORMAT_COLUMNS)[number], string>;

/**
 * Cells that a spreadsheet would run as a formula. A leading '-' is only dangerous when it is not a
 * number ("-12.5" must stay a number so exports remain usable in Excel).
 */
export function neutralizeCell(value: string): string {
  if (/^[=+@\t\r\n\0]/.test(value) || /^-(?!\d)/.test(value)) return `'${value}`;
  return value;
}

/** Rows of the FORMAT CSV for the given documents, figures in their stored order. */
export function documentsToRows(docs: readonly StoredDocument[]): FormatRow[] {
  const rows: FormatRow[] = [];
  for (const doc of docs) {
    for (const f of doc.figures) {
      rows.push({
        doc_id: doc.docId,
        unit_code: doc.meta.unitCode,
        unit_name: doc.meta.unitName,
        scope: doc.meta.scope,
        stage: doc.meta.stage,
        year: String(doc.meta.year),
        table: f.table,
        row_code: f.rowCode,
        row_name: f.rowName,
        column: f.column,
        amount: formatWan(f.amount),
      });
    }
  }
  return rows;
}

/** Serializes rows as RFC 4180 CSV with a header, every text cell protected from formula injection. */
export function rowsToCsv(rows: readonly FormatRow[], { bom = false } = {}): string {
  const data = rows.map((r) => FORMAT_COLUMNS.map((c) => (c === 'amount' ? r[c] : neutralizeCell(r[c]))));
  const body = Papa.unparse({ fields: [...FORMAT_COLUMNS], data }, { newline: '\r\n' });
  return (bom ? '\uFEFF' : '') + body + '\r\n';
}

export interface CsvRowError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

export interface CsvParseResult {
  docs: StoredDocument[];
  errors: CsvRowError[];
}

const SCOPES: readonly string[] = ['department', 'unit'];
const STAGES: readonly string[] = ['budget', 'final'];

/** Undoes neutralizeCell on the way in, so a round trip gives back the same text. */
function restoreCell(value: string): string {
  return /^'[=+@\t\r\n\0-]/.test(value) ? value.slice(1) : value;
}

/**
 * Turns parsed FORMAT rows back into documents. Bad rows are listed with their line and reason and
 * left out; the caller decides whether the good rows are imported.
 */
export function rowsToDocuments(rows: readonly Record<string, string>[], firstLine = 2): CsvParseResult {
  const byId = new Map<string, StoredDocument>();
  const errors: CsvRowError[] = [];
  rows.forEach((raw, i) => {
    const line = firstLine + i;
    const get = (k: string) => restoreCell((raw[k] ?? '').trim());
    const problem = validateRow(get);
    if (problem) {
      errors.push({ line, message: problem });
      return;
    }
    const docId = get('doc_id');
    let doc = byId.get(docId);
    const meta = {
      unitCode: get('unit_code'),
      unitName: get('unit_name').replace(/\s+/g, ' '),
      scope: get('scope') as Scope,
      stage: get('stage') as Stage,
      year: Number(get('year')),
    };
    if (!doc) {
      doc = { docId, fileName: '', meta, figures: [], tables: [], projects: [], warnings: [] };
      byId.set(docId, doc);
    } else if (doc.meta.unitName !== meta.unitName || doc.meta.year !== meta.year || doc.meta.scope !== meta.scope || doc.meta.stage !== meta.stage) {
      errors.push({ line, message: `与同一 doc_id（${docId}）前面的行的单位、年度或类型不一致` });
      return;
    }
    doc.figures.push({
      table: get('table') as TableKey,
      rowCode: get('row_code'),
      rowName: get('row_name'),
      column: get('column'),
      amount: parseDecimal(get('amount'))!,
      source: { line },
    });
  });
  return { docs: [...byId.values()], errors };
}

function validateRow(get: (k: string) => string): string | null {
  if (!get('doc_id')) return '缺少 doc_id';
  if (!SCOPES.includes(get('scope'))) return `scope 应为 department 或 unit，实际为「${get('scope')}」`;
  if (!STAGES.includes(get('stage'))) return `stage 应为 budget 或 final，实际为「${get('stage')}」`;
  if (!/^\d{4}$/.test(get('year'))) return `year 应为四位年份，实际为「${get('year')}」`;
  if (!(TABLE_KEYS as readonly string[]).includes(get('table'))) return `未知的表键「${get('table')}」`;
  if (!get('row_code')) return '缺少 row_code';
  if (!get('column')) return '缺少 column';
  if (parseDecimal(get('amount')) === null) return `金额「${get('amount')}」不是有效的万元数`;
  return null;
}

/** Parses a whole FORMAT CSV text (BOM allowed). A missing required column is one error for the file. */
export function parseFormatCsv(text: string): CsvParseResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const fields = parsed.meta.fields ?? [];
  const missing = FORMAT_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length) {
    return { docs: [], errors: [{ line: 1, message: `表头缺少列：${missing.join('、')}` }] };
  }
  return rowsToDocuments(parsed.data);
}
