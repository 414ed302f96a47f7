import { describe, expect, it } from 'vitest';
import { readPdfPages } from '../../../../src/lib/ingest/pdf/read';
import type { PdfPageText, PdfTextItem } from '../../../../src/lib/ingest/pdf/types';
import { page, run } from './pageItems';

/**
 * Pages whose text is set in more than one size, as a spreadsheet's PDF sets them (Jiangsu's 公开0N表
 * of 2017–2019, printed from Excel): a title of 26 pt a few points over the unit's line of 9 pt, column
 * heads and some labels of 17 pt, amounts of 9 or 10 pt. Built by hand after those pages' text runs.
 */
const UNIT = '江苏省某某办公厅';

function read(items: PdfTextItem[]) {
  const r = readPdfPages([page(items)], 't.pdf');
  if (!r.ok) throw new Error(r.error);
  return r.docs;
}
const figures = (items: PdfTextItem[]) => read(items).flatMap((d) => d.figures).map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount / 1e6}`).sort();

/** 公开05表: the title 18.5 pt over the unit's line, as large as two of its rows. */
function fiscalExpense({ titleOver = 18.5 } = {}): PdfTextItem[] {
  const rows: [string, string, string][] = [
    ['201', '一般公共服务支出', '10,191.56'], ['20102', '政协事务', '10,191.56'], ['2010201', '行政运行', '5,223.22'],
    ['2010202', '一般行政管理事务', '4,968.34'], ['208', '社会保障和就业支出', '858.51'], ['20805', '行政事业单位离退休', '858.51'],
    ['2080505', '机关事业单位基本养老保险缴费支出', '858.51'],
  ];
  const items = [
    run('公开05表', 85, 491, { size: 11 }),
    run('财政拨款支出预算表（功能科目）', 227, 445 + titleOver, { size: 26 }),
    run(`部门：${UNIT}`, 85, 445, { size: 9.12 }), run('单位：万元', 706, 445, { size: 9.12 }),
    run('功能科目编码', 145, 419, { size: 17 }), run('功能科目名称', 371, 419, { size: 17 }), run('金额', 632, 419, { size: 17 }),
    run('合计', 406, 393, { size: 17 }), run('11,050.07', 760, 396, { size: 10, right: true }),
  ];
  let y = 372;
  for (const [code, name, amount] of rows) {
    items.push(run(code, 85, y, { size: 10 }), run(name, 312, y, { size: 10 }), run(amount, 760, y, { size: 10, right: true }));
    y -= 22;
  }
  return items;
}

describe('a title set large over the unit line', () => {
  it('opens its table, and the unit line below it still names the unit', () => {
    const docs = read(fiscalExpense());
    expect(docs.map((d) => d.meta.unitName)).toEqual([UNIT]);
    const got = figures(fiscalExpense());
    expect(got).toContain('fiscal_expense|total|total|11050.07');
    expect(got).toContain('fiscal_expense|2010201|total|5223.22');
    expect(got).toContain('fiscal_expense|2080505|total|858.51');
    expect(got.filter((f) => f.startsWith('fiscal_expense|'))).toHaveLength(8);
  });

  it('reads the same when the title stands on a line of its own, or beside its number', () => {
    expect(figures(fiscalExpense({ titleOver: 25 }))).toEqual(figures(fiscalExpense()));
    expect(figures(fiscalExpense({ titleOver: 32 }))).toEqual(figures(fiscalExpense()));
  });
});

/**
 * 公开01表: a three-block 收支预算总表 whose rows stand 16 pt apart, under a 26 pt title 13 pt over the
 * unit line. Measured by the title's size, every row was within reach of the one above, and the whole
 * page became one line.
 */
function summaryPage(): PdfTextItem[] {
  const items = [
    run('公开01表', 45, 534, { size: 11 }),
    run('收支预算总表', 315, 509, { size: 26 }),
    run(`部门：${UNIT}`, 44, 496, { size: 9.12 }), run('单位：万元', 695, 496, { size: 9.12 }),
    run('收入', 149, 480, { size: 10 }), run('支出', 499, 480, { size: 10 }),
    run('项目名称', 93, 454, { size: 10 }), run('金额', 220, 454, { size: 10 }),
    run('功能科目名称', 316, 444, { size: 10 }), run('金额', 453, 444, { size: 10 }), run('项目名称', 559, 444, { size: 10 }), run('金额', 686, 444, { size: 10 }),
  ];
  const rows: [string, string, string, string, string, string][] = [
    ['一、财政拨款', '13,297.11', '一、一般公共服务支出', '10,271.56', '一、基本支出', '6,522.75'],
    ['1.一般公共预算', '13,297.11', '二、外交支出', '', '二、项目支出', '4,968.34'],
    ['2.政府性基金预算', '', '三、国防支出', '', '三、单位预留机动经费', '1,886.02'],
    ['二、财政专户管理资金', '', '四、公共安全支出', '', '', ''],
    ['三、其他资金', '80.00', '五、教育支出', '', '', ''],
    ['', '', '八、社会保障和就业支出', '858.51', '', ''],
    ['', '', '十八、住房保障支出', '2,247.04', '', ''],
    ['当年收入小计', '13,377.11', '当年支出小计', '', '', '13,377.11'],
    ['上年结转资金', '', '结转下年资金', '', '', ''],
    ['收入合计', '13,377.11', '支出合计', '', '', '13,377.11'],
  ];
  let y = 427;
  for (const [a, am, b, bm, c, cm] of rows) {
    if (a) items.push(run(a, 45, y, { size: 10 }));
    if (am) items.push(run(am, 274, y, { size: 10, right: true }));
    if (b) items.push(run(b, 278, y, { size: 10 }));
    if (bm) items.push(run(bm, 507, y, { size: 10, right: true }));
    if (c) items.push(run(c, 511, y, { size: 10 }));
    if (cm) items.push(run(cm, 740, y, { size: 10, right: true }));
    y -= 16;
  }
  return items;
}

describe('a title set large over rows closer than its size', () => {
  it('stays one line with the unit line: the rows below are rows', () => {
    const got = figures(summaryPage());
    for (const f of ['summary|expense.201|amount|10271.56', 'summary|expense.208|amount|858.51', 'summary|expense.221|amount|2247.04',
      'summary|income.other_funds|amount|80', 'summary|income.grand_total|amount|13377.11', 'summary|expense.grand_total|amount|13377.11']) {
      expect(got).toContain(f);
    }
  });
});

describe('rows of two sizes', () => {
  /** 公开06表: 「合计」 in 17 pt, its amount in 9; the first row in 9 pt only 12 pt under it. */
  function basicPage(): PdfTextItem[] {
    return [
      run('财政拨款基本支出预算表', 280, 560, { size: 17 }),
      run(`部门：${UNIT}`, 56, 522, { size: 9 }), run('单位：万元', 746, 522, { size: 9 }),
      run('科目编码', 143, 501, { size: 17 }), run('科目名称', 389, 501, { size: 17 }), run('金额', 653, 501, { size: 17 }),
      run('合计', 407, 482.7, { size: 17 }), run('5,836.27', 791, 486, { size: 9, right: true }),
      run('301', 56, 470.5, { size: 9 }), run('工资福利支出', 302, 470.5, { size: 9 }), run('2,097.51', 791, 470.5, { size: 9, right: true }),
      run('30101', 56, 455, { size: 9 }), run('基本工资', 302, 455, { size: 9 }), run('737.94', 791, 455, { size: 9, right: true }),
      run('30102', 56, 439, { size: 9 }), run('津贴补贴', 302, 439, { size: 9 }), run('1,359.57', 791, 439, { size: 9, right: true }),
      run('302', 56, 424, { size: 9 }), run('商品和服务支出', 302, 424, { size: 9 }), run('3,738.76', 791, 424, { size: 9, right: true }),
    ];
  }

  it('a smaller row under a larger one that has its amounts is a row of its own', () => {
    const got = figures(basicPage());
    expect(got).toContain('fiscal_basic_expense|total|total|5836.27');
    expect(got).toContain('fiscal_basic_expense|301|total|2097.51');
    expect(got).toContain('fiscal_basic_expense|30101|total|737.94');
  });

  /** 收入预算总表: labels of 17 pt wrapped over two lines, 29.5 pt apart; the amount of 9 pt centred between them. */
  it('an amount centred on a larger label wrapped over two lines stays with its row', () => {
    const items = [
      run('收入预算总表', 245, 532, { size: 26 }),
      run(`部门：${UNIT}`, 120, 495, { size: 9 }), run('单位：万元', 432, 495, { size: 9 }),
      run('项目名称', 108, 437, { size: 17 }), run('金额', 445, 437, { size: 17 }),
      run('收入总计', 188, 386.7, { size: 17 }), run('13,649.07', 474, 389.5, { size: 9, right: true }),
      run('小计', 272, 342, { size: 17 }), run('13,649.07', 474, 345, { size: 9, right: true }),
      run('一般公共预', 99, 304.25, { size: 17 }), run('公共财政拨款(补助)', 193, 304.25, { size: 17 }),
      run('13,649.07', 474, 292.6, { size: 9, right: true }),
      run('算资金', 99, 274.7, { size: 17 }), run('资金', 193, 274.7, { size: 17 }),
      run('专项收入', 255, 237, { size: 17 }),
    ];
    expect(figures(items)).toContain('income|total|general_appropriation|13649.07');
  });
});
