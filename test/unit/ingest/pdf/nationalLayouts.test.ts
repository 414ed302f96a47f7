import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, type FileImport } from '../../../../src/lib/ingest/file';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { basicPanels, basicSplit, basicTable, generalByYear, generalGrouped, generalReordered, incomeBySource, readText, relativeCodes, reprinted, seedText, summaryByPurpose, summaryTable, threePublicAcross, threePublicDown } from '../tables/variants';
import { printPdfs, seedHtml } from './print';

/**
 * The layouts of the national template the text tests hold the importer to (tables/variants.ts),
 * printed to PDF by Chromium and read back with pdf.js: where a header word stands over its column,
 * as in a PDF, each cell must land under the same head as in the text.
 */
const cases = {
  basicWithSubtotal: basicSplit(true),
  basicWithoutSubtotal: basicSplit(false),
  incomeWithSubtotal: incomeBySource(true),
  incomeWithoutSubtotal: incomeBySource(false),
};
const partRows = basicTable(['序号\t科目编码\t科目名称\t金额', '1\t\t合计\t1082.00', '2\t\t人员经费\t959.08', '3\t301\t工资福利支出\t891.80', '4\t303\t对个人和家庭的补助\t67.28', '5\t\t公用经费\t122.92', '6\t302\t商品和服务支出\t120.87', '7\t310\t资本性支出\t2.05']);
const threePublic = threePublicAcross(['2023年预算数\t6.00\t0.00\t4.00\t0.00\t4.00\t2.00', '2024年预算数\t5.28\t0.00\t3.29\t0.00\t3.29\t1.99']);
const threePublicByYear = threePublicDown(['项目\t2023年预算数\t2024年预算数\t增减额', '合计\t6.00\t5.28\t-0.72', '因公出国（境）费\t0.00\t0.00\t0.00', '公务用车购置及运行维护费\t4.00\t3.29\t-0.71', '其中：公务用车购置费\t0.00\t0.00\t', '公务用车运行维护费\t4.00\t3.29\t-0.71', '公务接待费\t2.00\t1.99\t-0.01']);
const byYear = generalByYear(['prior=2023年预算数', 'own=2024年预算数', 'change=增减额', 'pct=增减%']);
const expenseByUnit = reprinted('## 部门预算支出总表', ['单位编码\t单位名称\t合计\t基本支出\t项目支出', '\t合计\t1550.13\t1082.00\t468.13', '543001\t信访局（市委群工部）本级\t1400.13\t950.00\t450.13', '543002\t信访服务中心\t150.00\t132.00\t18.00']);
const panels = basicPanels(3);
const totalLast = generalReordered(['basic', 'project', 'total']);
const relative = relativeCodes('general');
const grouped = { priorFirst: generalGrouped('priorFirst'), bothGroups: generalGrouped('bothGroups') };
// A title with its money unit on the same line: 「单位：万元」 after the name, or in a cell of its own.
const titleBeside = seedText.replace('## 部门预算一般公共预算财政拨款支出表\n', '## 部门预算一般公共预算财政拨款支出表\t\t\t单位：万元\n')
  .replace('## 部门预算一般公共预算财政拨款基本支出表\n', '## 部门预算一般公共预算财政拨款基本支出表（单位：万元）\n');
// This stop's 收支总表 layouts (tables/summaryLabels, tables/finalSummary) and codes and unit lines as
// finance systems print them (tables/codeCells): the PDF must read what the text reads.
const summaryLayouts = {
  carryParts: summaryTable(['收入\t\t支出\t', '项目\t预算数\t项目\t预算数', '一、一般公共预算拨款收入\t1540.13\t一、一般公共服务支出\t1237.14', '\t\t二、社会保障和就业支出\t168.06',
    '\t\t三、卫生健康支出\t74.05', '\t\t四、住房保障支出\t70.88', '本年收入合计\t1540.13\t本年支出合计\t1550.13', '上年财政拨款结转\t5.00\t年终结转结余\t', '上年非财政拨款结转\t5.00\t\t', '收入总计\t1550.13\t支出总计\t1550.13']),
  finalPhases: summaryTable(['收入\t\t\t支出\t\t', '项目\t年初预算数\t决算数\t项目\t年初预算数\t决算数', '一、一般公共预算财政拨款收入\t1500.00\t1550.13\t一、一般公共服务支出\t1200.00\t1237.14',
    '\t\t\t二、社会保障和就业支出\t160.00\t168.06', '\t\t\t三、卫生健康支出\t70.00\t74.05', '\t\t\t四、住房保障支出\t70.00\t70.88', '本年收入合计\t1500.00\t1550.13\t本年支出合计\t1500.00\t1550.13',
    '年初结转和结余\t\t\t年末结转和结余\t\t', '总计\t1500.00\t1550.13\t总计\t1500.00\t1550.13']).replaceAll('部门预算', '部门决算'),
  economic: summaryTable(['收入\t\t支出\t', '项目\t预算数\t项目\t预算数', '一、一般公共预算拨款收入\t1550.13\t一、工资福利支出\t891.80', '二、政府性基金预算拨款收入\t\t二、商品和服务支出\t589.00',
    '\t\t三、对个人和家庭的补助\t67.28', '\t\t四、资本性支出\t1.05', '\t\t五、其他支出\t1.00', '本年收入合计\t1550.13\t本年支出合计\t1550.13', '上年结转结余\t\t年终结转结余\t', '收入总计\t1550.13\t支出总计\t1550.13']),
};
const [expH, expE] = [seedText.indexOf('## 部门预算支出总表'), seedText.indexOf('## 部门预算财政拨款收支总表')];
// The 支出总表 with one 科目 column, 「2014001-行政运行」 in it, as a finance system exports it.
const oneColumn = (l: string) => (l.startsWith('序号\t功能分类科目\t\t') ? l.replace('功能分类科目\t\t', '功能分类科目\t')
  : l.startsWith('\t科目编码\t科目名称\t') ? l.replace('\t科目编码\t科目名称\t', '\t编码-名称\t') : l.startsWith('栏次\t1\t2\t') ? l.replace('栏次\t1\t2\t', '栏次\t1\t')
  : l.replace(/^(\d+)\t(\d{3,7})\t([^\t]+)\t/, '$1\t$2-$3\t').replace(/^(\d+)\t\t合计\t/, '$1\t合计\t'));
const systemCodes = (seedText.slice(0, expH) + seedText.slice(expH, expE).split('\n').map(oneColumn).join('\n') + seedText.slice(expE))
  .replaceAll('543 信访局（市委群工部）', '[543]信访局（市委群工部）');
const results = new Map<string, FileImport>();

beforeAll(async () => {
  const texts = [...Object.values(cases).map((c) => c.text), partRows, threePublic, summaryByPurpose(), threePublicByYear, byYear.text, expenseByUnit, panels.text, totalLast.text, relative.text, grouped.priorFirst.text, grouped.bothGroups.text, titleBeside, ...Object.values(summaryLayouts), systemCodes];
  const pdfs = await printPdfs(texts.map(seedHtml));
  const names = [...Object.keys(cases), 'partRows', 'threePublic', 'summaryByPurpose', 'threePublicByYear', 'generalByYear', 'expenseByUnit', 'basicPanels', 'totalLast', 'relative', 'priorFirst', 'bothGroups', 'titleBeside', ...Object.keys(summaryLayouts), 'systemCodes'];
  for (const [i, name] of names.entries()) results.set(name, await importFile(pdfs[i], `${name}.pdf`, { openPdf: openPdfNode }));
  // A limit for a hang only: twenty documents printed and read on a busy 2-core machine.
}, 240_000);

function figures(name: string, table: string): Map<string, string> {
  const r = results.get(name)!;
  if (!r.ok) throw new Error(`${r.error}（Chromium 打印中文需要字体：apt-get install fonts-noto-cjk）`);
  expect(r.kind).toBe('pdf');
  return new Map(r.docs[0].figures.filter((f) => f.table === table).map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
}

describe('the national layouts printed to PDF', () => {
  it('一般公共预算支出表 with 基本支出 over 人员经费 | 公用经费, with and without a 小计', () => {
    for (const name of ['basicWithSubtotal', 'basicWithoutSubtotal'] as const) {
      const got = figures(name, 'general_expense');
      for (const [key, amount] of cases[name].expected) expect(got.get(key), `${name} ${key}`).toBe(amount);
      expect(got.has('total/basic'), name).toBe(name === 'basicWithSubtotal');
    }
  });

  it('收入预算表 by source, with and without a 单位资金 小计', () => {
    for (const name of ['incomeWithSubtotal', 'incomeWithoutSubtotal'] as const) {
      const got = figures(name, 'income');
      expect(got, name).toEqual(cases[name].expected);
    }
  });

  it('基本支出表 with 人员经费 and 公用经费 as rows, and the 三公 across a row per year', () => {
    const basic = figures('partRows', 'basic_expense');
    expect([basic.get('total/personnel'), basic.get('total/public'), basic.get('total/total')]).toEqual(['959.08', '122.92', '1082.00']);
    // The 2023 row is last year's (prior_year), beside this year's.
    expect(new Map([...figures('threePublic', 'three_public')].filter(([k]) => k.endsWith('/total')))).toEqual(new Map([
      ['total/total', '5.28'], ['overseas/total', '0.00'], ['vehicle/total', '3.29'], ['vehicle_purchase/total', '0.00'], ['vehicle_operation/total', '3.29'], ['reception/total', '1.99'],
    ]));
  });

  it('the 三公 down with a column per year: this year\'s column is the figure, last year\'s beside it', () => {
    expect(new Map([...figures('threePublicByYear', 'three_public')].filter(([k]) => k.endsWith('/total')))).toEqual(new Map([
      ['total/total', '5.28'], ['overseas/total', '0.00'], ['vehicle/total', '3.29'], ['vehicle_purchase/total', '0.00'], ['vehicle_operation/total', '3.29'], ['reception/total', '1.99'],
    ]));
  });

  it('一般公共预算支出表 with a column per year: this year\'s is the figure, nothing else read', () => {
    const got = figures('generalByYear', 'general_expense');
    expect(new Map([...got].filter(([k]) => k.endsWith('/total')))).toEqual(new Map([...byYear.expected].map(([code, v]) => [`${code}/total`, v])));
    expect([...got.keys()].filter((k) => k.endsWith('/prior_year')).length).toBe(byYear.expected.size);
  });

  it('支出总表 by unit: the 合计 row, the units reported', () => {
    expect(figures('expenseByUnit', 'expense')).toEqual(new Map([['total/total', '1550.13'], ['total/basic', '1082.00'], ['total/project', '468.13']]));
    const r = results.get('expenseByUnit')!;
    expect(r.ok && r.docs[0].warnings.filter((w) => w.message.includes('按单位列示')).length).toBe(1);
  });

  it('基本支出决算表 in three panels: every row under 决算数, both totals', () => {
    expect(figures('basicPanels', 'basic_expense')).toEqual(panels.expected);
  });

  it('一般公共预算支出表 with 合计 printed last: each cell under its own head', () => {
    expect(figures('totalLast', 'general_expense')).toEqual(totalLast.expected);
  });

  it('一般公共预算支出表 with 款 and 项 printed by their own two digits', () => {
    expect(figures('relative', 'general_expense')).toEqual(relative.expected);
  });

  it('一般公共预算支出表 with periods over parts: this year\'s parts, last year\'s 合计, the change', () => {
    for (const name of ['priorFirst', 'bothGroups'] as const) expect(figures(name, 'general_expense'), name).toEqual(grouped[name].expected);
  });

  it('a title with its money unit on its line, beside it or after the name: the table is read', async () => {
    const plain = await readText(seedText);
    for (const table of ['general_expense', 'basic_expense']) {
      const expected = new Map(plain.figures.filter((f) => f.table === table).map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
      expect(expected.size, table).toBeGreaterThan(20);
      expect(figures('titleBeside', table), table).toEqual(expected);
    }
  });

  it('this stop\'s 收支总表 layouts: the carryover in two parts, a 决算\'s budget beside its figure, the expense side by 经济分类', async () => {
    for (const [name, text] of Object.entries(summaryLayouts)) {
      const plain = await readText(text);
      const expected = new Map(plain.figures.filter((f) => f.table === 'summary').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
      expect(expected.size, name).toBeGreaterThan(8);
      expect(figures(name, 'summary'), name).toEqual(expected);
    }
  });

  it('codes with a dash before the name and a bracketed unit line: the 支出总表 and the unit read', async () => {
    const plain = await readText(seedText);
    const expected = new Map(plain.figures.filter((f) => f.table === 'expense').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
    expect(systemCodes).toContain('\n4\t2014001-行政运行\t692.95\t');
    const asText = await readText(systemCodes);
    expect(new Map(asText.figures.filter((f) => f.table === 'expense').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]))).toEqual(expected);
    expect(figures('systemCodes', 'expense')).toEqual(expected);
    const r = results.get('systemCodes')!;
    expect(r.ok && r.docs[0].meta).toMatchObject({ unitCode: '543', unitName: '信访局（市委群工部）' });
  });

  it('收支总表 with 人员经费 and 公用经费 as rows beneath 基本支出', () => {
    const summary = figures('summaryByPurpose', 'summary');
    expect(['expense.basic/amount', 'expense.basic/personnel', 'expense.basic/public', 'expense.project/amount'].map((k) => summary.get(k)))
      .toEqual(['1082.00', '959.08', '122.92', '468.13']);
    const r = results.get('summaryByPurpose')!;
    expect(r.ok && r.docs[0].warnings.map((w) => w.message).filter((m) => m.includes('收支总表'))).toEqual([]);
  });
});
