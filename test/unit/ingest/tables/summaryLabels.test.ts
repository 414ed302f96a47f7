import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import { expenseLabel } from '../../../../src/lib/ingest/tables/labels';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText, seedText, summaryTable } from './variants';

/**
 * A 收支总表 naming each 功能分类 类 with its code: 「201一般公共服务支出」「201 一般公共服务支出」
 * 「一般公共服务支出（201）」. The first and last were 「不是已知的收支项目」, their amounts left; the
 * second was read, but its 「201」 taken for an amount touching the label and reported as a stray
 * number on the income row beside it.
 */
const labels = [(n: string, c: string) => `${c}${n}`, (n: string, c: string) => `${c} ${n}`, (n: string, c: string) => `${n}（${c}）`];

describe('收支总表 类 labels printed with their code', () => {
  for (const [i, style] of labels.entries()) {
    it(style('一般公共服务支出', '201'), async () => {
      const doc = await readText(summaryTable([
        '收入\t\t支出\t',
        '项目\t预算数\t项目\t预算数',
        `一、一般公共预算拨款收入\t1550.13\t${style('一般公共服务支出', '201')}\t1237.14`,
        `二、政府性基金预算拨款收入\t\t${style('社会保障和就业支出', '208')}\t168.06`,
        `三、国有资本经营预算拨款收入\t\t${style('卫生健康支出', '210')}\t74.05`,
        `四、财政专户管理资金收入\t\t${style('住房保障支出', '221')}\t70.88`,
        '本年收入合计\t1550.13\t本年支出合计\t1550.13',
        '上年结转结余\t\t年终结转结余\t',
        '收入总计\t1550.13\t支出总计\t1550.13',
      ]));
      const expense = new Map(doc.figures.filter((f) => f.table === 'summary' && /^expense\.2/.test(f.rowCode)).map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
      expect(expense, `style ${i}`).toEqual(new Map([['expense.201', '1237.14'], ['expense.208', '168.06'], ['expense.210', '74.05'], ['expense.221', '70.88']]));
      expect(doc.warnings.filter((w) => w.message.includes('收支总表')).map((w) => w.message)).toEqual([]);
    });
  }

  // Jiangsu's three-group 收支预算总表 as a Word table's PDF lays it out: the 功能分类 group prints
  // three amounts in twenty rows, too few for a column of their own, and they stay in the label's cell.
  it('a label\'s amount in the label\'s own cell (「二、社会保障和就业支出 168.06」) is read', async () => {
    const doc = await readText(summaryTable([
      '收入\t\t支出\t',
      '项目\t预算数\t项目\t预算数',
      '一、一般公共预算拨款收入\t1550.13\t一、一般公共服务支出\t1237.14',
      '二、政府性基金预算拨款收入\t\t二、社会保障和就业支出 168.06\t',
      '三、国有资本经营预算拨款收入\t\t三、卫生健康支出 74.05\t',
      '四、财政专户管理资金收入\t\t四、住房保障支出\t70.88',
      '本年收入合计\t1550.13\t本年支出合计\t1550.13',
      '上年结转结余\t\t年终结转结余\t',
      '收入总计\t1550.13\t支出总计\t1550.13',
    ]));
    const expense = new Map(doc.figures.filter((f) => f.table === 'summary' && /^expense\.2/.test(f.rowCode)).map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
    expect(expense).toEqual(new Map([['expense.201', '1237.14'], ['expense.208', '168.06'], ['expense.210', '74.05'], ['expense.221', '70.88']]));
    expect(doc.warnings.filter((w) => w.message.includes('收支总表')).map((w) => w.message)).toEqual([]);
  });

  it('a code beside another class\'s name is no label', () => {
    expect(expenseLabel('201 一般公共服务支出')).toBe('expense.201');
    expect(expenseLabel('204一般公共服务支出')).toBeNull();
    expect(expenseLabel('一般公共服务支出（204）')).toBeNull();
  });
});

/**
 * The national 财政拨款收支总体情况表 heads each side's sources with 「一、本年收入」「一、本年支出」:
 * these rows were 「不是已知的收支项目」; they are 本年收入合计 and 本年支出合计.
 */
describe('财政拨款收支总表 with 一、本年收入 and 一、本年支出 over their parts', () => {
  it('reads them as 本年收入合计 and 本年支出合计', async () => {
    const lines = seedText.split('\n');
    const h = lines.findIndex((l) => l === '## 部门预算财政拨款收支总表');
    const start = lines.findIndex((l, i) => i > h && l.startsWith('序号\t收入'));
    const end = lines.findIndex((l, i) => i > start && l.startsWith('## 部门预算一般公共预算财政拨款支出表'));
    const rows = [
      '收入\t\t支出\t\t\t\t',
      '项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算',
      '一、本年收入\t1550.13\t一、本年支出\t1550.13\t1550.13\t\t',
      '（一）一般公共预算拨款\t1550.13\t（一）一般公共服务支出\t1237.14\t1237.14\t\t',
      '（二）政府性基金预算拨款\t\t（二）社会保障和就业支出\t168.06\t168.06\t\t',
      '（三）国有资本经营预算拨款\t\t（三）卫生健康支出\t74.05\t74.05\t\t',
      '二、上年结转\t\t（四）住房保障支出\t70.88\t70.88\t\t',
      '（一）一般公共预算拨款\t\t二、年终结转结余\t\t\t\t',
      '（二）政府性基金预算拨款\t\t\t\t\t\t',
      '（三）国有资本经营预算拨款\t\t\t\t\t\t',
      '收入总计\t1550.13\t支出总计\t1550.13\t1550.13\t\t',
      '',
    ];
    const text = [...lines.slice(0, start), ...rows, ...lines.slice(end)].join('\n');
    const doc = await readText(text);
    const fiscal = new Map(doc.figures.filter((f) => f.table === 'fiscal_summary').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
    expect([fiscal.get('income.current_total/amount'), fiscal.get('expense.current_total/total'), fiscal.get('income.general/amount')]).toEqual(['1550.13', '1550.13', '1550.13']);
    expect(doc.warnings.map((w) => w.message)).toEqual([]);
  });
});

/**
 * A 事业单位's 收支总表 by purpose: 基本支出, 项目支出, and 事业单位经营支出, 上缴上级支出, 对附属单位补助
 * 支出. The last three were 「不是已知的收支项目」, and the balance then said 本年支出合计 ≠ 基本 + 项目.
 */
describe('收支总表 by purpose with a 事业单位\'s other spending', () => {
  const table = (operating: string) => summaryTable([
    '收入\t\t支出\t', '项目\t预算数\t项目\t预算数',
    '一、一般公共预算拨款收入\t1550.13\t一、基本支出\t1082.00', '二、事业收入\t100.00\t二、项目支出\t468.13',
    `\t\t三、事业单位经营支出\t${operating}`, '\t\t四、上缴上级支出\t30.00', '\t\t五、对附属单位补助支出\t10.00',
    '本年收入合计\t1650.13\t本年支出合计\t1650.13', '上年结转结余\t\t年终结转结余\t', '收入总计\t1650.13\t支出总计\t1650.13',
  ]);
  const balance = async (operating: string) => {
    const doc = await readText(table(operating));
    return { doc, errors: auditDocuments([doc])[0].findings.filter((f) => f.check === 'balance' && f.severity === 'error') };
  };

  it('reads them and takes them into 本年支出', async () => {
    const { doc, errors } = await balance('60.00');
    const summary = new Map(doc.figures.filter((f) => f.table === 'summary').map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
    expect(['expense.operating', 'expense.remit_superior', 'expense.subsidy_subordinate'].map((k) => summary.get(k))).toEqual(['60.00', '30.00', '10.00']);
    expect(doc.warnings.filter((w) => w.message.includes('收支总表'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('and still finds a 本年支出合计 that is not their sum', async () => {
    const { errors } = await balance('61.00');
    expect(errors.map((f) => f.message)).toEqual([expect.stringContaining('本年支出合计 = 基本支出 + 项目支出（+ 单位预留机动经费） + 事业单位经营支出 + 上缴上级支出 + 对附属单位补助支出')]);
  });
});

/**
 * 上年结转 printed as its two parts, 上年财政拨款结转 and 上年非财政拨款结转, with or without a
 * 「上年结转」 above them. Both parts were keyed income.carryover: the second, equal to the first, was
 * dropped as a repeat, and the balance then called a correct 收入总计 wrong by its amount.
 */
describe('收支总表 with the carryover in two parts', () => {
  const table = (fiscal: string, parent: boolean) => summaryTable([
    '收入\t\t支出\t', '项目\t预算数\t项目\t预算数',
    '一、一般公共预算拨款收入\t1540.13\t一、一般公共服务支出\t1237.14', '\t\t二、社会保障和就业支出\t168.06',
    '\t\t三、卫生健康支出\t74.05', '\t\t四、住房保障支出\t70.88',
    '本年收入合计\t1540.13\t本年支出合计\t1550.13',
    ...(parent ? ['二、上年结转\t10.00\t年终结转结余\t', `其中：财政拨款结转\t${fiscal}\t\t`, '非财政拨款结转\t5.00\t\t'] : [`上年财政拨款结转\t${fiscal}\t年终结转结余\t`, '上年非财政拨款结转\t5.00\t\t']),
    '收入总计\t1550.13\t支出总计\t1550.13',
  ]);
  const read = async (fiscal: string, parent: boolean) => {
    const doc = await readText(table(fiscal, parent));
    const summary = new Map(doc.figures.filter((f) => f.table === 'summary' && f.rowCode.startsWith('income.carryover')).map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
    const balance = auditDocuments([doc])[0].findings.filter((f) => f.check === 'balance' && f.severity === 'error').map((f) => f.message);
    return { summary, balance, warnings: doc.warnings.filter((w) => w.message.includes('收支总表')) };
  };

  it('reads each part under its own key, and the balance adds them', async () => {
    const { summary, balance, warnings } = await read('5.00', false);
    expect(summary).toEqual(new Map([['income.carryover.fiscal', '5.00'], ['income.carryover.other', '5.00']]));
    expect(balance).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('beneath a 上年结转 row, that row is the carryover and the parts are read too', async () => {
    const { summary, balance } = await read('5.00', true);
    expect(summary).toEqual(new Map([['income.carryover', '10.00'], ['income.carryover.fiscal', '5.00'], ['income.carryover.other', '5.00']]));
    expect(balance).toEqual([]);
  });

  it('and still finds a 收入总计 that the parts do not make', async () => {
    const { balance } = await read('6.00', false);
    expect(balance).toEqual([expect.stringContaining('本年收入合计 1540.13 + 上年财政拨款结转 6.00 + 上年非财政拨款结转 5.00 = 1551.13')]);
  });
});

/**
 * A 收支总表 whose expense side is by 经济分类 (一、工资福利支出 …), as some provinces print it: every
 * row was 「不是已知的收支项目」. Read as expense.301 … (ours: no 功能分类 code starts with 3 or 5),
 * 「其他支出」 there as the economic 399, and checked against 本年支出合计.
 */
describe('收支总表 with its expense side by 经济分类', () => {
  const table = (goods: string) => summaryTable([
    '收入\t\t支出\t', '项目\t预算数\t项目\t预算数',
    `一、一般公共预算拨款收入\t1550.13\t一、工资福利支出\t891.80`, `二、政府性基金预算拨款收入\t\t二、商品和服务支出\t${goods}`,
    '\t\t三、对个人和家庭的补助\t67.28', '\t\t四、资本性支出\t1.05', '\t\t五、其他支出\t1.00',
    '本年收入合计\t1550.13\t本年支出合计\t1550.13', '上年结转结余\t\t年终结转结余\t', '收入总计\t1550.13\t支出总计\t1550.13',
  ]);
  const read = async (goods: string) => {
    const doc = await readText(table(goods));
    const expense = new Map(doc.figures.filter((f) => f.table === 'summary' && /^expense\.\d{3}$/.test(f.rowCode)).map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
    const errors = auditDocuments([doc])[0].findings.filter((f) => f.table === 'summary' && f.severity === 'error').map((f) => f.message);
    return { doc, expense, errors };
  };

  it('reads each 类 under its economic code, 其他支出 as 399, and finds the sum right', async () => {
    const { doc, expense, errors } = await read('589.00');
    expect(expense).toEqual(new Map([['expense.301', '891.80'], ['expense.302', '589.00'], ['expense.303', '67.28'], ['expense.310', '1.05'], ['expense.399', '1.00']]));
    expect(doc.warnings.filter((w) => w.message.includes('收支总表'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('and a 类 that does not add up is found', async () => {
    const { errors } = await read('590.00');
    expect(errors).toEqual([expect.stringContaining('本年支出合计 = 各经济分类支出之和')]);
  });

  it('beside a 功能分类 side, 其他支出 stays the 功能分类 229', () => {
    expect(expenseLabel('二十五、其他支出')).toBe('expense.229');
    expect(expenseLabel('一、工资福利支出')).toBe('expense.301');
  });
});

/**
 * The 收支总表's income side as provinces print it beyond the national five rows: 单位资金 with its
 * parts beneath it (1.事业收入 2.其他收入), 专户资金收入, 债务资金. The parts were added to 单位资金
 * (本年收入合计 「wrong」 by 单位资金's amount); the two others were unknown rows, and the sum without
 * them was called wrong too.
 */
describe('收支总表 income rows of other provinces', () => {
  const doc = (rows: readonly string[]) => readText(summaryTable([
    '收入\t\t支出\t', '项目\t预算数\t项目\t预算数',
    `一、一般公共预算拨款收入\t1450.13\t一、一般公共服务支出\t1237.14`, ...rows,
    '\t\t二、社会保障和就业支出\t168.06', '\t\t三、卫生健康支出\t74.05', '\t\t四、住房保障支出\t70.88',
    '本年收入合计\t1550.13\t本年支出合计\t1550.13', '上年结转结余\t\t年终结转结余\t', '收入总计\t1550.13\t支出总计\t1550.13',
  ]));
  const balance = (d: StoredDocument) => auditDocuments([d])[0];
  const errors = (d: StoredDocument) => balance(d).findings.filter((f) => f.check === 'balance' && f.severity === 'error').map((f) => f.message);
  const income = (d: StoredDocument) => new Map(d.figures.filter((f) => f.table === 'summary' && f.rowCode.startsWith('income.') && !/total/.test(f.rowCode)).map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));

  it('单位资金 with its parts beneath it: the parts are not counted twice, and are checked against it', async () => {
    const good = await doc(['三、单位资金\t100.00\t\t', '1.事业收入\t60.00\t\t', '2.其他收入\t40.00\t\t']);
    expect(income(good)).toEqual(new Map([['income.general', '1450.13'], ['income.unit_funds', '100.00'], ['income.business', '60.00'], ['income.other', '40.00']]));
    expect(errors(good)).toEqual([]);
    const bad = await doc(['三、单位资金\t100.00\t\t', '1.事业收入\t61.00\t\t', '2.其他收入\t40.00\t\t']);
    expect(errors(bad)).toEqual([expect.stringContaining('单位资金 = 其下所列各项收入之和')]);
  });

  // Jiangsu's 收支预算总表 of 2017–2019: 「三、其他资金」 after 一般公共预算 and 财政专户管理资金, left out
  // of the sum (「本年收入合计 …相差 80.00」 on a document that adds up).
  it('「三、其他资金」 is counted, alone or with its parts beneath it, and the parts are checked against it', async () => {
    const alone = await doc(['二、财政专户管理资金			', '三、其他资金	100.00		']);
    expect(income(alone).get('income.other_funds')).toBe('100.00');
    expect(errors(alone)).toEqual([]);
    const parts = await doc(['三、其他资金	100.00		', '1.事业收入	70.00		', '2.其他收入	30.00		']);
    expect(errors(parts)).toEqual([]);
    const bad = await doc(['三、其他资金	100.00		', '1.事业收入	70.00		', '2.其他收入	31.00		']);
    expect(errors(bad)).toEqual([expect.stringContaining('其他资金 = 其下所列各项收入之和')]);
  });

  it.each([['二、专户资金收入', 'income.special_account'], ['五、债务资金', 'income.debt']])('「%s」 is read and counted', async (label, key) => {
    const d = await doc([`${label}\t100.00\t\t`]);
    expect(income(d).get(key)).toBe('100.00');
    expect(d.warnings.filter((w) => w.message.includes('收支总表'))).toEqual([]);
    expect(errors(d)).toEqual([]);
  });

  it('a row it cannot place makes a sum that fails 未执行, not an error, and says why', async () => {
    const d = await doc(['二、某某专项收入\t100.00\t\t']);
    expect(d.warnings.map((w) => w.message)).toEqual(['「部门预算收支总表」的行「二、某某专项收入」不是已知的收支项目，其金额未导入']);
    expect(errors(d)).toEqual([]);
    const run = balance(d).checks.find((c) => c.check === 'balance')!;
    expect(run.notRun).toEqual([expect.stringMatching(/本年收入合计 1550\.13.*相差 100\.00.*收支总表有 1 行未能识别、其数字未导入，可能正是差额所在，未判断/)]);
  });
});

describe('收支总表 with 单位资金 and a sibling after it', () => {
  it('「六、其他收入」 after 「五、单位资金」 is no part of it: both are counted', async () => {
    const d = await readText(summaryTable([
      '收入\t\t支出\t', '项目\t预算数\t项目\t预算数',
      '一、一般公共预算拨款收入\t1430.13\t一、一般公共服务支出\t1237.14', '五、单位资金\t100.00\t二、社会保障和就业支出\t168.06', '六、其他收入\t20.00\t三、卫生健康支出\t74.05',
      '\t\t四、住房保障支出\t70.88', '本年收入合计\t1550.13\t本年支出合计\t1550.13', '上年结转结余\t\t年终结转结余\t', '收入总计\t1550.13\t支出总计\t1550.13',
    ]));
    expect(auditDocuments([d])[0].findings.filter((f) => f.check === 'balance' && f.severity === 'error')).toEqual([]);
  });
});

// 人大 2017's 收支预算总表, printed from Excel in narrow portrait columns: the income labels wrap and
// letter-space over three columns (「当 | 年 | 收入小计」), and each 功能分类 label stands on a row of its
// own. Those twenty labels were taken for labels centred across groups (their rows leave the column
// before them empty) and dropped as a group: the 类 amounts were lost, and an amount of the purpose
// group printed on a 类's row was read as that 类's (单位预留机动经费 10.00 as 国防支出).
describe('收支总表 whose income labels are spread over narrow columns', () => {
  it('keeps the 功能分类 group of many labels, and each amount in its own group', async () => {
    const doc = await readText(summaryTable([
      '收入\t\t\t\t支出\t\t\t',
      '项目名称\t\t\t金额\t功能科目名称\t金额\t项目名称\t金额',
      '\t一、财政\t\t\t一、一般公共服务\t\t\t',
      '\t\t\t90.00\t\t80.00\t一、基本支出\t60.00',
      '拨款\t\t\t\t支出\t\t\t',
      '\t\t\t\t二、外交支出\t\t二、项目支出\t20.00',
      '\t\t\t\t\t\t三、单位预留机\t',
      '\t\t\t\t三、国防支出\t\t\t10.00',
      '\t\t\t\t\t\t动经费\t',
      '\t\t\t\t四、公共安全支出\t10.00\t\t',
      '当\t年\t收入小计\t90.00\t\t当年支出小计\t\t90.00',
    ]));
    const expense = new Map(doc.figures.filter((f) => f.table === 'summary' && f.rowCode.startsWith('expense.')).map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
    expect(expense).toEqual(new Map([
      ['expense.201', '80.00'], ['expense.basic', '60.00'], ['expense.project', '20.00'], ['expense.reserve', '10.00'],
      ['expense.204', '10.00'], ['expense.current_total', '90.00'],
    ]));
  });
});

// The 财政拨款收支总表 printed by LibreOffice: 「三、社会保障和就业支」 / 「出」 wrapped around the row of its
// amounts (合计 and 一般公共预算), and on that row the income side's own label with no amount. The first
// amount went to the wrapped label above; the second, since that label had an amount, to the income
// label beside it: 一般公共预算's 208 read as 国有资本经营预算's income, a wrong figure.
describe('财政拨款收支总表: a wrapped label takes every amount of its row', () => {
  it('合计 and 一般公共预算 both go to 社会保障和就业支出', () => {
    const r = readDisclosureText([
      '2021年部门财政拨款收支预算总表', '编制部门：某某局\t单位：万元',
      '项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算',
      '一、一般公共预算资金\t300.00\t一、一般公共服务支出\t200.00\t200.00\t\t',
      '二、政府性基金\t\t\t\t\t\t',
      '\t\t二、社会保障和就业支\t\t\t\t',
      '三、国有资本经营预算\t\t\t100.00\t100.00\t\t',
      '\t\t出\t\t\t\t',
      '收入总计\t300.00\t支出总计\t300.00\t300.00\t\t',
    ].join('\n'), 't.txt');
    if (!r.ok) throw new Error(r.error);
    const cells = r.docs[0].figures.filter((f) => f.table === 'fiscal_summary').map((f) => `${f.rowCode}/${f.column}=${f.amount / 1e6}`);
    expect(cells).toContain('expense.208/total=100');
    expect(cells).toContain('expense.208/general=100');
    expect(cells.filter((c) => c.startsWith('income.soe') || c.startsWith('income.fund'))).toEqual([]);
  });
});

// The same table, its income label wrapped around the first row of amounts, the 序号 on that row:
// 「一、一般公共预」 above the table's first row of words and amounts was taken for the header, and its
// amount was reported as a row with no name (「（无名称）」).
describe('财政拨款收支总表: the first label wrapped around the first row of amounts', () => {
  it('is its first item', () => {
    const r = readDisclosureText([
      '部门预算财政拨款收支总表', '100002 某某局', '预算年度：2021', '单位：万元',
      '序号\t项目\t金额\t项目\t合计\t一般公共预算财政拨款',
      '栏次\t1\t2\t3\t4\t5',
      '\t一、一般公共预\t\t\t\t',
      '1\t\t300.00\t一、一般公共服务支出\t300.00\t300.00',
      '\t算拨款\t\t\t\t',
      '2\t收入总计\t300.00\t支出总计\t300.00\t300.00',
    ].join('\n'), 't.txt');
    if (!r.ok) throw new Error(r.error);
    const cells = r.docs[0].figures.filter((f) => f.table === 'fiscal_summary').map((f) => `${f.rowCode}/${f.column}=${f.amount / 1e6}`);
    expect(cells).toContain('income.general/amount=300');
    expect(r.docs[0].warnings.map((w) => w.message).filter((m) => m.includes('无名称'))).toEqual([]);
  });
});
