import { describe, expect, it } from 'vitest';
import { titleOf } from '../../../../src/lib/ingest/titles';
import { readText, seedText } from './variants';

/**
 * The national template names its tables 「部门收支总体情况表」「部门收入总体情况表」「部门支出总体情况表」
 * 「财政拨款收支总体情况表」: none was known, so a disclosure titled so lost its four summary tables
 * (kept raw, 「不是可识别的公开表」). Two titles were known wrongly: a 「项目支出预算表」 (a list of
 * projects) was taken for the 支出总表 and a bare 「基本支出预算表」 too.
 */
const RENAMED: [string, string][] = [
  ['部门预算收支总表', '部门收支总体情况表'], ['部门预算收入总表', '部门收入总体情况表'], ['部门预算支出总表', '部门支出总体情况表'],
  ['部门预算财政拨款收支总表', '财政拨款收支总体情况表'], ['部门预算一般公共预算财政拨款支出表', '一般公共预算支出情况表'],
  ['部门预算一般公共预算财政拨款基本支出表', '一般公共预算基本支出情况表'], ['部门预算政府性基金预算财政拨款支出表', '政府性基金预算支出情况表'],
  ['部门预算国有资本经营预算财政拨款支出表', '国有资本经营预算支出情况表'], ['部门预算财政拨款“三公”经费支出表', '一般公共预算“三公”经费支出情况表'],
];

describe('the national template\'s 「…情况表」 titles', () => {
  it('the seed titled so reads as the seed', async () => {
    let text = seedText;
    for (const [from, to] of RENAMED) text = text.replaceAll(`# ${from}\n`, `# ${to}\n`).replaceAll(`${from} .....`, `${to} .....`);
    expect(text).not.toContain('# 部门预算收支总表');
    const key = (f: { table: string; rowCode: string; column: string; amount: number }) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;
    const [plain, renamed] = [await readText(seedText), await readText(text)];
    expect(renamed.figures.map(key)).toEqual(plain.figures.map(key));
    expect(renamed.warnings).toEqual([]);
  });

  it.each([
    ['部门收支总体情况表', 'summary'], ['单位收入总体情况表', 'income'], ['部门支出总体情况表', 'expense'], ['财政拨款收支总体情况表', 'fiscal_summary'],
    ['基本支出预算表', 'basic_expense'], ['部门预算基本支出表', 'basic_expense'], ['部门基本支出预算明细表', null], ['项目支出预算表', null], ['部门项目支出预算表', null], ['支出预算总表', 'expense'],
  ] as const)('「%s」', (title, table) => {
    expect(titleOf(title)?.table).toBe(table);
  });
});

/**
 * Titles of tables no national template has, in other provinces' words. A 「一般公共预算项目支出预算表」
 * (Sichuan's 表3-2: projects, or their 功能分类 rows with project money only) was read as the
 * 一般公共预算支出表; a title with a note in brackets after it (「（项目支出）」「（部门经济分类科目）」)
 * was no title at all; an unknown 「政府购买服务预算表」 neither, its rows reported as a table 「情况说明中」.
 */
describe('project tables, notes after a title, and tables of no known kind', () => {
  it.each([
    ['表3-2 一般公共预算项目支出预算表', null], ['政府性基金预算项目支出表', null], ['财政拨款项目支出预算表', null],
    ['一般公共预算支出预算表（项目支出）', null], ['一般公共预算基本支出预算表（部门经济分类科目）', 'basic_expense'],
    ['表3-1 一般公共预算支出预算表', 'general_expense'], ['一般公共预算“三公”经费支出预算表', 'three_public'], ['政府购买服务预算表', null],
  ] as const)('「%s」', (title, table) => {
    const t = titleOf(title);
    expect(t, title).not.toBeNull();
    expect(t!.table).toBe(table);
  });

  it.each(['第二部分省委办公厅 2017 年度部门预算表', '2019年度部门预算表', '部门预算表'])('「%s」 names the document, not a table', (title) => {
    expect(titleOf(title)).toBeNull();
  });

  const inserted = (title: string, rows: readonly string[]) =>
    seedText.replace('## 部门预算一般公共预算财政拨款基本支出表', [`## ${title}`, '', '单位：万元', '', ...rows, '', '## 部门预算一般公共预算财政拨款基本支出表'].join('\n'));
  const key = (f: { table: string; rowCode: string; column: string; amount: number }) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;

  it('a 一般公共预算项目支出预算表 after the 一般公共预算支出表 is kept raw: none of its rows is read into it', async () => {
    const doc = await readText(inserted('一般公共预算项目支出预算表', ['科目编码\t科目名称\t项目名称\t金额', '\t合计\t\t468.13', '2014004\t信访业务\t信访事项复查复核\t440.16', '2014099\t其他信访事务支出\t网上信访系统运维\t19.20', '2080507\t对机关事业单位基本养老保险基金的补助\t养老保险补助\t8.77']));
    const plain = await readText(seedText);
    expect(doc.figures.map(key)).toEqual(plain.figures.map(key));
    expect(doc.rawTables?.map((r) => r.title)).toEqual(['一般公共预算项目支出预算表']);
    expect(doc.warnings.map((w) => w.message)).toEqual(['「一般公共预算项目支出预算表」不是可识别的公开表，未导入其数字；表中内容已原样保留']);
  });

  it('a 政府购买服务预算表 is a table of its own, kept raw and named', async () => {
    const doc = await readText(inserted('政府购买服务预算表', ['序号\t科目编码\t科目名称\t项目名称\t金额', '1\t\t合计\t\t20.00', '2\t2014004\t信访业务\t信访事项复查复核\t20.00']));
    expect(doc.rawTables?.map((r) => r.title)).toEqual(['政府购买服务预算表']);
    expect(doc.warnings.map((w) => w.message)).toEqual(['「政府购买服务预算表」不是可识别的公开表，未导入其数字；表中内容已原样保留']);
  });
});
