import { compact } from '../normalize';

/**
 * The heads of the columns by source of funds, which the 财政拨款收支总表's expense side and the
 * 财政拨款“三公”经费支出表 print after 合计: 一般公共预算财政拨款 | 政府性基金预算财政拨款 | 国有资本经营
 * 预算财政拨款. Each key by a word of its head, as a head may be printed short (「一般公共预算」).
 */
export const FUND_HEADS: readonly [RegExp, string][] = [[/一般公共预算/, 'general'], [/政府性?基金/, 'fund'], [/国有资本/, 'soe']];

/**
 * Whether a header cell is 合计 run together with the head after it (「合计一般公共预算财政拨款」): a
 * converter's narrow grid sets the heads a space apart, the layout cannot part them, and the heads
 * after 合计 stand where the converter pushed them, not over their amounts (the 一般公共预算 amounts
 * under 「政府性基金预算财政拨款」). The cell's column is 合计's; the places of the others are not to
 * be trusted (`placedByOrder`).
 */
export function isTotalRunTogether(cell: string): boolean {
  const m = /^(?:合计|小计)(.+)$/.exec(compact(cell));
  return m !== null && FUND_HEADS.some(([re]) => re.test(m[1]));
}

/**
 * The key of each filled amount of a row by source of funds (in the order printed), where the
 * header's places are not to be trusted: the first is 合计, as the table prints it first and fills
 * it wherever a part is filled; the others only where the row fills every column, and else
 * undefined (reported, not guessed: a row of 合计 and 政府性基金 would read the fund as 一般公共预算).
 */
export function placedByOrder(filled: number, columns: readonly string[]): (string | undefined)[] {
  return Array.from({ length: filled }, (_, i) => (i === 0 ? columns[0] : filled === columns.length ? columns[i] : undefined));
}

/** The warning for an amount `placedByOrder` leaves unplaced. */
export function runTogetherWarning(where: string, name: string, amount: string): string {
  return `${where}的表头「合计」与其后的列名挤在一起，无法确定「${name}」行的数「${amount}」属于哪一列，未导入`;
}
