import type { Row } from '../lines';
import { compact } from '../normalize';

/**
 * A department's 收入总表 or 支出总表 printed by unit instead of by 科目: 单位编码 | 单位名称 | 合计 | …,
 * a row for the department's 合计 and one per unit beneath it (「543001 信访局本级」). Many provinces
 * print their departments' tables so. The unit codes are no 科目 (543 would pass for a 政府经济分类
 * 类), so they are not read as codes: the 合计 row is the department's figures, under the same
 * columns, and the units' rows are reported, since each unit's own disclosure gives them.
 */

/** 单位编码, 单位代码, 单位名称 (or 部门…, 预算单位…) heading the label columns. */
const UNIT_HEAD = /^(?:预算)?(?:单位|部门)(?:编码|代码|名称|名单)?$/;
const TOTAL = /^(?:合计|总计)$/;

/** Rows above the first amount: what heads the columns. */
function headerRows(body: readonly Row[]): Row[] {
  const first = body.findIndex((r) => r.cells.some((c) => /\d\.\d|\d,\d{3}/.test(c)));
  return first < 0 ? [...body] : body.slice(0, first);
}

/** Whether the table's rows are units: its header names a unit column and no 科目. */
export function listsUnits(body: readonly Row[]): boolean {
  const cells = headerRows(body).flatMap((r) => r.cells.map(compact));
  return cells.some((c) => UNIT_HEAD.test(c)) && !cells.some((c) => /科目|功能分类|经济分类/.test(c));
}

/**
 * The table as the classified reader should see it: its header and its 合计 row, the units' rows taken
 * out (`units`, to report). Null for a table not printed by unit.
 */
export function withoutUnitRows(body: readonly Row[]): { body: Row[]; units: Row[] } | null {
  if (!listsUnits(body)) return null;
  const header = headerRows(body);
  const kept = [...header];
  const units: Row[] = [];
  for (const row of body.slice(header.length)) {
    const label = row.cells.map(compact).find((c) => c !== '' && !/^\d+$/.test(c)) ?? '';
    if (TOTAL.test(label)) kept.push(row);
    else if (row.cells.some((c) => /\d/.test(c) && /[.,]/.test(c))) units.push(row);
    else kept.push(row);
  }
  return { body: kept, units };
}
