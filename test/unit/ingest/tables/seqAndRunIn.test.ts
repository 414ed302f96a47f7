import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 西安 气象's 2022 部门综合预算 (a real disclosure outside the corpus; amounts as printed, in 元): tables led by
 * a 序号 column, codes in two columns, and a PDF whose column finder ran two columns into one. 69 warnings
 * of rows or cells not read before, 9 after.
 */
const read = (title: string, rows: readonly (readonly string[])[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', title, '金额单位：元', ...rows.map((c) => c.join('\t')), ''].join('\n'), 'x.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const figures = (d: ParsedDocument, table: string, column: string) =>
  d.figures.filter((f) => f.table === table && f.column === column).map((f) => `${f.rowCode}=${(f.amount / 100).toFixed(2)}`);
const unread = (d: ParsedDocument) => d.warnings.filter((w) => w.kind === 'unread_row' || w.kind === 'unread_cell').map((w) => w.message);

describe('a 类 in one code column, its 款 and 项 whole in the next', () => {
  it('reads each code as printed, under a 序号 column', () => {
    const d = read('2022年部门综合预算一般公共预算基本支出明细表（按功能科目分）', [
      ['序号', '', '功能科目编码', '功能科目名称', '合计', '人员经费支出', '公用经费支出'],
      ['1', '', '', '合计', '100.00', '90.00', '10.00'],
      ['2', '208', '', '社会保障和就业支出', '60.00', '60.00', '0'],
      ['3', '', '20805', '行政事业单位养老支出', '60.00', '60.00', '0'],
      ['4', '', '2080506', '机关事业单位职业年金缴费支出', '60.00', '60.00', '0'],
      ['5', '220', '', '自然资源海洋气象等支出', '40.00', '30.00', '10.00'],
      ['6', '', '22005', '气象事务', '40.00', '30.00', '10.00'],
      ['7', '', '2200504', '气象事业机构', '40.00', '30.00', '10.00'],
    ]);
    expect(figures(d, 'general_expense', 'basic')).toEqual(['total=100.00', '208=60.00', '20805=60.00', '2080506=60.00', '220=40.00', '22005=40.00', '2200504=40.00']);
    expect(unread(d)).toEqual([]);
  });
});

describe('a name column and its 合计 run into one (「功能科目名称合计」 over 「社会保障和就业支出 44699.18」)', () => {
  const rows = [
    ['序号', '', '功能科目编码', '功能科目名称合计', '人员经费支出', '公用经费支出', '专项业务经费支出'],
    ['1', '', '', '合计 1000.00', '300.00', '100.00', '600.00'],
    ['2', '208', '', '社会保障和就业支出 300.00', '300.00', '0', '0'],
    ['3', '', '20805', '行政事业单位养老支出 300.00', '300.00', '0', '0'],
    ['4', '220', '', '自然资源海洋气象等支出 700.00', '0', '100.00', '600.00'],
    ['5', '', '22005', '气象事务 700.00', '0', '100.00', '600.00'],
  ];
  it('splits the column back: each row\'s 合计 is read under its head, the others under theirs', () => {
    const d = read('2022年部门综合预算一般公共预算支出明细表（按功能科目分）', rows);
    expect(figures(d, 'general_expense', 'total')).toEqual(['total=1000.00', '208=300.00', '20805=300.00', '220=700.00', '22005=700.00']);
    expect(figures(d, 'general_expense', 'project')).toEqual(['total=600.00', '208=0.00', '20805=0.00', '220=600.00', '22005=600.00']);
    expect(unread(d)).toEqual([]);
  });

  it('a header with the name and 合计 apart is read as before', () => {
    const d = read('2022年部门综合预算一般公共预算支出明细表（按功能科目分）', [
      ['功能科目编码', '功能科目名称', '合计', '基本支出', '项目支出'], ['', '合计', '100.00', '40.00', '60.00'], ['208', '社会保障和就业支出', '100.00', '40.00', '60.00'],
    ]);
    expect(figures(d, 'general_expense', 'total')).toEqual(['total=100.00', '208=100.00']);
  });
});

describe('a 部门 经济分类 row with the 政府 code run into its name (「30101 | 基本工资 50501 | 工资福利支出」)', () => {
  it('reads the 部门 classification, rows of one code added up', () => {
    const d = read('2022年部门综合预算一般公共预算支出明细表（按经济分类科目分）', [
      ['序号', '', '部门经济科目编码', '政府经济科目部门经济科目名称编码', '政府经济科目名称', '合计', '人员经费支出', '公用经费支出', '专项业务经费支出'],
      ['1', '', '', '合计', '', '1000.00', '300.00', '100.00', '600.00'],
      ['2', '301', '', '工资福利支出', '', '300.00', '300.00', '0', '0'],
      ['3', '', '30101', '基本工资 50501', '工资福利支出', '300.00', '300.00', '0', '0'],
      ['4', '302', '', '商品和服务支出', '', '700.00', '0', '100.00', '600.00'],
      ['5', '', '30213', '维修（护）费 50209', '维修（护）费', '600.00', '0', '0', '600.00'],
      ['6', '', '30213', '维修（护）费 50502', '商品和服务支出', '100.00', '0', '100.00', '0'],
    ]);
    expect(figures(d, 'general_economic', 'total')).toEqual(['total=1000.00', '301=300.00', '30101=300.00', '302=700.00', '30213=700.00']);
    expect(unread(d)).toEqual([]);
  });
});
