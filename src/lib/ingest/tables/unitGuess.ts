import { MONEY_UNITS, moneyUnitOf } from '../../model/amount';
import type { Figure, ImportWarning } from '../../model/document';
import type { MappedTable } from './prepare';

/**
 * A table whose money unit was not read from the table itself: no unit printed (a scan whose unit
 * line OCR lost, 「单位」 left without its colon and unit; a publisher's slip), or 「单位：」 with its unit
 * unread. prepare.ts read it in a unit guessed from the document (the nearest table's, the one every
 * table states, else 万元); `from`..`to` are its figures in the document's list.
 */
export interface UnitGuess {
  t: MappedTable;
  from: number;
  to: number;
}

/** Fewest of the table's amounts that must equal other tables' amounts for their unit to be taken. */
const MIN_AGREEING = 2;

/**
 * Settles each guessed unit by the document's own amounts, then says how it was read. A disclosure
 * prints the same amount in several tables (the 收入总表's 合计 is the 支出总表's; a 类's total is in
 * the 收入总表, the 支出总表 and the 一般公共预算支出表): where the table's amounts equal other
 * tables' amounts in one unit (two at least, and more than in the guessed unit), that unit is the
 * table's. A Shanghai disclosure prints its tables in 元 and its 三公 table in 万元, so no unit is
 * every table's: the 收入总表 of a scan whose unit line was lost was read in 万元, ten thousand times
 * too large, with nothing said.
 */
export function settleGuessedUnits(figures: Figure[], guesses: readonly UnitGuess[], warnings: ImportWarning[]): void {
  if (!guesses.length) return;
  const guessed = new Set<number>();
  for (const g of guesses) for (let i = g.from; i < g.to; i++) guessed.add(i);
  const others = new Set<number>();
  figures.forEach((f, i) => f.amount !== 0 && !guessed.has(i) && others.add(f.amount));
  for (const g of guesses) {
    const { t } = g;
    const amounts = new Set<number>();
    for (let i = g.from; i < g.to; i++) if (figures[i].amount !== 0) amounts.add(figures[i].amount);
    const agreeing = (unit: number) => {
      let n = 0;
      for (const a of amounts) {
        const scaled = rescaled(a, t.fenPerUnit, unit);
        if (scaled !== null && others.has(scaled)) n++;
      }
      return n;
    };
    const guessedCount = agreeing(t.fenPerUnit);
    let best = t.fenPerUnit;
    let bestCount = guessedCount;
    for (const unit of Object.values(MONEY_UNITS)) {
      const n = unit === t.fenPerUnit ? guessedCount : agreeing(unit);
      if (n > bestCount) [best, bestCount] = [unit, n];
    }
    // Every amount must be a whole number of fen in that unit (「1.2345」 read in 万元 is no amount in 元).
    let whole = true;
    for (let i = g.from; i < g.to && whole; i++) whole = rescaled(figures[i].amount, t.fenPerUnit, best) !== null;
    if (best !== t.fenPerUnit && bestCount >= MIN_AGREEING && whole) {
      for (let i = g.from; i < g.to; i++) figures[i] = { ...figures[i], amount: rescaled(figures[i].amount, t.fenPerUnit, best)! };
      const printed = t.unitUnread && !t.unitUnread.unprinted ? '印有「单位：」但没有读出是什么单位' : '没有印金额单位';
      const unit = moneyUnitOf(best);
      warn(warnings, t, `${t.where}${printed}，其中 ${bestCount} 个金额与本文件其他表的金额在「${unit}」下相同，按「${unit}」读取，请与原件核对`);
      continue;
    }
    if (t.unitUnread?.unprinted) {
      warn(warnings, t, `${t.where}没有印金额单位，本文件其他表都写明「${moneyUnitOf(t.unitUnread.borrowed)}」，按此读取，请与原件核对`);
    } else if (t.unitUnread) {
      const unit = t.unitUnread.borrowed === null ? '万元' : moneyUnitOf(t.unitUnread.borrowed);
      const from = t.unitUnread.borrowed === null ? '本文件没有其他表写明单位' : '按本文件其他表写明的单位';
      warn(warnings, t, `${t.where}印有「单位：」但没有读出是什么单位，${from}，按「${unit}」读取，请与原件核对`);
    }
  }
}

/** An amount read in one unit, as read in another; null where that is no whole number of fen. */
function rescaled(fen: number, from: number, to: number): number | null {
  if (to === from) return fen;
  if (to > from) {
    const scaled = fen * (to / from);
    return Number.isSafeInteger(scaled) ? scaled : null;
  }
  const by = from / to;
  return fen % by === 0 ? fen / by : null;
}

function warn(warnings: ImportWarning[], t: MappedTable, message: string): void {
  warnings.push({ message, table: t.table, title: t.title.title, source: { line: t.line } });
}
