import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { formatWan } from '../../../src/lib/model/amount';
import type { ParsedDocument } from '../../../src/lib/model/document';
import { cellLines, summaryTable, tabRows } from './fixtures';

function read(text: string): ParsedDocument {
  const r = readDisclosureText(text, 'test.txt');
  if (!r.ok) throw new Error(r.error);
  expect(r.docs).toHaveLength(1);
  return r.docs[0];
}

/** `table row column → amount` lines of one table, for compact expectations. */
function figures(doc: ParsedDocument, table: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of doc.figures) if (f.table === table) out[`${f.rowCode} ${f.column}`] = formatWan(f.amount);
  return out;
}

const head = (title: string, unit = '单位：万元') => `${title}\n101 测试局\n预算年度：2023\n${unit}\n`;

describe('classified tables (coded rows)', () => {
  it('支出总表: 序号, codes, 合计 → total, blank cells give nothing', () => {
    const doc = read(head('部门预算支出总表') + tabRows([
      ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
      ['', '科目编码', '科目名称', '', '', '', '', '', ''],
      ['栏次', '1', '2', '3', '4', '5', '6', '7', '8'],
      ['1', '', '合计', '100.00', '60.00', '40.00', '', '', ''],
      ['2', '201', '一般公共服务支出', '100.00', '60.00', '40.00', '', '', ''],
      ['3', '2010301', '行政运行', '60', '60', '', '', '', ''],
    ]));
    expect(figures(doc, 'expense')).toEqual({
      'total total': '100.00', 'total basic': '60.00', 'total project': '40.00',
      '201 total': '100.00', '201 basic': '60.00', '201 project': '40.00',
      '2010301 total': '60.00', '2010301 basic': '60.00',
    });
    expect(doc.tables).toEqual([expect.objectContaining({ table: 'expense', status: 'present' })]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads an amount marked 「△」 (a decrease) as negative, and warns of nothing', () => {
    const doc = read(head('部门预算支出总表') + tabRows([
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', '90.00', '100.00', '△10.00'],
      ['201', '一般公共服务支出', '90.00', '100.00', '△10.00'],
    ]));
    expect(figures(doc, 'expense')).toMatchObject({ 'total project': '-10.00', '201 project': '-10.00', '201 total': '90.00' });
    expect(doc.warnings).toEqual([]);
  });

  it('joins codes printed with spaces (「208 05 01」) or in split 类/款/项 columns', () => {
    const doc = read(head('部门预算一般公共预算财政拨款支出表') + tabRows([
      ['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出'],
      ['208', '', '', '社会保障和就业支出', '5', '5', ''],
      ['208', '05', '', '行政事业单位养老支出', '5', '5', ''],
      ['', '', '01', '行政单位离退休', '3', '3', ''],
      ['210 11 01', '行政单位医疗', '2', '2', ''],
    ]));
    expect(Object.keys(figures(doc, 'general_expense'))).toEqual([
      '208 total', '208 basic', '20805 total', '20805 basic', '2080501 total', '2080501 basic', '2101101 total', '2101101 basic',
    ]);
  });

  it('converts a table printed in 元 exactly', () => {
    const doc = read(head('部门预算一般公共预算财政拨款基本支出表', '单位：元') + tabRows([
      ['序号', '科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['1', '', '合计', '156211100', '156,211,100.00', ''],
      ['2', '30201', '办公费', '1.23', '', '1.23'],
    ]));
    expect(figures(doc, 'basic_expense')).toEqual({
      'total total': '15621.11', 'total personnel': '15621.11', '30201 total': '0.000123', '30201 public': '0.000123',
    });
  });

  it('收入总表: keys from header words in template order, though merged cells misalign the header', () => {
    const doc = read(head('部门预算收入总表') + tabRows([
      ['序号', '功能分类科目', '', '合计', '本年收入', '', '', '', '', '', '', '', '上年结转'],
      ['', '科目', '编码', '', '科目名称', '小计', '财政拨款收入', '财政专户收入', '事业收入', '经营收入', '上级补助收入', '附属单位上缴收入', ''],
      ['1', '', '合计', '10', '8', '8', '', '', '', '', '', '', '2'],
      ['2', '204', '公共安全支出', '10', '8', '8', '', '', '', '', '', '1', '2'],
    ]));
    // 其他收入 is missing from this page's header but its cell is there: the national template fills it.
    expect(figures(doc, 'income')).toMatchObject({
      'total total': '10.00', 'total current_subtotal': '8.00', 'total fiscal': '8.00', 'total carryover': '2.00',
      '204 other': '1.00', '204 carryover': '2.00',
    });
  });

  it('决算 支出决算表: 「本年支出合计」 is the total column', () => {
    const doc = read(head('一般公共预算财政拨款支出决算表') + tabRows([
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['201', '一般公共服务支出', '3', '2', '1'],
    ]));
    expect(figures(doc, 'general_expense')).toEqual({ '201 total': '3.00', '201 basic': '2.00', '201 project': '1.00' });
  });

  it('决算 with 年初预算数 | 全年预算数 | 决算数 (合计, 基本, 项目): budget columns get our keys, 决算数 stays total', () => {
    const doc = read(head('一般公共预算财政拨款支出决算表') + tabRows([
      ['科目编码', '科目名称', '年初预算数', '全年预算数', '决算数', '', ''],
      ['', '', '', '', '合计', '基本支出', '项目支出'],
      ['', '合计', '12.00', '13.50', '12.40', '8.00', '4.40'],
      ['201', '一般公共服务支出', '12', '13.5', '12.4', '8', '4.4'],
    ]));
    expect(figures(doc, 'general_expense')).toEqual({
      'total initial_budget': '12.00', 'total full_year_budget': '13.50', 'total total': '12.40', 'total basic': '8.00', 'total project': '4.40',
      '201 initial_budget': '12.00', '201 full_year_budget': '13.50', '201 total': '12.40', '201 basic': '8.00', '201 project': '4.40',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('决算 with 调整预算数 and a bare 预算数: full_year_budget and initial_budget', () => {
    const doc = read(head('支出决算表') + tabRows([
      ['科目编码', '科目名称', '预算数', '调整预算数', '决算数'],
      ['201', '一般公共服务支出', '10', '11', '9.5'],
    ]));
    expect(figures(doc, 'expense')).toEqual({ '201 initial_budget': '10.00', '201 full_year_budget': '11.00', '201 total': '9.50' });
  });

  it('a 预算 never reads 年初预算数 as a budget column of ours', () => {
    const doc = read(head('部门预算支出总表') + tabRows([
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['201', '一般公共服务支出', '3', '2', '1'],
    ]));
    expect(Object.keys(figures(doc, 'expense')).some((k) => k.includes('budget'))).toBe(false);
  });

  it('warns about an unreadable amount and a row without a code, and keeps the rest', () => {
    const doc = read(head('部门预算支出总表') + tabRows([
      ['序号', '科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['1', '201', '一般公共服务支出', '1O0.00', '60.00', ''],
      ['2', '20X', '', '5.5', '5.5', ''],
    ]));
    expect(figures(doc, 'expense')).toEqual({ '201 basic': '60.00' });
    expect(doc.warnings.map((w) => w.source?.line).sort()).toEqual([6, 7]);
    expect(doc.warnings.find((w) => w.source?.line === 6)?.message).toContain('1O0.00');
  });

  it('an empty table with its 「空表列示」 note is seen as empty', () => {
    const doc = read(head('部门预算政府性基金预算财政拨款支出表') + tabRows([
      ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出'],
      ['栏次', '1', '2', '3', '4', '5'],
    ]) + '\n注：无政府性基金预算财政拨款预算，空表列示。\n');
    expect(doc.figures).toEqual([]);
    expect(doc.tables).toEqual([expect.objectContaining({ table: 'fund_expense', status: 'empty', source: { line: 1 } })]);
  });

  it('the cell-line layout gives the same figures as tab rows', () => {
    const rows = [
      ['序号', '功能分类科目', '合计', '基本支出', '项目支出'],
      ['', '科目编码', '科目名称', '', ''],
      ['栏次', '1', '2', '3', '4', '5'],
      ['1', '', '合计', '181.17', '81.17', '100'],
      ['', '2010302', '一般行政管理事务', '37.45', '', '37.45'],
    ];
    const a = read(head('部门预算一般公共预算财政拨款支出表') + tabRows(rows));
    const b = read('部门预算一般公共预算财政拨款支出表\n' + cellLines([['455测试局', '预算年度：2023', '单位：万元'], ...rows]));
    expect(figures(b, 'general_expense')).toEqual(figures(a, 'general_expense'));
    expect(Object.keys(figures(b, 'general_expense'))).toHaveLength(5);
  });
});

describe('summary tables (named rows)', () => {
  it('收支总表: labels on both sides, the 2024 单位资金 row, a printed 0 kept, blanks dropped', () => {
    const doc = read(summaryTable());
    expect(figures(doc, 'summary')).toEqual({
      'income.general amount': '100.50', 'expense.201 amount': '90.25',
      'income.unit_funds amount': '3.00', 'expense.208 amount': '10.25',
      'income.current_total amount': '103.50', 'expense.current_total amount': '100.50',
      'income.carryover amount': '0.00', 'expense.carryforward amount': '3.00',
      'income.grand_total amount': '103.50', 'expense.grand_total amount': '103.50',
    });
    expect(doc.meta).toEqual({ unitCode: '101', unitName: '测试局', scope: 'department', stage: 'budget', year: 2023 });
  });

  it('labels with 单位 misprinted as 部门 still match (seed 004)', () => {
    const doc = read(head('部门预算收支总表', '部门：万元') + tabRows([
      ['序号', '收入', '', '支出', ''],
      ['6', '六、事业部门经营收入', '1', '二十三、灾害防治及应急管理支出', '2'],
      ['8', '八、附属部门上缴收入', '3', '三十一、人行科目', ''],
    ]));
    expect(figures(doc, 'summary')).toEqual({
      'income.operating amount': '1.00', 'expense.224 amount': '2.00', 'income.subordinate amount': '3.00',
    });
  });

  it('an unknown row with an amount is reported, not dropped silently', () => {
    const doc = read(head('部门预算收支总表') + tabRows([['序号', '收入', '', '支出', ''], ['31', '', '', '三十一、某新科目', '7']]));
    expect(doc.figures).toEqual([]);
    expect(doc.warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('某新科目'), source: { line: 6 } })]);
  });

  it('决算 summary: the 行次 columns are skipped', () => {
    const doc = read(head('收入支出决算总表') + tabRows([
      ['项目', '行次', '决算数', '项目', '行次', '决算数'],
      ['一、一般公共预算财政拨款收入', '1', '12.5', '一、一般公共服务支出', '32', '12.5'],
    ]));
    expect(figures(doc, 'summary')).toEqual({ 'income.general amount': '12.50', 'expense.201 amount': '12.50' });
    expect(doc.meta.stage).toBe('final');
  });

  it('财政拨款收支总表: expense columns by fund kind, carried-over funds under their own keys', () => {
    const doc = read(head('部门预算财政拨款收支总表') + tabRows([
      ['序号', '收入', '', '支出', '', '', '', ''],
      ['', '项目', '金额', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
      ['1', '一、一般公共预算拨款', '8', '一、一般公共服务支出', '10', '9', '1', ''],
      ['2', '年初财政拨款结转和结余', '2', '年末财政拨款结转和结余', '', '', '', ''],
      ['3', '一、一般公共预算拨款', '2', '', '', '', '', ''],
      ['4', '收入总计', '10', '支出总计', '10', '9', '1', ''],
    ]));
    expect(figures(doc, 'fiscal_summary')).toEqual({
      'income.general amount': '8.00', 'expense.201 total': '10.00', 'expense.201 general': '9.00', 'expense.201 fund': '1.00',
      'income.carryover amount': '2.00', 'income.carryover.general amount': '2.00',
      'income.grand_total amount': '10.00', 'expense.grand_total total': '10.00', 'expense.grand_total general': '9.00',
      'expense.grand_total fund': '1.00',
    });
  });
});

describe('三公 决算 table printed across with 预算数 | 决算数', () => {
  const title = head('财政拨款“三公”经费支出决算表');
  const items = ['合计', '', '因公出国（境）费', '', '公务用车购置及运行费', '', '', '', '', '', '公务接待费', ''];
  const parts = ['', '', '', '', '小计', '', '公务用车购置费', '', '公务用车运行费', '', '', ''];
  const phases = Array.from({ length: 6 }, () => ['预算数', '决算数']).flat();

  it('each 预算数 is initial_budget and each 决算数 total, item by item', () => {
    const doc = read(title + tabRows([items, parts, phases, ['10', '8', '2', '1', '6', '5', '', '', '6', '5', '2', '2']]));
    expect(figures(doc, 'three_public')).toEqual({
      'total initial_budget': '10.00', 'total total': '8.00', 'overseas initial_budget': '2.00', 'overseas total': '1.00',
      'vehicle initial_budget': '6.00', 'vehicle total': '5.00', 'vehicle_operation initial_budget': '6.00', 'vehicle_operation total': '5.00',
      'reception initial_budget': '2.00', 'reception total': '2.00',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('a 预算数 and 决算数 joined into one column by the layout are placed by the sums', () => {
    // As a PDF reads a table whose blank cells left no trace: the 公务接待费 pair is one column.
    const joined = [['合计', '', '公务接待费'], ['预算数', '决算数', '预算数决算数'], ['0.95', '', '0.95']];
    const doc = read(title + tabRows(joined));
    expect(figures(doc, 'three_public')).toEqual({ 'total initial_budget': '0.95', 'reception initial_budget': '0.95' });
    expect(doc.warnings).toEqual([]);
  });

  it('a joined column no sum places is reported, not guessed', () => {
    const joined = [['合计', '', '因公出国（境）费', '公务接待费'], ['预算数', '决算数', '预算数决算数', '预算数决算数'], ['1', '1', '1', '']];
    const doc = read(title + tabRows(joined));
    expect(figures(doc, 'three_public')).toEqual({ 'total initial_budget': '1.00', 'total total': '1.00' });
    expect(doc.warnings).toEqual([expect.objectContaining({ kind: 'unread_cell', message: expect.stringContaining('无法判断') })]);
  });
});

describe('三公 table, in the three row layouts of the seeds', () => {
  const header = [['序号', '项 目', '资 金 性 质', '', '', ''], ['', '', '合 计', '一般公共预算 财政拨款', '政府性基金 预算拨款', '国有资本经营 预算财政拨款'], ['档次', '1', '2', '3', '4', '5']];
  const expected = { 'total total': '5.28', 'total general': '5.28', 'vehicle_operation total': '3.29', 'vehicle_operation general': '3.29', 'reception total': '1.99' };

  it('序号 | 项目 | amounts (national template, 「档次」 typo)', () => {
    const doc = read(head('部门预算财政拨款“三公”经费支出表') + tabRows([
      ...header,
      ['1', '合计', '5.28', '5.28', '', ''],
      ['8', '公务用车运行维护费', '3.29', '3.29', '', ''],
      ['9', '三、公务接待费', '1.99', '', '', ''],
    ]));
    expect(figures(doc, 'three_public')).toEqual(expected);
  });

  it('项目 | 项目 | amounts (name printed twice)', () => {
    const doc = read(head('部门预算财政拨款“三公”经费支出表') + tabRows([
      ...header,
      ['公务用车运行经费', '公务用车运行经费', '3.29', '3.29', '', ''],
      ['公务接待费', '公务接待费', '1.99', '', '', ''],
      ['合计', '合计', '5.28', '5.28', '', ''],
    ]));
    expect(figures(doc, 'three_public')).toEqual(expected);
  });

  it('a 序号 cut off onto its own row by a page break', () => {
    const doc = read('单位预算财政拨款“三公”经费支出表\n' + cellLines([
      ['203001测试局（本级）', '预算年度：2023', '单位：万元'], ...header,
      ['1'], ['公务用车运行经费', '3.29', '3.29', '', ''],
      ['3'], ['公务接待费', '1.99', '', '', ''],
      ['', '合计', '5.28', '5.28', '', ''],
    ]));
    expect(figures(doc, 'three_public')).toEqual(expected);
    expect(doc.meta).toMatchObject({ unitCode: '203001', unitName: '测试局（本级）', scope: 'unit' });
  });

  it('a 「空表列示」 三公 table with labelled rows is empty', () => {
    const doc = read(head('部门预算财政拨款“三公”经费支出表') + tabRows([...header, ['1', '合计', '', '', '', '']]) + '\n注：无财政拨款“三公”经费支出表预算，空表列示。');
    expect(doc.tables[0]).toMatchObject({ table: 'three_public', status: 'empty' });
  });
});

describe('procurement and assets', () => {
  it('政府采购预算: total, unit subtotals and items', () => {
    const doc = read('部门政府采购预算\n216 测试委员会\n单位：万元\n' + tabRows([
      ['政府采购项目来源', '', '政府采购金额（当年部门预算安排资金）', '', '', '', '', '', '', '', '', '', ''],
      ['项目名称', '预算资金', '采购物品名称', '政府采购目录序号', '计量单位', '数量', '单价', '合计', '一般公共预算拨款', '基金预算拨款', '国有资本经营预算拨款', '财政专户核拨', '单位资金'],
      ['合计', '', '', '', '', '', '', '1,440.73', '1440.73', '', '', '', ''],
      ['本级小计', '', '', '', '', '', '', '1.5', '1.5', '', '', '', ''],
      ['公用经费', '12.00', '台式计算机', 'A02010104', '台', '3', '0.50', '1.50', '1.50', '', '', '', ''],
    ]));
    expect(figures(doc, 'procurement')).toEqual({
      'total total': '1440.73', 'total general': '1440.73', 'subtotal.1 total': '1.50', 'subtotal.1 general': '1.50',
      'item.1 total': '1.50', 'item.1 general': '1.50',
    });
    expect(doc.meta).toMatchObject({ unitCode: '216', unitName: '测试委员会' });
  });

  it('固定资产占用情况表: 价值 column, 「--」 is blank, six decimals kept', () => {
    const doc = read('部门固定资产占用情况表\n216 测试委员会\n截止时间：2020-12-31\n' + tabRows([
      ['项 目', '数量', '价值（金额单位：万元）'],
      ['资产总额', '--', '73.771445'],
      ['1、房屋（平方米）', '--', '--'],
      ['2、车辆（台、辆）', '1', '24.89'],
      ['4，其他固定资产', '--', '48.881445'],
    ]));
    expect(figures(doc, 'assets')).toEqual({ 'total total': '73.771445', 'vehicles total': '24.89', 'other total': '48.881445' });
  });

  it('固定资产 in 元 by its header', () => {
    const doc = read('部门固定资产占用情况表\n' + tabRows([['项目', '数量', '价值（金额单位：元）'], ['资产总额', '', '14958400']]));
    expect(figures(doc, 'assets')).toEqual({ 'total total': '1495.84' });
  });
});

// A narrow name cell wrapped around its row (LibreOffice printing a web page): the name's first line
// above the row of code and amount, the rest below. The row was 「无法识别科目编码」, its amount lost.
describe('a coded row whose name wraps around it', () => {
  it('takes the lines above and below as its name', () => {
    const doc = read(head('部门预算政府性基金预算财政拨款支出表') + tabRows([
      ['科目编码', '科目名称', '金额'],
      ['', '合计', '463.59'],
      ['212', '城乡社区支出', '463.59'],
      ['', '国有土地使用权出让收入安排的支', ''],
      ['21208', '', '463.59'],
      ['', '出', ''],
      ['2120801', '征地和拆迁补偿支出', '463.59'],
    ]));
    expect(doc.figures.filter((f) => f.table === 'fund_expense').map((f) => `${f.rowCode} ${f.rowName}`))
      .toEqual(['total 合计', '212 城乡社区支出', '21208 国有土地使用权出让收入安排的支出', '2120801 征地和拆迁补偿支出']);
    expect(doc.warnings.filter((w) => w.message.includes('无法识别'))).toEqual([]);
  });

  it('not a head\'s piece over a one-row table\'s amounts', () => {
    const doc = read(head('部门预算支出总表') + tabRows([
      ['', '', '', '', '结转下年资'],
      ['合计', '基本支出', '项目支出', '单位预留机动经费', ''],
      ['', '', '', '', '金'],
      ['15897.44', '7877.76', '6333.96', '1685.72', ''],
    ]));
    expect(figures(doc, 'expense')).toEqual({ 'total total': '15897.44', 'total basic': '7877.76', 'total project': '6333.96', 'total reserve': '1685.72' });
  });
});
