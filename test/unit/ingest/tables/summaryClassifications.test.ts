import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument, StoredDocument } from '../../../../src/lib/model/document';

/**
 * 西安's 部门综合预算收支总表 (2019–2026, real disclosures outside the corpus): the expense side by 支出功能分类 |
 * 部门预算支出经济分类 | 政府预算支出经济分类, side by side, and the 部门预算 list under each purpose (「1、人员经费和
 * 公用经费支出」, then 「2、专项业务经费支出」, each class again). Names shared between the lists were keyed the
 * first list's way in every column (the 政府预算 column's 「9、对个人和家庭的补助」 100,151.38 as 303, 「重复出现且
 * 金额不同」 beside the 部门预算's 138.06); each class under 专项业务经费 was 「重复出现」 and dropped, and the
 * one kept (under 人员经费和公用经费) stood as the class's whole; the purposes were 「不是已知的收支项目」.
 */
const ROWS: string[][] = [
  ['项目', '预算数', '支出功能分类', '预算数', '部门预算支出经济分类', '预算数', '政府预算支出经济分类', '预算数'],
  ['一、一般公共预算拨款收入', '1,000.00', '1、一般公共服务', '100.00', '1、人员经费和公用经费支出', '300.00', '1、机关工资福利支出', '250.00'],
  ['2、上级补助收入', '0', '2、社会保障和就业', '900.00', '(1)工资福利支出', '250.00', '2、机关商品和服务支出', '150.00'],
  ['', '', '3、其他支出', '0', '(2)商品和服务支出', '50.00', '3、对个人和家庭的补助', '600.00'],
  ['', '', '', '', '2、专项业务经费支出', '700.00', '4、其他支出', '0'],
  ['', '', '', '', '(1)工资福利支出', '0', '', ''],
  ['', '', '', '', '(2)商品和服务支出', '100.00', '', ''],
  ['', '', '', '', '(3)对个人和家庭的补助', '600.00', '', ''],
  ['', '', '', '', '(4)其他支出', '0', '', ''],
  ['本年收入合计', '1,000.00', '本年支出合计', '1,000.00', '本年支出合计', '1,000.00', '本年支出合计', '1,000.00'],
  ['收入总计', '1,000.00', '支出总计', '1,000.00', '支出总计', '1,000.00', '支出总计', '1,000.00'],
];
const read = (rows: readonly string[][]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', '2020年部门综合预算收支总表', '单位：万元', ...rows.map((c) => c.join('\t')), ''].join('\n'), 'summary.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const expense = (d: ParsedDocument) => d.figures.filter((f) => f.table === 'summary' && f.rowCode.startsWith('expense.')).map((f) => `${f.rowCode.slice(8)}:${f.column}=${(f.amount / 1e6).toFixed(2)}`);
const audit = (d: ParsedDocument) => auditDocuments([{ ...d, id: 1, docId: 'd1' } as unknown as StoredDocument])[0].findings.filter((f) => f.table === 'summary' && f.severity === 'error');

describe('a 收支总表 by three classifications side by side, the 部门预算 list under each purpose', () => {
  it('keys each column\'s names in its own list, each purpose\'s classes in its column', () => {
    const d = read(ROWS);
    expect(expense(d).sort()).toEqual([
      '201:amount=100.00', '208:amount=900.00', '229:amount=0.00',
      'basic:amount=300.00', '301:basic=250.00', '302:basic=50.00',
      'project:amount=700.00', '301:project=0.00', '302:project=100.00', '303:project=600.00', '399:project=0.00',
      '501:amount=250.00', '502:amount=150.00', '509:amount=600.00', '599:amount=0.00',
      'current_total:amount=1000.00', 'grand_total:amount=1000.00',
    ].sort());
    expect(d.warnings.map((w) => w.message).filter((m) => /重复出现|不是已知/.test(m))).toEqual([]);
    expect(audit(d)).toEqual([]);
  });

  it('finds a purpose whose classes do not add up to it', () => {
    const d = read(ROWS.map((r) => (r[4] === '(2)商品和服务支出' && r[5] === '100.00' ? [...r.slice(0, 5), '90.00', ...r.slice(6)] : r)));
    expect(audit(d).map((f) => f.message)).toEqual([expect.stringContaining('项目支出 = 各经济分类的项目支出之和')]);
  });

  it('a side of one 经济分类 list keeps its reading: 其他支出 is its own', () => {
    const d = read([['项目', '预算数', '项目', '预算数'], ['一、一般公共预算拨款收入', '300.00', '一、工资福利支出', '250.00'],
      ['', '', '二、商品和服务支出', '50.00'], ['', '', '三、其他支出', '0'], ['本年收入合计', '300.00', '本年支出合计', '300.00']]);
    expect(expense(d)).toEqual(['301:amount=250.00', '302:amount=50.00', '399:amount=0.00', 'current_total:amount=300.00']);
  });
});
