import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 重庆's 2026 收入总表 prints eleven columns so close that its first three amounts touch: the PDF's
 * text has one cell 「174,900.641 01,833.844 1,534.73」 under one cell of three heads run together,
 * and every amount right of it stood a column or more left of its head's place in the template. Read
 * in template order, 财政专户管理资金's 22,070.82 went in as 财政拨款, 事业收入's as 财政专户, silently.
 * Such a table is now said, its amounts not read by order. (Rows as that table prints them, amounts
 * made up.)
 */
const HEAD = ['科目编码', '科目名称', '一般公共政府性基总计预算拨款金预算拨收入款收入', '国有资本经营预算拨款收入', '财政专户管理资金收入', '事业收入', '上级补助收入', '附属单位上缴收入', '事业单位经营收入', '其他收入'];

function read(rows: string[][]): ParsedDocument {
  const text = ['表二', '2026 年部门收入总体情况表', '单位名称：某某委员会\t单位：万元', HEAD.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n');
  const r = readDisclosureText(text, 'income.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
}

describe('a table whose amounts run together in a cell', () => {
  it('is said once, none of its amounts read under a head a column off', () => {
    const doc = read([
      ['', '合计', '1,200.501 00.00', '', '900.00', '200.50', '', '', '', ''],
      ['201', '一般公共服务支出', '1,200.501 00.00', '', '900.00', '200.50', '', '', '', ''],
    ]);
    expect(doc.figures.filter((f) => f.table === 'income')).toEqual([]);
    const said = doc.warnings.filter((w) => w.table === 'income').map((w) => w.message);
    expect(said.some((m) => m.includes('挤在同一格中') && m.includes('1,200.501 00.00'))).toBe(true);
  });

  it('leaves a table of one amount a cell read in template order as before', () => {
    const doc = read([
      ['', '合计', '1,200.50', '', '900.00', '200.50', '', '', '', ''],
      ['201', '一般公共服务支出', '1,200.50', '', '900.00', '200.50', '', '', '', ''],
    ]);
    expect(doc.figures.filter((f) => f.table === 'income').length).toBeGreaterThan(0);
    expect(doc.warnings.some((w) => w.message.includes('挤在同一格中'))).toBe(false);
  });
});

/**
 * Fujian's 2026 budgets print a fund they do not have as a table of zeros run together
 * (「合计 | 0.00 0.00 0.00」) and a note saying so, its year set apart by the PDF (「备注：本部门 | 2026 |
 * 年没有使用政府性基金预算拨款安排的支出。」). The table was 「unreadable」; it is empty, as its note says.
 */
describe('a table of no funds, said so in its note', () => {
  const text = ['2026 年度政府性基金预算拨款支出预算表', '单位：万元', '\t\t其中：', '科目编码\t\t科目名称小计', '\t\t基本支出项目支出',
    '\t合计\t0.00 0.00 0.00', '备注：本部门\t2026\t年没有使用政府性基金预算拨款安排的支出。'].join('\n');

  it('is empty, its note kept whole', () => {
    const r = readDisclosureText(text, 'fund.txt');
    if (!r.ok) throw new Error(r.error);
    const table = r.docs[0].tables.find((t) => t.table === 'fund_expense');
    expect(table).toMatchObject({ status: 'empty', note: '备注：本部门2026年没有使用政府性基金预算拨款安排的支出。' });
  });
});
