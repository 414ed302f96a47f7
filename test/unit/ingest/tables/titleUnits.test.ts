import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { titleOf } from '../../../../src/lib/ingest/titles';
import { xlsxOf } from '../office/fixtures';
import { readText, seedText } from './variants';

/**
 * A title that prints the table's money unit after its name (「部门预算收支总表（单位：万元）」), or beside
 * it on the same line (a spreadsheet's title row with 「单位：万元」 in its last column; a PDF's title
 * and unit on one baseline). Neither was a title: the table's rows ran on into the table above it,
 * where they were 「不是已知的收支项目」, and the table itself was 「没有找到」.
 */
const key = (f: { table: string; rowCode: string; column: string; amount: number }) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;
const TITLES = ['# 部门预算收支总表', '## 部门预算收入总表', '## 部门预算支出总表', '## 部门预算财政拨款收支总表', '## 部门预算一般公共预算财政拨款支出表',
  '## 部门预算一般公共预算财政拨款基本支出表', '## 部门预算财政拨款“三公”经费支出表'];

/** The seed's 三公 table with its amounts in 元 and its unit said only by `title(name)`. */
function threePublicInYuan(title: (name: string) => string): string {
  const lines = seedText.split('\n');
  const h = lines.findIndex((l) => l === '## 部门预算财政拨款“三公”经费支出表');
  const end = lines.findIndex((l, i) => i > h && l.startsWith('# '));
  return lines.flatMap((l, i) => {
    if (i === h) return [title(l)];
    if (i <= h || i >= end) return [l];
    if (l.startsWith('单位：')) return [];
    return [/^\d\t/.test(l) ? l.replace(/(\d+)\.(\d\d)/g, (_, a: string, b: string) => `${Number(a) * 10000 + Number(b) * 100}.00`) : l];
  }).join('\n');
}

describe('a table title that prints its money unit', () => {
  for (const [name, style] of [['after its name', (t: string) => `${t}（单位：万元）`], ['beside it, in a cell of its own', (t: string) => `${t}\t\t\t金额单位：万元`]] as const) {
    it(`${name}: the seed so titled reads as the seed`, async () => {
      let text = seedText;
      for (const t of TITLES) text = text.replaceAll(`${t}\n`, `${style(t)}\n`);
      const [plain, titled] = [await readText(seedText), await readText(text)];
      expect(titled.figures.map(key)).toEqual(plain.figures.map(key));
      expect(titled.warnings).toEqual([]);
    });
  }

  it.each([
    ['after its name', (t: string) => `${t}（单位：元）`],
    ['beside it', (t: string) => `${t}\t\t单位：元`],
  ])('in 元 %s: the amounts are read in 元', async (_, style) => {
    const doc = await readText(threePublicInYuan(style));
    const three = new Map(doc.figures.filter((f) => f.table === 'three_public' && f.column === 'total').map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
    expect(three).toEqual(new Map([['total', '5.28'], ['subtotal', '5.28'], ['vehicle', '3.29'], ['vehicle_operation', '3.29'], ['reception', '1.99']]));
  });

  it('reads the title, its kind and its unit', () => {
    expect(titleOf('部门预算收支总表（单位：万元）')).toMatchObject({ table: 'summary', core: '部门预算收支总表', fenPerUnit: 1_000_000 });
    expect(titleOf('财政拨款“三公”经费支出表(金额单位:元)')).toMatchObject({ table: 'three_public', fenPerUnit: 100 });
    expect(titleOf('部门预算收支总表')?.fenPerUnit).toBeUndefined();
  });
});

/**
 * Titles without 总: 「收入支出决算表」 (the 决算's 收支总表 in older templates) was read as the 支出总表,
 * every row 「无法识别科目编码」; 「财政拨款收入支出决算表」 as the Jiangsu 财政拨款支出表.
 */
describe('收支 titles without 总', () => {
  it.each([
    ['收入支出决算表', 'summary'], ['部门收支预算表', 'summary'], ['财政拨款收入支出决算表', 'fiscal_summary'], ['部门财政拨款收支预算表', 'fiscal_summary'],
    ['政府性基金预算财政拨款收入支出决算表', 'fund_expense'], ['国有资本经营预算财政拨款收入支出决算表', 'soe_expense'], ['支出决算表', 'expense'],
  ] as const)('「%s」', (title, table) => {
    expect(titleOf(title)?.table).toBe(table);
  });

  it('the seed as a 决算 so titled reads its two summaries', async () => {
    const final = seedText.replaceAll('部门预算', '部门决算');
    const renamed = final.replace('# 部门决算收支总表\n', '# 收入支出决算表\n').replace('## 部门决算财政拨款收支总表\n', '## 财政拨款收入支出决算表\n');
    const [plain, titled] = [await readText(final), await readText(renamed)];
    const summaries = (d: typeof plain) => d.figures.filter((f) => f.table === 'summary' || f.table === 'fiscal_summary').map(key);
    expect(summaries(titled)).toEqual(summaries(plain));
    expect(summaries(titled).length).toBeGreaterThan(20);
    expect(titled.warnings).toEqual(plain.warnings);
  });
});

describe('「财政拨款收入支出决算表」 over 功能分类 rows', () => {
  it('is a table by 科目 (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余), not the summary', async () => {
    const lines = seedText.replaceAll('部门预算', '部门决算').split('\n');
    const h = lines.findIndex((l) => l === '## 部门决算财政拨款收支总表');
    const s = lines.findIndex((l, i) => i > h && l.startsWith('序号'));
    const e = lines.findIndex((l, i) => i > s && l.startsWith('## 部门决算一般公共预算财政拨款支出表'));
    lines[h] = '## 财政拨款收入支出决算表';
    const rows = ['科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余', '\t\t\t\t小计\t基本支出\t项目支出\t',
      '\t合计\t0.00\t1550.13\t1550.13\t1082.00\t468.13\t0.00', '201\t一般公共服务支出\t\t1237.14\t1237.14\t777.78\t459.36\t', '208\t社会保障和就业支出\t\t168.06\t168.06\t159.29\t8.77\t',
      '210\t卫生健康支出\t\t74.05\t74.05\t74.05\t\t', '221\t住房保障支出\t\t70.88\t70.88\t70.88\t\t'];
    const doc = await readText([...lines.slice(0, s), ...rows, '', ...lines.slice(e)].join('\n'));
    const got = new Map(doc.figures.filter((f) => f.table === 'fiscal_expense').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
    expect(['total/income', 'total/total', 'total/basic', 'total/project', '201/total', '221/basic'].map((k) => got.get(k))).toEqual(['1550.13', '1550.13', '1082.00', '468.13', '1237.14', '70.88']);
    expect(doc.figures.some((f) => f.table === 'fiscal_summary')).toBe(false);
    expect(doc.warnings.filter((w) => w.kind === 'unread_row' || w.kind === 'unread_cell')).toEqual([]);
  });
});

describe('the same as a spreadsheet', () => {
  it('a workbook whose title rows hold 「单位：万元」 in a cell of their own, amounts as number cells, reads as the seed', async () => {
    let text = seedText;
    for (const t of TITLES) text = text.replaceAll(`${t}\n`, `${t}\t\t\t\t单位：万元\n`);
    const r = await importFile(xlsxOf(text, { perTable: false, noise: true }), 'titles.xlsx');
    if (!r.ok) throw new Error(r.error);
    const plain = await readText(seedText);
    expect(r.docs[0].figures.map(key)).toEqual(plain.figures.map(key));
    expect(r.docs[0].warnings).toEqual([]);
  });
});
