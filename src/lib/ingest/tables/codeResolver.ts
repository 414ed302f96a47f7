/**
 * A classified table's row codes resolved in print order (codes.ts reads each row's printed parts):
 * split 类 | 款 | 项 parts joined under the rows above, and print slips read through the hierarchy:
 *  - a 款 or 项 printed without its leading zero (「301 | 2」 for 30102) is padded;
 *  - a 类 that is no 类 (「7 | 11 | 02」 under 210 / 21011) is taken from the rows above, when the
 *    rest fits them; the reading is reported with both codes.
 * Codes printed relative to the rows above (a 款 by its own two digits) are made whole.
 */

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
      // 西安: the 类 in one column, its 款 and 项 whole in the next (「208 | 」, then 「 | 20805」,
      // 「 | 2080506」): a whole code under the 类 it starts with is that code, not a part after it.
      const last = p[lastFilled];
      if (lastFilled > 0 && last.length >= 5 && isWholeCode(last) && last.startsWith(p.slice(0, lastFilled).join(''))) p = [last];
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
