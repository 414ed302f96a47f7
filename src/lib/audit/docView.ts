import type { Fen } from '../model/amount';
import type { Figure, StoredDocument, TableSeen } from '../model/document';
import type { TableKey } from '../model/keys';

/** One printed row of a table: its cells by column key, in print order of the rows. */
export interface RowView {
  code: string;
  name: string;
  line: number | null;
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
  /** Lines the importer warned about (an unreadable amount): rows on them are not judged. */
  readonly warnedLines: Set<number>;

  constructor(readonly doc: StoredDocument) {
    const rowIndex = this.rowIndex;
    for (const f of doc.figures) {
      this.byKey.set(`${f.table}|${f.rowCode}|${f.column}`, f);
      const rk = `${f.table}|${f.rowCode}`;
      let row = rowIndex.get(rk);
      if (!row) {
        row = { code: f.rowCode, name: f.rowName, line: f.source.line ?? null, cells: new Map() };
        rowIndex.set(rk, row);
        let rows = this.byTable.get(f.table);
        if (!rows) this.byTable.set(f.table, (rows = []));
        rows.push(row);
      }
      row.cells.set(f.column, f);
    }
    for (const t of doc.tables) if (!this.seen.has(t.table)) this.seen.set(t.table, t);
    this.warnedLines = new Set(doc.warnings.flatMap((w) => (w.source ? [w.source.line] : [])));
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
    if (this.rows(table).length) return 'present';
    const seen = this.seen.get(table);
    if (!seen) return 'missing';
    if (seen.status === 'empty' && this.warnedLines.has(seen.source.line)) return 'unreadable';
    return seen.status === 'empty' ? 'empty' : 'unreadable';
  }

  /** True when the importer warned about this row's line (an amount it could not read). */
  rowWarned(row: RowView): boolean {
    for (const f of row.cells.values()) if (f.source.line && this.warnedLines.has(f.source.line)) return true;
    return false;
  }
}
