import type { Fen } from '../model/amount';
import type { Figure, SourceRef, StoredDocument, TableSeen } from '../model/document';
import type { TableKey } from '../model/keys';

/** One printed row of a table: its cells by column key, in print order of the rows. */
export interface RowView {
  code: string;
  name: string;
  line: number | null;
  /** The file `line` counts in when not the document's own (SourceRef.file). */
  file?: string;
  cells: Map<string, Figure>;
}

/** Whether a table can be checked: printed with figures, published empty, unreadable, or absent. */
export type TableState = 'present' | 'empty' | 'unreadable' | 'missing';

/**
 * Read-only index over one document's figures for the checks. Built once per audit; rows keep the
 * order they were printed in, which the hierarchy check relies on (a 项 belongs to the 款 above it).
 */
export class DocView {
  private readonly byTable = new Map<string, RowView[]>();
  private readonly byKey = new Map<string, Figure>();
  private readonly seen = new Map<string, TableSeen>();
  private readonly rowIndex = new Map<string, RowView>();
  private readonly columnCache = new Map<string, Set<string>>();
  /** Per-table memo for the checks (row relations, broken rows): a DocView is immutable. */
  readonly memo = new Map<string, unknown>();
  /**
   * Lines the importer warned about (an unreadable amount), as `file|line` (file '' for the
   * document's own): rows on them are not judged. Two files joined in one document (a narrative
   * PDF and its tables) each have a line 12, and a warning names one of them.
   */
  private readonly warnedLines: Set<string>;
  /**
   * What the importer said it could not read, by structured warning: `t|r|c` a cell, `t|r|` a row,
   * `t||` a whole table. Those figures are 「未能读取」, never blank, and no check judges them.
   */
  private readonly unreadKeys = new Set<string>();

  constructor(readonly doc: StoredDocument) {
    const rowIndex = this.rowIndex;
    for (const f of doc.figures) {
      this.byKey.set(`${f.table}|${f.rowCode}|${f.column}`, f);
      const rk = `${f.table}|${f.rowCode}`;
      let row = rowIndex.get(rk);
      if (!row) {
        row = { code: f.rowCode, name: f.rowName, line: f.source.line ?? null, ...(f.source.file && { file: f.source.file }), cells: new Map() };
        rowIndex.set(rk, row);
        let rows = this.byTable.get(f.table);
        if (!rows) this.byTable.set(f.table, (rows = []));
        rows.push(row);
      }
      row.cells.set(f.column, f);
    }
    for (const t of doc.tables) if (!this.seen.has(t.table)) this.seen.set(t.table, t);
    // A 「not_kept」 note says what was read and left, not a figure missed: no comparison waits on it.
    this.warnedLines = new Set(doc.warnings.flatMap((w) => (w.source && w.kind !== 'not_kept' ? [lineKey(w.source)] : [])));
    for (const w of doc.warnings) if (w.table && w.kind !== 'not_kept') this.unreadKeys.add(`${w.table}|${w.rowCode ?? ''}|${w.column ?? ''}`);
  }

  /**
   * Rows of the table the importer could not place (a label it does not know, a code it cannot read):
   * their amounts are in no figure, so a sum over the table may lack them.
   */
  unplacedRows(table: TableKey): number {
    let n = 0;
    for (const w of this.doc.warnings) if (w.table === table && w.kind === 'unread_row') n++;
    return n;
  }

  /** Whether the importer could not read this cell (or its row, or its table): 「未能读取」. */
  unread(table: TableKey, row: string, column = ''): boolean {
    if (!this.unreadKeys.size) return false;
    return this.unreadKeys.has(`${table}||`) || this.unreadKeys.has(`${table}|${row}|`) || (column !== '' && this.unreadKeys.has(`${table}|${row}|${column}`));
  }

  /** Whether any cell of the row is unread, by structured warning or by a warned source line. */
  unreadRow(table: TableKey, row: RowView): boolean {
    if (!this.warnedLines.size && !this.unreadKeys.size) return false; // the common case, kept cheap
    if (this.rowWarned(row) || this.unread(table, row.code)) return true;
    if (!this.unreadKeys.size) return false;
    for (const k of this.unreadKeys) if (k.startsWith(`${table}|${row.code}|`)) return true;
    return false;
  }

  /** A cell as it stands: its amount, 「未能读取」 when the importer warned about it, else blank (null). */
  cellText(table: TableKey, row: string, column: string): string | null {
    const f = this.figure(table, row, column);
    if (f) return null;
    return this.unread(table, row, column) ? '未能读取' : null;
  }

  get docId(): string {
    return this.doc.docId;
  }

  figure(table: TableKey, row: string, column: string): Figure | undefined {
    return this.byKey.get(`${table}|${row}|${column}`);
  }

  amount(table: TableKey, row: string, column: string): Fen | null {
    return this.figure(table, row, column)?.amount ?? null;
  }

  rows(table: TableKey): RowView[] {
    return this.byTable.get(table) ?? [];
  }

  row(table: TableKey, code: string): RowView | undefined {
    return this.rowIndex.get(`${table}|${code}`);
  }

  /** Columns printed anywhere in the table (do not modify the set). */
  columns(table: TableKey): Set<string> {
    let out = this.columnCache.get(table);
    if (!out) {
      out = new Set<string>();
      for (const r of this.rows(table)) for (const c of r.cells.keys()) out.add(c);
      this.columnCache.set(table, out);
    }
    return out;
  }

  memoize<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  tableSeen(table: TableKey): TableSeen | undefined {
    return this.seen.get(table);
  }

  /**
   * 'unreadable': the importer saw the table but read no figure and warned about its title line.
   * A CSV import records no tables at all, so there a table with figures counts as present.
   */
  state(table: TableKey): TableState {
    const seen = this.seen.get(table);
    if (seen?.status === 'unreadable') return 'unreadable';
    if (this.rows(table).length) return 'present';
    if (!seen) return this.unreadKeys.has(`${table}||`) ? 'unreadable' : 'missing';
    if (seen.status === 'empty' && (this.warnedLines.has(lineKey(seen.source)) || this.unreadKeys.has(`${table}||`))) return 'unreadable';
    return seen.status === 'empty' ? 'empty' : 'unreadable';
  }

  /** True when the importer warned about this row's line (an amount it could not read). */
  rowWarned(row: RowView): boolean {
    if (!this.warnedLines.size) return false;
    for (const f of row.cells.values()) if (f.source.line && this.warnedLines.has(lineKey(f.source))) return true;
    return false;
  }
}

const lineKey = (s: SourceRef): string => `${s.file ?? ''}|${s.line}`;
