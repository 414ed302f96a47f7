import { compact, isSpaceCode } from '../normalize';

/**
 * Row codes read as a reader reads them. The code of a classified row is printed whole
 * (「2080501」), spaced (「208 05 01」), or split over 类 | 款 | 项 columns where a child may print
 * only its own part under its parent. Print slips are read through the hierarchy around them:
 *  - a 款 or 项 printed without its leading zero (「301 | 2」 for 30102) is padded;
 *  - a 类 that is no 类 (「7 | 11 | 02」 under 210 / 21011) is taken from the rows above, when the
 *    rest fits them; the reading is reported with both codes.
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
  return m ? [m[1], m[2]] : null;
}

/** Brackets around a code in a cell of its own (「[2010101]」). */
/** The table's total row: 合计, 总计, and as some print it 支出合计, 本年收入合计, 基本支出合计, 合计数. */
export const TOTAL_ROW = /^(?:本年)?(?:收入|支出|基本支出)?(?:合计|总计)数?$/;

const CODE_BRACKETS = /^[[【〔](\d+)[\]】〕]$/;
/**
 * The 栏次 (档次, 序号) head of a header row; 「栏次 1」: the first column's number a single space after
 * it, one cell in pdftotext's output.
 */
export const SKIP = /^(?:栏次|档次|序号)\d{0,2}$/;
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

/**
 * What was printed, for the message of a code read otherwise: built only then, not for every row (and
 * a function of the module, not a closure made per row).
 */
function printedOf(parts: readonly string[]): string {
  return parts.filter(Boolean).join(' ');
}

export interface ResolvedCode {
  code: string;
  /** Set when the printed code was read otherwise: what was printed, and why. */
  repaired?: { printed: string; reason: string; parent: string; alternative?: string };
}

/**
 * A 类 (/^[235]\d{2}$/) and a whole code (/^\d{3}(?:\d{2}){0,3}$/), tested without a regular
 * expression: resolve runs for every row of every classified table.
 */
function isClass(s: string): boolean {
  const c = s.charCodeAt(0);
  return s.length === 3 && (c === 50 || c === 51 || c === 53) && allDigits(s);
}

function isWholeCode(s: string): boolean {
  const n = s.length;
  return (n === 3 || n === 5 || n === 7 || n === 9) && allDigits(s);
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Turns each row's parts into its code, in print order, keeping the 类 and 款 above as context.
 * `explicitKuan` is a 款 printed as a row of its own: only then does a 项 under it vouch for the
 * hierarchy (a table may list 项 rows alone, from several 类, with the same 款 digits).
 */
export class CodeResolver {
  private parent: string[] = [];
  private cls: string | null = null;
  private kuan: string | null = null;
  private explicitKuan = false;

  resolve(parts: readonly string[]): ResolvedCode | null {
    // One part (a code printed whole, most rows) is read as it is: only split parts are rewritten.
    let p = parts;
    if (parts.length >= 2) {
      // Split 类 | 款 | 项 columns: blanks before the last filled part come from the row above.
      const q = [...parts];
      const lastFilled = q.findLastIndex((c) => c !== '');
      for (let i = 0; i < lastFilled; i++) if (q[i] === '' && this.parent[i]) q[i] = this.parent[i];
      p = q.map((c, i) => (i > 0 && /^\d$/.test(c) ? `0${c}` : c));
      this.parent = [...p];
    }
    let code = p.length === 1 ? p[0] : p.join('');
    if (code === '') return null;
    let repaired: ResolvedCode['repaired'];
    const head = p.length >= 2 ? p[0] : code.slice(0, 3);
    const rest = p.length >= 2 ? p.slice(1).join('') : code.slice(3);
    if (this.cls && rest.length >= 2 && !isClass(head) && isWholeCode(this.cls + rest) && this.fits(this.cls + rest)) {
      const printed = printedOf(parts);
      code = this.cls + rest;
      repaired = { printed, reason: `「${printed}」不是有效的科目编码，按上级科目 ${this.kuan ?? this.cls} 读作 ${code}`, parent: code.slice(0, code.length - 2) };
    } else if (this.explicitKuan && this.kuan && code.length === 7 && isClass(head) && head !== this.cls && code.slice(3, 5) === this.kuan.slice(3)) {
      const fixed = this.kuan + code.slice(5);
      const printed = printedOf(parts);
      // The printed code is a code too: the sums decide between them (classified.ts).
      repaired = { printed, reason: `科目编码「${printed}」与所在位置（${this.kuan} 之下）不符，按上级科目读作 ${fixed}`, parent: this.kuan, alternative: code };
      code = fixed;
    }
    if (!isWholeCode(code)) return null;
    this.track(code);
    return repaired ? { code, repaired } : { code };
  }

  /** Whether a code sits under the 类/款 above it. */
  private fits(code: string): boolean {
    if (code.length === 5) return code.slice(0, 3) === this.cls;
    if (code.length === 7) return this.kuan !== null && code.slice(0, 5) === this.kuan;
    return false;
  }

  private track(code: string): void {
    if (code.length === 3) {
      this.cls = code;
      this.kuan = null;
      this.explicitKuan = false;
    } else if (code.length === 5) {
      this.cls = code.slice(0, 3);
      this.kuan = code;
      this.explicitKuan = true;
    } else if (code.length === 7 && this.kuan !== code.slice(0, 5)) {
      this.cls = code.slice(0, 3);
      this.kuan = code.slice(0, 5);
      this.explicitKuan = false;
    }
  }
}

/** A row of a code column, for `resolveRelative`: `relative` is set where only the last two digits were printed. */
export interface CodedRow {
  code: string;
  relative?: string;
}

/**
 * Codes printed as a reader indents them (「201」, then 「40」 for 20140, then 「01」 for 2014001):
 * each two-digit code is placed by the rows above it. Under a 类 it is a 款; under a 款 a 项, and it
 * stays at 项 until the 款's 项 add up to the 款's amount or a code fails to ascend (codes are printed
 * in order), when it is the next 款. `depth` 5 for an 经济分类 table (类 and 款 only). Rows that can
 * not be placed (no 类 above them) keep an empty code.
 */
export function resolveRelative<R extends CodedRow>(rows: readonly R[], depth: 5 | 7, amount: (row: R) => number): void {
  let cls: string | null = null;
  let kuan: string | null = null;
  let kuanAmount: number | null = null;
  let children = 0;
  let lastItem = '';
  let level = 0;
  for (const r of rows) {
    if (r.relative !== undefined) {
      const dd = r.relative.padStart(2, '0');
      if (!cls) continue;
      let asItem = depth === 7 && kuan !== null && level >= 5;
      if (asItem && level === 7 && (dd <= lastItem || (kuanAmount !== null && children === kuanAmount)) && dd > kuan!.slice(3)) asItem = false;
      r.code = asItem ? kuan! + dd : cls + dd;
    }
    const code = r.code;
    if (code.length === 3) {
      cls = code;
      kuan = null;
      level = 3;
    } else if (code.length === 5) {
      cls = code.slice(0, 3);
      kuan = code;
      kuanAmount = amount(r);
      children = 0;
      lastItem = '';
      level = 5;
    } else if (code.length === 7) {
      if (kuan !== code.slice(0, 5)) {
        cls = code.slice(0, 3);
        kuan = code.slice(0, 5);
        kuanAmount = null;
        children = 0;
      }
      children += amount(r);
      lastItem = code.slice(5);
      level = 7;
    }
  }
}
