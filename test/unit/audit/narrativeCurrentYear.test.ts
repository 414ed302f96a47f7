import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { readText, reprinted, summaryTable } from '../ingest/tables/variants';

/**
 * The real seed 003, its 收支总表 re-printed with a 上年结转 of 50.00: its narrative's 「收入预算1550.13
 * 万元」 is then this year's income (本年收入合计), not 收入总计 1,600.13. That was an error
 * 「说明中的收入总计 ≠ 收支总表收入总计」; it is a 提示 naming both figures. A stated total that is
 * neither stays an error.
 */
describe('a narrative total that is this year\'s, without the carryover', () => {
  const doc = (expenseCurrent: string) => readText(summaryTable([
    '收入\t\t支出\t', '项目\t预算数\t项目\t预算数',
    '一、一般公共预算拨款收入\t1550.13\t一、一般公共服务支出\t1237.14', '\t\t二、社会保障和就业支出\t168.06', '\t\t三、卫生健康支出\t74.05', '\t\t四、住房保障支出\t70.88',
    `本年收入合计\t1550.13\t本年支出合计\t${expenseCurrent}`, `上年结转结余\t50.00\t年终结转结余\t${expenseCurrent === '1550.13' ? '50.00' : ''}`, '收入总计\t1600.13\t支出总计\t1600.13',
  ]));
  const narrative = async (expenseCurrent: string) => auditDocuments([await doc(expenseCurrent)])[0].findings.filter((f) => f.check === 'narrative').map((f) => [f.severity, f.rowCode, f.message] as const);

  it('is a 提示 that names both figures, on each side', async () => {
    expect(await narrative('1550.13')).toEqual([
      ['warning', 'income_total', expect.stringContaining('说明中的收入总计 1550.13 等于收支总表本年收入合计，而收入总计为 1600.13（含上年结转结余等 50.00）')],
      ['warning', 'expense_total', expect.stringContaining('说明中的支出总计 1550.13 等于收支总表本年支出合计，而支出总计为 1600.13（含年终结转结余等 50.00）')],
    ]);
  });

  it('a total that is neither is still an error', async () => {
    expect(await narrative('1600.13')).toEqual([
      ['warning', 'income_total', expect.any(String)],
      ['error', 'expense_total', expect.stringContaining('说明中的支出总计 1550.13，收支总表支出总计 1600.13（相差 -50.00）')],
    ]);
  });
});

/**
 * The seed's 支出总表 re-printed with 100.00 of 基本支出 from other funds (基本支出 1,182.00): its
 * narrative's 「基本支出1082.00万元」 is the 一般公共预算's (the 一般公共预算财政拨款支出表's), a 提示.
 */
describe('a narrative 基本支出 that is the 一般公共预算\'s, not all funds\'', () => {
  it('is a 提示 that names both figures', async () => {
    const d = await readText(reprinted('## 部门预算支出总表', ['科目编码\t科目名称\t合计\t基本支出\t项目支出', '\t合计\t1650.13\t1182.00\t468.13', '201\t一般公共服务支出\t1650.13\t1182.00\t468.13']));
    const findings = auditDocuments([d])[0].findings.filter((f) => f.check === 'narrative' && f.rowCode === 'basic');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['warning', expect.stringContaining('说明中的基本支出 1082.00 等于一般公共预算财政拨款支出表的基本支出，而支出总表（全部资金）为 1182.00')]]);
  });
});
