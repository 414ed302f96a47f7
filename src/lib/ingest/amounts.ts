import { FEN_PER_WAN, FEN_PER_YUAN, MONEY_UNITS, parseDecimal, type Fen, type MoneyUnit } from '../model/amount';

export type AmountCell =
  | { kind: 'blank' }
  | { kind: 'value'; fen: Fen }
  | { kind: 'bad'; text: string };

const BLANK = /^(?:-{1,3}|—{1,2}|－|\/|／|\\|无|空)?$/;
const DASH_MARK = /^\s*(?:-{1,3}|—{1,2}|－|–|−|\/|／|\\)\s*$/;

/**
 * A cell printed as a dash or a slash (「—」「-」「／」), which tables print where an amount is not
 * applicable, and some in a 合计 row's code cell: nothing there, as an empty cell (prepareTable
 * blanks it for every reader). Readers that tell labels from amounts by their words took a row of
 * them for a label, and the amounts beside it went to it (issue 10).
 */
export function isBlankMark(text: string): boolean {
  if (text.length > 8) return false;
  // Asked of every filled cell of every table: most start with a digit or a word, and go no further.
  const c = text.charCodeAt(0) === 32 ? text.trim().charCodeAt(0) : text.charCodeAt(0);
  if (c !== 45 && c !== 0x2014 && c !== 0xff0d && c !== 0x2013 && c !== 0x2212 && c !== 47 && c !== 0xff0f && c !== 92) return false;
  return DASH_MARK.test(text);
}

/** One shared result for the empty cell, the most common cell of all; callers only read it. */
const BLANK_CELL: AmountCell = Object.freeze({ kind: 'blank' });

/**
 * A plain printed amount (「1234.56」) → fen, computed here without a regex or a string; undefined
 * for anything else, which then takes the full path. Same value as parseDecimal: at most 9 whole
 * digits and no more decimals than the unit has (6 for 万元, 2 for 元) keep the sum below 10^15,
 * so it is an exact integer; longer numbers and extra decimals (「1.2300000」) go the full way.
 */
function plainFen(text: string, fenPerUnit: number): Fen | undefined {
  const digits = fenPerUnit === FEN_PER_WAN ? 6 : fenPerUnit === FEN_PER_YUAN ? 2 : -1;
  if (digits < 0) return undefined;
  const n = text.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === 0 || i > 9) return undefined;
  if (i === n) return whole * fenPerUnit;
  if (text.charCodeAt(i) !== 46) return undefined;
  let frac = 0;
  let k = 0;
  for (i++; i < n; i++, k++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || k >= digits) return undefined;
    frac = frac * 10 + d;
  }
  return whole * fenPerUnit + frac * 10 ** (digits - k);
}

/**
 * A printed amount → exact fen. Accepts what the seeds really print: stray spaces (「0.23 」),
 * thousands separators (「1,234.56」), full-width punctuation, a minus written as 「－」 or 「−」,
 * accounting negatives 「(12.5)」, and the decrease mark 「△12.5」. Dashes and empty cells are
 * blank, never zero: FORMAT.md keeps blank and 0 apart.
 */
export function parseAmountCell(text: string, fenPerUnit: number = FEN_PER_WAN): AmountCell {
  // Fast paths, for the cells most tables are made of. Both give what the full path gives: an
  // empty cell is blank, and a plain decimal has no space, dash, separator, full-width point or
  // bracket, so the replacements and the bracket test below would leave it as it is.
  if (text === '') return BLANK_CELL;
  const plain = plainFen(text, fenPerUnit);
  if (plain !== undefined) return { kind: 'value', fen: plain };
  let s = text.replace(/\s+/g, '');
  if (BLANK.test(s)) return BLANK_CELL;
  s = s.replace(/[．]/g, '.').replace(/[－−–]/g, '-').replace(/[，,](?=\d{3}(?:\D|$))/g, '');
  let negative = false;
  const paren = /^[（(](.+)[)）]$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  // 「△12.00」: Chinese finance and statistics tables mark a decrease with △ instead of a minus sign
  // (「△表示减少」), mostly in 增减 columns. Only in front of digits: a △ elsewhere is no sign.
  if (s.charCodeAt(0) === 0x25b3 && /^△\d/.test(s)) {
    if (negative) return { kind: 'bad', text };
    negative = true;
    s = s.slice(1);
  }
  // 「1550.13万元」: a cell that names its unit is read in it, whatever the table's unit line says.
  const unit = /\d(亿元|万元|千元|元)$/.exec(s);
  if (unit) s = s.slice(0, -unit[1].length);
  const fen = parseDecimal(s, unit ? MONEY_UNITS[unit[1] as MoneyUnit] : fenPerUnit);
  if (fen === null) return { kind: 'bad', text };
  return { kind: 'value', fen: negative ? -fen : fen };
}

/**
 * parseAmountCell's answer as a number, 'blank' or 'bad', without an object: what FigureSink.addCell
 * takes for every cell of every table (a plain amount, most of them, goes no further than plainFen).
 */
export function cellFen(text: string, fenPerUnit: number): Fen | 'blank' | 'bad' {
  if (text === '') return 'blank';
  const plain = plainFen(text, fenPerUnit);
  if (plain !== undefined) return plain;
  const cell = parseAmountCell(text, fenPerUnit);
  return cell.kind === 'value' ? cell.fen : cell.kind;
}

/** A number printed in running text with its unit (「1441.7万元」「0元」「3.2亿元」) → fen, or null. */
export function parseStatedAmount(num: string, unit: string): Fen | null {
  const cell = parseAmountCell(num, MONEY_UNITS[unit as MoneyUnit] ?? FEN_PER_WAN);
  return cell.kind === 'value' ? cell.fen : null;
}

/**
 * The money unit a table declares (「单位：万元」, 「金额单位：元」, 「单位（万元）」, and the typo 「部门：万元」;
 * 千元 and 亿元 too: unrecognised, they would be read as 万元).
 */
export function unitOfMeasure(cell: string): number | null {
  // Every match ends in 元; most cells (labels, amounts) hold none.
  if (!cell.includes('元')) return null;
  const compacted = cell.replace(/\s+/g, '');
  // 「编制部门：某某单位 单位：元」: a Word or web page's meta line, the money unit after the unit's name
  // with spaces between, read as one cell. At the cell's end only.
  const m = /(?:^|[（(])(?:金额)?(?:单位|部门)(?:[:：]|[（(](?=(?:[万千亿]元|元)[)）]))\s*([万千亿]?元)/.exec(compacted) ?? /单位[:：]([万千亿]?元)$/.exec(compacted);
  if (!m) return null;
  return MONEY_UNITS[m[1] as MoneyUnit];
}

/**
 * An amount in 分 printed as a table in `fenPerUnit` prints it, with its unit's decimals (万元 to the 分,
 * six; 元, two): a sum the readers make of printed cells (tables/crossCodes.ts, tables/unitBlocks.ts),
 * read back by cellFen exactly.
 */
export function printFen(fen: number, fenPerUnit: number): string {
  const decimals = Math.round(Math.log10(fenPerUnit));
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / fenPerUnit);
  const part = String(abs % fenPerUnit).padStart(decimals, '0');
  return decimals ? `${sign}${whole}.${part}` : `${sign}${whole}`;
}
