import type { Row } from '../lines';
import { compact } from '../normalize';
import { periodColumn } from './periods';
import type { MappedTable } from './prepare';
import type { Value } from './threePublicFunds';

/** One period's block of a 三公 row: its key (null: a period not read) and its amounts, placed as the first block's. */
export interface PeriodBlock {
  key: string | null;
  words: string;
  values: Value[];
}

/**
 * The 三公 table printed across by period, the same heads under each (西安: 上年 | 当年 | 增减变化情况, each
 * over 合计 | 小计 | 因公出国 | 公务接待 | … | 培训费). Read in order, the first block, last year's, went in
 * as this year's. Where a header row names two periods or more and the amounts fall in as many blocks
 * of equal width, each period word within its own block, the row is read block by block: this year's
 * as the figures, last year's and the change as theirs, a block of another period said. Each block's
 * columns are moved onto the first's, which the header's items name. Null for a table not so printed.
 */
export function periodBlocks(header: readonly Row[], start: number, values: readonly Value[], t: Pick<MappedTable, 'year' | 'title'>): PeriodBlock[] | null {
  if (values.length < 4) return null;
  let words: { col: number; text: string; key: string | null }[] = [];
  for (const row of header) {
    const found = row.cells.flatMap((c, col) => {
      const text = compact(c);
      // 「当年」 alone is no word periods.ts reads (「当年财政拨款」 is no period); over a block it is this year.
      const key = !text ? undefined : text === '当年' ? 'total' : periodColumn(text, t);
      return key === undefined || /结转|结余/.test(text) ? [] : [{ col, text, key }];
    });
    if (found.length >= 2) {
      words = found;
      break;
    }
  }
  // Periods, each once (上年 | 当年 | 增减): two heads naming this year's figure (Shanghai: 「“三公”经费预算数 |
  // 机关运行经费预算数」) are items, not blocks.
  if (words.length < 2 || !words.some((w) => w.key === 'total') || new Set(words.map((w) => w.key)).size < words.length) return null;
  // The blocks start at the first item's column (`start`), as wide as the period words stand apart
  // (each centred over its block), else the amounts' span parted evenly.
  const first = start;
  const steps = words.slice(1).map((w, k) => w.col - words[k].col);
  const width = steps.every((d) => d === steps[0]) ? steps[0] : Math.ceil((values[values.length - 1].col - first + 1) / words.length);
  if (width < 2 || values.some((v) => v.col < first)) return null;
  const blockOf = (col: number) => Math.floor((col - first) / width);
  if (words.some((w, k) => blockOf(w.col) !== k && !(k === 0 && w.col < first))) return null;
  return words.map((w, k) => ({
    key: w.key,
    words: w.text,
    values: values.filter((v) => blockOf(v.col) === k).map((v) => ({ ...v, col: v.col - k * width })),
  }));
}
