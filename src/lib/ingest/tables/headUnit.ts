import { MONEY_UNITS, type MoneyUnit } from '../../model/amount';
import type { Row } from '../lines';

/** A head ending in its money unit: 「2024年预算数（万元）」「金额(元)」, or 「（元）」 under its head. */
const HEAD_UNIT = /\s*[（(]([万千亿]?元)[)）]$/;
/** A row printing an amount: the header is over. */
const AMOUNT = /\d\.\d|\d,\d{3}/;

/** A cell that is a money unit's statement alone (「单位：元」), not a head naming its own (「价值（金额单位：万元）」). */
function unitAlone(cell: string): number | null {
  const m = /^(?:金额)?单位[:：]\s*([万千亿]?元)$/.exec(cell.trim());
  return m ? MONEY_UNITS[m[1] as MoneyUnit] : null;
}

/** Whether the cell ends in a closing bracket, which every head with its unit does (most cells do not). */
function endsInBracket(cell: string): boolean {
  const end = cell.charCodeAt(cell.length - 1);
  return end === 0xff09 || end === 41;
}

/**
 * The money unit a table prints in its column heads (or in a header row's cell of its own, 「单位：元」),
 * for a table with no 「单位：」 line: a 三公
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
      // 「单位：元」 in a cell of a header row (西安's 三公 table: beside 上年 | 当年 | 增减变化情况).
      const stated = c.includes('单位') ? unitAlone(c) : null;
      if (stated === null && !endsInBracket(c)) continue;
      const m = stated === null ? HEAD_UNIT.exec(c) : null;
      if (stated === null && !m) continue;
      const u = stated ?? MONEY_UNITS[m![1] as MoneyUnit];
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
