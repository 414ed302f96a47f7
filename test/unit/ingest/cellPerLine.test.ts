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

/**
 * The furniture of such a text, from pdftotext without -layout of two corpus PDFs (Jiangsu gjfy 2019's
 * 公开09表 and 10表, putuo czj's 收入总表 ending in its last head): a meta line broken over two lines
 * (「单位：万」 / 「元」, 「部门名称：」 / 「江苏省高级人民法院」) closed the table before it had a row, so
 * the title was taken for a contents entry and the tables went unseen (「没有找到标准表」); a table's last
 * head (「其他收入」) was joined to the next title as its first half; and the page end pdftotext writes
 * after the last page (「…绩效目标表」 / blank / form feed) was taken for a file cut on a title.
 */
const furniture = [
  '公开 09 表', '', '“三公”经费、会议费、培训费支出预算表', '单位：万', '元', '', '部门名称：江苏省高级人民法院',
  '“三公”经费', '合计', '', '小计', '', '2,382.02', '', '513.75', '', '公务用车购置及运行维护费', '', '因公出', '国（境）', '费', '',
  '小计', '', '160.00', '', '266.80', '', '公务接', '待费', '', '会议费', '', '培训费', '', '86.95', '', '271.02', '', '1,597.25', '',
  '\f公开 10 表', '', '政府性基金预算财政拨款支出预算表', '部门名称：', '江苏省高级人民法院', '', '单位：万元', '', '功能科目编码', '',
  '功能科目名称', '合', '', '计', '', '金', '', '额', '0', '', '注：“科目编码”和“科目名称”为必填项', '', '14', '',
  '\f2025年部门收入预算总表', '单位：元', '', '项目', '', '收入预算', '', '合计', '', '31,214,205.80', '', '31,214,205.80', '', '2,687,760.00', '',
  '事业收入', '', '事业单位', '经营收入', '', '其他收入', '', '2025年部门支出预算总表', '编制部门：上海市普陀区财政局', '', '单位：元',
  '项目', '', '支出预算', '', '合计', '', '基本支出', '', '项目支出', '', '22,186,440.80', '', '16,231,840.80', '', '5,954,600.00', '',
  '七、绩效目标', '详见单位的项目绩效目标表', '', '\f',
].join('\n');

describe('the furniture of a text with no layout', () => {
  it('reads a meta line broken over two lines as one, keeps a title apart from the cell above it, and takes the last page end for an end', async () => {
    const doc = await read(furniture);
    const status = Object.fromEntries(doc.tables.map((t) => [t.table, t.status]));
    expect(status).toMatchObject({ three_public: 'unreadable', fund_expense: 'empty', income: 'unreadable', expense: 'unreadable' });
    expect(doc.tables.find((t) => t.table === 'expense')?.title).toBe('2025年部门支出预算总表');
    expect(doc.meta.unitName).toBe('江苏省高级人民法院');
    expect(doc.warnings.filter((w) => w.message.includes('文件在中间结束'))).toEqual([]);
  });
});
