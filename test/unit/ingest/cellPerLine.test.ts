import { describe, expect, it } from 'vitest';
import { readText as read } from './tables/variants';

/**
 * A disclosure's text with no layout: pdftotext without -layout of a Shanghai PDF of the corpus
 * (putuo-czj-2025-department.pdf, its 收入总表's first lines), as a PDF's text copied out of a viewer
 * also comes. Every cell is a line of its own, in the order the PDF drew them: a 款's name and amounts
 * before its code's digits (「财政事务」, its two amounts and two of the 项's, then 「201」「06」). No row
 * can be put back together from that; the table was 「empty」 and nothing was said.
 */
const income = [
  "\f2025年部门收入预算总表",
  "编制部门：上海市普陀区财政局",
  "",
  "单位：元",
  "",
  "项目",
  "",
  "收入预算",
  "",
  "功能分类科目编码",
  "功能分类科目名称",
  "类",
  "",
  "款",
  "",
  "合计",
  "",
  "财政拨款收入",
  "",
  "项",
  "",
  "201",
  "",
  "一般公共服务支出",
  "",
  "22,186,440.80",
  "",
  "22,186,440.80",
  "",
  "财政事务",
  "",
  "22,186,440.80",
  "",
  "22,186,440.80",
  "",
  "16,231,840.80",
  "",
  "16,231,840.80",
  "",
  "100,000.00",
  "",
  "100,000.00",
  "",
  "201",
  "",
  "06",
  "",
  "201",
  "",
  "06",
  "",
  "01",
  "",
  "行政运行",
  "",
  "201",
  "",
  "06",
  "",
  "02",
  "",
  "一般行政管理事务",
  "",
  "201",
  "",
  "06",
  "",
  "07",
  "",
  "信息化建设",
  "",
].join('\n');

describe('a table whose cells are each a line of their own, in drawing order', () => {
  it('is said to be unread, with its amounts counted, not taken for an empty table', async () => {
    const doc = await read(income);
    expect(doc.figures.filter((f) => f.table === 'income')).toEqual([]);
    expect(doc.tables.find((t) => t.table === 'income')?.status).toBe('unreadable');
    const warned = doc.warnings.filter((w) => w.kind === 'unread_table' && w.table === 'income');
    expect(warned.map((w) => w.message)).toEqual([
      '「2025年部门收入预算总表」之后的内容是一格一行的文字（从 PDF 复制或转成文字时没有保留版面），其中 8 个金额无法还原到表格的行和列，这张表未导入：请导入原 PDF，或转换时保留版面（如 pdftotext -layout）',
    ]);
  });

  it('a table printed empty (its title and unit, then the next title) is still empty, with no word', async () => {
    const empty = ['2025年部门政府性基金预算支出功能分类预算表', '编制部门：上海市普陀区财政局', '单位：元', '', ...income.split('\n')].join('\n');
    const doc = await read(empty);
    expect(doc.tables.find((t) => t.table === 'fund_expense')?.status).toBe('empty');
    expect(doc.warnings.filter((w) => w.table === 'fund_expense')).toEqual([]);
  });
});
