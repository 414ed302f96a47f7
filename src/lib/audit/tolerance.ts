import { FEN_PER_WAN, formatWan, type Fen } from '../model/amount';

/**
 * Rounding rule of issue 5: published tables round every figure to 0.01 万元, so a sum of n printed
 * figures may differ from its printed total by up to 0.01 万元 per addend. Within that, the difference
 * is a 尾差 (rounding) note; beyond it, an error. Integers of fen only: 0.01 万元 = 10,000 fen.
 */
export const ROUNDING_PER_ADDEND: Fen = FEN_PER_WAN / 100;

export type Verdict = 'ok' | 'rounding' | 'error';

export function judge(actual: Fen, expected: Fen, addends: number): Verdict {
  const diff = Math.abs(actual - expected);
  if (diff === 0) return 'ok';
  return diff <= ROUNDING_PER_ADDEND * Math.max(1, addends) ? 'rounding' : 'error';
}

/** Half away from zero to 0.01 万元: how a narrative states a figure the tables print more exactly. */
export function roundToCents(fen: Fen): Fen {
  const step = ROUNDING_PER_ADDEND;
  const sign = fen < 0 ? -1 : 1;
  return sign * Math.round(Math.abs(fen) / step) * step;
}

/**
 * A figure stated in the narrative against the table it summarises. The narrative usually states 万元
 * with two decimals (73.77 for 73.771445): that is the same figure, not a 尾差. Anything else within
 * 0.01 万元 is a rounding note, and beyond it an error.
 */
export function judgeStated(stated: Fen, table: Fen): Verdict {
  if (stated === table || stated === roundToCents(table)) return 'ok';
  return judge(stated, table, 1);
}

export function wan(fen: Fen | null): string {
  return fen === null ? '空白' : formatWan(fen);
}
