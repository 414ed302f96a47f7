import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText } from './variants';

/**
 * A 一般公共预算基本支出表 printed as a matrix, as some counties print it: 功能分类 rows (201, 2010101) by
 * 经济分类 columns (合计 | 工资福利支出 | 商品和服务支出 | 对个人和家庭的补助, or 款 by name). Each row's 合计
 * is its 基本支出 (basicByFunction.test.ts); the 合计 row under each class is that class's 基本支出, the
 * 经济分类 table's row. Before, every class column said 「多出一列」 on every row, and the table (its
 * 合计 column the 支出表's 基本支出 again) said 「中的数字都未能读取」.
 */
const text = (heads: string, total: string, rows = true) => [
  '2025年一般公共预算支出表', '单位：万元', '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  '\t合计\t150.00\t100.00\t50.00', '201\t一般公共服务支出\t150.00\t100.00\t50.00', '2010101\t行政运行\t150.00\t100.00\t50.00', '',
  '2025年一般公共预算基本支出表', '单位：万元', `科目编码\t科目名称\t合计\t${heads}`,
  `\t合计\t100.00\t${total}`,
  ...(rows ? ['201\t一般公共服务支出\t100.00\t70.00\t20.00\t10.00', '2010101\t行政运行\t100.00\t70.00\t20.00\t10.00'] : []), '',
].join('\n');
const figures = (d: StoredDocument, table: string) => Object.fromEntries(d.figures.filter((f) => f.table === table).map((f) => [`${f.rowCode}.${f.column}`, (f.amount / 1e6).toFixed(2)]));
const messages = (d: StoredDocument) => d.warnings.map((w) => w.message);

describe('a 基本支出表 by 功能分类 rows and 经济分类 columns', () => {
  it('gives the 经济分类 table\'s classes from its 合计 row, and says the other rows\' cells once', async () => {
    const doc = await readText(text('工资福利支出\t商品和服务支出\t对个人和家庭的补助', '70.00\t20.00\t10.00'));
    expect(figures(doc, 'basic_expense')).toEqual({ 'total.total': '100.00', '301.total': '70.00', '302.total': '20.00', '303.total': '10.00' });
    expect(figures(doc, 'general_expense')['201.basic']).toBe('100.00');
    expect(messages(doc).filter((m) => m.includes('基本支出表'))).toEqual([
      '「2025年一般公共预算基本支出表」各功能科目按经济分类分列的 6 个金额未作为数字导入，只导入了各行合计和合计行的各经济分类',
    ]);
    expect(doc.tables.find((t) => t.table === 'basic_expense')?.status).toBe('present');
    const findings = auditDocuments([doc])[0].findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.check === 'completeness').map((f) => f.message).join('')).not.toContain('基本支出表');
  });

  it('reads 款 heads by their national names, and the audit adds the classes up', async () => {
    const doc = await readText(text('基本工资\t津贴补贴\t办公费', '70.00\t20.00\t10.00'));
    expect(figures(doc, 'basic_expense')).toEqual({ 'total.total': '100.00', '30101.total': '70.00', '30102.total': '20.00', '30201.total': '10.00' });
    const off = await readText(text('工资福利支出\t商品和服务支出\t对个人和家庭的补助', '70.00\t20.00\t11.00'));
    const errors = auditDocuments([off])[0].findings.filter((f) => f.severity === 'error' && f.table === 'basic_expense');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('a table whose every figure was read already is read, not 「都未能读取」', async () => {
    // A 基本支出表 by 功能分类 with its 合计 column alone: each figure is the 支出表's 基本支出 again.
    const doc = await readText(text('', '', false).replace('科目名称\t合计\t\n\t合计\t100.00\t\n', '科目名称\t合计\n\t合计\t100.00\n201\t一般公共服务支出\t100.00\n'));
    expect(doc.figures.filter((f) => f.column === 'basic').map((f) => f.rowCode)).toEqual(['total', '201', '2010101']);
    expect(messages(doc).filter((m) => m.includes('未能读取'))).toEqual([]);
    expect(doc.rawTables ?? []).toEqual([]);
  });
});
