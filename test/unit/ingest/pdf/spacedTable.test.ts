import { describe, expect, it } from 'vitest';
import { columnOf, tableColumns } from '../../../../src/lib/ingest/pdf/columns';
import type { Fragment } from '../../../../src/lib/ingest/pdf/fragments';
import type { TextLine } from '../../../../src/lib/ingest/pdf/lines';
import { columnOfKind, splitMixedColumns } from '../../../../src/lib/ingest/pdf/kindColumns';
import { alignShiftedRows } from '../../../../src/lib/ingest/pdf/shifts';
import { joinAmountsAbove, joinLabelsBelow, joinWrappedHeaderWords } from '../../../../src/lib/ingest/pdf/spacedLines';
import { onFirstPageGrid } from '../../../../src/lib/ingest/pdf/spacedPages';

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

  it('puts an amount a long label pushed along into its column', () => {
    // A narrow A4 table: the converter starts 3090280.45 a space after its long label, five places
    // short of its column, while the row's other amount stands in its own.
    const top = row(1, ['科目名称', 10], ['合计', 33], ['基本支出', 44], ['项目支出', 55]);
    const lines = [
      top,
      row(1, ['201', 4], ['一般公共服务支出', 8], ['10720167.45', 30], ['4654030.00', 42], ['6066137.45', 53]),
      row(1, ['20103', 4], ['政府办公厅（室）及相关机构事务', 10], ['3090280.45', 26], ['3090280.45', 54]),
      row(1, ['20132', 4], ['组织事务', 10], ['7629887.00', 31], ['4654030.00', 42], ['2975857.00', 53]),
      // A label as long, its amount in its column: the labels' column reaches over the pushed amount.
      row(1, ['2080505', 4], ['机关事业单位基本养老保险缴费支出', 13], ['6953733.00', 31], ['6953733.00', 42]),
    ];
    expect(laid(alignShiftedRows(lines))).toEqual(['合计:10720167.45 基本支出:4654030.00 项目支出:6066137.45', '合计:3090280.45 项目支出:3090280.45',
      '合计:7629887.00 基本支出:4654030.00 项目支出:2975857.00', '合计:6953733.00 基本支出:6953733.00']);
    // As printed, 3090280.45 overlaps the labels' column, which runs into 合计's: one column.
    const sameColumn = (ls: readonly TextLine[]) => {
      const columns = tableColumns(ls);
      return columnOf(columns, ls[2].fragments[1]) === columnOf(columns, ls[2].fragments[2]);
    };
    expect(sameColumn(lines)).toBe(true);
    expect(sameColumn(alignShiftedRows(lines))).toBe(false);
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

describe('what a converter prints on lines of its own', () => {
  const text = (lines: readonly TextLine[]) => lines.map((l) => l.fragments.map((f) => f.text).join(' '));

  it('a 决算 row with its 基本支出 and 项目支出 printed on the line above its 合计 join the row', () => {
    const lines = [row(1, ['1,503.52', 43], ['603.14', 54]), row(1, ['201', 0], ['一般公共服务支出', 16], ['2,106.66', 32])];
    expect(text(joinAmountsAbove(lines))).toEqual(['201 一般公共服务支出 2,106.66 1,503.52 603.14']);
    // Amounts over amounts of their own columns are a row of their own.
    const own = [row(1, ['1,503.52', 32]), row(1, ['201', 0], ['一般公共服务支出', 16], ['2,106.66', 32])];
    expect(joinAmountsAbove(own)).toHaveLength(2);
  });

  it('a label printed under the amounts of its row joins the row; 「类 款 项」 centred there stays a line of the header', () => {
    const lines = [row(1, ['2,946.25', 33], ['2,940.05', 45]), row(1, ['类', 1], ['款', 5], ['项', 8]), row(1, ['合计', 21]),
      row(1, ['208', 0], ['05', 6], ['05', 11], ['160.75', 33]), row(1, ['机关事业单位基本养老保险', 16]), row(1, ['缴费支出', 16])];
    expect(text(joinLabelsBelow(lines))).toEqual(['类 款 项', '合计 2,946.25 2,940.05', '208 05 05 机关事业单位基本养老保险 缴费支出 160.75']);
  });

  it('an amount printed half a line under its label (rows before it) is the label’s', () => {
    const lines = [row(1, ['收入总计', 28], ['37,188.34', 69]), row(1, ['小计', 27]), row(1, ['37,188.34', 69]), row(1, ['专项收入', 27])];
    expect(text(joinLabelsBelow(lines))).toEqual(['收入总计 37,188.34', '小计 37,188.34', '专项收入']);
  });

  it('a header word wrapped over lines is one word; a group over its columns and a column head of its own are not joined', () => {
    const lines = [
      row(1, ['项目', 16], ['附属单', 76]),
      row(1, ['本年收入合', 31], ['财政拨款收', 44], ['本年收入', 60]),
      row(1, ['支出功能分类', 2], ['位上', 76]),
      row(1, ['科目名称', 21], ['计', 33], ['入', 46], ['小计', 60]),
      row(1, ['2,946.25', 33], ['2,940.05', 45]),
    ];
    expect(text(joinWrappedHeaderWords(lines, () => false))).toEqual(['项目', '本年收入合计 财政拨款收入 本年收入 附属单位上', '支出功能分类', '科目名称 小计', '2,946.25 2,940.05']);
  });

  it('amounts standing under the labels of the next group get a column of their own, before those labels', () => {
    // Jiangsu's 收支总表 in three groups: 功能分类 amounts (second page) under 支出用途 labels (first).
    const lines = [
      row(1, ['一、财政拨款', 0], ['28,849.38', 14], ['一、一般公共服务支出', 26], ['一、基本支出', 48], ['17,123.19', 61]),
      // A 支出用途 amount slid left under its label: the label and amount columns run together.
      row(1, ['二、外交支出', 26], ['二、项目支出', 48], ['11,543.27', 57]),
      row(1, ['三、国防支出', 26], ['三、单位预留机动经费', 48], ['182.92', 64]),
      row(1, ['四、公共安全支出', 28], ['23,513.11', 48]),
      row(1, ['八、社会保障和就业支出', 28], ['2,347.13', 48]),
    ];
    const columns = splitMixedColumns(tableColumns(lines), lines);
    const cells = (l: TextLine) => {
      const out = columns.map(() => '');
      for (const f of l.fragments) out[columnOfKind(columns, f)] += f.text;
      return out.join('|');
    };
    expect(lines.map(cells)).toEqual([
      '一、财政拨款|28,849.38|一、一般公共服务支出||一、基本支出|17,123.19',
      '||二、外交支出||二、项目支出|11,543.27',
      '||三、国防支出||三、单位预留机动经费|182.92',
      '||四、公共安全支出|23,513.11||',
      '||八、社会保障和就业支出|2,347.13||',
    ]);
  });
});

describe('a table whose later page the converter laid out on a denser grid', () => {
  // A 收入总表 as pdftotext writes it: its first page under the header, amounts ten places apart;
  // the page after it, zeros printed closer, every column of amounts a dozen places further left.
  const head = row(1, ['功能分类科目名称', 23], ['合计', 39], ['财政拨款收入', 50], ['事业收入', 63], ['经营收入', 74], ['其他收入', 85]);
  const first = [
    row(1, ['201', 0], ['一般公共服务支出', 16], ['2,932,700', 38], ['2,932,700', 51], ['0', 70], ['0', 81], ['0', 92]),
    row(1, ['201', 0], ['05', 6], ['统计信息事务', 16], ['257,700', 40], ['257,700', 53], ['0', 70], ['0', 81], ['0', 92]),
  ];
  const second = [
    row(2, ['204', 0], ['公共安全支出', 16], ['1,633,000', 31], ['1,633,000', 44], ['0', 56], ['0', 60], ['0', 64]),
    row(2, ['204', 0], ['06', 6], ['司法', 16], ['300,000', 33], ['300,000', 46], ['0', 56], ['0', 60], ['0', 64]),
  ];
  /** Each amount of a row by the header word of its column (「?」 where none shares it). */
  const heads = (lines: readonly TextLine[]) => {
    const columns = tableColumns(lines);
    const named = new Map(lines[0].fragments.map((f) => [columnOf(columns, f), f.text]));
    return lines.slice(1).map((l) => l.fragments.filter((f) => /^[\d,]+$/.test(f.text) && !/^\d{2,3}$/.test(f.text)).map((f) => named.get(columnOf(columns, f)) ?? '?').join(' '));
  };

  it('sets the later page on the first page’s columns, in order, its codes and labels where they are', () => {
    const lines = onFirstPageGrid([head, ...first, ...second]);
    const all = '合计 财政拨款收入 事业收入 经营收入 其他收入';
    expect(heads(lines)).toEqual([all, all, all, all]);
    expect(lines.at(-1)!.fragments.slice(0, 3)).toEqual(second[1].fragments.slice(0, 3));
    // Each right edge lands on the first page's: 300,000 ends where 257,700 does.
    expect(lines.at(-1)!.fragments[3].x1).toBe(first[1].fragments[3].x1);
    // As printed, the later page's amounts fall under other heads.
    expect(heads([head, ...first, ...second]).slice(2)).not.toEqual([all, all]);
  });

  it('leaves a page alone whose count of columns is not the first page’s, or that already stands on them', () => {
    const fewer = [row(2, ['205', 0], ['教育支出', 16], ['250,000', 33], ['250,000', 46], ['0', 56])];
    expect(onFirstPageGrid([head, ...first, ...fewer])).toEqual([head, ...first, ...fewer]);
    const same = [row(2, ['204', 0], ['公共安全支出', 16], ['1,633,000', 38], ['1,633,000', 51], ['0', 70], ['0', 81], ['0', 92])];
    expect(onFirstPageGrid([head, ...first, ...same])).toEqual([head, ...first, ...same]);
  });
});
