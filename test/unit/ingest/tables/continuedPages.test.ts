import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * Tables over two pages that print their title again with its number on a line of its own (烟台's
 * 「公开表3」 / 「支出总体情况表」, two real 2026 disclosures outside the corpus; amounts as printed). The
 * number was not read as one, so each page stood as a table of its own: the second page's 项, printed by
 * their last two digits under a 款 on the page before, were 「无法识别科目编码」; its header, read again,
 * put its own 小计 under the first page's 上年结转; and its 财政拨款收支总表 page, a grid of its own, put
 * 支出总计 under the first page's 政府性基金 and 国有资本经营.
 */
const read = (lines: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门（单位）：某某局', '2026年部门预算', ...lines, ''].join('\n'), 'pages.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const figures = (d: ParsedDocument, table: string, code: string) =>
  Object.fromEntries(d.figures.filter((f) => f.table === table && f.rowCode === code).map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));
const messages = (d: ParsedDocument) => d.warnings.map((w) => w.message);

describe('a table going on over a page under 「公开表N」', () => {
  const expense = ['公开表3', '支出总体情况表', '部门（单位）：某某局\t单位：万元', '\t科目编码', '\t\t\t科目名称\t合计\t基本支出\t项目支出', '类\t款\t项'];

  it('reads the next page\'s 项 under the 款 printed on the page before', () => {
    const doc = read([...expense, '\t\t\t合计\t85.00\t85.00\t', '210\t\t\t卫生健康支出\t85.00\t85.00\t', '\t11\t\t行政事业单位医疗\t85.00\t85.00\t',
      '\t\t01\t行政单位医疗\t30.00\t30.00\t', ...expense, '\t\t02\t事业单位医疗\t35.00\t35.00\t', '\t\t99\t其他行政事业单位医疗支出\t20.00\t20.00\t']);
    expect(figures(doc, 'expense', '2101102')).toEqual({ total: '35.00', basic: '35.00' });
    expect(figures(doc, 'expense', '2101199')).toEqual({ total: '20.00', basic: '20.00' });
    expect(messages(doc).filter((m) => m.includes('科目编码'))).toEqual([]);
  });

  it('reads a 收入总表 whose header comes again on each page by its own heads', () => {
    const income = ['公开表2', '收入总体情况表', '部门（单位）：某某局\t单位：万元', '\t科目编码\t\t\t\t\t财政拨款收入',
      '类\t款\t项\t科目名称\t合计\t小计\t一般公共预算收入\t政府性基金预算收入\t其他收入\t上年结转'];
    const doc = read([...income, '\t\t\t合计\t110.00\t100.00\t100.00\t\t10.00\t', '201\t\t\t一般公共服务支出\t110.00\t100.00\t100.00\t\t10.00\t',
      ...income, '\t05\t\t统计信息事务\t110.00\t100.00\t100.00\t\t10.00\t']);
    expect(figures(doc, 'income', 'total')).toEqual({ total: '110.00', current_subtotal: '100.00', general: '100.00', other: '10.00' });
    expect(messages(doc).filter((m) => m.includes('上年结转'))).toEqual([]);
  });

  it('reads a 财政拨款收支总表 page by the heads that page prints, its letter-spaced totals too', () => {
    const title = ['公开表4', '财政拨款收支总体情况表', '部门（单位）：某某局\t单位：万元'];
    const doc = read([...title, '\t收入\t\t支\t出', '项目\t预算数\t项目\t预算数', '\t\t\t总计\t一般公共预算\t政府性基金预算',
      '一、一般公共预算收入\t120.00\t一、一般公共服务支出\t100.00\t100.00\t',
      // The next page's grid: the same heads four columns further right, the totals a character a cell.
      ...title, '\t\t\t\t\t收入\t\t\t\t\t支\t出', '\t\t项目\t\t\t\t预算数\t项目', '\t\t\t\t\t\t\t\t\t\t总计\t一般公共预算\t政府性基金预算',
      '\t\t\t\t\t\t\t二、教育支出\t\t\t20.00\t20.00\t',
      '本\t年\t收\t入\t合\t计\t120.00\t本年支出\t合\t计\t120.00\t120.00\t', '收\t入\t总\t计\t\t\t120.00\t支出总计\t\t\t120.00\t120.00\t']);
    expect(figures(doc, 'fiscal_summary', 'income.current_total')).toEqual({ amount: '120.00' });
    expect(figures(doc, 'fiscal_summary', 'expense.205')).toEqual({ total: '20.00', general: '20.00' });
    expect(figures(doc, 'fiscal_summary', 'expense.current_total')).toEqual({ total: '120.00', general: '120.00' });
    expect(figures(doc, 'fiscal_summary', 'expense.grand_total')).toEqual({ total: '120.00', general: '120.00' });
    expect(messages(doc)).toEqual([]);
  });
});

/**
 * Beijing's 一般公共预算支出表 heads 基本支出 over 小计 | 人员经费 | 公用经费, the word centred over 人员经费.
 * Before, 人员经费's head took the column from it and the 小计 under it had no head: over one page its
 * 基本支出 was said, not read (over several, a header repeated hid it).
 */
describe('a group word centred over its 小计', () => {
  it('gives its 小计 the group\'s key', () => {
    const doc = read(['预算05表一般公共预算支出表', '金额单位：万元', '\t功能分类科目\t\t\t预算数', '\t\t\t\t基本支出\t\t项目支出',
      '科目编码\t科目名称\t合计\t小计\t人员经费\t公用经费\t项目支出', '2010501\t行政运行\t60.00\t50.00\t40.00\t10.00\t10.00', '\t合计\t60.00\t50.00\t40.00\t10.00\t10.00']);
    expect(figures(doc, 'general_expense', '2010501')).toEqual({ total: '60.00', basic: '50.00', personnel: '40.00', public: '10.00', project: '10.00' });
    expect(messages(doc).filter((m) => m.includes('预算05表'))).toEqual([]);
  });
});
