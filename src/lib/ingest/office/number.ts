/**
 * A spreadsheet's number cell → the decimal text a reader sees, exactly, by string arithmetic only.
 * The XML stores a double's shortest text (「1234.5600000000001」, 「1.2345E-3」); Excel shows at most
 * 15 significant digits, rounded to the cell's number format. The result goes through the same exact
 * amount parser as text and PDF (amounts.ts), so no float ever decides an amount.
 */

interface Decimal {
  negative: boolean;
  /** Significant digits, no leading zeros ('' for zero). */
  digits: string;
  /** Value = 0.digits × 10^point. */
  point: number;
}

function parse(v: string): Decimal | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(v.trim());
  if (!m || (!m[2] && !m[3])) return null;
  const int = m[2] ?? '';
  const frac = m[3] ?? '';
  let digits = int + frac;
  let point = int.length + Number(m[4] ?? 0);
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead).replace(/0+$/, '');
  point -= lead;
  return { negative: m[1] === '-' && digits !== '', digits, point };
}

/** Rounds to `keep` significant digits (half away from zero, as Excel displays). */
function roundDigits(d: Decimal, keep: number): Decimal {
  if (d.digits.length <= keep) return d;
  if (keep < 0) return { negative: false, digits: '', point: 0 };
  let head = d.digits.slice(0, keep);
  let point = d.point;
  if (d.digits.charCodeAt(keep) >= 53 /* '5' */) {
    // Add one to the last kept digit, carrying.
    const chars = head.split('');
    let k = chars.length - 1;
    while (k >= 0 && chars[k] === '9') chars[k--] = '0';
    if (k < 0) {
      chars.unshift('1');
      point++;
    } else chars[k] = String.fromCharCode(chars[k].charCodeAt(0) + 1);
    head = chars.join('');
  }
  head = head.replace(/0+$/, '');
  return { negative: d.negative && head !== '', digits: head, point };
}

function format(d: Decimal, minFrac: number): string {
  let int: string;
  let frac: string;
  if (d.point <= 0) {
    int = '0';
    frac = '0'.repeat(-d.point) + d.digits;
  } else if (d.point >= d.digits.length) {
    int = d.digits + '0'.repeat(d.point - d.digits.length);
    frac = '';
  } else {
    int = d.digits.slice(0, d.point);
    frac = d.digits.slice(d.point);
  }
  if (!d.digits) int = '0';
  frac = frac.padEnd(minFrac, '0');
  return (d.negative ? '-' : '') + int + (frac ? '.' + frac : '');
}

/** Decimals kept when the format does not say (General): fen precision of 万元. */
const GENERAL_DECIMALS = 6;

/**
 * The cell's number as displayed: 15 significant digits, then the format's decimals (or up to six);
 * a percent format shows the value × 100 with 「%」. Null when `v` is not a number.
 */
export function displayNumber(v: string, fmt: NumberFormat = GENERAL): string | null {
  let d = parse(v);
  if (!d) return null;
  d = roundDigits(d, 15);
  if (fmt.percent && d.digits) d = { ...d, point: d.point + 2 };
  const decimals = fmt.decimals ?? GENERAL_DECIMALS;
  d = roundDigits(d, d.point + decimals);
  return format(d, fmt.minDecimals) + (fmt.percent ? '%' : '');
}

export interface NumberFormat {
  /** Decimals the format can print (0 and #), null for General. */
  decimals: number | null;
  /** Decimals it always prints (0). */
  minDecimals: number;
  percent: boolean;
}

export const GENERAL: NumberFormat = { decimals: null, minDecimals: 0, percent: false };

/** Built-in number formats (ECMA-376 18.8.30) that print numbers. */
const BUILT_IN: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
};

/** A format code → its decimals and percent, from its first (positive) section. */
export function numberFormat(id: number, code?: string): NumberFormat {
  const text = code ?? BUILT_IN[id];
  if (id === 0 || text === undefined || /^general$/i.test(text)) return GENERAL;
  // Quoted text, escaped characters and [colour]/[condition] brackets print no digits.
  const section = text.split(';')[0].replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  if (/[eE][+-]/.test(section) || !/[0#?]/.test(section)) return GENERAL;
  const dot = section.indexOf('.');
  const after = dot < 0 ? '' : section.slice(dot + 1);
  return { decimals: (after.match(/[0#?]/g) ?? []).length, minDecimals: (after.match(/0/g) ?? []).length, percent: section.includes('%') };
}
