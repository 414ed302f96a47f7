import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 深圳's 「基本支出总表」 (three real 2026 disclosures outside the corpus; amounts made up): 基本支出 by
 * 经济分类 name and by fund, 总计 | 财政拨款 (小计 | 一般公共预算拨款 | 政府性基金预算拨款) | 财政专户管理资金 |
 * 事业收入 | 其他收入. Its title was read as a second 支出总表, so every row (names of 经济分类) said
 * 「无法识别科目编码」. A 基本支出表 is the 一般公共预算's (FORMAT.md): its 一般公共预算 column is read as
 * the table's 合计, the 总计 of every fund said once, the other fund columns said in one warning; a name a
 * narrow column cut short (「机关事业单位基本养老保险缴」) is the one 款 under its 类 it begins.
 */
const read = (lines: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', '2026年部门预算', ...lines, ''].join('\n'), 'fund.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const basic = (d: ParsedDocument) =>
  Object.fromEntries(d.figures.filter((f) => f.table === 'basic_expense').map((f) => [`${f.rowCode}|${f.column}`, (f.amount / 1e6).toFixed(2)]));

describe('a 基本支出表 by fund', () => {
  it('reads its 一般公共预算 column as the 基本支出 and says the rest once', () => {
    const doc = read(['表 4', '基本支出总表', '部门名称：某某局\t单位：万元', '\t\t财政拨款',
      '支出项目类别\t总计\t小计\t一般公共预算拨款\t政府性基金预算拨款\t财政专户管理资金\t事业收入\t其他收入',
      '工资福利支出\t130.00\t120.00\t120.00\t0.00\t0.00\t10.00\t0.00', '基本工资\t70.00\t60.00\t60.00\t0.00\t0.00\t10.00\t0.00',
      '机关事业单位基本养老保险缴\t60.00\t60.00\t60.00\t0.00\t0.00\t0.00\t0.00',
      '商品和服务支出\t20.00\t20.00\t20.00\t0.00\t0.00\t0.00\t0.00', '办公费\t20.00\t20.00\t20.00\t0.00\t0.00\t0.00\t0.00']);
    expect(basic(doc)).toEqual({ '301|total': '120.00', '30101|total': '60.00', '30108|total': '60.00', '302|total': '20.00', '30201|total': '20.00' });
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('基本支出总表'))).toEqual([
      '「表 4 基本支出总表」按资金来源分列：基本支出按一般公共预算读取「一般公共预算拨款」一列，各项资金合起来的「总计」一列未导入',
      '「表 4 基本支出总表」的 5 列（「财政拨款小计」「政府性基金预算拨款」「财政专户管理资金」「事业收入」「其他收入」）不是可识别的列名，这些列的数未导入',
    ]);
  });

  it('leaves a 一般公共预算基本支出表 whose group word names the fund over 人员经费 as it reads it', () => {
    const doc = read(['表06 2026年市级部门一般公共预算基本支出表', '单位：万元', '\t\t\t本年一般公共预算基本支出', '科目编码\t科目名称\t合计\t人员经费\t公用经费',
      '\t合计\t80.00\t60.00\t20.00', '301\t工资福利支出\t60.00\t60.00\t', '302\t商品和服务支出\t20.00\t\t20.00']);
    expect(basic(doc)).toMatchObject({ 'total|total': '80.00', '301|total': '60.00', '302|total': '20.00' });
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('资金来源'))).toEqual([]);
  });
});
