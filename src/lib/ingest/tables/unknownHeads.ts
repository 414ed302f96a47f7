import type { Row } from '../lines';
import { compact } from '../normalize';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * Filled columns with no head word placed over them, in a header whose other words stand over their
 * columns (the first, 合计, among them). Keyed in template order, one head the reader does not know
 * (「其他资金」「用事业基金弥补收支差额」) put every amount right of it under the next head's key,
 * silently: 其他资金's under 财政专户. Here each such column is read by its own words:
 *  - ending in a head the reader knows (「一般公共预算基本支出」 over 「人员经」 / 「费」: a group's words
 *    over the head wrapped in its cell), it is that head's column;
 *  - else it is said once, its amounts not read.
 * Null, and the template order stands, where a filled column has no word over it at all (a page
 * that lost a head), or a label's head stands over one (科目名称 over an amount: a header printed a
 * column off, merged cells).
 */
export interface HeadReading {
  /** Column → key, for columns whose words end in a known head. */
  known: Map<number, string>;
  /** Column → its words, for columns the reader does not know. */
  unknown: Map<number, string>;
}

export function readUnplacedHeads(
  headers: readonly Row[],
  filled: ReadonlySet<number>,
  placed: ReadonlyMap<number, string>,
  notes: ReadonlySet<number>,
  keyOf: (words: string) => string | undefined,
): HeadReading | null {
  const known = new Map<number, string>();
  const unknown = new Map<number, string>();
  const used = new Set(placed.values());
  for (const i of [...filled].sort((a, b) => a - b)) {
    if (placed.has(i) || notes.has(i)) continue;
    // A table over two pages repeats its header: each word once.
    const words = headWords(headers, i);
    // No word over it, right of a column read by its own words: two heads run together in one cell
    // over both (深圳: 「单位资金附属单位上缴上级补助收入」 over two amounts), which is which unknown. Both
    // said, by those words.
    const left = unknown.get(i - 1) ?? (known.has(i - 1) ? headWords(headers, i - 1) : undefined);
    if (!words && left) {
      used.delete(known.get(i - 1)!);
      known.delete(i - 1);
      unknown.set(i - 1, left);
      unknown.set(i, left);
      continue;
    }
    if (!words || LABEL_HEAD.test(words)) return null;
    const key = endingHead(words, keyOf);
    if (key && !used.has(key)) {
      known.set(i, key);
      used.add(key);
    } else unknown.set(i, words);
  }
  return known.size || unknown.size ? { known, unknown } : null;
}

/**
 * The words over column `i`, top to bottom: a table over two pages repeats its header, so each word
 * once; a 栏次 row's numbers are none.
 */
export function headWords(headers: readonly Row[], i: number): string {
  return [...new Set(headers.map((h) => compact(h.cells[i] ?? '')).filter((w) => w !== '' && !/^\d+$/.test(w)))].join('');
}

/** Words that head a row's label, never an amount column. */
const LABEL_HEAD = /科目|名称|编码|序号|栏次|^项目$/;

/** The key of the longest known head the words end in (at least two characters). */
function endingHead(words: string, keyOf: (words: string) => string | undefined): string | undefined {
  for (let k = 0; k <= words.length - 2; k++) {
    const key = keyOf(words.slice(k));
    if (key) return key;
  }
  return undefined;
}

/** Once per column: the head as printed, and that its amounts were not read (several in one warning). */
export function warnUnknownHeads(t: MappedTable, heads: ReadonlyMap<number, string>, line: number, sink: FigureSink): void {
  if (heads.size > 2) {
    sink.warn(`${t.where}的 ${heads.size} 列（${[...heads.values()].map((h) => `「${h}」`).join('')}）不是可识别的列名，这些列的数未导入`, line, { kind: 'unread_cell' });
    return;
  }
  // One head over two columns (two heads run together in its cell): said once, for both.
  const columns = new Map<string, number>();
  for (const head of heads.values()) columns.set(head, (columns.get(head) ?? 0) + 1);
  for (const [head, n] of columns) {
    sink.warn(n > 1 ? `${t.where}的列「${head}」（其下 ${n} 列）不是可识别的列名，这些列的数未导入` : `${t.where}的列「${head}」不是可识别的列名，该列的数未导入`, line, { kind: 'unread_cell' });
  }
}

/**
 * A 基本支出表 by fund (深圳's 基本支出总表: 总计 | 财政拨款 (小计 | 一般公共预算拨款 | 政府性基金 | …) |
 * 财政专户 | 单位资金 …): the 基本支出表 is the 一般公共预算's (FORMAT.md), so its 一般公共预算 column is
 * the table's 合计, and the 总计 of every fund is said once, not read. The two columns, or null where the
 * header names no 一般公共预算 column beside its 合计.
 */
export function generalAsBasic(t: MappedTable, keys: ReadonlyMap<number, string>, filled: ReadonlySet<number>, headers: readonly Row[], sink: FigureSink): { general: number; total: number } | null {
  const total = [...keys].find(([, key]) => key === 'total')?.[0];
  if (total === undefined) return null;
  // Its words end in the fund's name: 「本年一般公共预算基本支出」 over 人员经费 names no fund column.
  const general = [...filled].find((i) => !keys.has(i) && /一般公共预算(?:财政)?(?:拨款)?(?:资金)?$/.test(headWords(headers, i)));
  if (general === undefined) return null;
  sink.warn(`${t.where}按资金来源分列：基本支出按一般公共预算读取「${headWords(headers, general)}」一列，各项资金合起来的「${headWords(headers, total)}」一列未导入`, headers[0]?.line ?? t.line, { table: undefined });
  return { general, total };
}

/**
 * The words over a column no key of the table's was given to, where the reader knows none of them
 * (Beijing's 「扣除基建项目后预算数」 right of 项目支出总数): its amounts are said once by the column's
 * words, not once on every row as amounts with no head. Null where no words stand over it, or they
 * head a label or name a known column (then each row's cell is said where it stands).
 */
export function unknownHead(headers: readonly Row[], i: number, keyOf: (words: string) => string | undefined): string | null {
  const words = headWords(headers, i);
  if (!words || LABEL_HEAD.test(words) || endingHead(words, keyOf) !== undefined) return null;
  return words;
}
