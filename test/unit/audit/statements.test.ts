import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { auditOne, found, makeDoc, type F } from './fixtures';

const summary = (over: Record<string, string> = {}): F[] => Object.entries({
  'income.general': '100.00', 'income.current_total': '100.00', 'income.carryover': '2.00', 'income.grand_total': '102.00',
  'expense.201': '60.00', 'expense.208': '42.00', 'expense.current_total': '102.00', 'expense.grand_total': '102.00', ...over,
}).map(([row, v]) => ['summary', row, 'amount', v] as F);

describe('balance (check 1): 收支总表', () => {
  it('passes a balanced statement', () => {
    expect(found(auditOne(summary()), 'balance')).toEqual([]);
  });

  it('reports 收入总计 ≠ 支出总计 and a broken 本年 + 结转 identity', () => {
    const a = auditOne(summary({ 'income.grand_total': '103.00' }));
    expect(found(a, 'balance')).toEqual(['error summary/expense.grand_total/amount', 'error summary/income.grand_total/amount']);
  });

  it('checks 本年支出合计 against its 类 and 本年收入合计 against its sources', () => {
    const a = auditOne(summary({ 'expense.208': '42.01', 'income.general': '99.00' }));
    expect(found(a, 'balance')).toEqual(['rounding summary/expense.current_total/amount', 'error summary/income.current_total/amount']);
  });

  it('reads Shanghai statements without 本年合计 rows (支出总计 − 结转 = Σ 类)', () => {
    const a = auditOne([
      ['summary', 'income.fiscal', 'amount', '10.00'], ['summary', 'income.general', 'amount', '10.00'], ['summary', 'income.grand_total', 'amount', '10.00'],
      ['summary', 'expense.201', 'amount', '7.00'], ['summary', 'expense.208', 'amount', '3.00'], ['summary', 'expense.grand_total', 'amount', '10.00'],
    ]);
    expect(found(a, 'balance')).toEqual([]);
    expect(a.checks.find((c) => c.check === 'balance')!.comparisons).toBeGreaterThanOrEqual(3);
  });
});

// 西安 气象 2022 (a real disclosure outside the corpus) prints its spending by 功能分类, by the 部门预算
// 经济分类 (30x) and by the 政府预算 one (50x), side by side, each the whole 1,899.90. Summed as one list
// they made twice the whole; and its 部门 list prints 工资福利支出 under each purpose, two amounts for one
// code, of which one was kept.
describe('balance (check 1): 经济分类 on a 收支总表', () => {
  const economic: F[] = [
    ['summary', 'income.general', 'amount', '100.00'], ['summary', 'income.current_total', 'amount', '100.00'], ['summary', 'income.grand_total', 'amount', '100.00'],
    ['summary', 'expense.220', 'amount', '100.00'], ['summary', 'expense.current_total', 'amount', '100.00'], ['summary', 'expense.grand_total', 'amount', '100.00'],
    ['summary', 'expense.301', 'amount', '60.00'], ['summary', 'expense.302', 'amount', '40.00'],
    ['summary', 'expense.501', 'amount', '70.00'], ['summary', 'expense.502', 'amount', '30.00'],
  ];

  it('sums the 部门预算 and the 政府预算 经济分类 each on its own', () => {
    expect(found(auditOne(economic), 'balance')).toEqual([]);
    const off = auditOne(economic.map((f) => (f[1] === 'expense.502' ? ['summary', 'expense.502', 'amount', '31.00'] : f)));
    expect(found(off, 'balance')).toEqual(['error summary/expense.current_total/amount']);
  });

  it('does not judge a list whose row the importer kept once of two amounts', () => {
    const doc = makeDoc(economic.map((f) => (f[1] === 'expense.301' ? ['summary', 'expense.301', 'amount', '17.00'] : f)));
    doc.warnings.push({ message: '「收支总表」「工资福利支出」重复出现且金额不同（17.00 与 43.00），保留先印的 17.00', table: 'summary', rowCode: 'expense.301', column: 'amount', source: { line: 90 } });
    const a = auditDocuments([doc])[0];
    expect(found(a, 'balance')).toEqual([]);
    expect(a.checks.find((c) => c.check === 'balance')!.notRun.join()).toContain('expense.301');
  });
});

describe('cross_table (check 2)', () => {
  const expense: F[] = [['expense', 'total', 'total', '102.00'], ['expense', '201', 'total', '60.00'], ['expense', '208', 'total', '42.00']];

  it('compares the statement 类 with 支出总表 类', () => {
    expect(found(auditOne([...summary(), ...expense]), 'cross_table')).toEqual([]);
    const a = auditOne([...summary({ 'expense.201': '61.00', 'expense.208': '41.00' }), ...expense]);
    expect(found(a, 'cross_table')).toEqual(['error summary/expense.201/amount', 'error summary/expense.208/amount']);
  });

  it('reports a 类 listed in one table only', () => {
    const a = auditOne([...summary(), ...expense, ['expense', '210', 'total', '5.00']]);
    expect(found(a, 'cross_table')).toEqual(['error expense/210/total']);
  });

  it('compares 财政拨款收支总表 with the 一般公共预算 table', () => {
    const a = auditOne([
      ['fiscal_summary', 'expense.201', 'total', '60.00'], ['fiscal_summary', 'expense.201', 'general', '60.00'],
      ['general_expense', 'total', 'total', '59.00'], ['general_expense', '201', 'total', '59.00'],
    ]);
    expect(found(a, 'cross_table')).toEqual(['error fiscal_summary/expense.201/general']);
  });

  // 深圳's 财政拨款收支总表 (a real 2026 disclosure outside the corpus) prints one amount column where its
  // income names 一般公共预算 and 政府性基金 拨款: 交通运输支出 357,233.33 is 353,068.33 of the 一般公共预算
  // table and 4,165.00 of the 政府性基金 one. Compared with the 一般公共预算 table alone: two false errors.
  it('compares a 财政拨款收支总表 of one column with the function tables of the budgets its income names', () => {
    const doc = (fund: string): F[] => [
      ['fiscal_summary', 'income.general', 'amount', '90.00'], ['fiscal_summary', 'income.fund', 'amount', '10.00'],
      ['fiscal_summary', 'expense.214', 'total', '100.00'], ['fiscal_summary', 'expense.current_total', 'total', '100.00'],
      ['general_expense', 'total', 'total', '90.00'], ['general_expense', '214', 'total', '90.00'],
      ['fund_expense', 'total', 'total', fund], ['fund_expense', '214', 'total', fund],
    ];
    expect(found(auditOne(doc('10.00')), 'cross_table')).toEqual([]);
    expect(found(auditOne(doc('9.00')), 'cross_table')).toEqual(['error fiscal_summary/expense.214/total', 'error fiscal_summary/expense.current_total/total']);
  });

  // 国家信访局's 2026 财政拨款收支总表 (a real disclosure outside the corpus) prints one column: 本年支出
  // 18,728.94 spends this year's 16,474.82 and the 上年结转 2,254.12; its 一般公共预算 table lists this
  // year's appropriations alone. Compared class by class: four false errors.
  it('does not compare class by class where the 财政拨款收支总表 spends a carryover the 一般公共预算 table leaves out', () => {
    const doc = (table201: string, tableTotal: string): F[] => [
      ['fiscal_summary', 'income.general', 'amount', '90.00'], ['fiscal_summary', 'income.carryover.general', 'amount', '10.00'],
      ['fiscal_summary', 'expense.201', 'total', '70.00'], ['fiscal_summary', 'expense.208', 'total', '30.00'], ['fiscal_summary', 'expense.current_total', 'total', '100.00'],
      ['general_expense', 'total', 'total', tableTotal], ['general_expense', '201', 'total', table201], ['general_expense', '208', 'total', '28.00'],
    ];
    const apart = auditOne(doc('62.00', '90.00'));
    expect(found(apart, 'cross_table')).toEqual([]);
    expect(apart.checks.find((c) => c.check === 'cross_table')!.notRun.join()).toContain('含上年结转 10.00 万元');
    // A table that is not this year's alone (its 合计 not the 本年收入) is compared as before.
    expect(found(auditOne(doc('61.00', '89.00')), 'cross_table')).toContain('error fiscal_summary/expense.201/total');
  });

  // 西安's 2019 收入总表 (a real disclosure outside the corpus) heads every source, 上年结转 included, with
  // one 「合计」 equal to its 总计: read as 本年收入合计, it was compared with the 收支总表's (a false error).
  it('does not compare 本年收入合计 with a 收入总表 「合计」 that is its 总计, carryover included', () => {
    const doc = (sub: string): F[] => [
      ['summary', 'income.general', 'amount', '90.00'], ['summary', 'income.current_total', 'amount', '90.00'], ['summary', 'income.carryover', 'amount', '10.00'],
      ['summary', 'income.grand_total', 'amount', '100.00'], ['summary', 'expense.201', 'amount', '90.00'], ['summary', 'expense.current_total', 'amount', '90.00'],
      ['summary', 'expense.carryforward', 'amount', '10.00'], ['summary', 'expense.grand_total', 'amount', '100.00'],
      ['income', 'total', 'total', '100.00'], ['income', 'total', 'current_subtotal', sub], ['income', 'total', 'general', '90.00'], ['income', 'total', 'carryover', '10.00'],
    ];
    const a = auditOne(doc('100.00'));
    expect(found(a, 'cross_table')).toEqual([]);
    expect(a.checks.find((c) => c.check === 'cross_table')!.notRun.join()).toContain('不是本年收入合计');
    // A 本年收入 column of its own is compared as before.
    expect(found(auditOne(doc('91.00')), 'cross_table')).toEqual(['error summary/income.current_total/amount']);
  });

  // 重庆's 收支总表 prints no 上年结转: its 一般公共预算资金 is this year's and what is carried over together,
  // which its 财政拨款收支总表 prints apart. Compared with this year's alone, every such document was an error.
  it('compares a 收支总表 without 上年结转 with the 财政拨款收支总表\'s 本年 and 上年结转 together', () => {
    const statements = (general: string): F[] => [
      ['summary', 'income.general', 'amount', general], ['summary', 'income.fund', 'amount', '5.00'], ['summary', 'income.grand_total', 'amount', '107.00'],
      ['summary', 'expense.201', 'amount', '107.00'], ['summary', 'expense.grand_total', 'amount', '107.00'],
      ['fiscal_summary', 'income.general', 'amount', '98.00'], ['fiscal_summary', 'income.carryover.general', 'amount', '4.00'],
      ['fiscal_summary', 'income.carryover.fund', 'amount', '5.00'],
    ];
    expect(found(auditOne(statements('102.00')), 'cross_table')).toEqual([]);
    expect(found(auditOne(statements('101.00')), 'cross_table')).toEqual(['error fiscal_summary/income.general/amount']);
    // With its 上年结转 printed, the 收支总表's sources are this year's alone.
    const printed = auditOne([...statements('102.00'), ['summary', 'income.carryover', 'amount', '9.00']]);
    expect(found(printed, 'cross_table')).toEqual(['error fiscal_summary/income.general/amount']);
  });
});
