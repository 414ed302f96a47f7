import { MONEY_UNITS, type MoneyUnit } from '../../model/amount';
import type { Row } from '../lines';

/** A head ending in its money unit: 「2024年预算数（万元）」「金额(元)」, or 「（元）」 under its head. */
const HEAD_UNIT = /\s*[（(]([万千亿]?元)[)）]$/;
/** A row printing an amount: the header is over. */
const AMOUNT = /\d\.\d|\d,\d{3}/;

/** Whether the cell ends in a closing bracket, which every head with its unit does (most cells do not). */
function endsInBracket(cell: string): boolean {
  const end = cell.charCodeAt(cell.length - 1);
  return end === 0xff09 || end === 41;
}

/**
 * The money unit a table prints in its column heads, for a table with no 「单位：」 line: a 三公
 * table headed 「2024年预算数（元）」 is in 元, not in the default 万元. Null where the heads name
 * none, or name two (「人均（元）」 beside 「金额（万元）」: no one unit for the table).
 */
export function headUnit(rows: readonly Row[]): number | null {
  let unit: number | null = null;
  for (const row of rows) {
    const cells = row.cells;
    let amounts = false;
    for (let i = 0; i < cells.length && !amounts; i++) amounts = AMOUNT.test(cells[i]);
    if (amounts) break;
    for (const c of cells) {
      if (!endsInBracket(c)) continue;
      const m = HEAD_UNIT.exec(c);
      if (!m) continue;
      const u = MONEY_UNITS[m[1] as MoneyUnit];
      if (unit !== null && unit !== u) return null;
      unit = u;
    }
  }
  return unit;
}

/**
 * The row with the money units after its heads taken off (「合计（元）」 → 「合计」), so that every
 * reader knows the head by its word; a copy only where a cell carries one.
 */
export function withoutHeadUnits(row: Row): Row {
  const cells = row.cells;
  for (let i = 0; i < cells.length; i++) {
    if (endsInBracket(cells[i]) && HEAD_UNIT.test(cells[i])) return { ...row, cells: cells.map((c) => (endsInBracket(c) ? c.replace(HEAD_UNIT, '') : c)) };
  }
  return row;
}
