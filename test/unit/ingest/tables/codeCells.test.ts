import { describe, expect, it } from 'vitest';
import { readText, seedText } from './variants';

/**
 * How finance systems and Word tables print a code and its name in one cell, and the unit line above
 * a table, re-printed in the real seed 003. `dash` and `after` were 「无法识别科目编码」 on every row;
 * a bracketed unit line ended the table above it (all but 17 of the seed's 272 figures lost), and a
 * dashed one named the unit 「-沧州市信访局本级」.
 */
const key = (f: { table: string; rowCode: string; column: string; amount: number }) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;
const between = (from: string, to: string, f: (s: string) => string) => {
  const [a, b] = [seedText.indexOf(from), seedText.indexOf(to)];
  return seedText.slice(0, a) + f(seedText.slice(a, b)) + seedText.slice(b);
};
const codeCell = (style: (code: string, name: string) => string) => (s: string) =>
  s.replace(/^(\d+)\t(\d{3,7})\t([^\t]+)/gm, (_, seq: string, code: string, name: string) => `${seq}\t${style(code, name)}\t`);

describe('a code and its name in one cell', () => {
  const styles: [string, (code: string, name: string) => string][] = [
    ['dash', (c, n) => `${c}-${n}`], ['after', (c, n) => `${n}[${c}]`], ['after, full-width parentheses', (c, n) => `${n}（${c}）`], ['bracketed before', (c, n) => `[${c}]${n}`],
  ];
  it.each(styles)('%s: the 支出总表 and the 基本支出表 read as the seed', async (_, style) => {
    let text = between('## 部门预算支出总表', '## 部门预算财政拨款收支总表', codeCell(style));
    const [a, b] = [text.indexOf('## 部门预算一般公共预算财政拨款基本支出表'), text.indexOf('## 部门预算政府性基金预算财政拨款支出表')];
    text = text.slice(0, a) + codeCell(style)(text.slice(a, b)) + text.slice(b);
    expect(text).toContain(style('30101', '基本工资'));
    const [plain, printed] = [await readText(seedText), await readText(text)];
    expect(printed.figures.map(key)).toEqual(plain.figures.map(key));
    expect(printed.warnings).toEqual([]);
  });
});

describe('a unit line as finance systems print it', () => {
  it.each([
    ['[543]沧州市信访局', '543', '沧州市信访局'], ['【543001】沧州市信访局本级', '543001', '沧州市信访局本级'], ['543001-沧州市信访局本级', '543001', '沧州市信访局本级'],
  ])('「%s」', async (line, code, name) => {
    const doc = await readText(seedText.replaceAll('543 信访局（市委群工部）', line));
    expect(doc.meta).toMatchObject({ unitCode: code, unitName: name });
    expect(doc.figures).toHaveLength((await readText(seedText)).figures.length);
    expect(doc.warnings).toEqual([]);
  });
});
