import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * Tables as Beijing's 2026 预算 prints them (a real 统计局 disclosure outside the corpus, its layout
 * kept, amounts made up): the 支出总表 a row for each 功能分类 项 by 政府经济分类 by 部门经济分类, the 基本支出表
 * by both 经济分类 with some 款 split into Beijing's own 目 (3021101 差旅费); the 收入总表 with a group
 * 上年结转结余 beside 本年收入, its heads repeated; the 三公 total headed 「“三公”经费财政拨款预算总额」.
 */
const read = (lines: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某统计局', ...lines].join('\n'), 'beijing.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const figures = (d: ParsedDocument, table: string) => Object.fromEntries(d.figures.filter((f) => f.table === table).map((f) => [`${f.rowCode}.${f.column}`, (f.amount / 1e6).toFixed(6)]));
const errors = (d: ParsedDocument) => auditDocuments([{ ...d, id: 1 } as never])[0].findings.filter((f) => f.severity === 'error').map((f) => f.message);

describe('rows by 功能分类 by 经济分类 (Beijing\'s 支出总表)', () => {
  const expense = ['预算03表 支出总表', '金额单位：万元', '支出功能分类科目\t政府支出经济分类科目\t部门支出经济分类科目\t合计\t基本支出\t项目支出',
    '2010501-行政运行\t50101-工资奖金津补贴\t30101-基本工资\t3,702.206400\t3,702.206400\t',
    '2010501-行政运行\t50101-工资奖金津补贴\t30102-津贴补贴\t5,933.315572\t5,933.315572\t',
    '2010501-行政运行\t50205-委托业务费\t30227-委托业务费\t79.150000\t73.860000\t5.290000',
    '2080505-机关事业单位基本养老保险缴费支出\t50102-社会保障缴费\t30108-机关事业单位基本养老保险缴费\t345.679200\t345.679200\t',
    '2010501-行政运行\t50201-办公经费\t3021101-差旅费\t115.760000\t115.760000\t',
    '合计\t\t\t10,176.111172\t10,170.821172\t5.290000'];

  it('adds up each 项\'s rows exactly, once said', () => {
    const doc = read(expense);
    expect(figures(doc, 'expense')).toEqual({
      '2010501.total': '9830.431972', '2010501.basic': '9825.141972', '2010501.project': '5.290000',
      '2080505.total': '345.679200', '2080505.basic': '345.679200',
      'total.total': '10176.111172', 'total.basic': '10170.821172', 'total.project': '5.290000',
    });
    expect(doc.warnings.map((w) => w.message)).toEqual(['「预算03表 支出总表」按功能分类和其他分类逐行列示，同一科目的 5 行已相加为 2 个科目的数', '未找到预算年度']);
  });

  it('a 基本支出表 by both 经济分类 is read by the 部门 one, a 目 under its 款', () => {
    const doc = read(['预算06表 一般公共预算基本支出表', '金额单位：万元', '政府支出经济分类科目\t部门支出经济分类科目\t合计\t人员经费\t公用经费',
      '50101-工资奖金津补贴\t30101-基本工资\t3,702.206400\t3,702.206400\t', '50501-工资福利支出\t30101-基本工资\t660.072000\t660.072000\t',
      '50201-办公经费\t3021101-差旅费\t115.390000\t\t115.390000', '50201-办公经费\t3021102-市内交通费\t16.000000\t\t16.000000',
      '合计\t\t4,493.662000\t4,362.278400\t131.390000']);
    expect(figures(doc, 'basic_expense')).toEqual({
      '30101.total': '4362.278400', '30101.personnel': '4362.278400', '30211.total': '131.390000', '30211.public': '131.390000',
      'total.total': '4493.662000', 'total.personnel': '4362.278400', 'total.public': '131.390000',
    });
    expect(errors(doc)).toEqual([]);
  });
});

describe('a 收入总表 with 上年结转结余 as a group of columns', () => {
  const income = (amounts: string) => read(['预算02表 收入总表', '金额单位：万元', '\t\t\t\t本年收入\t\t\t\t\t上年结转结余\t\t',
    '合计\t小计\t一般公共预算资金\t政府性基金预算资金\t事业收入\t其他收入\t小计\t一般公共预算资金\t单位资金', amounts]);

  it('reads 本年收入 by its heads, the group\'s 小计 as 上年结转 and says its sources', () => {
    const doc = income('51,036.219169\t50,666.454093\t50,665.496773\t\t\t0.957320\t369.765076\t152.679076\t217.086000');
    expect(figures(doc, 'income')).toEqual({ 'total.total': '51036.219169', 'total.current_subtotal': '50666.454093', 'total.general': '50665.496773', 'total.other': '0.957320', 'total.carryover': '369.765076' });
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('上年结转结余'))).toEqual([
      '「预算02表 收入总表」「上年结转结余」下「一般公共预算资金」一列是上年结转结余的来源，只导入其小计，此列未导入',
      '「预算02表 收入总表」「上年结转结余」下「单位资金」一列是上年结转结余的来源，只导入其小计，此列未导入',
    ]);
  });
});

describe('the same group under 长春\'s heads, 「一般公共预算」 repeated as in a second panel', () => {
  it('is no second panel: the group\'s 小计 is 上年结转', () => {
    const doc = read(['收入总表(预算表 2)', '单位：万元', '\t\t\t\t\t\t编制预算\t\t\t\t\t\t\t\t上年结转\t\t\t\t',
      '部门（单位）代码\t部门（单位）名称\t合计\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算\t财政专户管理资金\t事业收入\t事业单位经营收入\t上级补助收入\t附属单位上缴收入\t其他收入\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算\t财政专户管理资金\t单位资金',
      '\t合计\t110.00\t100.00\t100.00\t\t\t\t\t\t\t\t\t10.00\t10.00\t\t\t\t']);
    expect(figures(doc, 'income')).toEqual({ 'total.total': '110.000000', 'total.current_subtotal': '100.000000', 'total.general': '100.000000', 'total.carryover': '10.000000' });
  });
});

describe('the 三公 total headed 「“三公”经费财政拨款预算总额」', () => {
  it('is the total, the items in their columns', () => {
    const doc = read(['预算09表 财政拨款“三公”经费支出表', '金额单位：万元', '\t\t\t公务用车购置及运行维护费\t\t',
      '“三公”经费财政拨款预算总额\t因公出国（境）费用\t公务接待费\t小计\t公务用车购置费\t公务用车运行维护费', '73.790000\t45.190000\t1.180000\t27.420000\t\t27.420000']);
    expect(figures(doc, 'three_public')).toEqual({ 'total.total': '73.790000', 'overseas.total': '45.190000', 'reception.total': '1.180000', 'vehicle.total': '27.420000', 'vehicle_operation.total': '27.420000' });
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('对不上'))).toEqual([]);
  });
});
