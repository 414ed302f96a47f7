import { describe, expect, it } from 'vitest';
import { readText as read } from './variants';
import { formatWan } from '../../../../src/lib/model/amount';
import type { StoredDocument } from '../../../../src/lib/model/document';
import type { Row } from '../../../../src/lib/ingest/lines';
import { dropGhostColumns } from '../../../../src/lib/ingest/tables/ghostColumns';
import type { DataRow } from '../../../../src/lib/ingest/tables/rowCodes';

/**
 * A 基本支出表 as pdftotext -layout writes it from a PDF whose glyphs are wider than its grid: on its
 * first page the 公用经费 amounts stand two places right of the 栏次 number 5, and the page reader
 * sees a column between 人员经费 and 公用经费 blank in every row, in the header and in the 栏次 row
 * (「4」 | | 「5」). The next page's grid has no such column.
 */
const basic = [
  "\f                   六、2020 年度某某单位部门预算一般公共预算财政拨款基本支出表",
  "100004 某某单位                              预算年度：2020    单位：万元",
  " 序号 科目编码 支出部门经济分类科目",
  "                  科目名称",
  "                           一般公共预算基本支出",
  "                         合计 人员经费 公用经费",
  " 栏次 1               2      3      4      5",
  "  1        合计           2158.70 1760.05 398.65",
  "  2 301 工资福利支出          1362.98 1362.98",
  "  3 30102 津贴补贴           233.47 233.47",
  "  4 30103 奖金             170.46 170.46",
  "  5 30107 绩效工资           234.17 234.17",
  "  6 30108 机关事业单位基本养老保险缴费 65.53 65.53",
  "  7 30109 职业年金缴费          78.80 78.80",
  "  8 30110 职工基本医疗保险缴费     261.40 261.40",
  "  9 30112 其他社会保障缴费        68.79 68.79",
  "  10 30113 住房公积金         127.59 127.59",
  "  11 30199 其他工资福利支出      122.77 122.77",
  "  12 302 商品和服务支出         398.65         398.65",
  "  13 30201 办公费            53.87          53.87",
  "  14 30202 印刷费            28.32          28.32",
  "  15 30211 差旅费            31.54          31.54",
  "  16 30213 维修(护)费         18.51          18.51",
  "  17 30215 会议费            17.45          17.45",
  "  18 30217 公务接待费          42.65          42.65",
  "  19 30229 福利费            59.98          59.98",
  "  20 30231 公务用车运行维护费      72.80          72.80",
  "  21 30239 其他交通费用         73.53          73.53",
  "  22 303 对个人和家庭的补助       397.07 397.07",
  "  23 30302 退休费           199.41 199.41",
  "\f序号 科目编码 支出部门经济分类科目",
  "             科目名称",
  "                       一般公共预算基本支出",
  "                     合计 人员经费 公用经费",
  "栏次 1           2       3     4     5",
  "24 30309 奖励金         197.66 197.66",
].join('\n');

const amount = (doc: StoredDocument, row: string, column: string) => {
  const f = doc.figures.find((x) => x.table === 'basic_expense' && x.rowCode === row && x.column === column);
  return f ? formatWan(f.amount) : undefined;
};

describe('a column the converter made from nothing', () => {
  it('takes no head: 公用经费 is read under 公用经费, on both pages', async () => {
    const doc = await read(basic);
    expect([amount(doc, 'total', 'total'), amount(doc, 'total', 'personnel'), amount(doc, 'total', 'public')]).toEqual(['2158.70', '1760.05', '398.65']);
    expect([amount(doc, '30201', 'total'), amount(doc, '30201', 'personnel'), amount(doc, '30201', 'public')]).toEqual(['53.87', undefined, '53.87']);
    expect([amount(doc, '30239', 'public'), amount(doc, '302', 'public')]).toEqual(['73.53', '398.65']);
    // The row on the next page, whose grid has no such column.
    expect([amount(doc, '30309', 'total'), amount(doc, '30309', 'personnel')]).toEqual(['197.66', '197.66']);
    expect(doc.figures.filter((f) => f.table === 'basic_expense' && f.column === 'public')).toHaveLength(11);
    expect(doc.warnings.filter((w) => w.kind === 'unread_cell')).toEqual([]);
  });

  it('is a column where the 栏次 row numbers it, or where no 栏次 row is printed', () => {
    const row = (cells: string[], line: number): Row => ({ cells, lines: cells.map(() => line), line });
    const data = (line: number): DataRow[] => [
      { row: row(['1 合计', '9.00', '4.00', '', '5.00'], line + 1), code: 'total', name: '合计', first: 1 },
      { row: row(['2 30201 办公费', '5.00', '', '', '5.00'], line + 2), code: '30201', name: '办公费', first: 1 },
    ];
    const read = (numbering: string[] | null) => {
      const heads = [row(['', '合计人员经费', '公用经费', '', ''], 1), ...(numbering ? [row(numbering, 2)] : [])];
      const rows = data(2);
      dropGhostColumns([...heads], [heads], rows);
      return rows.map((d) => d.row.cells);
    };
    // 「4」 | | 「5」: no column there.
    expect(read(['栏次 1 2', '3', '4', '', '5'])).toEqual([['1 合计', '9.00', '4.00', '5.00'], ['2 30201 办公费', '5.00', '', '5.00']]);
    // 「4」 | 「5」 | 「6」: a column of the table with no amounts in it.
    expect(read(['栏次 1 2', '3', '4', '5', '6'])[0]).toHaveLength(5);
    // 「4」 | | 「6」, or no 栏次 row: nothing says the column is not the table's.
    expect(read(['栏次 1 2', '3', '4', '', '6'])[0]).toHaveLength(5);
    expect(read(null)[0]).toHaveLength(5);
  });
});
