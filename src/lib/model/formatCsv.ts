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

/** A cell a spreadsheet reads as a plain number, and nothing more: it is left as it is. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Cells that a spreadsheet would run as a formula get a leading apostrophe. A cell stays as it is
 * only when the whole cell is a plain decimal ("-12.5" must stay a number so exports remain usable in
 * Excel); "-1+HYPERLINK(…)" starts like a number but is a formula, and is neutralised like "=…".
 */
export function neutralizeCell(value: string): string {
  if (PLAIN_NUMBER.test(value)) return value;
  if (/^[=+\-@\t\r\n\0]/.test(value)) return `'${value}`;
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
  const data = rows.map((r) => FORMAT_COLUMNS.map((c) => neutralizeCell(r[c])));
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


/** Undoes neutralizeCell on the way in, so a round trip gives back the same text. */
function restoreCell(value: string): string {
  return value.charCodeAt(0) === 39 && /^'[=+@\t\r\n\0-]/.test(value) ? value.slice(1) : value;
}

/**
 * Turns parsed FORMAT rows back into documents, a chunk at a time (a 50 MB file is read in pieces).
 * Bad rows are listed with their line and reason and left out; the caller decides whether the good
 * rows are imported.
 */
export class FormatRowReader {
  private readonly byId = new Map<string, StoredDocument>();
  readonly errors: CsvRowError[] = [];
  rows = 0;

  /** Adds rows whose first one is on `firstLine` of the file (the header is line 1). */
  add(rows: readonly Record<string, string>[], firstLine: number): void {
    rows.forEach((raw, i) => {
      // Each cell is read once: this runs for every row of a 50 MB file.
      const cell = (k: string) => restoreCell((raw[k] ?? '').trim());
      this.addRow({
        doc_id: cell('doc_id'), unit_code: cell('unit_code'), unit_name: cell('unit_name'), scope: cell('scope'),
        stage: cell('stage'), year: cell('year'), table: cell('table'), row_code: cell('row_code'),
        row_name: cell('row_name'), column: cell('column'), amount: cell('amount'),
      }, firstLine + i);
    });
    this.rows += rows.length;
  }

  /**
   * The same as `add` for rows as the CSV parser returns them (arrays of cells) under `header`: the
   * streaming import (ingest/csvStream.ts) calls this, because building an object per row of a
   * 50 MB file (Object.fromEntries) cost more than parsing the CSV itself. A column the header
   * lacks reads as '', as a missing key does in `add`; extra columns are ignored. A column named
   * twice is read from its last occurrence, as an object built from the row would hold it.
   */
  addRecords(records: readonly (readonly string[])[], header: readonly string[], firstLine: number): void {
    const at = (k: string) => header.lastIndexOf(k);
    const [docId, unitCode, unitName, scope, stage, year, table, rowCode, rowName, column, amount] = FORMAT_COLUMNS.map(at);
    const cell = (r: readonly string[], i: number) => (i < 0 ? '' : restoreCell((r[i] ?? '').trim()));
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      this.addRow({
        doc_id: cell(r, docId), unit_code: cell(r, unitCode), unit_name: cell(r, unitName), scope: cell(r, scope),
        stage: cell(r, stage), year: cell(r, year), table: cell(r, table), row_code: cell(r, rowCode),
        row_name: cell(r, rowName), column: cell(r, column), amount: cell(r, amount),
      }, firstLine + i);
    }
    this.rows += records.length;
  }

  private addRow(r: FormatRow, line: number): void {
    const amount = parseDecimal(r.amount);
    const problem = validateRow(r, amount);
    if (problem) {
      this.errors.push({ line, message: problem });
      return;
    }
    let doc = this.byId.get(r.doc_id);
    const year = Number(r.year);
    const unitName = r.unit_name.includes('  ') || /\s[^ ]|[^ ]\s$/.test(r.unit_name) ? r.unit_name.replace(/\s+/g, ' ') : r.unit_name;
    if (!doc) {
      const meta = { unitCode: r.unit_code, unitName, scope: r.scope as Scope, stage: r.stage as Stage, year };
      doc = { docId: r.doc_id, fileName: '', meta, figures: [], tables: [], projects: [], warnings: [] };
      this.byId.set(r.doc_id, doc);
    } else if (doc.meta.unitName !== unitName || doc.meta.year !== year || doc.meta.scope !== r.scope || doc.meta.stage !== r.stage) {
      this.errors.push({ line, message: `与同一 doc_id（${r.doc_id}）前面的行的单位、年度或类型不一致` });
      return;
    }
    doc.figures.push({ table: r.table as TableKey, rowCode: r.row_code, rowName: r.row_name, column: r.column, amount: amount!, source: { line } });
  }

  get docs(): StoredDocument[] {
    return [...this.byId.values()];
  }
}

export function rowsToDocuments(rows: readonly Record<string, string>[], firstLine = 2): CsvParseResult {
  const reader = new FormatRowReader();
  reader.add(rows, firstLine);
  return { docs: reader.docs, errors: reader.errors };
}

const TABLES: ReadonlySet<string> = new Set(TABLE_KEYS);

function validateRow(r: FormatRow, amount: number | null): string | null {
  if (!r.doc_id) return '缺少 doc_id';
  if (r.scope !== 'department' && r.scope !== 'unit') return `scope 应为 department 或 unit，实际为「${r.scope}」`;
  if (r.stage !== 'budget' && r.stage !== 'final') return `stage 应为 budget 或 final，实际为「${r.stage}」`;
  if (!/^\d{4}$/.test(r.year)) return `year 应为四位年份，实际为「${r.year}」`;
  if (!TABLES.has(r.table)) return `未知的表键「${r.table}」`;
  if (!r.row_code) return '缺少 row_code';
  if (!r.column) return '缺少 column';
  if (amount === null) return `金额「${r.amount}」不是有效的万元数`;
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
