import { describe, expect, it } from 'vitest';
import { auditOne, found, type F } from './fixtures';

const row = (code: string, total: string, project?: string): F[] =>
  [['expense', code, 'total', total], ...(project ? [['expense', code, 'project', project] as F] : [])];

describe('hierarchy (check 4): 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项', () => {
  it('passes a consistent tree', () => {
    const a = auditOne([...row('total', '30.00', '30.00'), ...row('208', '30.00', '30.00'), ...row('20801', '30.00', '30.00'), ...row('2080104', '10.00', '10.00'), ...row('2080105', '20.00', '20.00')]);
    expect(found(a, 'hierarchy')).toEqual([]);
  });

  it('reports a 款 whose 项 do not add up, column by column, and a 尾差 within 0.01 per addend', () => {
    const a = auditOne([
      ...row('208', '30.00', '30.00'), ...row('20801', '30.00', '30.00'), ...row('2080104', '10.00', '10.00'), ...row('2080105', '21.00', '21.00'),
      ...row('210', '3.00', '3.00'), ...row('21011', '3.00', '3.00'), ...row('2101101', '1.00', '1.00'), ...row('2101102', '2.01', '2.01'),
    ]);
    expect(found(a, 'hierarchy')).toEqual([
      'error expense/20801/total', 'error expense/20801/project', 'rounding expense/21011/total', 'rounding expense/21011/project',
    ]);
  });

  it('reports a child printed under a parent whose code it does not extend, and sums by print order (seed 004)', () => {
    const a = auditOne([
      ...row('208', '69.50', '69.50'), ...row('20801', '59.50', '59.50'), ...row('2080105', '59.50', '59.50'),
      ...row('20808', '10.00', '10.00'), ...row('2080101', '10.00', '10.00'),
    ]);
    expect(found(a, 'hierarchy')).toEqual(['error expense/2080101/total']);
    expect(a.findings.find((f) => f.check === 'hierarchy')!.message).toMatch(/20801.*59\.50.*69\.50/);
  });

  it('reports a doubtful sum over a row that is itself broken as a warning, not a second error', () => {
    const a = auditOne([...row('210', '1358.00', '1358.00'), ...row('21012', '1358.00', '1358.00'), ...row('2101202', '1358.00'), ['expense', '2101203', 'basic', '0.00']]);
    expect(found(a, 'hierarchy')).toEqual(['warning expense/21012/project']);
    expect(found(a, 'row_total')).toEqual(['error expense/2101202/total']);
  });

  it('adds up a blank 合计 from its parts instead of breaking every total above it (seed 001)', () => {
    const a = auditOne([
      ['general_expense', 'total', 'total', '181.17'], ['general_expense', 'total', 'basic', '81.17'], ['general_expense', 'total', 'project', '100.00'],
      ['general_expense', '201', 'basic', '75.11'], ['general_expense', '201', 'project', '100.00'],
      ['general_expense', '221', 'total', '6.06'], ['general_expense', '221', 'basic', '6.06'],
    ]);
    expect(found(a, 'hierarchy')).toEqual([]);
    expect(found(a, 'row_total')).toEqual(['error general_expense/201/total']);
  });

  it('checks the 经济分类 of the 基本支出表 too (seed 001 301: 77.86 vs 77.87 is a 尾差)', () => {
    const a = auditOne([
      ['basic_expense', '301', 'total', '77.86'], ['basic_expense', '30101', 'total', '40.00'], ['basic_expense', '30102', 'total', '37.87'],
    ]);
    expect(found(a, 'hierarchy')).toEqual(['rounding basic_expense/301/total']);
  });
});
