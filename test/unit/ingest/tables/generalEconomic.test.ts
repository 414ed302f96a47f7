import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * The 一般公共预算支出表 by 经济分类 (基本 and 项目 together) that Fujian, 西安 and Shenzhen print beside the
 * 基本支出表, in their layouts (real 2026 disclosures outside the corpus; amounts made up). Before, it was
 * read as the 基本支出表: Fujian's two tables ran together as one (every 款 of the second 「列在 399 之下」),
 * Shenzhen's 基本支出 | 项目支出 went in as 人员经费 | 公用经费, and 西安's 合计 (with its 专项业务经费) was
 * compared with the 基本支出 (a false finding); 西安's 政府经济科目 code was read as an amount.
 */
const read = (lines: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', '2026年部门预算', ...lines].join('\n'), 'economic.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const figures = (d: ParsedDocument, table: string) => Object.fromEntries(d.figures.filter((f) => f.table === table).map((f) => [`${f.rowCode}.${f.column}`, (f.amount / 1e6).toFixed(2)]));
const findings = (d: ParsedDocument) => auditDocuments([{ ...d, id: 1 } as never])[0].findings.filter((f) => f.severity === 'error').map((f) => f.message);
const functionTable = (total: string, basic: string) => ['2026 年度一般公共预算拨款支出预算表', '单位：万元', '科目编码\t科目名称\t合计\t基本支出\t项目支出',
  `\t合计\t${total}\t${basic}\t${(Number(total) - Number(basic)).toFixed(2)}`, `201\t一般公共服务支出\t${total}\t${basic}\t${(Number(total) - Number(basic)).toFixed(2)}`, ''];

describe('Fujian: 一般公共预算支出经济分类情况表 beside the 基本支出经济分类情况表', () => {
  const tables = (generalTotal = '150.00') => [...functionTable('150.00', '100.00'),
    '2026 年度一般公共预算支出经济分类情况表', '单位：万元', '科目编码\t科目名称\t预算数', `\t合计\t${generalTotal}`, '301\t工资福利支出\t90.00', '302\t商品和服务支出\t60.00', '399\t其他支出\t0.00', '',
    '2026 年度一般公共预算基本支出经济分类情况表', '单位：万元', '科目编码\t科目名称\t预算数', '\t合计\t100.00', '301\t工资福利支出\t80.00', '30101\t基本工资\t80.00', '302\t商品和服务支出\t20.00', '30201\t办公费\t20.00', ''];

  it('reads two tables, each adding up', () => {
    const doc = read(tables());
    expect(figures(doc, 'general_economic')).toEqual({ 'total.total': '150.00', '301.total': '90.00', '302.total': '60.00', '399.total': '0.00' });
    expect(figures(doc, 'basic_expense')).toEqual({ 'total.total': '100.00', '301.total': '80.00', '30101.total': '80.00', '302.total': '20.00', '30201.total': '20.00' });
    expect(findings(doc)).toEqual([]);
  });

  it('its 合计 is the 功能分类 table\'s', () => {
    const doc = read(tables('151.00').map((l) => l.replace('301\t工资福利支出\t90.00', '301\t工资福利支出\t91.00')));
    expect(findings(doc).filter((m) => m.includes('一般公共预算支出表（经济分类）合计'))).toHaveLength(1);
  });
});

describe('Shenzhen: 支出总计 | 基本支出 | 项目支出 by 经济分类', () => {
  it('reads its columns as they are headed', () => {
    const doc = read([...functionTable('150.00', '100.00'), '一般公共预算支出表（按经济分类）', '单位：万元', '预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出',
      '\t\t合计\t150.00\t100.00\t50.00', '\t301\t工资福利支出\t90.00\t90.00\t0.00', '\t302\t商品和服务支出\t60.00\t10.00\t50.00', '']);
    expect(figures(doc, 'general_economic')).toMatchObject({ 'total.total': '150.00', 'total.basic': '100.00', 'total.project': '50.00', '302.basic': '10.00', '302.project': '50.00' });
    expect(figures(doc, 'basic_expense')).toEqual({});
    expect(findings(doc)).toEqual([]);
  });
});

describe('西安: 部门 and 政府 经济科目 side by side, 专项业务经费 for 项目支出', () => {
  it('reads the 部门 code, leaves the 政府 one, and the 专项业务经费 is the project column', () => {
    const doc = read([...functionTable('150.00', '100.00'), '表6 部门综合预算一般公共预算支出明细表（按支出经济分类科目）', '单位：万元',
      '部门经济科目编码\t部门经济科目名称\t政府经济科目编码\t政府经济科目名称\t合计\t人员经费支出\t公用经费支出\t专项业务经费支出',
      '\t合计\t\t\t150.00\t80.00\t20.00\t50.00', '301\t工资福利支出\t\t\t80.00\t80.00\t\t',
      '30101\t基本工资\t50101\t工资奖金津补贴\t50.00\t50.00\t\t', '30102\t津贴补贴\t50101\t工资奖金津补贴\t30.00\t30.00\t\t',
      '302\t商品和服务支出\t\t\t70.00\t\t20.00\t50.00', '30201\t办公费\t50201\t办公经费\t70.00\t\t20.00\t50.00', '']);
    expect(figures(doc, 'general_economic')).toMatchObject({ 'total.total': '150.00', 'total.personnel': '80.00', 'total.public': '20.00', 'total.project': '50.00', '30101.total': '50.00', '30201.project': '50.00' });
    expect(doc.warnings.map((w) => w.message).filter((m) => /无法读取|多出一列/.test(m))).toEqual([]);
    expect(findings(doc)).toEqual([]);
  });
});
