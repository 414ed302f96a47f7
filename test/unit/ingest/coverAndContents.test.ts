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
