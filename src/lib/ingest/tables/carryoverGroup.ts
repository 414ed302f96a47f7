import type { Row } from '../lines';
import { compact } from '../normalize';
import type { PeriodColumns } from './periods';
import type { MappedTable } from './prepare';

/**
 * A 收入总表 that prints its 上年结转结余 as a group of columns beside 本年收入's (Beijing):
 *
 *   合计 | 本年收入: 小计 | 一般公共预算资金 | … | 其他收入 | 上年结转结余: 小计 | 一般公共预算资金 | … | 单位资金
 *
 * The heads repeat (小计, 一般公共预算资金), so no column could be placed by its words, and read in
 * template order the 结转 小计 went in as 其他收入, its 一般公共预算资金 as 上年结转: silently wrong. Here the
 * group's 小计 (or its one column) is `carryover`, its sources are said once each, not read (the model
 * keeps the 结转 whole), and every other filled column is read by its own head. The group runs from the
 * 小计 at or left of the group's word (a PDF centres it over its columns, a spreadsheet sets it over the
 * first) to the end of the row. Null where the header prints no such group, or a filled column left of
 * it has no head the reader knows.
 */
export function carryoverGroup(t: MappedTable, headerBlocks: readonly (readonly Row[])[], filled: ReadonlySet<number>, keyOf: (words: string) => string | undefined): PeriodColumns | null {
  if (t.table !== 'income') return null;
  let groupAt = -1;
  let groupRow = -1;
  let groupLine = t.line;
  // The first page's header that prints the group: its heads stand on its rows below the group's word,
  // not on the next page's header (烟台's 收入总体情况表 over two pages, whose 小计 there stood under
  // its 上年结转 here).
  const headers = headerBlocks.find((block) => block.some((row) => row.cells.some((c) => GROUP.test(compact(c))))) ?? [];
  headers.forEach((row, r) => row.cells.forEach((c, i) => {
    if (groupAt < 0 && GROUP.test(compact(c))) [groupAt, groupRow, groupLine] = [i, r, row.lines[i] ?? row.line];
  }));
  if (groupAt < 0) return null;
  const below = headers.slice(groupRow + 1);
  // A 栏次 row's numbers (and its 「**」) are no head.
  const headAt = (i: number) => below.map((h) => compact(h.cells[i] ?? '')).filter((w) => w !== '' && !/^(?:\d+|\*\*)$/.test(w)).join('');
  let start = -1;
  for (let i = groupAt; i >= 0 && start < 0; i--) if (headAt(i) === '小计') start = i;
  // A 上年结转 column of its own (no 小计, no sources beside it) is read as it always was.
  if (start < 0 || ![...filled].some((i) => i > start)) return null;
  const out: PeriodColumns = { key: new Map(), words: new Map(), lines: new Map(), said: new Map() };
  for (const i of [...filled].sort((a, b) => a - b)) {
    const words = headAt(i);
    if (i >= start) {
      out.key.set(i, i === start ? 'carryover' : null);
      out.words.set(i, i === start ? compact(headers[groupRow].cells[groupAt]) : words);
      out.lines.set(i, groupLine);
      if (i > start) out.said!.set(i, `${t.where}「${compact(headers[groupRow].cells[groupAt])}」下「${words || `第 ${i + 1} 列`}」一列是上年结转结余的来源，只导入其小计，此列未导入`);
      continue;
    }
    const key = words ? keyOf(words) : undefined;
    if (!key) return null;
    out.key.set(i, key);
    out.words.set(i, words);
    out.lines.set(i, groupLine);
  }
  return out;
}

const GROUP = /^上年(?:财政拨款)?结转(?:结余|和结余)?(?:资金)?$|^年初结转和结余$/;
