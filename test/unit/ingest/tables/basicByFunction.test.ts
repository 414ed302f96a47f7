import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText } from './variants';

/**
 * A 一般公共预算基本支出表 printed by 功能分类 (科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费 over rows
 * 201, 2010101 …), as some provinces print it beside their 一般公共预算支出表. kind.ts reads it as the
 * function table, rightly; but its 合计 went in as that table's 合计, where the 支出表 had put 基本 +
 * 项目: 「「合计」重复出现且金额不同（150.00 与 100.00）」 on every row, the second kept out. Its 合计 is the
 * rows' 基本支出.
 */
const text = (basicTitle = '2025年一般公共预算基本支出表', heads = '合计\t人员经费\t公用经费') => [
  '2025年一般公共预算支出表', '单位：万元', '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  '\t合计\t150.00\t100.00\t50.00', '201\t一般公共服务支出\t150.00\t100.00\t50.00', '2010101\t行政运行\t150.00\t100.00\t50.00', '',
  basicTitle, '单位：万元', `科目编码\t科目名称\t${heads}`,
  '\t合计\t100.00\t80.00\t20.00', '201\t一般公共服务支出\t100.00\t80.00\t20.00', '2010101\t行政运行\t100.00\t80.00\t20.00', '',
].join('\n');
const general = (d: StoredDocument, row: string) => Object.fromEntries(d.figures.filter((f) => f.table === 'general_expense' && f.rowCode === row).map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));

describe('a 基本支出表 by 功能分类', () => {
  it('gives its rows\' 基本支出 and their 人员经费 and 公用经费, beside the 支出表\'s 合计', async () => {
    const doc = await readText(text());
    expect(general(doc, '201')).toEqual({ total: '150.00', basic: '100.00', project: '50.00', personnel: '80.00', public: '20.00' });
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('重复出现'))).toEqual([]);
    expect(auditDocuments([doc])[0].findings.filter((f) => f.table === 'general_expense' && f.severity === 'error')).toEqual([]);
  });

  it('a 基本支出 that does not match the 支出表\'s is said', async () => {
    const doc = await readText(text().replace('201\t一般公共服务支出\t100.00\t80.00', '201\t一般公共服务支出\t90.00\t80.00'));
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('重复出现'))).toEqual([
      '「2025年一般公共预算基本支出表」「一般公共服务支出」重复出现且金额不同（100.00 与 90.00），保留先印的 100.00',
    ]);
  });
});
