import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { resolveRelative } from '../../../../src/lib/ingest/tables/codeResolver';
import { readText, relativeCodes } from './variants';

/**
 * A code column printed as a reader indents it: the 类 whole, each 款 and 项 by its own two digits
 * under the rows above (「201 一般公共服务支出」「40 信访事务」「01 行政运行」). Each such row was
 * reported 「无法识别科目编码」 and left out. The level of a two-digit code is read from the hierarchy
 * around it: under a 类 a 款; under a 款 a 项, until its 项 add up to it or a code does not ascend; in
 * an 经济分类 table (two levels) always a 款.
 */
const figures = (d: StoredDocument, table: string) => new Map(d.figures.filter((f) => f.table === table).map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));

describe('codes printed relative to the rows above', () => {
  for (const [table, key, wholeKuan] of [['general', 'general_expense', false], ['general', 'general_expense', true], ['basic', 'basic_expense', false]] as const) {
    it(`${key}${wholeKuan ? ', 款 whole' : ''}`, async () => {
      const v = relativeCodes(table, wholeKuan);
      const doc = await readText(v.text);
      expect(figures(doc, key)).toEqual(v.expected);
      expect(doc.warnings.filter((w) => w.message.includes('无法识别科目编码'))).toEqual([]);
      const findings = auditDocuments([doc])[0].findings.filter((f) => f.table === key && f.severity === 'error');
      expect(findings).toEqual([]);
    });
  }
});

describe('resolveRelative: the level of a two-digit code', () => {
  const place = (printed: readonly [string, number][], depth: 5 | 7 = 7) => {
    const rows = printed.map(([c, amount]) => ({ code: c.length === 3 ? c : '', relative: c.length === 3 ? undefined : c, amount }));
    resolveRelative(rows, depth, (r) => r.amount);
    return rows.map((r) => r.code);
  };

  it('a 款 once the 项 above add up to their 款', () => {
    expect(place([['201', 100], ['01', 60], ['01', 40], ['02', 20], ['03', 40], ['03', 40]])).toEqual(['201', '20101', '2010101', '2010102', '20103', '2010303']);
  });

  it('a 项 while they do not, and a 款 where the code does not ascend', () => {
    // 20101 prints 60 over 项 of 40 + 30 (a slip): 「03」 after 「50」 cannot be a 项 of 20101.
    expect(place([['201', 100], ['01', 60], ['01', 40], ['50', 30], ['03', 40], ['01', 40]])).toEqual(['201', '20101', '2010101', '2010150', '20103', '2010301']);
  });

  it('never a 项 in an 经济分类 table, and nothing with no 类 above', () => {
    expect(place([['01', 5], ['301', 10], ['01', 4], ['02', 6], ['302', 3], ['01', 3]], 5)).toEqual(['', '301', '30101', '30102', '302', '30201']);
  });
});

/**
 * 西安's 一般公共预算基本支出明细表 (2020, a real disclosure outside the corpus): the 类 and each 款 by its two
 * digits in one column, the 项 whole in the next (「205 | | 教育支出」「03 | | 职业教育」「 | 2050303 | 技校教育」).
 * The blank 项 cell beside the 款's digits made two code parts, and each 款 was 「无法识别科目编码」.
 */
describe('a 款 by its two digits in the 类\'s column, the 项 whole in the next', () => {
  it('places the 款 under its 类', async () => {
    const rows = [['', '功能科目编码', '功能科目名称', '合计', '人员经费支出', '公用经费支出'], ['', '', '合计', '8563.95', '7942.58', '621.37'],
      ['205', '', '教育支出', '441.12', '412.91', '28.21'], ['03', '', '职业教育', '441.12', '412.91', '28.21'], ['', '2050303', '技校教育', '441.12', '412.91', '28.21'],
      ['208', '', '社会保障和就业支出', '8122.83', '7530.04', '592.79'], ['01', '', '人力资源和社会保障管理事务', '8122.83', '7530.04', '592.79'],
      ['', '2080101', '行政运行', '8122.83', '7530.04', '592.79']];
    const doc = await readText(['部门名称：某某局', '2020年部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）', '单位：万元', ...rows.map((c) => c.join('\t')), ''].join('\n'));
    const got = figures(doc, 'general_expense');
    expect([...got].filter(([k]) => k.endsWith('/basic')).map(([k, v]) => `${k}=${v}`)).toEqual(['total/basic=8563.95', '205/basic=441.12', '20503/basic=441.12', '2050303/basic=441.12',
      '208/basic=8122.83', '20801/basic=8122.83', '2080101/basic=8122.83']);
    expect(doc.warnings.filter((w) => w.message.includes('无法识别科目编码'))).toEqual([]);
  });
});
