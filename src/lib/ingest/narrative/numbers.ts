import { MONEY_UNITS, type MoneyUnit } from '../../model/amount';
import type { StatedAmount, StatedPercent } from '../../model/narrative';
import { parseStatedAmount } from '../amounts';

export const NUM = '(-?\\d[\\d,，]*(?:\\.\\d+)?)';
/** The money units a sentence states an amount in, longest first (亿元 and 千元 before 元). */
export const UNIT = '(亿元|万元|千元|元)';
export const PCT = '(-?\\d+(?:\\.\\d+)?)[%％]';

/** An amount as printed, with its precision; null when it is not an exact decimal. */
export function stated(num: string, unit: string, sign = 1): StatedAmount | null {
  const fen = parseStatedAmount(num, unit);
  if (fen === null) return null;
  const clean = num.replace(/[，,]/g, '');
  const dot = clean.indexOf('.');
  return { fen: sign * fen, text: num, decimals: dot < 0 ? 0 : clean.length - dot - 1, unit: unit in MONEY_UNITS ? (unit as MoneyUnit) : '万元' };
}

export function percent(value: string): StatedPercent {
  const dot = value.indexOf('.');
  return { value, decimals: dot < 0 ? 0 : value.length - dot - 1 };
}

/** 增加/增长/上升 → 1, 减少/下降/降低 → -1, 持平/一致/零增长/无变化 → 0, else null. */
export function directionSign(word: string): 1 | -1 | 0 | null {
  if (/增加|增长|上升|调增|提高/.test(word)) return 1;
  if (/减少|下降|降低|调减|压减|缩减/.test(word)) return -1;
  if (/持平|一致|零增长|无变化|相同|不变/.test(word)) return 0;
  return null;
}
