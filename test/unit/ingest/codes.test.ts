import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { CodeResolver } from '../../../src/lib/ingest/tables/codeResolver';
import { codeParts, joinedCode } from '../../../src/lib/ingest/tables/codes';
import { formatWan } from '../../../src/lib/model/amount';
import type { ParsedDocument } from '../../../src/lib/model/document';
import { tabRows } from './fixtures';

function read(text: string): ParsedDocument {
  const r = readDisclosureText(text, 'test.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
}

const figures = (doc: ParsedDocument, table: string) =>
  Object.fromEntries(doc.figures.filter((f) => f.table === table && f.column === 'total').map((f) => [f.rowCode, formatWan(f.amount)]));

describe('codes read as a reader would', () => {
  it('codeParts: split columns, spaced codes, a code and its name in one cell', () => {
    expect(codeParts(['301', '2', '津贴补贴', '16,623,810'], false)).toEqual({ parts: ['301', '2'], name: '津贴补贴', first: 3 });
    expect(codeParts(['301 2 津贴补贴', '16,623,810'], false)).toEqual({ parts: ['301', '2'], name: '津贴补贴', first: 1 });
    expect(codeParts(['208 05 01', '行政单位离退休', '3'], false)).toEqual({ parts: ['208', '05', '01'], name: '行政单位离退休', first: 2 });
    expect(codeParts(['', '合', '计', '0'], false)).toEqual({ parts: [''], name: '合计', first: 3 });
  });

  it('codeParts: a code with a dash before its name, or after the name in brackets', () => {
    // Both were 「无法识别科目编码」, every row of the table unread.
    expect(codeParts(['2010101-行政运行', '692.95'], false)).toEqual({ parts: ['2010101'], name: '行政运行', first: 1 });
    expect(codeParts(['2', '201－一般公共服务支出', '1237.14'], true)).toEqual({ parts: ['201'], name: '一般公共服务支出', first: 2 });
    expect(codeParts(['一般公共服务支出[201]', '1237.14'], false)).toEqual({ parts: ['201'], name: '一般公共服务支出', first: 1 });
    expect(codeParts(['3', '工资福利支出（301）', '959.08'], true)).toEqual({ parts: ['301'], name: '工资福利支出', first: 2 });
    // A year or a short number in brackets is no code; nor is one after a code printed before the name.
    expect(codeParts(['某某项目（2024）', '5.00'], false)).toEqual({ parts: [], name: '某某项目（2024）', first: 1 });
    expect(codeParts(['201', '一般公共服务支出（208）', '1.00'], false)).toEqual({ parts: ['201'], name: '一般公共服务支出（208）', first: 2 });
  });

  it('a 款 printed without its leading zero (「301 | 2」, Shanghai 2024) is 30102', () => {
    const codes = new CodeResolver();
    expect(codes.resolve(['301', ''])).toEqual({ code: '301' });
    expect(codes.resolve(['301', '01'])).toEqual({ code: '30101' });
    expect(codes.resolve(['301', '2'])).toEqual({ code: '30102' });
    expect(codes.resolve(['301', '7'])).toEqual({ code: '30107' });
  });

  it('a 类 that is no 类 (「7 | 11 | 02」) is read under the rows above, with both codes in the reason', () => {
    const codes = new CodeResolver();
    codes.resolve(['210', '', '']);
    codes.resolve(['210', '11', '']);
    codes.resolve(['210', '11', '01']);
    const r = codes.resolve(['7', '11', '02']);
    expect(r?.code).toBe('2101102');
    expect(r?.repaired?.reason).toMatch(/7 11 02.*2101102/);
  });

  it('a table listing 项 rows alone from several 类 is not "repaired" (no 款 row vouches for a hierarchy)', () => {
    const codes = new CodeResolver();
    expect(codes.resolve(['2010101'])).toEqual({ code: '2010101' });
    expect(codes.resolve(['2080101'])).toEqual({ code: '2080101' });
  });

  it('in a table: the split 款 and the wrong 类 are read, the sums confirm it, and a warning names both codes', () => {
    const doc = read(['2024年部门一般公共预算支出功能分类预算表', '编制部门：测试街道办事处', '单位：元', tabRows([
      ['类', '款', '项', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['210', '', '', '卫生健康支出', '3,023,657', '3,023,657', '0'],
      ['210', '11', '', '行政事业单位医疗', '3,023,657', '3,023,657', '0'],
      ['210', '11', '01', '行政单位医疗', '1,422,233', '1,422,233', '0'],
      ['7', '11', '02', '事业单位医疗', '1,601,424', '1,601,424', '0'],
      ['', '', '', '合计', '3,023,657', '3,023,657', '0'],
    ])].join('\n'));
    expect(figures(doc, 'general_expense')).toEqual({ 210: '302.3657', 21011: '302.3657', 2101101: '142.2233', 2101102: '160.1424', total: '302.3657' });
    expect(doc.warnings).toEqual([expect.objectContaining({ kind: 'repaired', table: 'general_expense', rowCode: '2101102', message: expect.stringMatching(/7 11 02.*2101102.*相符/) })]);
  });

  it('a 款 OCR read as a word (「201 | 到 | | 商贸事务」) is a code part: read from the 项 under it where their sums bear it out, else reported; no amount read a column off', () => {
    expect(codeParts(['201', '到', '', '商贸事务', '21,601,733.00', '12,291,733.00', '9,310,000.00'], false)).toEqual({ parts: ['201', '到', ''], name: '商贸事务', first: 4 });
    expect(codeParts(['210', '来', '02', '事业单位医疗', '249,862.00'], false)).toEqual({ parts: ['210', '来', '02'], name: '事业单位医疗', first: 4 });
    // A short name stays the name: no longer word after it, or an amount first.
    expect(codeParts(['201', '其他', '12.00'], false)).toEqual({ parts: ['201'], name: '其他', first: 2 });
    expect(codeParts(['201', '其他', '12.00', '备注说明'], false)).toEqual({ parts: ['201'], name: '其他', first: 2 });
    const table = (otherAmount: string) => read(['2025年预算单位支出预算总表', '编制单位：测试单位', '单位：元', tabRows([
      ['功能分类科目编码', '', '', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['201', '', '', '一般公共服务支出', '21,601,733.00', '12,291,733.00', '9,310,000.00'],
      ['201', '到', '', '商贸事务', '21,601,733.00', '12,291,733.00', '9,310,000.00'],
      ['201', '13', '01', '行政运行', '12,291,733.00', '12,291,733.00', ''],
      ['201', '13', '99', '其他商贸事务支出', otherAmount, '', otherAmount],
      ['', '', '', '合计', '21,601,733.00', '12,291,733.00', '9,310,000.00'],
    ])].join('\n'));
    const doc = table('9,310,000.00');
    const expense = doc.figures.filter((f) => f.table === 'expense');
    expect(new Set(expense.map((f) => f.column))).toEqual(new Set(['total', 'basic', 'project']));
    expect(figures(doc, 'expense')).toEqual({ 201: '2160.1733', 20113: '2160.1733', 2011301: '1229.1733', 2011399: '931.00', total: '2160.1733' });
    expect(doc.warnings.filter((w) => w.kind === 'unread_row')).toEqual([]);
    expect(doc.warnings.filter((w) => w.kind === 'repaired').map((w) => [w.rowCode, w.message])).toEqual([
      ['20113', '「2025年预算单位支出预算总表」「商贸事务」：科目编码「201 到」有读不清的部分，按其下各项的编码读作 20113（其下各项合计与此相符），请与原件核对'],
    ]);
    // The 项 under it do not add up to it: its code is not guessed, the row is reported.
    const off = table('9,310,001.00');
    expect(figures(off, 'expense')).not.toHaveProperty('20113');
    expect(off.warnings.filter((w) => w.kind === 'unread_row').map((w) => w.message)).toEqual([expect.stringContaining('201 到 商贸事务')]);
  });

  it('the 基本支出 table of a Shanghai 2024 budget: 「301 | 2」 and 「301 | 7」 under 301 (津贴补贴 was read as 取消 then 新增 in 同比)', () => {
    const doc = read(['2024年部门一般公共预算基本支出部门预算经济分类预算表', '编制部门：测试街道办事处', '单位：元', tabRows([
      ['部门预算经济分类科目', '', '', '合计', '人员经费', '公用经费'],
      ['类', '款', '经济分类科目名称', '', '', ''],
      // The table's 合计 (without it the rows could have stopped short: ingest/truncation.ts warns).
      ['', '', '合计', '34,244,461', '34,244,461', '0'],
      ['301', '', '工资福利支出', '34,244,461', '34,244,461', '0'],
      ['301', '01', '基本工资', '5,873,551', '5,873,551', '0'],
      ['301', '2', '津贴补贴', '16,623,810', '16,623,810', '0'],
      ['301', '03', '奖金', '300,000', '300,000', '0'],
      ['301', '7', '绩效工资', '11,447,100', '11,447,100', '0'],
    ])].join('\n'));
    expect(figures(doc, 'basic_expense')).toEqual({ total: '3424.4461', 301: '3424.4461', 30101: '587.3551', 30102: '1662.381', 30103: '30.00', 30107: '1144.71' });
    expect(doc.warnings).toEqual([]);
  });
});

/**
 * 「6929500元」 (an amount printed with its unit, the seeds' 元 variant) matched a code and its name:
 * crossCodes.ts took rows of such amounts for rows printing two classifications once it looked past a
 * 序号 cell. An amount with its unit is no code and name; a code against a name still is.
 */
describe('joinedCode: an amount with its unit', () => {
  it.each([['6929500元', null], ['1040300万元', null], ['2010101行政运行', ['2010101', '行政运行']], ['301元旦慰问', ['301', '元旦慰问']]] as const)('「%s」', (text, expected) => {
    expect(joinedCode(text)).toEqual(expected);
  });
});
