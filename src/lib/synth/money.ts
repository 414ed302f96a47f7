import { FEN_PER_YUAN, type Fen } from '../model/amount';
import type { TableKey } from '../model/keys';

/**
 * Printing amounts as a layout does (万元 or 元, with or without thousands separators) and recording
 * each printed amount as the figure an importer should read back, in FORMAT keys and 万元 fen.
 */

/** FORMAT table keys, including the three of Jiangsu's twelve-table template (FORMAT.md, last section). */
export type LayoutTableKey = TableKey | 'fiscal_expense' | 'fiscal_basic_expense' | 'operating_cost';

/** A figure a rendered layout prints: FORMAT keys, the label as printed, the amount in fen (0.000001 万元). */
export interface LayoutFigure {
  table: LayoutTableKey;
  rowCode: string;
  rowName: string;
  column: string;
  amount: Fen;
}

export type MoneyUnit = 'wan' | 'yuan';

export const MONEY_LABEL: Record<MoneyUnit, string> = { wan: '万元', yuan: '元' };

/** 1 万元 = 1,000,000 fen; a 万元 table prints two decimals, so 10,000 fen is its smallest step. */
export const FEN_PER_WAN_CENT = 10_000;

function groups(whole: number, separators: boolean): string {
  const s = String(whole);
  return separators ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : s;
}

/**
 * An amount as printed: 万元 with two decimals (the amount must be a whole 0.01 万元: a generator bug
 * otherwise, never a rounding), or 元 with two decimals (every fen is a 0.01 元).
 */
export function formatMoney(fen: Fen, unit: MoneyUnit, separators = true): string {
  const step = unit === 'wan' ? FEN_PER_WAN_CENT : 1;
  if (!Number.isSafeInteger(fen) || fen % step !== 0) throw new RangeError(`${fen} fen cannot print exactly in ${MONEY_LABEL[unit]}`);
  const sign = fen < 0 ? '-' : '';
  const cents = Math.abs(fen) / step;
  const perUnit = unit === 'wan' ? 100 : FEN_PER_YUAN;
  return `${sign}${groups(Math.floor(cents / perUnit), separators)}.${String(cents % perUnit).padStart(2, '0')}`;
}

/** Rounds to a whole 0.01 万元, half away from zero: what a narrative or a 万元 table states for a 元 figure. */
export function roundToWanCent(fen: Fen): Fen {
  const r = Math.round(Math.abs(fen) / FEN_PER_WAN_CENT) * FEN_PER_WAN_CENT;
  return fen < 0 && r ? -r : r;
}

export interface PrinterOptions {
  unit: MoneyUnit;
  separators?: boolean;
}

/** Prints a table's amounts and records them; a zero prints as a blank cell unless `zero` is asked for. */
export class FigurePrinter {
  readonly figures: LayoutFigure[] = [];
  constructor(
    private readonly table: LayoutTableKey,
    private readonly options: PrinterOptions,
  ) {}

  cell(amount: Fen, rowCode: string, column: string, rowName: string): string {
    if (amount === 0) return '';
    return this.zero(amount, rowCode, column, rowName);
  }

  /** Prints the amount even when it is 0 (a printed 0 is a figure: FORMAT.md). */
  zero(amount: Fen, rowCode: string, column: string, rowName: string): string {
    this.figures.push({ table: this.table, rowCode, column, rowName, amount });
    return formatMoney(amount, this.options.unit, this.options.separators ?? true);
  }

  /** One printed cell read as several keys (Jiangsu's 三公 小计 is both `total` and `subtotal`). */
  also(amount: Fen, rowCode: string, column: string, rowName: string): void {
    if (amount !== 0) this.figures.push({ table: this.table, rowCode, column, rowName, amount });
  }
}
