import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 杭州's 支出预算总表 and 一般公共预算支出预算表 (two real 2026 disclosures outside the corpus; amounts made
 * up) print their 功能分类 by name alone, 类, 款 and 项 one under another with no code. The 类 are read by
 * their names; a 款 or 项 name gives no code by itself (行政运行 stands under many 款), and each such row
 * said 「无法识别科目编码」 on its own: 26 warnings in one table.
 */
const read = (rows: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', '2026年部门预算', '表3：2026年市级部门支出预算总表', '部门名称：某某局\t单位:万元',
    '功能分类科目名称\t总计\t基本支出\t项目支出', ...rows, ''].join('\n'), 'named.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const messages = (d: ParsedDocument) => d.warnings.map((w) => w.message).filter((m) => m.includes('表3'));

describe('a 功能分类 table by name alone', () => {
  it('reads its 类 by name and says the rows under them once', () => {
    const doc = read(['合计\t130.00\t100.00\t30.00', '公共安全支出\t100.00\t100.00\t', '公安\t100.00\t100.00\t', '行政运行\t100.00\t100.00\t',
      '科学技术支出\t30.00\t\t30.00', '技术研究与开发\t30.00\t\t30.00', '科技成果转化与扩散\t30.00\t\t30.00']);
    expect(doc.figures.filter((f) => f.table === 'expense' && f.column === 'total').map((f) => [f.rowCode, f.amount / 1e6]))
      .toEqual([['total', 130], ['204', 100], ['206', 30]]);
    expect(messages(doc)).toEqual(['「表3：2026年市级部门支出预算总表」的科目只印名称、未印编码：各类按名称读取，其下 4 行（「公安」等）无法确定编码，未作为数字导入']);
  });

  it('still says a stray row on its own where the 类 are printed with codes', () => {
    const doc = read(['合计\t100.00\t100.00\t', '204 公共安全支出\t100.00\t100.00\t', '公安\t100.00\t100.00\t']);
    expect(messages(doc)).toEqual(['「表3：2026年市级部门支出预算总表」有一行无法识别科目编码：「公安 100.00 100.00」']);
  });
});
