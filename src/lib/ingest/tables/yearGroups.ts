import { cellFen, printFen } from '../amounts';
import type { Row } from '../lines';
import { compact } from '../normalize';
import type { MappedTable } from './prepare';
import type { DataRow } from './rowCodes';
import type { FigureSink } from './sink';

/**
 * A 支出表 that prints its spending twice over, this year's budget and what last year carried over,
 * under the same heads (长春):
 *
 *   合计 | 当年预算: 小计 | 基本支出 | 项目支出 | 事业单位经营支出 | 上年结转结余: 小计 | 基本支出 | 项目支出 | …
 *
 * Its 基本支出 is the two groups' 基本支出 together (合计 = both groups' 小计), as the national layout
 * prints it in one column. The heads repeat, so no column could be placed by its words, and every
 * row said four cells it could not place. Here each of the group's cells is added to the same head's
 * cell of the first group, exactly in 分, and left blank: the table then reads as the national one.
 * The heads must repeat in the same order under both groups, the second group's word 上年结转结余 (or
 * 结转); a cell that is no amount in either group leaves the table as printed. Not the 收入总表: its 上年结转 is a source
 * of its own (carryoverGroup.ts).
 */
export function foldYearGroups(t: MappedTable, headers: readonly Row[], data: DataRow[], sink: FigureSink): void {
  if (t.table === 'income' || !data.length) return;
  const groups = yearGroups(headers);
  if (!groups) return;
  const { first, second, width, word } = groups;
  const rows: string[][] = [];
  for (const { row } of data) {
    const cells = [...row.cells];
    for (let k = 0; k < width; k++) {
      const a = cellFen(cells[first + k] ?? '', t.fenPerUnit);
      const b = cellFen(cells[second + k] ?? '', t.fenPerUnit);
      // A cell that is no amount: the table is read as printed, and its cells said as before.
      if (a === 'bad' || b === 'bad') return;
      if (b !== 'blank') {
        // As printed: two decimals at least, no trailing zeros past them.
        cells[first + k] = printFen((a === 'blank' ? 0 : a) + b, t.fenPerUnit).replace(/(\.\d\d\d*?)0+$/, '$1');
        cells[second + k] = '';
      }
    }
    rows.push(cells);
  }
  data.forEach((d, i) => (d.row = { ...d.row, cells: rows[i] }));
  for (const h of headers) for (let k = 0; k < width; k++) if (h.cells[second + k] !== undefined) h.cells[second + k] = '';
  // The groups' 小计 added up are the 合计 beside them where every row shows it: that column goes,
  // and the heads after it stand where the template has them (合计 | 基本支出 小计 | 人员经费 | …).
  const subtotal = headers.some((h) => compact(h.cells[first] ?? '') === '小计');
  const same = (d: DataRow) => {
    const a = cellFen(d.row.cells[first - 1] ?? '', t.fenPerUnit);
    return a !== 'bad' && a === cellFen(d.row.cells[first] ?? '', t.fenPerUnit);
  };
  if (subtotal && data.every(same)) {
    for (const d of data) d.row = { ...d.row, cells: d.row.cells.filter((_, i) => i !== first), lines: d.row.lines.filter((_, i) => i !== first) };
    for (const h of headers) {
      h.cells.splice(first, 1);
      h.lines.splice(first, 1);
    }
  }
  sink.warn(`${t.where}按当年预算和「${word}」分两组列示，两组同名的列已逐行相加为全年的数`, t.line, { table: undefined });
}

const CARRIED = /结转/;

/**
 * Where a header row names the same heads twice in a row (the group under the carried-over word
 * second), the two groups' first columns and width; else null.
 */
function yearGroups(headers: readonly Row[]): { first: number; second: number; width: number; word: string } | null {
  for (let r = 1; r < headers.length; r++) {
    const heads = headers[r].cells.map(compact);
    for (let first = 0; first < heads.length; first++) {
      for (let width = 2; first + 2 * width <= heads.length; width++) {
        const second = first + width;
        let same = true;
        for (let k = 0; k < width && same; k++) same = heads[first + k] !== '' && heads[first + k] === heads[second + k];
        if (!same) continue;
        // The carried-over word over the second group (centred or over its first column), on a row above.
        const word = headers.slice(0, r).flatMap((h) => h.cells.slice(second, second + width).map(compact)).find((w) => CARRIED.test(w));
        const over = headers.slice(0, r).flatMap((h) => h.cells.slice(first, first + width).map(compact)).find((w) => w !== '');
        if (word && over && !CARRIED.test(over)) return { first, second, width, word };
      }
    }
  }
  return null;
}
