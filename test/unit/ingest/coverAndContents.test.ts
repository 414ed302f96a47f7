import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import type { ParsedDocument } from '../../../src/lib/model/document';
import { readTitle } from '../../../src/lib/ingest/titles';

/**
 * Covers, contents and titles as Shaanxi (西安's 「部门综合预算」) and Fujian (福州, 泉州) print them, seen in
 * real 2019–2026 disclosures outside the corpus: before, the unit was named 「部门综合」, 「部门整体」,
 * 「表112022」, 「五、」 or a sentence's tail (「…下属单位，其中：列入」), and a contents table whose rows print
 * 「表1 | 部门综合预算收支总表」 made every table 「empty」, the tables printed after it not counted.
 */
const read = (lines: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(lines.join('\n'), 'cover.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const summary = (title: string) => [title, '单位：元', '项目\t预算数\t项目\t预算数',
  '一般公共预算拨款收入\t100.00\t一般公共服务支出\t100.00', '本年收入合计\t100.00\t本年支出合计\t100.00'];

describe('titles of Shaanxi\'s 部门综合预算', () => {
  it.each([
    ['部门综合预算收支总表', 'summary', null],
    ['表11 2022部门综合预算财政拨款结转资金支出表', 'fiscal_expense', 2022],
    ['2019年部门综合预算一般公共预算支出明细表（按支出功能分类科目）', 'general_expense', 2019],
  ] as const)('「%s」 names the department\'s scope, no unit', (text, table, year) => {
    expect(readTitle(text)).toMatchObject({ table, unit: null, scope: 'department', year });
  });

  it.each(['部门整体支出绩效目标表', '2019年专项资金整体支出绩效目标表'])('「%s」 names no unit', (text) => {
    expect(readTitle(text)?.unit ?? null).toBeNull();
  });
});

describe('a contents table that numbers its titles', () => {
  it('is no table: the tables printed after it are present', () => {
    const doc = read(['报表目录', '报表\t报表名称\t是否空表\t表格为空的理由', '表1\t部门综合预算收支总表', '表2\t部门综合预算收入总表', '',
      '表1', ...summary('部门综合预算收支总表')]);
    expect(doc.tables.map((t) => `${t.table}:${t.status}`)).toEqual(['summary:present']);
  });

  it('a table printed with figures after an empty one of its kind is the table', () => {
    const doc = read([...summary('部门预算收支总表').slice(0, 3), '', '第二部分 说明', '正文一段。', ...summary('2026年收支预算总表')]);
    expect(doc.tables.find((t) => t.table === 'summary')?.status).toBe('present');
  });
});

describe('the unit a cover names', () => {
  const body = ['第一部分 部门概况', '一、部门主要职责', ...summary('部门预算收支总表')];
  it.each([
    [['2026 年度', '泉州市人民政府办公室', '部门预算'], '泉州市人民政府办公室'],
    [['2026 年度', '福州市公安局治安管理', '支队', '单位预算'], '福州市公安局治安管理支队'],
    [['2019年部门综合预算公开报表', '部门名称：西安市安全生产监督管理局'], '西安市安全生产监督管理局'],
    [['西安市气象局 2022 年部门综合预算', '目 录', '第二部分 收支情况', '五、2022 年部门预算收支说明'], '西安市气象局'],
  ])('%j → %s', (cover, unit) => {
    expect(read([...cover, ...body]).meta.unitName).toBe(unit);
  });

  it('a numbered heading or a sentence naming the year\'s budget is none', () => {
    const doc = read(['目 录', '第二部分 收支情况', '五、2022 年部门预算收支说明', '本部门机关行政科室及12个下属单位，其中：列入2026年部门预算编制范围的单位3个。', ...body]);
    expect(doc.meta.unitName).not.toMatch(/五|其中|收支情况/);
  });
});

/**
 * 烟台 and Beijing, 2026: the unit was 「纳入烟台市审计局」 (a sentence 「纳入烟台市审计局2026年部门预算编制范围的
 * 二级预算单位包括：」 read as a heading, the cover 「2026年烟台市审计局部门预算」 setting the year first and its
 * tables' 「部门（单位）：」 not read), 「北京市统计局部门」 and 「预算01表」 or 「2018〕123号）、《」 (a document
 * number's tail in a 绩效目标表) where the tables print no unit at all.
 */
describe('the unit on covers, unit lines and titles of other provinces', () => {
  it('reads a cover that sets the year before the name, and no sentence as a heading', () => {
    const doc = read(['2026年烟台市审计局部门预算', '', '纳入烟台市审计局2026年部门预算编制范围的二级预算单位包括：', '', ...summary('收支总表')]);
    expect(doc.meta.unitName).toBe('烟台市审计局');
    const sentence = read(['一、部门概况', '纳入烟台市审计局2026年部门预算编制范围的二级预算单位包括：', '', ...summary('收支总表')]);
    expect(sentence.meta.unitName).not.toContain('纳入');
  });

  it('reads 「部门（单位）：」 as a unit line', () => {
    const doc = read(['收支总表', '部门（单位）：烟台市统计局\t单位：元', ...summary('').slice(2)]);
    expect(doc.meta.unitName).toBe('烟台市统计局');
  });

  it('takes 「部门」 after a body\'s name for the department\'s scope', () => {
    const cover = ['北京市统计局部门 2026 年度', '部门预算信息公开', '', '目录', '第一部分 2026 年度部门预算情况说明', ''];
    expect(read([...cover, ...summary('收支总表')]).meta.unitName).toBe('北京市统计局');
  });

  it('takes no cover line joined to a title for the unit (「部门预算信息公开收支总表」)', () => {
    expect(readTitle('部门预算信息公开收支总表')?.unit ?? null).toBeNull();
    expect(readTitle('信访局2023年部门预算收支总表')).toMatchObject({ unit: '信访局', year: 2023 });
  });

  it('reads 「预算01表」 as a table\'s number, and no document number as a unit', () => {
    expect(readTitle('预算01表收支总表')).toMatchObject({ table: 'summary', unit: null });
    const doc = read([...summary('预算01表收支总表'), '', '2026年项目支出绩效目标表', '项目名称\t统计宣传', '2018〕123号）、《']);
    expect(doc.meta.unitName).toBe('');
  });
});
