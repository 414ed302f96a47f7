import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * 长沙's 一般公共预算基本支出情况表 (three real 2025–2026 disclosures outside the corpus; amounts as
 * printed): the page reader's grid puts each head a column left of its amounts (a head centred in a
 * merged cell), and the next page's grid a column further right. Before, no head stood over an amount:
 * 人员类's amounts went in under 公用经费 on one page and the 总计's on the other, silently, and every
 * row said a cell it could not place.
 */
const read = (lines: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', '2026年部门预算', ...lines, ''].join('\n'), 'offset.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const title = ['2026年一般公共预算基本支出情况表', '部门名称：某某局\t单位:万元'];
/** A page's header, its cells `gap` more columns right of the labels. */
const header = (gap: string) => [`\t经济科目编码\t经济科目名称\t${gap}总计\t\t人员类\t\t公用经费\t`, `\t**\t**\t${gap}1\t\t2\t\t3\t`];
/** A row whose amounts stand a column right of their heads. */
const row = (code: string, name: string, gap: string, ...amounts: [string, string, string]) => `${code}\t\t${name}\t${gap}\t${amounts.join('\t\t')}`;
const figures = (d: ParsedDocument, code: string) =>
  Object.fromEntries(d.figures.filter((f) => f.table === 'basic_expense' && f.rowCode === code).map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));

describe('heads a grid column beside their amounts', () => {
  const pages = [
    ...title, ...header(''),
    row('', '合计', '', '1,517.95', '1,394.97', '122.98'),
    row('302', '商品和服务支出', '', '171.78', '48.80', '122.98'),
    row('30201', '办公费', '', '33.00', '', '33.00'),
    ...title, ...header('\t'),
    row('30228', '工会经费', '\t', '17.10', '10.92', '6.18'),
    row('303', '对个人和家庭的补助', '\t', '134.16', '134.16', ''),
  ];

  it('reads each page under its own heads, 人员类 as 人员经费', () => {
    const doc = read(pages);
    expect(figures(doc, 'total')).toEqual({ total: '1517.95', personnel: '1394.97', public: '122.98' });
    expect(figures(doc, '302')).toEqual({ total: '171.78', personnel: '48.80', public: '122.98' });
    expect(figures(doc, '30201')).toEqual({ total: '33.00', public: '33.00' });
    expect(figures(doc, '30228')).toEqual({ total: '17.10', personnel: '10.92', public: '6.18' });
    expect(figures(doc, '303')).toEqual({ total: '134.16', personnel: '134.16' });
    expect(doc.warnings.map((w) => w.message).filter((m) => /多出一列|列名|无法/.test(m))).toEqual([]);
  });

  it('leaves a page alone whose heads stand over their amounts', () => {
    const doc = read([...title, '\t经济科目编码\t经济科目名称\t总计\t人员经费\t公用经费', '\t\t合计\t1,517.95\t1,394.97\t122.98', '302\t\t商品和服务支出\t171.78\t48.80\t122.98']);
    expect(figures(doc, '302')).toEqual({ total: '171.78', personnel: '48.80', public: '122.98' });
  });
});

/**
 * 西安's 基本支出明细表 (a real 2019 disclosure outside the corpus; amounts as printed): its 合计 head
 * stands over the blank column left of its amounts, 人员经费支出 and 公用经费支出 over their own. Before,
 * the 合计 column had no head: in template order 人员经费's amounts went in as 合计's and 公用经费's as
 * 人员经费's, and the rest said 「多出一列」 on every row.
 */
describe('a 合计 head a column left of its amounts', () => {
  it('takes the first amount column where the other heads stand over theirs', () => {
    const doc = read(['表7 2019年部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）', '单位：万元',
      '功能科目编码\t功能科目名称\t合计\t\t\t人员经费支出\t\t公用经费支出\t备注', '**\t**\t1\t\t2\t\t3\t\t**',
      '\t合计\t\t2,022.39\t\t1,839.51\t\t182.88\t', '208\t社会保障和就业支出\t\t115.11\t\t83.06\t\t32.05\t',
      '224\t灾害防治及应急管理支出\t\t1,907.28\t\t1,756.45\t\t150.83\t']);
    const general = (code: string) =>
      Object.fromEntries(doc.figures.filter((f) => f.table === 'general_expense' && f.rowCode === code).map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));
    expect(general('total')).toEqual({ basic: '2022.39', personnel: '1839.51', public: '182.88' });
    expect(general('208')).toEqual({ basic: '115.11', personnel: '83.06', public: '32.05' });
    expect(doc.warnings.map((w) => w.message).filter((m) => /多出一列|列名/.test(m))).toEqual([]);
  });
});

/**
 * 湖州's 一般公共预算基本支出表 (a real 2026 disclosure outside the corpus; amounts as printed): its first
 * pages put each head a column left of its amounts, its last page 「合计 | | 人员经费 | 公用经费」 over
 * amounts one and two columns right of theirs. Before, that page kept the table as printed, and in
 * template order every 人员经费 amount of the table went in under 公用经费, silently.
 */
describe('a last page whose heads stand unevenly beside their amounts', () => {
  it('puts each amount under the nearest head at or left of it', () => {
    const title = ['表06 2026年市级部门一般公共预算基本支出表', '341-某某局\t单位：万元'];
    const doc = read([...title, '\t科目编码\t科目名称\t合计\t\t人员经费\t\t公用经费\t', '\t**\t**\t1\t\t2\t\t3\t',
      '\t\t合计\t\t80.00\t\t60.00\t\t20.00', '301\t\t工资福利支出\t\t60.00\t\t60.00\t\t',
      ...title, '\t科目编码\t\t科目名称\t合计\t\t人员经费\t公用经费\t', '\t**\t\t**\t1\t\t2\t3\t',
      '310\t\t资本性支出\t\t\t20.00\t\t\t\t20.00', '31002\t\t办公设备购置\t\t\t20.00\t\t\t\t20.00']);
    expect(figures(doc, 'total')).toEqual({ total: '80.00', personnel: '60.00', public: '20.00' });
    expect(figures(doc, '301')).toEqual({ total: '60.00', personnel: '60.00' });
    expect(figures(doc, '310')).toEqual({ total: '20.00', public: '20.00' });
    expect(figures(doc, '31002')).toEqual({ total: '20.00', public: '20.00' });
  });
});

/**
 * 湖州's 一般公共预算支出表 (the same real disclosure; amounts as printed): its first page's heads stand
 * over their amounts on a grid with a blank column between them, 「基本支出」 over 人员经费 above 小计 |
 * 人员经费 | 公用经费; its next page's grid puts 合计 and 小计 a column left of their amounts and 人员经费
 * over its own. Before, the two pages' heads disagreed and the table went in template order: 基本支出's
 * 小计 under 人员经费, 人员经费's amounts under 项目支出, and 公用经费's and 项目支出's said on every row.
 */
describe('a first page whose heads stand over their amounts, the next unevenly beside them', () => {
  const title = ['表05 2026年市级部门一般公共预算支出表', '341-某某局\t单位：万元'];
  const pages = [
    ...title,
    '\t\t\t\t\t\t\t基本支出\t\t\t\t', '科目编码\t科目名称\t\t合 计\t\t\t\t\t\t\t\t项目支出', '\t\t\t\t\t小计\t\t人员经费\t\t公用经费\t\t',
    '**\t**\t1\t\t2\t\t3\t\t4\t\t5\t',
    '\t合计\t\t80.00\t\t50.00\t\t40.00\t\t10.00\t\t30.00',
    '201\t一般公共服务支出\t\t60.00\t\t30.00\t\t20.00\t\t10.00\t\t30.00',
    '2010601\t行政运行\t\t30.00\t\t30.00\t\t20.00\t\t10.00\t\t',
    '2010699\t其他一般公共服务支出\t\t30.00\t\t\t\t\t\t\t\t30.00',
    ...title,
    '\t\t\t\t\t\t\t\t基本支出\t\t', '科目编码\t\t科目名称\t合 计\t\t\t\t\t\t\t项目支出', '\t\t\t\t\t小计\t\t\t人员经费\t公用经费\t',
    '**\t\t**\t1\t\t2\t\t3\t\t4\t5',
    '221\t住房保障支出\t\t\t20.00\t\t20.00\t\t20.00\t\t',
    '2210201\t住房公积金\t\t\t20.00\t\t20.00\t\t20.00\t\t',
  ];
  const general = (doc: ParsedDocument, code: string) =>
    Object.fromEntries(doc.figures.filter((f) => f.table === 'general_expense' && f.rowCode === code).map((f) => [f.column, (f.amount / 1e6).toFixed(2)]));

  it('reads both pages under the first page\'s heads, the 小计 under 基本支出 as 基本支出', () => {
    const doc = read(pages);
    expect(general(doc, 'total')).toEqual({ total: '80.00', basic: '50.00', personnel: '40.00', public: '10.00', project: '30.00' });
    expect(general(doc, '2010601')).toEqual({ total: '30.00', basic: '30.00', personnel: '20.00', public: '10.00' });
    expect(general(doc, '2010699')).toEqual({ total: '30.00', project: '30.00' });
    expect(general(doc, '221')).toEqual({ total: '20.00', basic: '20.00', personnel: '20.00' });
    expect(general(doc, '2210201')).toEqual({ total: '20.00', basic: '20.00', personnel: '20.00' });
    expect(doc.warnings.map((w) => w.message).filter((m) => /多出一列|列名|无法/.test(m))).toEqual([]);
  });

  it('leaves a table alone whose every page prints its heads over its amounts', () => {
    const doc = read(pages.slice(0, 10));
    expect(general(doc, 'total')).toEqual({ total: '80.00', basic: '50.00', personnel: '40.00', public: '10.00', project: '30.00' });
    expect(general(doc, '2010699')).toEqual({ total: '30.00', project: '30.00' });
  });
});
