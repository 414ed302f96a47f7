import type { Figure, ImportWarning } from '../../model/document';
import type { TableKey } from '../../model/keys';
import { parseAmountCell } from '../amounts';

/**
 * Collects the figures of one document. A page break can print a row twice; the same value twice is
 * kept once, a different value is kept first and reported, so nothing disagrees silently.
 */
export class FigureSink {
  readonly figures: Figure[] = [];
  private readonly byKey = new Map<string, Figure>();

  constructor(readonly warnings: ImportWarning[]) {}

  warn(message: string, line?: number): void {
    this.warnings.push(line === undefined ? { message } : { message, source: { line } });
  }

  /** Adds the figure a printed cell holds; blank cells give none, unreadable cells give a warning. */
  addCell(table: TableKey, rowCode: string, rowName: string, column: string, cell: string, line: number, fenPerUnit: number, where: string): void {
    const parsed = parseAmountCell(cell, fenPerUnit);
    if (parsed.kind === 'blank') return;
    if (parsed.kind === 'bad') {
      this.warn(`${where}「${rowName || rowCode}」的金额「${cell}」无法读取`, line);
      return;
    }
    this.add({ table, rowCode, rowName, column, amount: parsed.fen, source: { line } }, where);
  }

  add(figure: Figure, where: string): void {
    const key = `${figure.table}|${figure.rowCode}|${figure.column}`;
    const prior = this.byKey.get(key);
    if (prior) {
      if (prior.amount !== figure.amount) {
        this.warn(`${where}「${figure.rowName || figure.rowCode}」重复出现且金额不同，保留第 ${prior.source.line} 行的数`, figure.source.line);
      }
      return;
    }
    this.byKey.set(key, figure);
    this.figures.push(figure);
  }

  has(table: TableKey): boolean {
    return this.figures.some((f) => f.table === table);
  }
}
