import type { Fen, MoneyUnit } from '../model/amount';
import type { StatedAmount, StatedPercent } from '../model/narrative';
import { ROUNDING_PER_ADDEND, type Verdict } from './tolerance';

/**
 * Comparisons at the precision the text states (issue 13, item 2). A narrative that gives 17,192 万元
 * states a whole-万元 figure: the tables' 17,191.5169 is the same figure. A percentage printed with one
 * decimal is judged at one decimal. Everything in integers (fen, and BigInt for ratios): no float
 * decides a finding.
 */

/** Fen in one unit of the last printed digit: 0.01 万元 → 10,000 fen; whole 万元 → 1,000,000. */
export function unitOf(a: Pick<StatedAmount, 'decimals' | 'unit'>): Fen {
  const digits = DIGITS[a.unit];
  return a.decimals >= digits ? 1 : 10 ** (digits - a.decimals);
}

/** Decimal digits of fen in one unit: 元 100 fen, 千元 10^5, 万元 10^6, 亿元 10^10. */
const DIGITS: Record<MoneyUnit, number> = { 元: 2, 千元: 5, 万元: 6, 亿元: 10 };

/** Half a unit of the last printed digit: how far the true figure may lie from the printed one. */
export function halfUnit(a: Pick<StatedAmount, 'decimals' | 'unit'> | null): bigint {
  if (!a) return 0n;
  const u = unitOf(a);
  return u === 1 ? 0n : BigInt(u / 2);
}

/** The precision of a figure known only by its value (a FORMAT CSV, a fact without its printed text). */
export function inferPrecision(fen: Fen): Pick<StatedAmount, 'decimals' | 'unit'> {
  let decimals = 6;
  let v = Math.abs(fen);
  while (decimals > 0 && v % 10 === 0) {
    v /= 10;
    decimals--;
  }
  return { decimals, unit: '万元' };
}

function roundTo(fen: Fen, unit: Fen): Fen {
  const sign = fen < 0 ? -1 : 1;
  return sign * Math.round(Math.abs(fen) / unit) * unit;
}

/**
 * A stated amount against a table figure: the same figure when the table rounds to it at the stated
 * precision; 尾差 when the table truncates to it (87.70 for 87.708) or they differ by no more than the
 * 0.01 万元 both sides may have rounded; an error beyond.
 */
export function judgeStatedAt(stated: Fen, precision: Pick<StatedAmount, 'decimals' | 'unit'>, table: Fen): Verdict {
  const unit = unitOf(precision);
  if (stated === table || stated === roundTo(table, unit)) return 'ok';
  const truncated = Math.sign(table) * Math.floor(Math.abs(table) / unit) * unit;
  return stated === truncated || Math.abs(stated - table) <= ROUNDING_PER_ADDEND ? 'rounding' : 'error';
}

/** A ratio's possible range: numerator and denominator, each ± its half unit. */
export interface Ratio {
  num: bigint;
  numHalf: bigint;
  den: bigint;
  denHalf: bigint;
}

/**
 * A printed percentage against the ratio it states. 'ok' when some value of the ratio within the
 * printed figures' precision rounds to it; 'truncated' when one truncates to it; else 'wrong'.
 * Returns null when the ratio cannot be formed (a zero or negative base: 「增长 100%」 from nothing).
 */
export function judgePercent(r: Ratio, p: StatedPercent): 'ok' | 'truncated' | 'wrong' | null {
  const num = r.num < 0n ? -r.num : r.num;
  const denLo = r.den - r.denHalf;
  if (r.den <= 0n || denLo <= 0n) return null;
  const scale = 10n ** BigInt(p.decimals);
  const pk = BigInt(p.value.replace('-', '').replace('.', ''));
  const hundred = 100n * scale;
  const lo = [num - r.numHalf < 0n ? 0n : num - r.numHalf, r.den + r.denHalf] as const; // lo = lo[0] / lo[1]
  const hi = [num + r.numHalf, denLo] as const;
  // Rounded: ratio·100·scale ∈ [pk − ½, pk + ½]  ⇔  2·ratio·hundred ∈ [2pk − 1, 2pk + 1].
  const roundOk = 2n * hundred * lo[0] <= (2n * pk + 1n) * lo[1] && 2n * hundred * hi[0] >= (2n * pk - 1n) * hi[1];
  if (roundOk) return 'ok';
  // Truncated: ratio·100·scale ∈ [pk, pk + 1).
  const truncOk = hundred * lo[0] < (pk + 1n) * lo[1] && hundred * hi[0] >= pk * hi[1];
  return truncOk ? 'truncated' : 'wrong';
}

/** The ratio's value as a percentage with two more decimals than printed, for messages (display only). */
export function percentText(r: Ratio, decimals: number): string {
  if (r.den === 0n) return '—';
  const num = r.num < 0n ? -r.num : r.num;
  const d = decimals + 1;
  const scaled = (num * 100n * 10n ** BigInt(d) * 2n + r.den) / (2n * r.den);
  const s = scaled.toString().padStart(d + 1, '0');
  return `${s.slice(0, -d)}.${s.slice(-d)}%`;
}

/** Whether printed percentages add up to exactly 100 (a list forced to 100%). */
export function sumsTo100(ps: readonly StatedPercent[]): boolean {
  if (ps.length < 2) return false;
  const k = Math.max(...ps.map((p) => p.decimals));
  const total = ps.reduce((s, p) => s + BigInt(p.value.replace('-', '').replace('.', '')) * 10n ** BigInt(k - p.decimals), 0n);
  return total === 100n * 10n ** BigInt(k);
}

/** The difference between a printed percentage and the ratio, in units of its last digit (display rounding). */
export function percentUnitsOff(r: Ratio, p: StatedPercent): bigint {
  const num = r.num < 0n ? -r.num : r.num;
  const scale = 10n ** BigInt(p.decimals);
  const pk = BigInt(p.value.replace('-', '').replace('.', ''));
  // |ratio·100·scale − pk| rounded up, from the central values.
  const diff = num * 100n * scale - pk * r.den;
  const abs = diff < 0n ? -diff : diff;
  return (abs + r.den - 1n) / r.den;
}
