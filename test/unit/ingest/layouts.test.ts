import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { formatWan } from '../../../src/lib/model/amount';
import type { ParsedDocument } from '../../../src/lib/model/document';
import { tabRows } from './fixtures';

// Rows as the PDF reader rebuilds them from the Jiangsu and Shanghai PDFs (short excerpts; blank
// cells kept where the layout keeps them), read through the text importer.

function read(text: string): ParsedDocument {
  const r = readDisclosureText(text, 'test.txt');
  if (!r.ok) throw new Error(r.error);
  expect(r.docs).toHaveLength(1);
  return r.docs[0];
}

function figures(doc: ParsedDocument, table: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of doc.figures) if (f.table === table) out[`${f.rowCode} ${f.column}`] = formatWan(f.amount);
  return out;
}

const jiangsu = (title: string, rows: string[][]) => ['公开 01 表', `2019年度${title}`, '部门名称：江苏省测试厅 | 单位：万元'.replace(' | ', '\t'), tabRows(rows)].join('\n');

describe('收支总表 in three column groups (Jiangsu: 收入 | 支出 by function | 支出 by purpose)', () => {
  // gjfy 2019, page 8: wrapped labels, an amount on the label's line, centred totals.
  const rows = [
    ['收入', '', '', '支出', '', ''],
    ['', '', '功能分类', '', '支出用途', ''],
    ['项目名称', '金额', '', '', '', ''],
    ['', '', '功能科目名称', '金额', '项目名称', '金额'],
    ['一、财政拨款', '37,188.34', '一、一般公共服务支出', '', '一、基本支出', '21,968.00'],
    ['1. 一般公共预算', '37,188.34', '二、外交支出', '', '二、项目支出', '10,208.94'],
    ['2. 政府性基金预算', '', '三、国防支出', '', '三、单位预留机动经费', '5,011.40'],
    ['二、财政专户管理资金', '', '四、公共安全支出', '27,488.23', '', ''],
    ['', '', '七、文化旅游体育与传媒支', '', '', ''],
    ['', '', '出', '', '', ''],
    ['', '', '八、社会保障和就业支出', '2,355.65', '', ''],
    ['', '', '十七、自然资源海洋气象等', '', '', ''],
    ['', '', '支出', '', '', ''],
    ['', '', '十八、住房保障支出', '7,344.46', '', ''],
    ['当年收入小计', '37,188.34', '', '当年支出小计', '', '37,188.34'],
    ['上年结转资金', '', '', '结转下年资金', '', ''],
    ['收入合计', '37,188.34', '', '支出合计', '', '37,188.34'],
  ];

  it('reads every printed amount under its label; 收入合计 after 当年收入小计 is the grand total', () => {
    const doc = read(jiangsu('收支预算总表', rows));
    expect(figures(doc, 'summary')).toEqual({
      'income.fiscal amount': '37188.34', 'income.general amount': '37188.34',
      'expense.basic amount': '21968.00', 'expense.project amount': '10208.94', 'expense.reserve amount': '5011.40',
      'expense.204 amount': '27488.23', 'expense.208 amount': '2355.65', 'expense.221 amount': '7344.46',
      'income.current_total amount': '37188.34', 'expense.current_total amount': '37188.34',
      'income.grand_total amount': '37188.34', 'expense.grand_total amount': '37188.34',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('a label wrapped around its amount (「三、单位预留机动经」 / amount / 「费」, gjfy 2018)', () => {
    const doc = read(jiangsu('收支预算总表', [
      ['项目名称', '金额', '功能科目名称', '金额', '项目名称', '金额'],
      ['一、财政拨款', '33,172.15', '一、一般公共服务支出', '', '一、基本支出', '18,5 70.82'],
      ['', '', '', '', '三、单位预留机动经', ''],
      ['2. 政府性基金预算', '', '三、国防支出', '', '', '3,258.06'],
      ['', '', '', '', '费', ''],
      ['二、财政专户管理资金', '', '四、公共安全支出', '26,200.88', '', ''],
    ]));
    expect(figures(doc, 'summary')).toEqual({
      'income.fiscal amount': '33172.15', 'expense.basic amount': '18570.82', 'expense.reserve amount': '3258.06', 'expense.204 amount': '26200.88',
    });
  });

  it('labels wrapped with the amount on their second line from the first row on; a total spanning both expense groups from the 功能分类 column (A4 portrait)', () => {
    const doc = read(jiangsu('收支预算总表', [
      ['项目名称', '', '金额', '功能科目名称', '金额', '项目名称', '金额'],
      ['', '', '', '一、一般公共服务', '', '一、基本支', ''],
      ['一、财政拨款', '', '2,601.35', '支出', '880.19', '出', '2,097.67'],
      ['2.政府性基金预', '', '', '', '', '三、单位预', ''],
      ['算', '', '430.80', '三、国防支出', '', '留机动经费', '4.45'],
      ['', '', '', '八、社会保障和就', '', '', ''],
      ['', '', '', '业支出', '693.83', '', ''],
      ['当年收入小计', '', '2,892.37', '当年支出小计', '', '', '2,892.37'],
    ]));
    expect(figures(doc, 'summary')).toEqual({
      'income.fiscal amount': '2601.35', 'expense.201 amount': '880.19', 'expense.basic amount': '2097.67',
      'income.fund amount': '430.80', 'expense.reserve amount': '4.45', 'expense.208 amount': '693.83',
      'income.current_total amount': '2892.37', 'expense.current_total amount': '2892.37',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('a label column centred across two groups holds totals, not a group (swbgt 2017)', () => {
    const doc = read(jiangsu('收支预算总表', [
      ['项目名称', '', '金额', '功能科目名称', '', '金额', '', '项目名称', '', '金额'],
      ['一、财政拨款', '', '20,702.25', '一、一般公共服务支出', '', '', '16,992.37', '一、基本支出', '', '9,964.07'],
      ['二、财政专户管理资金', '', '147.20', '四、公共安全支出', '', '', '', '', '', ''],
      ['当年收入小计', '', '20,849.45', '', '', '当年支出小计', '', '', '', '20,849.45'],
    ]));
    expect(figures(doc, 'summary')).toEqual({
      'income.fiscal amount': '20702.25', 'expense.201 amount': '16992.37', 'expense.basic amount': '9964.07',
      'income.special_account amount': '147.20', 'income.current_total amount': '20849.45', 'expense.current_total amount': '20849.45',
    });
  });

  it('an income label column letter-spaced and wrapped over four grid columns (人大 2017)', () => {
    // The layout cuts the narrow 项目名称 cell into columns by its pieces: 「1. | 一 般 公」 over 「共预算」,
    // 「当 | 年 | 收 | 入」 over 「小计」, and 「收入合」 / amount / 「计」 under 「上年结转资金」.
    const doc = read(jiangsu('收支预算总表', [
      ['', '', '', '', '收入', '', '', '支出', ''],
      ['', '', '项目名', '', '', '', '', '', ''],
      ['', '', '', '', '金额', '功能科目名', '', '', ''],
      ['', '称', '', '', '', '', '金额', '项目名称', '金额'],
      ['', '', '一、财政', '', '', '一、一般公共服务', '', '', ''],
      ['', '', '', '', '13,649.07', '', '10,528.33', '一、基本支出', '7,666.68'],
      ['拨款', '', '', '', '', '支出', '', '', ''],
      ['', '1.', '一 般 公', '', '', '', '', '', ''],
      ['', '', '', '', '13,649.07', '二、外交支出', '', '二、项目支出', '5,982.39'],
      ['共预算', '', '', '', '', '', '', '', ''],
      ['', '2.', '政 府 性', '', '', '', '', '', ''],
      ['基金预算', '', '', '', '', '八、社会保障和就', '3,120.74', '', ''],
      ['', '', '', '', '', '业支出', '', '', ''],
      ['当', '年', '收', '入', '13,649.07', '', '当年支出小计', '', '13,649.07'],
      ['小计', '', '', '', '', '', '', '', ''],
      ['', '', '上年结', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '结转下年资金', '', ''],
      ['', '转资金', '', '', '', '', '', '', ''],
      ['', '', '收入合', '', '', '', '', '', ''],
      ['', '', '', '', '13,649.07', '', '支出合计', '', '13,649.07'],
      ['', '计', '', '', '', '', '', '', ''],
    ]));
    expect(figures(doc, 'summary')).toEqual({
      'income.fiscal amount': '13649.07', 'income.general amount': '13649.07', 'income.current_total amount': '13649.07', 'income.grand_total amount': '13649.07',
      'expense.201 amount': '10528.33', 'expense.208 amount': '3120.74', 'expense.basic amount': '7666.68', 'expense.project amount': '5982.39',
      'expense.current_total amount': '13649.07', 'expense.grand_total amount': '13649.07',
    });
    // Nothing of the table reported unread (the excerpt's end, cut after 「计」, is said to be truncated).
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('收支预算总表'))).toEqual([]);
  });
});

describe('Shanghai 财务收支预算总表 variants outside the corpus', () => {
  it('an income amount touching the next expense label in one cell (「96,282,213.44 一、公共安全支出」)', () => {
    const doc = read(['2026年部门财政拨款收支预算总表', '编制部门：上海市测试局', '单位：元', tabRows([
      ['财政拨款收入', '', '', '财政拨款支出', '', ''],
      ['项目', '预算数项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      ['一、一般公共预算', '96,282,213.44 一、公共安全支出', '87,267,272.44', '87,267,272.44', '', ''],
      ['二、政府性基金预算', '0.00 二、社会保障和就业支出', '3,343,704.00', '3,343,704.00', '', ''],
      ['收入总计', '96,282,213.44 支出总计', '96,282,213.44', '96,282,213.44', '', ''],
    ])].join('\n'));
    expect(figures(doc, 'fiscal_summary')).toEqual({
      'income.general amount': '9628.221344', 'expense.204 total': '8726.727244', 'expense.204 general': '8726.727244',
      'income.fund amount': '0.00', 'expense.208 total': '334.3704', 'expense.208 general': '334.3704',
      'income.grand_total amount': '9628.221344', 'expense.grand_total total': '9628.221344', 'expense.grand_total general': '9628.221344',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('人员经费 | 公用经费 | 项目支出 columns on the expense side, keyed by the header above them', () => {
    const doc = read(['2026年预算单位财务收支预算总表', '编制单位：上海市测试局', '单位：元', tabRows([
      ['本年收入', '', '本年支出', '', '', '', ''],
      ['项目', '预算数', '项目', '合计', '人员经费', '公用经费', '项目支出'],
      ['一、财政拨款收入', '86,959,408.34', '一、公共安全支出', '79,189,400.34', '12,604,173', '1,744,680', '64,840,547'],
      ['收入总计', '86,959,408.34', '支出总计', '86,959,408.34', '20,374,181', '1,744,680', '64,840,547'],
    ])].join('\n'));
    expect(figures(doc, 'summary')).toMatchObject({
      'expense.204 amount': '7918.940034', 'expense.204 personnel': '1260.4173', 'expense.204 public': '174.468', 'expense.204 project': '6484.0547',
      'expense.grand_total personnel': '2037.4181',
    });
  });
});

describe('三公 printed across: the sums place the amounts', () => {
  it('Jiangsu with 会议费 and 培训费, 公务用车购置费 blank and merged into its neighbour in the layout (swbgt 2017)', () => {
    const doc = read(jiangsu('“三公”经费、会议费、培训费支出预算表', [
      ['', '', '', '“三公”经费', '', '', '', ''],
      ['合计', '小计', '因公出国（境）费', '公务用车购置及运行维护费公务用车购置小计费', '公务用车运行维护费', '公务接待费', '会议费', '培训费'],
      ['1,467.70', '509.20', '70.00', '411.20', '411.20', '28.00', '933.50', '25.00'],
    ]));
    expect(figures(doc, 'three_public')).toEqual({
      'total_with_meeting_training total': '1467.70', 'subtotal total': '509.20', 'total total': '509.20', 'overseas total': '70.00',
      'vehicle total': '411.20', 'vehicle_operation total': '411.20', 'reception total': '28.00', 'meeting total': '933.50', 'training total': '25.00',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('a 决算 template whose 合计 is the 三公 alone, 会议费 and 培训费 beside it: told by the sums, not the header', () => {
    const head = ['一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表', '编制单位：测试县测试局', '2020年度', '单位：万元'];
    const across = (total: string) => read([...head, tabRows([
      ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费', '会议费', '培训费'],
      ['', '', '', '小计', '公务用车购置费', '公务用车运行费', '', '', ''],
      ['决算数', total, '2.00', '12.00', '8.00', '4.00', '6.00', '2.50', '3.50'],
    ])].join('\n'));
    const alone = across('20.00');
    expect(figures(alone, 'three_public')).toMatchObject({ 'total total': '20.00', 'meeting total': '2.50', 'training total': '3.50' });
    expect(figures(alone, 'three_public')).not.toHaveProperty(['total_with_meeting_training total']);
    expect(alone.warnings).toEqual([]);
    // The same header with a 合计 that takes them in stays Jiangsu's reading.
    const within = across('26.00');
    expect(figures(within, 'three_public')).toMatchObject({ 'total_with_meeting_training total': '26.00' });
    expect(figures(within, 'three_public')).not.toHaveProperty(['total total']);
    expect(within.warnings).toEqual([]);
    // Neither: read by place, and said.
    expect(across('21.00').warnings.map((w) => w.message)).toEqual([expect.stringContaining('对不上')]);
  });

  it('printed down, the same: 合计 the 三公 alone or with 会议费 and 培训费, by the sums', () => {
    const down = (total: string) => read(['财政拨款“三公”经费及会议费、培训费支出决算表', '编制单位：测试县测试局', '2020年度', '单位：万元', tabRows([
      ['序号', '项目', '合计', '一般公共预算财政拨款'],
      ['1', '合计', total, total],
      ['2', '因公出国（境）费', '2.00', '2.00'],
      ['3', '公务用车购置及运行费', '12.00', '12.00'],
      ['4', '公务接待费', '6.00', '6.00'],
      ['5', '会议费', '2.50', '2.50'],
      ['6', '培训费', '3.50', '3.50'],
    ])].join('\n'));
    expect(figures(down('20.00'), 'three_public')).toMatchObject({ 'total total': '20.00', 'total general': '20.00', 'meeting total': '2.50' });
    expect(figures(down('20.00'), 'three_public')).not.toHaveProperty(['total_with_meeting_training total']);
    expect(figures(down('26.00'), 'three_public')).toMatchObject({ 'total_with_meeting_training total': '26.00' });
    expect(figures(down('26.00'), 'three_public')).not.toHaveProperty(['total total']);
  });

  it('Shanghai: blank cells shift the amounts after them off their header columns (万里 2024)', () => {
    const doc = read(['2024年部门“三公”经费和机关运行经费预算表', '编制部门：上海市测试街道办事处', '单位:万元', tabRows([
      ['', '', '2024年“三公”经费预算数', '', '', '', '', '', ''],
      ['', '', '', '', '', '公务用车购置及运行费', '', '', '2024年机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '', '', '', '', '', ''],
      ['', '', '', '小计', '', '购置费', '', '运行费', ''],
      ['47.91', '0', '1.35', '', '46.56', '', '25', '21.56', '443.18'],
    ])].join('\n'));
    expect(figures(doc, 'three_public')).toEqual({
      'total total': '47.91', 'overseas total': '0.00', 'reception total': '1.35', 'vehicle total': '46.56',
      'vehicle_purchase total': '25.00', 'vehicle_operation total': '21.56', 'operating_cost total': '443.18',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('where several placings close, the one nearest the header wins (因公出国 blank, 公务接待费 1.00)', () => {
    const doc = read(['2025年部门“三公”经费和机关运行经费预算表', '编制部门：上海市测试委员会', '单位:万元', tabRows([
      ['合计', '因公出国(境)费', '公务接待费', '', '公务用车购置及运行费', '', '机关运行经费预算数'],
      ['', '', '', '小计', '购置费', '运行费', ''],
      ['1.00', '', '1.00', '', '', '', '171.01'],
    ])].join('\n'));
    expect(figures(doc, 'three_public')).toEqual({ 'total total': '1.00', 'reception total': '1.00', 'operating_cost total': '171.01' });
  });

  it('where no placing closes, the amounts are read by position and the table is reported', () => {
    const doc = read(['2025年部门“三公”经费和机关运行经费预算表', '编制部门：上海市测试委员会', '单位:万元', tabRows([
      ['合计', '因公出国(境)费', '公务接待费', '机关运行经费预算数'],
      ['5.00', '1.00', '1.00', '171.01'],
    ])].join('\n'));
    expect(figures(doc, 'three_public')).toEqual({ 'total total': '5.00', 'overseas total': '1.00', 'reception total': '1.00', 'operating_cost total': '171.01' });
    expect(doc.warnings).toEqual([expect.objectContaining({ kind: 'sums', table: 'three_public' })]);
  });
});

describe('Jiangsu tables with no national counterpart, and the by-source 收入预算总表', () => {
  it('收入预算总表 by source: row total, one column per source, groups named on any of their rows', () => {
    const doc = read(jiangsu('收入预算总表', [
      ['', '项目名称', '金额'],
      ['', '收入总计', '20,849.45'],
      ['', '小计', '20,702.25'],
      ['一般公共预算资金', '公共财政拨款(补助)资金', '20,702.25'],
      ['', '专项收入', ''],
      ['政府性基金', '小计', ''],
      ['', '小计', '147.20'],
      ['财政专户管理资金', '专户管理教育收费', ''],
      ['', '其他非税收入', '147.20'],
      ['', '小计', ''],
      ['其他资金', '经营收入', ''],
      ['上年结转和结余资金', '', ''],
      ['', '其中：动用上年结转和结余资金', ''],
    ]));
    expect(figures(doc, 'income')).toEqual({
      'total total': '20849.45', 'total general': '20702.25', 'total general_appropriation': '20702.25',
      'total special_account': '147.20', 'total special_account_other': '147.20',
    });
  });

  it('one-row 支出预算总表: the unlabelled row is the total', () => {
    const doc = read(jiangsu('支出预算总表', [
      ['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金'],
      ['37,188.34', '21,968.00', '10,208.94', '5,011.40', ''],
    ]));
    expect(figures(doc, 'expense')).toEqual({ 'total total': '37188.34', 'total basic': '21968.00', 'total project': '10208.94', 'total reserve': '5011.40' });
  });

  it('财政拨款支出预算表 by function and by economic class, 机关运行经费: own keys, decided by the codes', () => {
    const doc = read([
      jiangsu('财政拨款支出预算表', [['功能科目代码', '功能科目名称', '金额'], ['', '合计', '20,702.25'], ['201', '一般公共服务支出', '16,845.17']]),
      '公开 06 表', '财政拨款支出预算表', tabRows([['科目编码', '', '科目名称', '金额'], ['', '', '合计', '9,964.07'], ['301', '工资福利支出', '', '3,920.22']]),
      '一般公共预算机关运行经费支出预算表', tabRows([['科目编码', '科目名称', '机关运行经费支出'], ['', '合', '计', '2,232.91'], ['302', '商品和服务支出', '2,232.91']]),
    ].join('\n'));
    expect(doc.tables.map((t) => t.table)).toEqual(['fiscal_expense', 'fiscal_basic_expense', 'operating_cost']);
    expect(figures(doc, 'fiscal_expense')).toEqual({ 'total total': '20702.25', '201 total': '16845.17' });
    expect(figures(doc, 'fiscal_basic_expense')).toEqual({ 'total total': '9964.07', '301 total': '3920.22' });
    expect(figures(doc, 'operating_cost')).toEqual({ 'total total': '2232.91', '302 total': '2232.91' });
  });

  it('a table printed empty takes its classification from the header words (经济科目 → the economic table)', () => {
    const doc = read(jiangsu('财政拨款支出预算表', [['经济科目编码', '经济科目名称', '金额'], ['', '合计', '']]));
    expect(doc.tables).toEqual([expect.objectContaining({ table: 'fiscal_basic_expense', status: 'empty' })]);
  });

  it('政府采购支出预算表 by category: 合计, 货物, 服务 read; the detail under them reported once', () => {
    const doc = read(jiangsu('政府采购支出预算表', [
      ['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式', '总计'],
      ['合计', '', '', '', '', '1,449.50'],
      ['一、货物A', '', '', '', '', '90.00'],
      ['', '机要及电子政务业务费', '办公设备购置', '', '', '30.00'],
      ['', '', '', 'PC服务器', '分散自行组织', '12.00'],
      ['三、服务C', '', '', '', '', '1,359.50'],
    ]));
    expect(figures(doc, 'procurement')).toEqual({ 'total total': '1449.50', 'goods total': '90.00', 'services total': '1359.50' });
    expect(doc.warnings.map((w) => w.message)).toEqual([expect.stringContaining('2 行明细')]);
    // Left by design: the warning is tied to no table, so the audit does not take the whole table
    // (its 合计 and categories) for unread.
    expect(doc.warnings[0].table).toBeUndefined();
  });

  // A Word table's PDF wraps each head over three lines: 总计 stands on the middle one, 品目 and 采购
  // on the line above. The table was 「找不到「合计」等金额列的表头」 and all of it lost.
  it('政府采购支出预算表 whose heads wrap over three lines: the same figures', () => {
    const doc = read(jiangsu('政府采购支出预算表', [
      ['采购品目大', '', '', '采购物品', '采购组织', ''],
      ['', '专项名称', '经济科目', '', '', '总计'],
      ['类', '', '', '名称', '形式', ''],
      ['合计', '', '', '', '', '1,449.50'],
      ['一、货物A', '', '', '', '', '90.00'],
      ['', '机要及电子政务业务费', '办公设备购置', '', '', '30.00'],
      ['三、服务C', '', '', '', '', '1,359.50'],
    ]));
    expect(figures(doc, 'procurement')).toEqual({ 'total total': '1449.50', 'goods total': '90.00', 'services total': '1359.50' });
  });

  // A real 公开11表 (人大 2018): 合计 and 302 under the head, the 302xx rows' amounts a column to its left.
  // Every row was 「多出一列无法对应表头的数」 and the table lost; one head, one amount a row: its total.
  it('机关运行经费 amounts printed left of their one head are each row\'s total', () => {
    const doc = read(jiangsu('一般公共预算机关运行经费支出预算表', [
      ['科目编码', '', '科目名称', '', '机关运行经费支出'],
      ['', '合计', '', '', '420.00'],
      ['302', '', '商品和服务支出', '', '420.00'],
      ['30201', '', '办公费', '370.00', ''],
      ['30205', '', '水费', '50.00', ''],
    ]));
    expect(figures(doc, 'operating_cost')).toEqual({ 'total total': '420.00', '302 total': '420.00', '30201 total': '370.00', '30205 total': '50.00' });
    expect(doc.warnings).toEqual([]);
    // 合计 twice: two tables run together where a title was lost (a page turned sideways, through
    // pdftotext). Not read this way: the rows off their head are reported, not taken for totals.
    const apart = read(jiangsu('一般公共预算机关运行经费支出预算表', [
      ['科目编码', '', '科目名称', '', '机关运行经费支出'],
      ['', '合计', '', '', '420.00'],
      ['302', '', '商品和服务支出', '', '420.00'],
      ['', '合计', '', '370.00', ''],
      ['30201', '', '办公费', '370.00', ''],
    ]));
    expect(figures(apart, 'operating_cost')['30201 total']).toBeUndefined();
    expect(apart.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('「办公费」行多出一列无法对应表头的数「370.00」'));
  });

  // 政协 2017: 「表十二」 over 「2017年政府采购预算表」 on the table's first page, the title alone on the
  // next. 「表十二2017年…」 was read as table 「十二2」 of year 「017年」, so the two titles differed and
  // the second page was a table of its own: 「中的数字都未能读取」.
  it('a title printed with its number, then without it on the next page, is one table', () => {
    const head = ['部门：江苏省测试厅\t单位：万元', tabRows([['采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式', '总计']])];
    const doc = read(['表十二', '2017年政府采购预算表', ...head, tabRows([
      ['合计', '', '', '', '', '1,449.50'], ['一、货物A', '', '', '', '', '90.00'], ['', '', '', 'PC服务器', '分散自行组织', '12.00'],
      ['三、服务C', '', '', '', '', '1,359.50'], ['', '商品和服务支出', '会议费', '', '', '62.20']]),
    '2017年政府采购预算表', ...head, tabRows([['', '省政协全委会', '会议费', '', '', '714.80'], ['', '', '', '会议服务', '分散自行组织', '65.00']])].join('\n'));
    expect(doc.meta.year).toBe(2017);
    expect(figures(doc, 'procurement')).toEqual({ 'total total': '1449.50', 'goods total': '90.00', 'services total': '1359.50' });
    expect(doc.warnings.map((w) => w.message)).toEqual([expect.stringContaining('4 行明细')]);
  });

  // 人大 2017 through pdftotext: 「小计」 broken into 「小」 and 「计」 on two lines, apart, names no item;
  // the amounts went one item left (因公出国 took 小计's 833.60), 7 wrong figures. The sums place them.
  it('三公 across whose header lost its 小计: the sums place the amounts', () => {
    const doc = read(jiangsu('“三公”经费、会议费、培训费支出预算表', [
      ['合计', '小', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费', '会议费', '培训费'],
      ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '', '', ''],
      ['计', '', '', '', '', '', '', '', ''],
      ['2,542.60', '833.60', '222.50', '183.60', '', '183.60', '427.50', '1,305.25', '403.75'],
    ]));
    // As the PDF reader reads the same table: Jiangsu's 合计 takes 会议费 and 培训费 in, the 三公's total is its 小计.
    expect(figures(doc, 'three_public')).toEqual({
      'total_with_meeting_training total': '2542.60', 'subtotal total': '833.60', 'total total': '833.60', 'overseas total': '222.50',
      'vehicle total': '183.60', 'vehicle_operation total': '183.60', 'reception total': '427.50', 'meeting total': '1305.25', 'training total': '403.75',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('a table of no known kind is kept as printed and reported with its title', () => {
    const doc = read([jiangsu('收支预算总表', [['项目名称', '金额', '项目名称', '金额'], ['一、财政拨款', '1.00', '一、基本支出', '1.00']]),
      '部门基本支出预算明细表', tabRows([['项目名称', '金额'], ['信息化建设', '12.50']])].join('\n'));
    expect(doc.rawTables).toEqual([{ title: '部门基本支出预算明细表', header: [['项目名称', '金额']], body: [['信息化建设', '12.50']], source: { line: expect.any(Number) } }]);
    expect(doc.warnings).toEqual([expect.objectContaining({ kind: 'unmapped_table', title: '部门基本支出预算明细表' })]);
    expect(doc.figures.every((f) => f.table === 'summary')).toBe(true);
  });
});
