import { describe, expect, it } from 'vitest';
import { auditOne, found, status, type F } from './fixtures';

describe('row_total (check 3): 合计 = 基本支出 + 项目支出 on every 支出 row', () => {
  const base: F[] = [
    ['expense', 'total', 'total', '100.00'], ['expense', 'total', 'basic', '60.00'], ['expense', 'total', 'project', '40.00'],
    ['expense', '201', 'total', '100.00'], ['expense', '201', 'basic', '60.00'], ['expense', '201', 'project', '40.00'],
  ];

  it('passes a consistent table and counts its comparisons', () => {
    const a = auditOne(base);
    expect(found(a, 'row_total')).toEqual([]);
    expect(status(a, 'row_total')).toBe('ran');
  });

  it('treats a blank part next to a printed one as nothing (行政运行 prints 基本支出 only)', () => {
    const a = auditOne([['expense', '2010301', 'total', '5.00'], ['expense', '2010301', 'basic', '5.00'], ['expense', '2010302', 'total', '3.00'], ['expense', '2010302', 'project', '3.00']]);
    expect(found(a, 'row_total')).toEqual([]);
  });

  it('reports a blank 合计 beside printed parts as an error (seed 001)', () => {
    const a = auditOne([...base, ['general_expense', '201', 'basic', '75.11'], ['general_expense', '201', 'project', '100.00']]);
    expect(found(a, 'row_total')).toEqual(['error general_expense/201/total']);
    const f = a.findings.find((x) => x.check === 'row_total')!;
    expect(f.expected).toBe('175.11');
    expect(f.actual).toBe('空白');
    expect(f.message).toContain('75.11');
  });

  it('reports a printed 合计 whose parts are all blank, where the table prints parts elsewhere (seed 004)', () => {
    const a = auditOne([...base, ['expense', '2101202', 'total', '1358.00']]);
    expect(found(a, 'row_total')).toEqual(['error expense/2101202/total']);
  });

  it('does not invent a hole where the layout prints only 合计 on every row', () => {
    const a = auditOne([['fund_expense', 'total', 'total', '9.00'], ['fund_expense', '229', 'total', '9.00']]);
    expect(found(a, 'row_total')).toEqual([]);
  });

  it('makes a difference within 0.01 万元 per addend a 尾差 and a larger one an error', () => {
    const a = auditOne([
      ['expense', '201', 'total', '10.02'], ['expense', '201', 'basic', '5.00'], ['expense', '201', 'project', '5.00'],
      ['expense', '202', 'total', '10.03'], ['expense', '202', 'basic', '5.00'], ['expense', '202', 'project', '5.00'],
    ]);
    expect(found(a, 'row_total')).toEqual(['rounding expense/201/total', 'error expense/202/total']);
  });

  it('does not judge a row whose amount the importer could not read', () => {
    const a = auditOne([['expense', '201', 'total', '10.00'], ['expense', '201', 'basic', '3.00']], { warnLines: [1] });
    expect(found(a, 'row_total')).toEqual([]);
  });

  it('is 未执行 with the reason when 支出总表 is missing, never passed', () => {
    const a = auditOne([['summary', 'income.grand_total', 'amount', '1.00']], { tables: ['summary'] });
    expect(status(a, 'row_total')).toBe('not_run');
    const notRun = a.findings.filter((f) => f.check === 'row_total' && f.severity === 'not_run');
    expect(notRun.map((f) => f.table)).toEqual(['expense', 'general_expense']);
    expect(notRun[0].message).toContain('没有此表');
  });
});

describe('income_row (check 6): 合计 = 本年收入小计 + 上年结转; 小计 = the sources', () => {
  it('finds both relations broken (seed 004 rows 208 and 20826)', () => {
    const a = auditOne([
      ['income', '208', 'total', '2116.18'], ['income', '208', 'current_subtotal', '432.66'], ['income', '208', 'fiscal', '1851.82'], ['income', '208', 'carryover', '264.36'],
      ['income', '20826', 'total', '1272.26'], ['income', '20826', 'current_subtotal', '1272.26'], ['income', '20826', 'fiscal', '1272.26'], ['income', '20826', 'carryover', '15.00'],
    ]);
    expect(found(a, 'income_row')).toEqual(['error income/208/total', 'error income/20826/total', 'error income/208/current_subtotal']);
  });

  it('reads a table without 本年收入小计 (Shanghai) as 合计 = sources + 上年结转', () => {
    const ok = auditOne([['income', 'total', 'total', '10.00'], ['income', 'total', 'fiscal', '9.00'], ['income', 'total', 'other', '1.00']]);
    expect(found(ok, 'income_row')).toEqual([]);
    const bad = auditOne([['income', 'total', 'total', '10.00'], ['income', 'total', 'fiscal', '8.00'], ['income', 'total', 'other', '1.00']]);
    expect(found(bad, 'income_row')).toEqual(['error income/total/total']);
  });
});

describe('basic_expense (check 5)', () => {
  it('checks 合计 = 人员经费 + 公用经费 with rounding, and the total against the 一般公共预算 table', () => {
    const a = auditOne([
      ['general_expense', 'total', 'total', '100.00'], ['general_expense', 'total', 'basic', '50.00'], ['general_expense', 'total', 'project', '50.00'],
      ['basic_expense', 'total', 'total', '51.00'], ['basic_expense', 'total', 'personnel', '40.00'], ['basic_expense', 'total', 'public', '11.00'],
      ['basic_expense', '30103', 'total', '14.97'], ['basic_expense', '30103', 'personnel', '14.96'],
    ]);
    expect(found(a, 'basic_expense')).toEqual(['rounding basic_expense/30103/total', 'error basic_expense/total/total']);
  });

  it('accepts a 决算 基本支出表 that prints 人员经费合计 and 公用经费合计 without an overall 合计', () => {
    const a = auditOne([['basic_expense', 'total', 'personnel', '2.00'], ['basic_expense', 'total', 'public', '1.00'], ['basic_expense', '301', 'total', '2.00'], ['basic_expense', '302', 'total', '1.00']], { tables: ['basic_expense'] });
    expect(found(a, 'basic_expense')).toEqual([]);
    expect(found(a, 'hierarchy')).toEqual([]);
  });
});
