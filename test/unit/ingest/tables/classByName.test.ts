import { describe, expect, it } from 'vitest';
import { classCodeByName } from '../../../../src/lib/ingest/tables/labels';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import { basicTable, readText, reprinted } from './variants';

/**
 * An expense table printed by name, without codes (项目 | 合计 | 基本支出 | 项目支出, 「一般公共服务支出」
 * …): every row was 「无法识别科目编码」, the table read as its 合计 alone. The 类 are known by name
 * and are read; a 款 or 项 is not (行政运行 stands under every 款) and stays reported.
 */
describe('a classified table printed by name', () => {
  it('reads its 类 rows and reports its 款 and 项', async () => {
    const doc = await readText(reprinted('## 部门预算一般公共预算财政拨款支出表', [
      '项目\t合计\t基本支出\t项目支出', '合计\t1550.13\t1082.00\t468.13', '一、一般公共服务支出\t1237.14\t777.78\t459.36', '信访事务\t1237.14\t777.78\t459.36', '行政运行\t692.95\t692.95\t',
      '社会保障和就业支出\t168.06\t159.29\t8.77', '卫生健康支出\t74.05\t74.05\t', '住房保障支出\t70.88\t70.88\t',
    ]));
    const totals = doc.figures.filter((f) => f.table === 'general_expense' && f.column === 'total').map((f) => `${f.rowCode}=${(f.amount / 1e6).toFixed(2)}`);
    expect(totals).toEqual(['total=1550.13', '201=1237.14', '208=168.06', '210=74.05', '221=70.88']);
    expect(doc.warnings.filter((w) => w.message.includes('无法识别科目编码')).map((w) => w.message)).toEqual([
      '「部门预算一般公共预算财政拨款支出表」有一行无法识别科目编码：「信访事务 1237.14 777.78 459.36」',
      '「部门预算一般公共预算财政拨款支出表」有一行无法识别科目编码：「行政运行 692.95 692.95」',
    ]);
    // 合计 = the 类: judged and found to hold.
    expect(auditDocuments([doc])[0].findings.filter((f) => f.table === 'general_expense' && f.severity === 'error')).toEqual([]);
  });
});

/**
 * The total row of a classified table labelled otherwise than 合计 or 总计 (支出合计, 本年支出合计,
 * 合计数, 支出总计): it was 「无法识别科目编码」, and the table 「没有读到合计行」.
 */
describe('a classified table\'s total row in other words', () => {
  it.each(['支出合计', '本年支出合计', '合计数', '支出总计'])('「%s」', async (label) => {
    const doc = await readText(reprinted('## 部门预算一般公共预算财政拨款支出表', [
      '科目编码\t科目名称\t合计\t基本支出\t项目支出', `\t${label}\t1550.13\t1082.00\t468.13`, '201\t一般公共服务支出\t1237.14\t777.78\t459.36',
      '208\t社会保障和就业支出\t168.06\t159.29\t8.77', '210\t卫生健康支出\t74.05\t74.05\t', '221\t住房保障支出\t70.88\t70.88\t',
    ]));
    expect(doc.figures.filter((f) => f.table === 'general_expense' && f.rowCode === 'total').map((f) => `${f.column}=${(f.amount / 1e6).toFixed(2)}`))
      .toEqual(['total=1550.13', 'basic=1082.00', 'project=468.13']);
    expect(doc.warnings.filter((w) => w.message.includes('一般公共预算'))).toEqual([]);
  });
});

describe('a 基本支出表 whose total row reads 基本支出合计', () => {
  it('reads it as the table\'s 合计', async () => {
    const doc = await readText(basicTable(['科目编码\t科目名称\t合计\t人员经费\t公用经费', '\t基本支出合计\t1082.00\t959.08\t122.92',
      '301\t工资福利支出\t891.80\t891.80\t', '302\t商品和服务支出\t120.87\t\t120.87', '303\t对个人和家庭的补助\t67.28\t67.28\t', '310\t资本性支出\t2.05\t\t2.05']));
    expect(doc.figures.filter((f) => f.table === 'basic_expense' && f.rowCode === 'total').map((f) => `${f.column}=${(f.amount / 1e6).toFixed(2)}`))
      .toEqual(['total=1082.00', 'personnel=959.08', 'public=122.92']);
    expect(doc.warnings.filter((w) => w.message.includes('基本支出'))).toEqual([]);
  });
});

describe('a 经济分类 类 by name', () => {
  it('a name in both lists is the 部门预算支出经济分类\'s; one in the 政府 list only is its own', () => {
    expect(['对个人和家庭的补助', '其他支出', '对企业补助', '债务利息及费用支出', '机关工资福利支出', '工资福利支出'].map((n) => classCodeByName(n, true)))
      .toEqual(['303', '399', '312', '307', '501', '301']);
  });
});
