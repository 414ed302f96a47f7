import { describe, expect, it } from 'vitest';
import { expenseLabel } from '../../../../src/lib/ingest/tables/labels';
import { readText, summaryTable } from './variants';

/**
 * A 收支总表 naming each 功能分类 类 with its code: 「201一般公共服务支出」「201 一般公共服务支出」
 * 「一般公共服务支出（201）」. The first and last were 「不是已知的收支项目」, their amounts left; the
 * second was read, but its 「201」 taken for an amount touching the label and reported as a stray
 * number on the income row beside it.
 */
const labels = [(n: string, c: string) => `${c}${n}`, (n: string, c: string) => `${c} ${n}`, (n: string, c: string) => `${n}（${c}）`];

describe('收支总表 类 labels printed with their code', () => {
  for (const [i, style] of labels.entries()) {
    it(style('一般公共服务支出', '201'), async () => {
      const doc = await readText(summaryTable([
        '收入\t\t支出\t',
        '项目\t预算数\t项目\t预算数',
        `一、一般公共预算拨款收入\t1550.13\t${style('一般公共服务支出', '201')}\t1237.14`,
        `二、政府性基金预算拨款收入\t\t${style('社会保障和就业支出', '208')}\t168.06`,
        `三、国有资本经营预算拨款收入\t\t${style('卫生健康支出', '210')}\t74.05`,
        `四、财政专户管理资金收入\t\t${style('住房保障支出', '221')}\t70.88`,
        '本年收入合计\t1550.13\t本年支出合计\t1550.13',
        '上年结转结余\t\t年终结转结余\t',
        '收入总计\t1550.13\t支出总计\t1550.13',
      ]));
      const expense = new Map(doc.figures.filter((f) => f.table === 'summary' && /^expense\.2/.test(f.rowCode)).map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
      expect(expense, `style ${i}`).toEqual(new Map([['expense.201', '1237.14'], ['expense.208', '168.06'], ['expense.210', '74.05'], ['expense.221', '70.88']]));
      expect(doc.warnings.filter((w) => w.message.includes('收支总表')).map((w) => w.message)).toEqual([]);
    });
  }

  it('a code beside another class\'s name is no label', () => {
    expect(expenseLabel('201 一般公共服务支出')).toBe('expense.201');
    expect(expenseLabel('204一般公共服务支出')).toBeNull();
    expect(expenseLabel('一般公共服务支出（204）')).toBeNull();
  });
});
