import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText } from './variants';

/**
 * A table by 经济分类 printed with names and no codes (a county's 机关运行经费表 or 基本支出表: 「商品和
 * 服务支出」「办公费」「印刷费」…). The 类 were read by name; every 款 was 「有一行无法识别科目编码」, its
 * amount lost. Now a 款 is read by its national name (model/classification.ts), under the 类 printed
 * above it where a name belongs to two (医疗费: 30114 under 301, 30307 under 303); a name that is no
 * national 款 is reported as before.
 */
const page = (title: string, rows: readonly string[]) => [title, '部门：某某县财政局', '单位：万元', ...rows, ''].join('\n');
const figures = (d: StoredDocument, table: string) => d.figures.filter((f) => f.table === table).map((f) => `${f.rowCode}=${(f.amount / 1e6).toFixed(2)}`);
const unread = (d: StoredDocument) => d.warnings.map((w) => w.message).filter((m) => m.includes('无法识别科目编码'));
const errors = (d: StoredDocument) => auditDocuments([d])[0].findings.filter((f) => f.severity === 'error').map((f) => f.message);

describe('a 经济分类 table of names without codes', () => {
  const operating = (printing = '18.00') => page('2025年机关运行经费预算表', ['项目\t预算数', '合计\t30.00', '商品和服务支出\t28.00', '办公费\t10.00', `印刷费\t${printing}`, '资本性支出\t2.00', '办公设备购置\t2.00']);

  it('reads each 款 by its national name, and the audit adds them up', async () => {
    const doc = await readText(operating());
    expect(figures(doc, 'operating_cost')).toEqual(['total=30.00', '302=28.00', '30201=10.00', '30202=18.00', '310=2.00', '31002=2.00']);
    expect(unread(doc)).toEqual([]);
    expect(errors(doc)).toEqual([]);
    expect(errors(await readText(operating('17.00')))).toEqual([expect.stringContaining('商品和服务支出')]);
  });

  it('a name two 类 share is read under the 类 above it; a name that is no 款 is said', async () => {
    const doc = await readText(page('2025年一般公共预算基本支出表', ['科目名称\t合计\t人员经费\t公用经费', '合计\t15.00\t15.00\t',
      '工资福利支出\t10.00\t10.00\t', '医疗费\t10.00\t10.00\t', '对个人和家庭的补助\t5.00\t5.00\t', '医疗费\t3.00\t3.00\t', '水电补贴\t2.00\t2.00\t']));
    expect(figures(doc, 'basic_expense').filter((f) => !f.startsWith('total'))).toEqual(expect.arrayContaining(['30114=10.00', '30307=3.00']));
    expect(unread(doc)).toEqual(['「2025年一般公共预算基本支出表」有一行无法识别科目编码：「水电补贴 2.00 2.00」']);
  });
});
