import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { basicTable, readText } from '../ingest/tables/variants';

/**
 * A 基本支出表 printed by the 政府预算支出经济分类 (501 机关工资福利支出 …, since 2018) instead of the
 * 部门预算支出经济分类 (301 …). The names check knew only 301–399 and called every row's 类 「不在全国
 * 经济分类科目中，可能是编码印错」: ten false warnings on a correct table. A 类 in neither list still is.
 */
const rows = (wrong = '509') => ['序号\t政府预算支出经济分类科目\t\t合计\t人员经费\t公用经费', '\t科目编码\t科目名称\t\t\t', '1\t\t合计\t1082.00\t959.08\t122.92',
  '2\t501\t机关工资福利支出\t891.80\t891.80\t', '3\t50101\t工资奖金津补贴\t645.08\t645.08\t', '4\t50102\t社会保障缴费\t169.96\t169.96\t', '5\t50103\t住房公积金\t70.88\t70.88\t', '6\t50199\t其他工资福利支出\t5.88\t5.88\t',
  '7\t502\t机关商品和服务支出\t122.92\t\t122.92', '8\t50201\t办公经费\t100.00\t\t100.00', '9\t50299\t其他商品和服务支出\t22.92\t\t22.92',
  `10\t${wrong}\t对个人和家庭的补助\t67.28\t67.28\t`, `11\t${wrong}05\t离退休费\t67.28\t67.28\t`];

describe('a 基本支出表 by the 政府预算支出经济分类', () => {
  it('is read and judged without a word on its codes', async () => {
    const doc = await readText(basicTable(rows()));
    const basic = doc.figures.filter((f) => f.table === 'basic_expense');
    expect(basic.filter((f) => f.column === 'total').map((f) => f.rowCode)).toEqual(['total', '501', '50101', '50102', '50103', '50199', '502', '50201', '50299', '509', '50905']);
    expect(auditDocuments([doc])[0].findings.filter((f) => f.table === 'basic_expense')).toEqual([]);
  });

  it('a 类 in neither list is still named', async () => {
    const doc = await readText(basicTable(rows('519')));
    const named = auditDocuments([doc])[0].findings.filter((f) => f.table === 'basic_expense' && f.check === 'names_codes');
    expect(named.map((f) => f.rowCode)).toEqual(['519', '51905']);
  });
});
