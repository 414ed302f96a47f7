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
