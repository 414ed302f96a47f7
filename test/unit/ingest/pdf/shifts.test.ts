import { describe, expect, it } from 'vitest';
import { columnOf, tableColumns } from '../../../../src/lib/ingest/pdf/columns';
import type { Fragment } from '../../../../src/lib/ingest/pdf/fragments';
import type { TextLine } from '../../../../src/lib/ingest/pdf/lines';
import { alignShiftedRows } from '../../../../src/lib/ingest/pdf/shifts';

// Places of a text laid out with spaces, five units each, as spaced.ts makes them.
const p = (text: string, at: number, y: number): Fragment => ({ text, x0: at * 5, x1: (at + text.length) * 5, y, size: 10 });
let y = 1000;
const row = (page: number, ...words: [string, number][]): TextLine => {
  y -= 18;
  return { page, y, size: 10, fragments: words.map(([t, at]) => p(t, at, y)) };
};

/**
 * Each row's amounts by the header word of the column they are laid in (「合计:21,601,733.00」), or
 * 「?」 where no header word shares it.
 */
const laid = (lines: readonly TextLine[]) => {
  const columns = tableColumns(lines);
  const named = new Map(lines[0].fragments.map((f) => [columnOf(columns, f), f.text]));
  return lines.slice(1).map((l) => l.fragments.filter((f) => /\d\.\d/.test(f.text)).map((f) => `${named.get(columnOf(columns, f)) ?? '?'}:${f.text}`).join(' '));
};

describe('rows of a table laid out with spaces, lined up by their amounts', () => {
  // A 支出预算总表 (合计 | 基本支出 | 项目支出) as pdftotext writes it: after a long label, a row's
  // amounts stand up to five places left of the row above's (compare 行政运行 and 职业年金).
  const header = row(1, ['科目名称', 16], ['合计', 42], ['基本支出', 56], ['项目支出', 72]);
  const rows = [
    row(1, ['201', 0], ['一般公共服务支出', 16], ['21,601,733.00', 39], ['12,291,733.00', 55], ['9,310,000.00', 72]),
    row(1, ['2011301', 0], ['行政运行', 16], ['9,389,913.00', 40], ['9,389,913.00', 56]),
    row(1, ['2011302', 0], ['一般行政管理事务', 16], ['4,545,000.00', 40], ['4,545,000.00', 72]),
    row(1, ['2080506', 0], ['机关事业单位职业年金缴费支出', 16], ['705,443.00', 37], ['705,443.00', 54]),
    row(1, ['2150899', 0], ['其他支持中小企业发展和管理支出', 16], ['293,810,000.00', 34], ['293,810,000.00', 67]),
  ];

  it('puts every amount in its column, where their overlaps ran the columns together', () => {
    const want = ['合计:21,601,733.00 基本支出:12,291,733.00 项目支出:9,310,000.00', '合计:9,389,913.00 基本支出:9,389,913.00', '合计:4,545,000.00 项目支出:4,545,000.00',
      '合计:705,443.00 基本支出:705,443.00', '合计:293,810,000.00 项目支出:293,810,000.00'];
    expect(laid(alignShiftedRows([header, ...rows]))).toEqual(want);
    // As printed, the 基本支出 amounts of the shifted rows overlap the 合计 column of others: fewer columns.
    expect(laid([header, ...rows])).not.toEqual(want);
  });

  it('moves a later page by the shift its rows of two amounts confirm, labels and codes left in place', () => {
    const page2 = [
      row(2, ['3021100', 0], ['差旅费', 11], ['80,000.00', 29], ['80,000.00', 60]),
      row(2, ['3021300', 0], ['维修（护）费', 11], ['10,000.00', 29], ['10,000.00', 60]),
    ];
    const lines = alignShiftedRows([header, ...rows, ...page2]);
    expect(laid(lines).slice(-2)).toEqual(['合计:80,000.00 项目支出:80,000.00', '合计:10,000.00 项目支出:10,000.00']);
    expect(lines.at(-1)!.fragments[1].x0).toBe(page2[1].fragments[1].x0);
  });

  it('leaves a later page of lone amounts where no column is near: a lone amount fits any column', () => {
    // Sixteen places right of the last column (a column the first page left blank): a page's shift
    // of −16 would set them all on 项目支出, a column they are not in.
    const page2 = [row(2, ['四、公共安全支出', 28], ['23,513.11', 91]), row(2, ['八、社会保障和就业支出', 28], ['2,347.13', 92])];
    const lines = alignShiftedRows([header, ...rows, ...page2]);
    expect(lines.slice(-2).map((l) => l.fragments[1].x1)).toEqual(page2.map((l) => l.fragments[1].x1));
    expect(laid(lines).slice(-2)).toEqual(['?:23,513.11', '?:2,347.13']);
  });
});
