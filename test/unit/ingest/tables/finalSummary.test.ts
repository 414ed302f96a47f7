import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText, summaryTable } from './variants';

/**
 * The national 决算's 收入支出决算总表: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余,
 * 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余. The two middle rows were 「不是已知的收支项目」,
 * and the balance check then called a correct table wrong on both sides (收入总计 ≠ 本年 + 结转).
 * They are read (income.surplus_used, expense.surplus_distribution: ours) and the identities take them.
 */
const final = (grand = '1580.13'): Promise<StoredDocument> => readText(summaryTable([
  '收入\t\t\t支出\t\t',
  '项目\t行次\t金额\t项目\t行次\t金额',
  '一、一般公共预算财政拨款收入\t1\t1500.13\t一、一般公共服务支出\t32\t1237.14',
  '二、政府性基金预算财政拨款收入\t2\t\t八、社会保障和就业支出\t39\t168.06',
  '五、事业收入\t5\t50.00\t十、卫生健康支出\t41\t74.05',
  '\t\t\t二十、住房保障支出\t51\t70.88',
  '本年收入合计\t12\t1550.13\t本年支出合计\t62\t1550.13',
  '使用非财政拨款结余\t13\t10.00\t结余分配\t63\t5.00',
  '年初结转和结余\t14\t20.00\t年末结转和结余\t64\t25.00',
  `总计\t15\t${grand}\t总计\t65\t1580.13`,
]).replaceAll('部门预算', '部门决算'));

const balance = (d: StoredDocument) => auditDocuments([d])[0].findings.filter((f) => f.check === 'balance' && f.severity === 'error');

describe('收入支出决算总表 with 使用非财政拨款结余 and 结余分配', () => {
  it('reads both rows and finds a correct table correct', async () => {
    const doc = await final();
    const summary = new Map(doc.figures.filter((f) => f.table === 'summary').map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
    expect([summary.get('income.surplus_used'), summary.get('expense.surplus_distribution')]).toEqual(['10.00', '5.00']);
    expect(doc.warnings.filter((w) => w.message.includes('收支总表'))).toEqual([]);
    expect(balance(doc)).toEqual([]);
  });

  it('still finds a 收入总计 that is not their sum, and says what it adds', async () => {
    const wrong = balance(await final('1581.13'));
    expect(wrong.map((f) => f.rowCode)).toContain('income.grand_total');
    expect(wrong.find((f) => f.rowCode === 'income.grand_total')!.message).toContain('收入总计 = 本年收入合计 + 使用非财政拨款结余 + 上年结转结余');
  });
});

/**
 * A 决算 summary printing 年初预算数 | 决算数 on each side. The first amount of each row was taken
 * for the figure: every row's 年初预算数 read as the 决算, and its 决算数 reported as a repeat or a
 * stray column. The 决算数 is the figure; the budget is kept as `initial_budget` (ours).
 */
describe('收入支出决算总表 with 年初预算数 | 决算数 on each side', () => {
  it('reads the 决算数 as the figure and the budget beside it', async () => {
    const doc = await readText(summaryTable([
      '收入\t\t\t支出\t\t', '项目\t年初预算数\t决算数\t项目\t年初预算数\t决算数',
      '一、一般公共预算财政拨款收入\t1500.00\t1550.13\t一、一般公共服务支出\t1200.00\t1237.14',
      '\t\t\t二、社会保障和就业支出\t160.00\t168.06', '\t\t\t三、卫生健康支出\t70.00\t74.05', '\t\t\t四、住房保障支出\t70.00\t70.88',
      '本年收入合计\t1500.00\t1550.13\t本年支出合计\t1500.00\t1550.13', '年初结转和结余\t\t\t年末结转和结余\t\t',
      '总计\t1500.00\t1550.13\t总计\t1500.00\t1550.13',
    ]).replaceAll('部门预算', '部门决算'));
    const summary = new Map(doc.figures.filter((f) => f.table === 'summary').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
    expect(['income.general', 'expense.201', 'expense.current_total', 'income.grand_total'].map((r) => [summary.get(`${r}/amount`), summary.get(`${r}/initial_budget`)]))
      .toEqual([['1550.13', '1500.00'], ['1237.14', '1200.00'], ['1550.13', '1500.00'], ['1550.13', '1500.00']]);
    expect(doc.warnings.filter((w) => w.message.includes('收支总表'))).toEqual([]);
    expect(auditDocuments([doc])[0].findings.filter((f) => f.check === 'balance' && f.severity === 'error')).toEqual([]);
  });
});
