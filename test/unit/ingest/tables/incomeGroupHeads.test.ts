import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 西安 应急's 2019 部门综合预算收入总表 (a real disclosure outside the corpus; amounts as printed): 总计, then
 * 部门预算 over 合计 | 一般公共预算拨款小计 | 其中：专项资金… | … | 上年结转 | 上年实户资金余额 | 其他收入. Read as
 * two heads run together, 「一般公共预算拨款小计」 and the second total 「合计」 left no head placed; in
 * template order its 上年结转 11.61 was 「多出一列无法对应表头的数」.
 */
const HEADS = ['单位编码', '单位名称', '总计', '合计', '一般公共预算拨款小计', '其中：专项资金列入部门预算项目', '政府性基金拨款', '上级补助收入', '事业收入', '事业单位经营收入', '对附属单位上缴收入', '用事业基金弥补收支差额', '上年结转', '上年实户资金余额', '其他收入'];
const read = (heads: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', '2019年部门综合预算收入总表', '单位：万元', heads.join('\t'),
    ['', '合计', '3,695.91', '3,695.91', '3,643.37', '', '', '', '', '', '', '', '11.61', '40.93', ''].join('\t'), ''].join('\n'), 'income.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const income = (d: ParsedDocument) => Object.fromEntries(d.figures.filter((f) => f.table === 'income').map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));

describe('a 收入总表 with 总计 and a group\'s 合计, a source\'s 小计 as its head', () => {
  it('places every head it knows: 上年结转 is read, the unknown one said', () => {
    const d = read(HEADS);
    expect(income(d)).toEqual({ total: '3695.91', current_subtotal: '3695.91', general: '3643.37', carryover: '11.61' });
    expect(d.warnings.map((w) => w.message).filter((m) => m.includes('无法对应表头'))).toEqual([]);
    expect(d.warnings.map((w) => w.message).filter((m) => m.includes('上年实户资金余额'))).toHaveLength(1);
  });
});

/**
 * 西安 人社's 2020 收入总表 and 支出总表 (by source; a real disclosure outside the corpus): 「一般公共预算拨款」
 * centred over 小计 | 「其中：专项资金列入部门预算项目」 on rows of their own. Over the 小计 (收入总表), the 小计
 * was read as the table's (本年收入 181,716.56, against the 收支总表's 182,066.56: a false error); over
 * the 其中 (支出总表), the part's 50,830.00 was read as all the 一般公共预算.
 */
describe('a source\'s 小计 and its 其中 under the source\'s word', () => {
  const table = (title: string, wordAt: number) => {
    const words = ['', '', '合计', '', '', '政府性基金拨款', '其他收入', '上年结转'];
    words[wordAt] = '一般公共预算拨款';
    const r = readDisclosureText(['部门名称：某某局', title, '单位：万元', words.join('\t'), ['', '', '', '', '其中：专项', '', '', ''].join('\t'),
      ['', '', '', '小计', '资金列入部', '', '', ''].join('\t'), ['', '', '', '', '门预算项目', '', '', ''].join('\t'),
      ['', '合计', '182,157.13', '181,716.56', '50,830.00', '0', '350.00', '90.57'].join('\t'), ''].join('\n'), 'sources.txt');
    if (!r.ok) throw new Error(r.error);
    return r.docs[0];
  };
  it.each([['income', '2020年部门综合预算收入总表', 3], ['income', '2020年部门综合预算收入总表', 4], ['expense', '2020年部门综合预算支出总表', 4]] as const)('%s 「%s」, the word over column %i', (key, title, at) => {
    const d = table(title, at);
    const got = Object.fromEntries(d.figures.filter((f) => f.table === key).map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));
    expect(got.general).toBe('181716.56');
    expect(got.current_subtotal).toBeUndefined();
    expect(d.warnings.map((w) => w.message).filter((m) => m.includes('其中：专项'))).toHaveLength(1);
  });
});
