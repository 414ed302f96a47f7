import type { Row } from '../lines';
import { printFen } from '../amounts';
import { compact } from '../normalize';

/** An amount of a 三公 row as read across: its column, as printed, in 分 (null: not an amount). */
export interface Value {
  col: number;
  text: string;
  fen: number | null;
  line: number;
}

/**
 * The 三公 table with each item split by fund (深圳: 总计 | 因公出国 | 公务接待 … each over 一般公共预算 |
 * 政府性基金 | 国有资本经营): a 财政拨款 item is the sum of its funds. Where a header row names the funds
 * once under each item and the row prints an amount in every fund column, the amounts go by funds in
 * print order, each item's added up (in 分). Null for a table not so printed.
 */
export function itemsByFund(header: readonly Row[], items: number, values: readonly Value[], fenPerUnit: number): Value[] | null {
  let funds = 0;
  let kinds = 0;
  for (const row of header) {
    const named = row.cells.map((c) => FUND.exec(compact(c))?.[0]).filter((f): f is string => f !== undefined);
    if (named.length > funds) [funds, kinds] = [named.length, new Set(named).size];
  }
  if (kinds < 2 || funds !== items * kinds || values.length !== funds || values.some((v) => v.fen === null)) return null;
  const out: Value[] = [];
  for (let i = 0; i < values.length; i += kinds) {
    const group = values.slice(i, i + kinds);
    const fen = group.reduce((sum, v) => sum + v.fen!, 0);
    // One fund's amount alone (or all zero) is kept as printed.
    const alone = group.filter((v) => v.fen !== 0);
    out.push({ col: group[0].col, text: alone.length === 1 ? alone[0].text : alone.length ? printFen(fen, fenPerUnit) : group[0].text, fen, line: (alone[0] ?? group[0]).line });
  }
  return out;
}

/** A fund's name as a narrow column wraps it (「一般公共预」 over 「算」). */
const FUND = /^(?:一般公共预|政府性基金|国有资本经)/;
