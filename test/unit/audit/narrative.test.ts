import { describe, expect, it } from 'vitest';
import { auditOne, found, short, status, type F } from './fixtures';

const fact = (key: string, v: string): F => ['facts', key, 'amount', v];

describe('three_public (check 7)', () => {
  it('checks 小计 = 出国 + 公务用车 + 接待 and 公务用车 = 购置 + 运行维护 in the table', () => {
    const ok = auditOne([
      ['three_public', 'total', 'total', '5.28'], ['three_public', 'subtotal', 'total', '5.28'], ['three_public', 'vehicle', 'total', '3.29'],
      ['three_public', 'vehicle_operation', 'total', '3.29'], ['three_public', 'reception', 'total', '1.99'],
    ]);
    expect(found(ok, 'three_public')).toEqual([]);
    const bad = auditOne([
      ['three_public', 'subtotal', 'total', '6.28'], ['three_public', 'vehicle', 'total', '3.29'],
      ['three_public', 'vehicle_purchase', 'total', '1.00'], ['three_public', 'vehicle_operation', 'total', '3.29'], ['three_public', 'reception', 'total', '1.99'],
    ]);
    expect(found(bad, 'three_public')).toEqual(['error three_public/vehicle/total', 'error three_public/subtotal/total']);
  });

  it('keeps Shanghai 机关运行经费 out of the 三公 total', () => {
    const a = auditOne([['three_public', 'total', 'total', '867.50'], ['three_public', 'overseas', 'total', '839.00'], ['three_public', 'reception', 'total', '28.50'], ['three_public', 'operating_cost', 'total', '213.28']]);
    expect(found(a, 'three_public')).toEqual([]);
  });

  it('checks the narrative total against the parts it states (seed 002) and reports the table part as 未执行 when there is no table', () => {
    const a = auditOne([fact('three_public_total', '7.70'), fact('three_public_overseas', '0'), fact('three_public_vehicle', '0'), fact('three_public_reception', '2.00')], { tables: [] });
    expect(found(a, 'three_public')).toEqual(['error facts/three_public_total/amount']);
    expect(a.findings.some((f) => f.check === 'three_public' && f.severity === 'not_run' && f.table === 'three_public')).toBe(true);
  });

  it('takes a table published empty as zero against the narrative', () => {
    expect(found(auditOne([fact('three_public_total', '0')]), 'three_public')).toEqual([]);
    expect(found(auditOne([fact('three_public_total', '1.00')]), 'three_public')).toEqual(['error facts/three_public_total/amount']);
  });
});

describe('narrative (check 8)', () => {
  const tables: F[] = [
    ['summary', 'income.grand_total', 'amount', '73.771445'], ['summary', 'expense.grand_total', 'amount', '73.771445'],
    ['assets', 'total', 'total', '680.28'],
  ];

  it('accepts a stated figure that is the table figure to 0.01 万元, and reports a different one', () => {
    const a = auditOne([...tables, fact('income_total', '73.77'), fact('expense_total', '73.78'), fact('assets_total', '165.16')]);
    expect(found(a, 'narrative')).toEqual(['rounding facts/expense_total/amount', 'error facts/assets_total/amount']);
  });

  it('checks 比上年增减 against its stated parts (seed 004: −74.65 vs 61.30 − 130.16)', () => {
    const a = auditOne([fact('change_vs_prior', '-74.65'), fact('basic_change', '61.30'), fact('project_change', '-130.16')]);
    expect(found(a, 'narrative')).toEqual(['error facts/change_vs_prior/amount']);
    const ok = auditOne([fact('change_vs_prior', '340.26'), fact('basic_change', '85.57'), fact('project_change', '254.69')]);
    expect(found(ok, 'narrative')).toEqual([]);
  });

  it('compares 机关运行经费 only where a table prints it (Shanghai 三公 table)', () => {
    expect(found(auditOne([fact('operating_cost', '18.15')]), 'narrative')).toEqual([]);
    const a = auditOne([fact('operating_cost', '213.28'), ['three_public', 'operating_cost', 'total', '213.30'], ['three_public', 'total', 'total', '0']]);
    expect(found(a, 'narrative')).toEqual(['error facts/operating_cost/amount']);
  });

  it('sums procurement lines where the table prints no 合计 (seed 004)', () => {
    const items: F[] = [['procurement', 'item.1', 'total', '20.00'], ['procurement', 'item.2', 'total', '15.00']];
    expect(found(auditOne([...items, fact('procurement_total', '35.00')]), 'narrative')).toEqual([]);
    expect(found(auditOne([...items, fact('procurement_total', '36.00')]), 'narrative')).toEqual(['error facts/procurement_total/amount']);
  });

  it('is 未执行 when the narrative states totals but the tables are missing', () => {
    const a = auditOne([fact('income_total', '10.00')], { tables: [] });
    expect(status(a, 'narrative')).toBe('not_run');
  });
});

describe('narrative (check 8): 人员经费 and 公用经费 where the 基本支出表 prints them on no column', () => {
  // Jiangsu's layout: the 基本支出表 by 经济分类, one amount column; the narrative states the two.
  const table: F[] = [
    ['basic_expense', 'total', 'total', '9964.07'], ['basic_expense', '301', 'total', '3920.22'],
    ['basic_expense', '302', 'total', '2144.60'], ['basic_expense', '303', 'total', '3899.25'],
  ];
  const narrativeOf = (a: ReturnType<typeof auditOne>) => a.findings.filter((f) => f.check === 'narrative' && f.table === 'facts');
  const comparisons = (a: ReturnType<typeof auditOne>) => a.checks.find((c) => c.check === 'narrative')!.comparisons;

  it('compares each with the 类 rows it is made of, and finds nothing when they agree', () => {
    const a = auditOne([...table, fact('personnel', '7819.47'), fact('public', '2144.60')]);
    expect(narrativeOf(a)).toEqual([]);
    expect(comparisons(a)).toBe(2);
    // Stated as whole 万元, compared at that precision.
    expect(narrativeOf(auditOne([...table, fact('personnel', '7819')]))).toEqual([]);
  });

  it('says a difference as a 提示 naming the 口径, never an error', () => {
    const a = auditOne([...table, fact('personnel', '7919.47'), fact('public', '2144.60')]);
    const f = narrativeOf(a);
    expect(f.map(short)).toEqual(['warning facts/personnel/amount']);
    expect(f[0].message).toContain('301 工资福利支出 + 303 对个人和家庭的补助 = 7819.47');
    expect(f[0].message).toContain('若另有口径，说明中应写明');
  });

  it('does not judge rows the importer could not read, nor a table with neither the column nor the rows', () => {
    const warned = auditOne([...table, fact('personnel', '7919.47')], { warnLines: [2] });
    expect(narrativeOf(warned).filter((f) => f.severity !== 'not_run')).toEqual([]);
    expect(warned.checks.find((c) => c.check === 'narrative')!.notRun.join('')).toContain('人员经费');
    const a = auditOne([['basic_expense', 'total', 'total', '9964.07'], fact('personnel', '7919.47')]);
    expect(narrativeOf(a)).toEqual([]);
    expect(comparisons(a)).toBe(0);
  });

  it('reads the column first where the table prints it', () => {
    const a = auditOne([['basic_expense', 'total', 'personnel', '7919.47'], ['basic_expense', '301', 'total', '3920.22'], fact('personnel', '7919.47')]);
    expect(narrativeOf(a)).toEqual([]);
  });
});
