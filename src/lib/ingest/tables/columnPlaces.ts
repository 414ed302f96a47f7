import type { Row } from '../lines';
import { compact } from '../normalize';
import { cellFen } from '../amounts';
import { EXPENSE_TOTAL_PARTS } from '../../model/tables/columns';
import { isBudgetColumn } from './columns';
import { periodColumns, type PeriodColumns } from './periods';
import type { MappedTable } from './prepare';
import type { DataRow } from './rowCodes';

/**
 * How readClassified (classified.ts) weighs the ways of placing a coded table's amounts under its
 * heads: columns of notes, the rows each reading closes, the period words over the columns.
 */

/** Columns headed 备注 (附注, 说明): a row's note, in words. */
export function noteColumns(headers: readonly Row[]): Set<number> {
  const out = new Set<number>();
  for (const h of headers) h.cells.forEach((c, i) => c && /^(?:备注|附注|说明|备注说明)$/.test(compact(c)) && out.add(i));
  return out;
}

const TOTAL_PARTS = new Set(EXPENSE_TOTAL_PARTS);

/**
 * How many rows of an expense table close (合计 = 基本支出 + 项目支出 + …) when the cells are keyed by
 * `keyAt`; 0 for other tables, where either reading stands as before.
 */
export function rowsClosing(t: MappedTable, data: readonly DataRow[], keyAt: (i: number, first: number) => string | undefined): number {
  if (t.table === 'income' || t.table === 'basic_expense') return 0;
  let closing = 0;
  for (const { row, first } of data) {
    let total: number | null = null;
    let sum = 0;
    let parts = 0;
    for (let i = first; i < row.cells.length; i++) {
      const key = keyAt(i, first);
      const fen = key && row.cells[i] !== '' ? cellFen(row.cells[i], t.fenPerUnit) : 'blank';
      if (typeof fen !== 'number') continue;
      if (key === 'total') total = fen;
      else if (TOTAL_PARTS.has(key!)) {
        sum += fen;
        parts++;
      }
    }
    if (total !== null && parts > 0 && total === sum) closing++;
  }
  return closing;
}

/**
 * Cell index → key where the header heads the amount columns by year or phase and names no part
 * (periods.ts): by the words over each filled column, else, when as many period words as filled
 * columns are printed (a merged header cell a column off), in order. Null: read as before.
 */
export function periodPlaces(t: MappedTable, headers: readonly Row[], found: ReadonlySet<string>, filled: ReadonlySet<number>): PeriodColumns | null {
  if ([...found].some((k) => k !== 'total' && !isBudgetColumn(k))) return null;
  const periods = periodColumns(headers, t);
  if (!periods) return null;
  const cols = [...filled].sort((a, b) => a - b);
  const out: PeriodColumns = { key: new Map(), words: new Map(), lines: new Map() };
  const take = (i: number, from: number) => {
    out.key.set(i, periods.key.get(from)!);
    out.words.set(i, periods.words.get(from)!);
    out.lines.set(i, periods.lines.get(from)!);
  };
  if (cols.every((i) => periods.key.has(i))) {
    for (const i of cols) take(i, i);
    return out;
  }
  const heads = [...periods.key.keys()].sort((a, b) => a - b);
  if (heads.length !== cols.length) return null;
  cols.forEach((i, k) => take(i, heads[k]));
  return out;
}
