/**
 * Exact money. Every amount in Budget Lens is an integer count of 分 expressed in 万元 units:
 * 1 万元 = 1,000,000 分-of-万元 (0.000001 万元 = 0.01 元). Sums and comparisons use these integers, so
 * float drift can never decide an audit finding. Realistic budgets (< 9 × 10^9 万元) stay far inside
 * Number.MAX_SAFE_INTEGER; anything larger is refused rather than rounded.
 */
export type Fen = number;

export const FEN_PER_WAN = 1_000_000;
/** 元 → 万元 divides by 10,000, so one 元 is 100 fen. */
export const FEN_PER_YUAN = 100;
/** Rare in a department's tables, but a 千元 or 亿元 table read as 万元 is off by 10 or 10,000 times. */
export const FEN_PER_QIAN = 100_000;
export const FEN_PER_YI = 10_000_000_000;

/** The money units a table may declare, and how many fen one printed unit is worth. */
export const MONEY_UNITS = { 元: FEN_PER_YUAN, 千元: FEN_PER_QIAN, 万元: FEN_PER_WAN, 亿元: FEN_PER_YI } as const;
export type MoneyUnit = keyof typeof MONEY_UNITS;

/** The unit of `fenPerUnit`, 万元 for anything else. */
export function moneyUnitOf(fenPerUnit: number): MoneyUnit {
  return (Object.keys(MONEY_UNITS) as MoneyUnit[]).find((u) => MONEY_UNITS[u] === fenPerUnit) ?? '万元';
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Parses a printed decimal (already cleaned of thousands separators and spaces) into fen, given how
 * many fen one printed unit is worth. Returns null when the text is not a plain decimal or would
 * lose precision: a figure we cannot represent exactly is reported, never approximated.
 */
export function parseDecimal(text: string, fenPerUnit: number = FEN_PER_WAN): Fen | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  const digits = Math.round(Math.log10(fenPerUnit));
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) return null;
  const fracPart = frac.slice(0, digits).padEnd(digits, '0');
  const value = Number(whole) * fenPerUnit + (digits ? Number(fracPart) : 0);
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value : value;
}

/**
 * Canonical text of an amount in 万元: at least two decimals, more only when the figure needs them
 * (a 元 table can print cents, which are 0.000001 万元). Exports rely on this being stable so that
 * export → import → export gives the same bytes.
 */
export function formatWan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / FEN_PER_WAN);
  let frac = String(abs % FEN_PER_WAN).padStart(6, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${sign}${whole}.${frac}`;
}

/** Display form for the UI: 万元 with thousands separators and exactly two decimals (rounded half away from zero). */
export function displayWan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const cents = Math.round(Math.abs(fen) / 10_000);
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  return `${sign}${grouped(whole)}.${frac}`;
}

/**
 * A whole number with a comma every three digits. toLocaleString('en-US') gave the same but built a
 * number format per call: 40 columns × 65 rows of a 横比 spent ~50 ms of the main thread in it.
 */
function grouped(n: number): string {
  const s = String(n);
  let head = s.length % 3 || 3;
  let out = s.slice(0, head);
  for (; head < s.length; head += 3) out += `,${s.slice(head, head + 3)}`;
  return out;
}

/** Sum of fen values, refusing to leave the safe integer range. */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError('金额合计超出可精确表示的范围');
  return total;
}
