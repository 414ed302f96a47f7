import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 西安's 部门综合预算 prints its 功能分类 tables unit by unit under the department's 合计 (「125001 | 西安市
 * 安全生产监督管理局」, its 类, 款 and 项, then the next unit's), and marks the label columns of its 栏次 row
 * 「**」 (a real 2019 disclosure outside the corpus; amounts made up). Before, every 科目 after the first
 * unit's said 「重复出现且金额不同」, the first unit's amount kept as the department's, and the 栏次 row
 * and each unit row said 「无法识别科目编码」.
 */
const read = (lines: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', '2019年部门综合预算', ...lines].join('\n'), 'units.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const table = (total: string) => ['表5 2019年部门综合预算一般公共预算支出明细表（按支出功能分类科目）', '单位：万元',
  '功能科目编码\t功能科目名称\t合计\t人员经费支出\t公用经费支出\t专项业务经费支出', '**\t**\t1\t2\t3\t4',
  `\t合计\t${total}\t90.00\t20.00\t50.00`,
  '125001\t某某局\t100.00\t60.00\t10.00\t30.00', '208\t社会保障和就业支出\t40.00\t40.00\t\t', '05\t行政事业单位离退休\t40.00\t40.00\t\t', '2080505\t机关事业单位基本养老保险缴费支出\t40.00\t40.00\t\t',
  '224\t灾害防治及应急管理支出\t60.00\t20.00\t10.00\t30.00', '01\t应急管理事务\t60.00\t20.00\t10.00\t30.00', '2240101\t行政运行\t60.00\t20.00\t10.00\t30.00',
  '125002\t某某局执法支队\t60.00\t30.00\t10.00\t20.00', '208\t社会保障和就业支出\t20.00\t20.00\t\t', '05\t行政事业单位离退休\t20.00\t20.00\t\t', '2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t\t',
  '224\t灾害防治及应急管理支出\t40.00\t10.00\t10.00\t20.00', '01\t应急管理事务\t40.00\t10.00\t10.00\t20.00', '2240101\t行政运行\t40.00\t10.00\t10.00\t20.00', ''];
const general = (d: ParsedDocument, code: string) => Object.fromEntries(d.figures.filter((f) => f.table === 'general_expense' && f.rowCode === code).map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));
const messages = (d: ParsedDocument) => d.warnings.map((w) => w.message);

describe('a table by 科目, unit by unit', () => {
  it('adds each 科目 up over the units where the 类 then make the 合计', () => {
    const doc = read(table('160.00'));
    expect(general(doc, 'total')).toEqual({ total: '160.00', personnel: '90.00', public: '20.00', project: '50.00' });
    expect(general(doc, '208')).toEqual({ total: '60.00', personnel: '60.00' });
    expect(general(doc, '2240101')).toEqual({ total: '100.00', personnel: '30.00', public: '20.00', project: '50.00' });
    expect(messages(doc).filter((m) => m.includes('表5'))).toEqual([
      '「表5 2019年部门综合预算一般公共预算支出明细表（按支出功能分类科目）」按单位分列（2 个单位，如「125001 某某局」），各单位的同一科目已相加为部门的数',
    ]);
  });

  it('where they do not, reads as printed and says the unit rows', () => {
    const doc = read(table('161.00'));
    expect(general(doc, '208').total).toBe('40.00');
    expect(messages(doc).filter((m) => m.includes('无法识别科目编码'))).toHaveLength(2);
    expect(messages(doc).some((m) => m.includes('重复出现且金额不同'))).toBe(true);
  });
});

/**
 * Beijing's 一般公共预算支出表 (a real 2026 disclosure outside the corpus) prints the same blocks with no
 * unit row: 「2010501 行政运行」 and the other 项 twenty-six times over under one 合计, and a column
 * 「扣除基建项目后预算数」 the reader does not know. Before, 675 warnings said 「重复出现且金额不同」 and the
 * first block's amounts were kept as the department's (5,193.32 where the rows make 19,000.01), and 74
 * more said the unknown column's cell on each row.
 */
describe('a table by 科目 in blocks with no unit named', () => {
  const beijing = (total: string, extra: readonly string[] = []) => ['预算05表一般公共预算支出表', '金额单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出\t扣除基建项目后预算数',
    '2010501\t行政运行\t50.00\t50.00\t\t', '2010505\t专项统计业务\t30.00\t\t30.00\t30.00',
    '2010501\t行政运行\t20.00\t20.00\t\t', '2010505\t专项统计业务\t5.00\t\t5.00\t5.00', ...extra,
    `\t合计\t${total}\t70.00\t35.00\t35.00`, ''];

  it('adds each 科目 up where the rows then make the 合计, and says the unknown column once', () => {
    const doc = read(beijing('105.00'));
    expect(general(doc, '2010501')).toEqual({ total: '70.00', basic: '70.00' });
    expect(general(doc, '2010505')).toEqual({ total: '35.00', project: '35.00' });
    expect(messages(doc).filter((m) => m.includes('预算05表'))).toEqual([
      '「预算05表一般公共预算支出表」的科目分 2 组重复列示（未印各组名称，如各单位），同一科目的 4 行已相加为 2 个科目的数：相加后与合计行相符',
      '「预算05表一般公共预算支出表」的列「扣除基建项目后预算数」不是可识别的列名，该列的数未导入',
    ]);
  });

  it('keeps the first row where the rows as printed make the 合计 (a row printed twice)', () => {
    const doc = read(beijing('105.00', ['2010505\t专项统计业务\t5.00\t\t5.00\t5.00']));
    expect(general(doc, '2010505').total).toBe('30.00');
    expect(messages(doc).some((m) => m.includes('重复出现且金额不同'))).toBe(true);
    expect(messages(doc).some((m) => m.includes('已相加'))).toBe(false);
  });

  it('keeps the first row where the added rows do not make the 合计 either', () => {
    const doc = read(beijing('104.00'));
    expect(general(doc, '2010501').total).toBe('50.00');
    expect(messages(doc).some((m) => m.includes('已相加'))).toBe(false);
  });
});

describe('units\' blocks added up', () => {
  it('puts the 科目 in code order, a 科目 only a later unit has among its own 类', () => {
    const doc = read(['表5 2019年部门综合预算一般公共预算支出明细表（按支出功能分类科目）', '单位：万元',
      '功能科目编码\t功能科目名称\t合计\t人员经费支出\t公用经费支出\t专项业务经费支出', '\t合计\t130.00\t100.00\t\t30.00',
      '125001\t某某局\t100.00\t70.00\t\t30.00', '208\t社会保障和就业支出\t70.00\t70.00\t\t', '05\t行政事业单位离退休\t70.00\t70.00\t\t', '2080505\t机关事业单位基本养老保险缴费支出\t70.00\t70.00\t\t',
      '224\t灾害防治及应急管理支出\t30.00\t\t\t30.00', '01\t应急管理事务\t30.00\t\t\t30.00', '2240101\t行政运行\t30.00\t\t\t30.00',
      '125002\t某某中心\t30.00\t30.00\t\t', '208\t社会保障和就业支出\t10.00\t10.00\t\t', '05\t行政事业单位离退休\t10.00\t10.00\t\t',
      '2080505\t机关事业单位基本养老保险缴费支出\t10.00\t10.00\t\t',
      '210\t卫生健康支出\t20.00\t20.00\t\t', '11\t行政事业单位医疗\t20.00\t20.00\t\t', '2101102\t事业单位医疗\t20.00\t20.00\t\t', '']);
    expect(doc.figures.filter((f) => f.table === 'general_expense' && f.column === 'total').map((f) => f.rowCode))
      .toEqual(['total', '208', '20805', '2080505', '210', '21011', '2101102', '224', '22401', '2240101']);
  });
});
