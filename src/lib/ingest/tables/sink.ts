import type { Figure, ImportWarning } from '../../model/document';
import type { TableKey } from '../../model/keys';
import { formatWan } from '../../model/amount';
import { cellFen } from '../amounts';

/** What a warning says beyond its message: see ImportWarning. */
export type WarningDetail = Pick<ImportWarning, 'kind' | 'rowCode' | 'column' | 'table'>;

/**
 * Collects the figures of one document. A page break can print a row twice; the same value twice is
 * kept once, a different value is kept first and reported, so nothing disagrees silently.
 * Warnings name the table being read (`reading`), so the audit can tell a figure the importer could
 * not read from one the document left out.
 */
export class FigureSink {
  readonly figures: Figure[] = [];
  /**
   * Figures by table and row, then the row's figures (a row has a handful of columns: a short list
   * searched by column costs less than a Map made per row). No key string is built per cell.
   */
  private readonly byKey = new Map<TableKey, Map<string, Figure[]>>();
  private context: { table?: TableKey; title?: string } = {};
  /** The row add() looked up last (its list is the one byKey holds, and stays so). */
  private lastTable: TableKey | null = null;
  private lastRow = '';
  private lastColumns: Figure[] | null = null;
  /** Unread cells and rows since `reading` was last called. */
  unread = 0;
  /** Cells read since `reading` was last called whose figure was already kept, with the same amount. */
  repeated = 0;

  constructor(readonly warnings: ImportWarning[]) {}

  /** The table the next figures and warnings belong to (null: the narrative, or an unmapped table). */
  reading(table: TableKey | null, title?: string): void {
    this.context = {};
    if (table) this.context.table = table;
    if (title) this.context.title = title;
    this.unread = 0;
    this.repeated = 0;
  }

  warn(message: string, line?: number, detail: WarningDetail = {}): void {
    if (detail.kind === 'unread_cell' || detail.kind === 'unread_row') this.unread++;
    const w: ImportWarning = { message, ...this.context, ...detail };
    if (line !== undefined) w.source = { line };
    this.warnings.push(w);
  }

  /** Adds the figure a printed cell holds; blank cells give none, unreadable cells give a warning. */
  addCell(table: TableKey, rowCode: string, rowName: string, column: string, cell: string, line: number, fenPerUnit: number, where: string): void {
    const fen = cellFen(cell, fenPerUnit);
    if (fen === 'blank') return;
    if (fen === 'bad') {
      this.warn(`${where}「${rowName || rowCode}」的金额「${cell}」无法读取`, line, { kind: 'unread_cell', rowCode, column });
      return;
    }
    this.add({ table, rowCode, rowName, column, amount: fen, source: { line } }, where);
  }

  add(figure: Figure, where: string): void {
    // A table's cells come row by row: the row's list is looked up once per row, not once per cell.
    let columns: Figure[] | undefined;
    if (figure.table === this.lastTable && figure.rowCode === this.lastRow) columns = this.lastColumns!;
    else {
      let rows = this.byKey.get(figure.table);
      if (!rows) this.byKey.set(figure.table, (rows = new Map()));
      columns = rows.get(figure.rowCode);
      if (!columns) rows.set(figure.rowCode, (columns = []));
      this.lastTable = figure.table;
      this.lastRow = figure.rowCode;
      this.lastColumns = columns;
    }
    const prior = columnOf(columns, figure.column);
    if (prior) {
      if (prior.amount === figure.amount) this.repeated++;
      else {
        this.warn(`${where}「${figure.rowName || figure.rowCode}」重复出现且金额不同（${formatWan(prior.amount)} 与 ${formatWan(figure.amount)}），保留先印的 ${formatWan(prior.amount)}`, figure.source.line, { rowCode: figure.rowCode, column: figure.column });
      }
      return;
    }
    columns.push(figure);
    this.figures.push(figure);
  }

  /** Takes a figure back (a reading found inconsistent and replaced, tables/threePublicColumns.ts). */
  remove(table: TableKey, rowCode: string, column: string): void {
    const columns = this.byKey.get(table)?.get(rowCode);
    const f = columns && columnOf(columns, column);
    if (!f) return;
    columns!.splice(columns!.indexOf(f), 1);
    this.figures.splice(this.figures.indexOf(f), 1);
  }

  has(table: TableKey): boolean {
    return this.figures.some((f) => f.table === table);
  }
}

/** The figure of a row's list in a column, or undefined (each column is in the list at most once). */
function columnOf(columns: readonly Figure[], column: string): Figure | undefined {
  for (let i = 0; i < columns.length; i++) if (columns[i].column === column) return columns[i];
  return undefined;
}
