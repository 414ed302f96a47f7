import { compact, isSpaceCode } from '../normalize';

/**
 * Row codes read as a reader reads them. The code of a classified row is printed whole
 * (「2080501」), spaced (「208 05 01」), joined to its name (「2010101行政运行」「[201]」), after a
 * 序号, or split over 类 | 款 | 项 columns where a child may print only its own part under its
 * parent. This file reads a row's printed parts; codeResolver.ts reads them through the hierarchy
 * around them (print slips: a 款 without its leading zero, a 类 that is no 类).
 */
export interface CodeParts {
  /** The code's parts as printed, before the name (empty strings for blank split columns). */
  parts: string[];
  name: string;
  /** Index of the first amount cell. */
  first: number;
  /**
   * The name cell also holds amounts (「一般公共服务支出 485.78」): a text converter ran the cell into
   * the next column. Which columns those amounts stood in is lost, and the amounts after them would
   * be read a column or more to the left: the row is reported, not read.
   */
  crowded?: true;
}

const CODE_AND_NAME = /^(\d{1,3}(?:\s\d{1,2}){0,3}|\d{3}(?:\d{2}){0,3})\s+(\D.*)$/;
/**
 * The running 序号 run into the code and its name (「2 201 一般公共服务支出」「12 2080505 机关…」), as
 * pdftotext -layout prints a national table whose 序号 column stands a space from the code: a number
 * of one to three digits, then a whole code. A spaced code (「208 05 01」) is CODE_AND_NAME's, tried first.
 */
const SEQ_CODE_NAME = /^\d{1,3}\s+([1-9]\d{2}(?:\d{2}){0,3})\s*([^\d\s].*)$/;
/** An amount a single space after the name: the cell ran into the next column, whose place is lost. */
const ENDS_IN_AMOUNT = /\s[(（]?[-－−]?\d[\d,]*\.\d+[)）]?$/;
/**
 * A whole code against its name, as finance systems export it (「[2010101]行政运行」「【301】工资福利支出」
 * 「2010101-行政运行」) or a PDF's text joins it (「2010101行政运行」): a 类, 款 or 项 code, bracketed or
 * not, maybe a dash or colon, then a word.
 */
const CODE_JOINED = /^[[【〔]?([1-9]\d{2}(?:\d{2}){0,3})[\]】〕]?\s*(?:[-－—_:：]\s*)?([\u4e00-\u9fff].*)$/;
/** The code after the name: 「一般公共服务支出[201]」「行政运行（2010101）」. */
const NAME_THEN_CODE = /^(.*[\u4e00-\u9fff])\s*[[【〔（(]([1-9]\d{2}(?:\d{2}){0,3})[\]】〕）)]$/;
/**
 * 「[2010101]行政运行」「2010101行政运行」 → [code, name]; null for any other text (a cell that starts
 * with neither a digit nor a bracket is ruled out at its first character).
 */
export function joinedCode(text: string): [code: string, name: string] | null {
  const c = text.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || BRACKET_OPEN.includes(text.charAt(0)))) return null;
  const m = CODE_JOINED.exec(text);
  // 「6929500元」: an amount with its unit, not a code and its name.
  return m && !AMOUNT_UNIT.test(m[2]) ? [m[1], m[2]] : null;
}

const AMOUNT_UNIT = /^(?:亿|万|千)?元$/;

/** The table's total row: 合计, 总计, and as some print it 支出合计, 本年收入合计, 基本支出合计, 合计数, 总计：. */
export const TOTAL_ROW = /^(?:本年)?(?:收入|支出|基本支出)?(?:合计|总计)数?[:：]?$/;

/** Brackets around a code in a cell of its own (「[2010101]」). */
const CODE_BRACKETS = /^[[【〔](\d+)[\]】〕]$/;
/**
 * The 栏次 (档次, 序号) head of a header row; 「栏次 1」: the first column's number a single space after
 * it, one cell in pdftotext's output; 「**」 where 西安 and Hangzhou mark the label columns of that row.
 */
export const SKIP = /^(?:(?:栏次|档次|序号)\d{0,2}|\*\*)$/;
const CODE_HEADER = /^[类款项]$/;

/** The code cells and the name of a row; null for header and blank rows, 'unreadable' for amounts without a name. */
export function codeParts(raw: readonly string[], hasSeq: boolean): CodeParts | 'unreadable' | null {
  // The 类 | 款 | 项 header words can share a line with the 合计 row below them (a PDF's wrapped header).
  const cells = hasCodeHeader(raw) ? raw.map((c) => (CODE_HEADER.test(c) ? '' : c)) : raw;
  // Loops, not some/findIndex with a closure: this runs for every row of every classified table.
  let nameAt = -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] !== '' && hasWord(cells[i])) {
      nameAt = i;
      break;
    }
  }
  if (nameAt < 0) {
    for (let i = 1; i < cells.length; i++) if (/\d/.test(cells[i])) return 'unreadable';
    return null;
  }
  nameAt = misreadCodePart(cells, nameAt);
  let name = cells[nameAt];
  let first = nameAt + 1;
  // 「合 | 计」: a label letter-spaced across two cells.
  while (name.length === 1 && /^[\u4e00-\u9fff]$/.test(name) && /^[\u4e00-\u9fff]$/.test(cells[first] ?? '')) name += cells[first++];
  // 栏次, 档次 and 序号 end in 次 or 号: other names are not compacted and matched.
  if ((name.includes('次') || name.includes('号')) && SKIP.test(compact(name))) return null;
  let pre: string[] = [];
  for (let i = 0; i < nameAt; i++) pre.push(cells[i].trim());
  // CODE_AND_NAME starts with a digit; most names start with a word.
  const trimmed = name.trim();
  const lead = trimmed.charCodeAt(0);
  const digit = lead >= 48 && lead <= 57;
  const spaced = digit ? (CODE_AND_NAME.exec(trimmed) ?? SEQ_CODE_NAME.exec(trimmed)) : null;
  const joined = spaced ? [spaced[1], spaced[2]] : joinedCode(trimmed);
  if (joined) {
    pre = [...pre, joined[0]];
    name = joined[1].trim();
  } else if (trimmed.endsWith(']') || trimmed.endsWith('】') || trimmed.endsWith('〕') || trimmed.endsWith('）') || trimmed.endsWith(')')) {
    // Only where no code is printed before the name: a 「（201）」 after it is then the row's code.
    const after = pre.every((c) => /^\d{0,2}$/.test(compact(c))) ? NAME_THEN_CODE.exec(trimmed) : null;
    if (after) {
      pre = [...pre, after[2]];
      name = after[1].trim();
    }
  }
  if (pre.length && dropsSequence(pre, hasSeq)) pre = pre.slice(1);
  // 「208 05 01」 in one cell is three parts; so is 「301 2」.
  // A code of digits only (most) holds no space to split at.
  const parts = pre.length === 1 && !isDigits(pre[0]) && /^\d+(?:\s+\d+)+$/.test(pre[0]) ? pre[0].split(/\s+/) : pre.map(unbracketed);
  // Only a name ending in a digit can end in an amount: most are passed at their last character.
  const end = name.charCodeAt(name.length - 1);
  const crowded = end >= 48 && end <= 57 && ENDS_IN_AMOUNT.test(name);
  return crowded ? { parts, name, first, crowded } : { parts, name, first };
}

/**
 * The name's cell where a code part was misread as a word: 「201 | 到 | | 商贸事务 | 21,601,733.00」
 * (OCR's 「到」 for 13). A word of one or two characters right after a code, with a longer word after
 * it before any amount (code parts between them), is a code part: the longer word is the name, and
 * the code, unreadable, has the row reported. Read from the short word on, the name was 「到」 and
 * each amount a column right.
 */
function misreadCodePart(cells: readonly string[], nameAt: number): number {
  const short = cells[nameAt].trim();
  if (short.length > 2 || nameAt === 0) return nameAt;
  const before = cells[nameAt - 1].trim();
  if (before === '' || !isDigits(before)) return nameAt;
  // 「栏次」 on its row is the header's, whatever follows it.
  if (SKIP.test(compact(short))) return nameAt;
  for (let j = nameAt + 1; j < cells.length; j++) {
    const c = cells[j].trim();
    // Blank, or the next code part (「210 | 来 | 02 | 事业单位医疗」): still before the name.
    if (c === '' || (c.length <= 2 && isDigits(c))) continue;
    if (/\d/.test(c)) return nameAt;
    return CJK_WORD.test(c) ? j : nameAt;
  }
  return nameAt;
}

const CJK_WORD = /^[\u4e00-\u9fff（）()、]{2,}$/;

/** What /[^\d\s.,，\-－()（）%]/ finds, by character codes: a character that is no digit, whitespace or sign. */
function hasWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || NOT_WORD.includes(s.charAt(i)) || isSpaceCode(c)) continue;
    return true;
  }
  return false;
}

// Brackets too: a code in brackets (「[2010101]」) is a code cell, not the row's name.
const NOT_WORD = '.,，-－()（）%[]【】〔〕';
export const BRACKET_OPEN = '[【〔';

/** A code cell compacted, without the brackets a finance system's export puts around it. */
function unbracketed(cell: string): string {
  const c = compact(cell);
  return BRACKET_OPEN.includes(c.charAt(0)) ? (CODE_BRACKETS.exec(c)?.[1] ?? c) : c;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}

/** A cell reading 类, 款 or 项 alone. */
function hasCodeHeader(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i].length === 1 && CODE_HEADER.test(cells[i])) return true;
  return false;
}

/** Whether the first cell before the name is the running 序号 rather than part of the code. */
function dropsSequence(pre: string[], hasSeq: boolean): boolean {
  if (!hasSeq && pre.length < 2) return false;
  const first = compact(pre[0]);
  if (hasSeq) return pre.length >= 2 || /^\d{0,2}$/.test(first);
  return pre.length >= 2 && /^\d{0,2}$/.test(first) && /^\d{3}/.test(compact(pre[1]));
}

/** A 栏次 row without its label (its 「**」 marks lost with a text's markdown): 1, 2, 3 … in order. */
export function columnNumbers(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length >= 2 && filled.every((c, i) => c === String(i + 1));
}
