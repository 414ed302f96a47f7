import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { importFile } from '../../../src/lib/ingest/file';
import { toRows } from '../../../src/lib/ingest/lines';
import { readProject } from '../../../src/lib/ingest/performance';
import { readPdfPages } from '../../../src/lib/ingest/pdf/read';
import type { PdfTextItem } from '../../../src/lib/ingest/pdf/types';
import { projectTitle } from '../../../src/lib/ingest/headings';
import { titleOf } from '../../../src/lib/ingest/titles';
import { FEN_PER_YUAN, parseDecimal } from '../../../src/lib/model/amount';
import type { ImportWarning, PerformanceProject } from '../../../src/lib/model/document';
import { tabRows } from './fixtures';
import { docxOf, xlsxOf } from './office/fixtures';
import { page, run } from './pdf/pageItems';

// The national per-project form (财政项目支出绩效目标填报表 and its kin), one project to a form, as
// provinces print it instead of the seeds' 绩效目标表. Our own projects and figures throughout.

const yuan = (s: string) => parseDecimal(s.replace(/,/g, ''), FEN_PER_YUAN);
const wanOf = (s: string) => parseDecimal(s);
const levels = (p: PerformanceProject) => p.indicators.map((i) => [i.level1, i.level2, i.level3, i.value]);

/** A form as a grid (text, Word, a sheet): every cell in its column, merged labels on their block's first row. */
function formRows(name: string, title = '项目支出绩效目标申报表'): string[][] {
  return [
    [title],
    ['（2024年度）'],
    ['项目名称', name, '', '项目性质', '经常性项目'],
    ['主管部门', '某某街道办事处', '', '实施单位', '某某街道办事处'],
    ['项目资金（元）', '项目资金总额', '860,000.00', '年度资金申请总额', '860,000.00'],
    ['', '其中：财政资金', '840,000.00', '其中：当年财政拨款', '800,000.00'],
    ['', '', '', '上年结转资金', '40,000.00'],
    ['', '其他资金', '20,000.00', '其他资金', '20,000.00'],
    ['项目绩效目标', '项目总目标', '', '年度总体目标', ''],
    ['', `维护${name}全线。`, '', '年内完成巡查与维修。', ''],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值'],
    ['', '产出指标', '数量指标', '巡查次数', '≥52(次)'],
    ['', '', '', '维修面积', '≥300(平方米)'],
    ['', '', '', '新增座椅', '≥10(个)'],
    ['', '', '质量指标', '验收合格率', '=100%'],
    ['', '效益指标', '社会效益指标', '居民健身条件', '改善'],
    ['', '满意度指标', '服务对象满意度指标', '居民满意度', '≥90%'],
  ];
}

const GRID_INDICATORS = [
  ['产出指标', '数量指标', '巡查次数', '≥52(次)'],
  ['产出指标', '数量指标', '维修面积', '≥300(平方米)'],
  // Nearer the 质量指标 below than the 数量指标 above: a grid's label heads its block, so still 数量指标.
  ['产出指标', '数量指标', '新增座椅', '≥10(个)'],
  ['产出指标', '质量指标', '验收合格率', '=100%'],
  ['效益指标', '社会效益指标', '居民健身条件', '改善'],
  ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%'],
];

const FORMS_TEXT = `${tabRows(formRows('健身步道维护'))}\n${tabRows(formRows('社区图书室运行', '财政项目支出绩效目标填报表'))}\n`;

describe('the national per-project form (项目支出绩效目标申报表) as a grid', () => {
  it('reads each form as a project named by its 项目名称, with the year\'s funds in the unit it states', () => {
    const r = readDisclosureText(FORMS_TEXT, 'forms.txt');
    if (!r.ok) throw new Error(r.error);
    const [doc] = r.docs;
    expect(doc.projects.map((p) => p.name)).toEqual(['健身步道维护', '社区图书室运行']);
    const [p] = doc.projects;
    // 年度资金申请总额 = 当年财政拨款 + 上年结转 + 其他资金, not the whole project's 财政资金.
    expect(p).toMatchObject({ amount: yuan('860000'), fiscalAmount: yuan('800000'), otherAmount: yuan('20000'), carryoverAmount: yuan('40000'), goals: '维护健身步道维护全线。 年内完成巡查与维修。' });
    expect(levels(p)).toEqual(GRID_INDICATORS);
    expect(p.indicators.every((i) => i.description === '' && i.basis === '')).toBe(true);
    // Nothing of the forms is left to the narrative as an unread table.
    expect(doc.warnings.filter((w) => w.kind === 'unmapped_table')).toEqual([]);
  });

  it('reads the same forms from a .docx and an .xlsx through the same reader', { timeout: 60_000 }, async () => {
    const text = readDisclosureText(FORMS_TEXT, 'forms.txt');
    if (!text.ok) throw new Error(text.error);
    const strip = (ps: readonly PerformanceProject[]) => ps.map((p) => ({ ...p, source: undefined, indicators: levels(p) }));
    for (const [bytes, name] of [[docxOf(FORMS_TEXT), 'forms.docx'], [xlsxOf(FORMS_TEXT), 'forms.xlsx']] as const) {
      const r = await importFile(bytes, name);
      if (!r.ok) throw new Error(r.error);
      expect(strip(r.docs[0].projects), name).toEqual(strip(text.docs[0].projects));
    }
  });

  it('the same form printed twice is imported once', () => {
    const r = readDisclosureText(`${tabRows(formRows('健身步道维护'))}\n${tabRows(formRows('健身步道维护'))}\n`, 'twice.txt');
    if (!r.ok) throw new Error(r.error);
    expect(r.docs[0].projects.map((p) => p.name)).toEqual(['健身步道维护']);
    expect(r.docs[0].warnings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('「健身步道维护」重复出现') }));
  });
});

describe('the form\'s 项目资金 grid', () => {
  const read = (rows: string[][], warnings: ImportWarning[] = []) => readProject('标题名', 1, toRows(tabRows([['项目名称', '某项目'], ...rows])), warnings);

  it('one column, no unit stated: 万元', () => {
    const p = read([['项目资金', '年度资金总额', '12.50'], ['', '其中：财政拨款', '10.00'], ['', '其他资金', '2.50']]);
    expect(p).toMatchObject({ name: '某项目', amount: parseDecimal('12.5'), fiscalAmount: parseDecimal('10'), otherAmount: parseDecimal('2.5') });
    // No 上年结转 line: none on the project, as for the seeds' tables.
    expect('carryoverAmount' in p).toBe(false);
  });

  it('two columns with the same labels: the year\'s is the one beside 年度资金总额', () => {
    const p = read([
      ['项目资金（万元）', '项目资金总额', '30.00', '年度资金总额', '12.00'],
      ['', '其中：财政拨款', '28.00', '其中：财政拨款', '10.00'],
      ['', '其他资金', '2.00', '其他资金', '2.00'],
    ]);
    expect(p).toMatchObject({ amount: parseDecimal('12'), fiscalAmount: parseDecimal('10'), otherAmount: parseDecimal('2') });
  });

  it('only the project\'s total: its parts', () => {
    const p = read([['项目资金（元）', '项目资金总额', '5,000.00'], ['', '其中：财政资金', '5,000.00'], ['', '其他资金', '']]);
    expect(p).toMatchObject({ amount: yuan('5000'), fiscalAmount: yuan('5000'), otherAmount: null });
  });

  it.each([
    ['beside the name', [['项目名称', '某项目', '项目金额', '120.00']], [wanOf('120'), null, null]],
    ['预算金额 with its unit in the label', [['预算金额（元）', '1,200,000.00']], [yuan('1200000'), null, null]],
    ['年度预算数', [['年度预算数', '120.00']], [wanOf('120'), null, null]],
    ['label and amount in one cell, the unit on the row\'s label (the 2021 reference form)', [['资金情况（万元）', '年度资金总额：120.00', '其中：财政拨款：100.00', '其他资金：20.00']], [wanOf('120'), wanOf('100'), wanOf('20')]],
  ])('a one-project table\'s amount %s', (_, rows, [amount, fiscal, other]) => {
    const p = readProject('标题名', 1, toRows(tabRows([...(rows[0][0] === '项目名称' ? [] : [['项目名称', '某项目']]), ...rows])), []);
    expect([p.name, p.amount, p.fiscalAmount, p.otherAmount]).toEqual(['某项目', amount, fiscal, other]);
  });

  it('「项目资金」 heading the form\'s grid, no amount after it, is no amount of its own', () => {
    const p = read([['项目资金', '项目资金总额', '30.00'], ['', '其中：财政资金', '28.00'], ['', '其他资金', '2.00']]);
    expect(p).toMatchObject({ amount: parseDecimal('30'), fiscalAmount: parseDecimal('28'), otherAmount: parseDecimal('2') });
  });

  it('an amount that is no number: null, with a warning', () => {
    const warnings: ImportWarning[] = [];
    const p = read([['项目资金', '年度资金总额', '1..5'], ['', '其中：财政拨款', '1.5']], warnings);
    expect(p).toMatchObject({ amount: null, fiscalAmount: parseDecimal('1.5') });
    expect(warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('「1..5」') })]);
  });
});

describe('form titles', () => {
  it.each([
    ['财政项目支出绩效目标填报表', '财政项目支出'],
    ['项目支出绩效目标申报表', '项目支出'],
    ['项目支出绩效目标表（2024年度）', '项目支出'],
    // A number before the title is taken off, a year kept as the seeds' 「3、2023 年天网…」 keep it.
    ['3、2024年办公楼维修改造绩效目标表', '2024年办公楼维修改造'],
    ['2024年办公楼维修改造绩效目标表', '2024年办公楼维修改造'],
  ])('「%s」 opens a project (its name is in the form)', (title, name) => {
    expect(projectTitle([title])).toBe(name);
  });

  it.each(['部门整体支出绩效目标表', '2024年部门整体绩效目标表', '单位整体支出绩效目标申报表'])('「%s」 opens no project: a table of its own, kept raw', (title) => {
    expect(projectTitle([title])).toBeNull();
    expect(titleOf(title)).toMatchObject({ table: null });
  });
});

/**
 * The form as a PDF prints it: gap cells without blanks; an amount and the next label close enough
 * to make one cell; 「（元）」 on a line of its own; merged 一级/二级指标 centred on their block, on a
 * row of its own or beside a row of the block; 「服务对象满意度指标」 wrapped in its cell; two labels
 * touching; the form's 「绩效指标」 panel down the left.
 */
function pdfForm(name: string, n: number, wrappedGoals = false): ReturnType<typeof page> {
  const at = (y: number, cells: [string, number][]) => cells.map(([text, x]) => run(text, x, y));
  const items: PdfTextItem[] = [
    run('财政项目支出绩效目标填报表', 200, 560, { size: 12 }),
    ...at(540, [['（2024年度）', 260]]),
    ...at(515, [['项目名称', 80], [name, 160], ['项目性质', 320], ['经常性项目', 380]]),
    ...at(490, [['主管部门', 80], ['某某街道办事处', 160], ['实施单位', 320], ['某某街道办事处', 380]]),
    ...at(465, [['计划开始日期', 75], ['2024-01-01', 200], ['计划完成日期', 310], ['2024-12-31', 430]]),
    // 「860,000.00」 ends 6 pt before 「年度资金申请总额」: one cell.
    run('项目资金总额', 150, 440), run('860,000.00', 300, 440, { right: true }), run('年度资金申请总额', 306, 440), run('860,000.00', 520, 440, { right: true }),
    ...at(428, [['其中：当年财政拨款', 370]]), run('800,000.00', 520, 428, { right: true }),
    ...at(418, [['项目资金', 80], ['其中：财政资金', 150]]), run('840,000.00', 300, 418, { right: true }),
    ...at(408, [['（元）', 84], ['上年结转资金', 370]]), run('40,000.00', 520, 408, { right: true }),
    run('其他资金', 150, 396), run('20,000.00', 300, 396, { right: true }), run('其他资金', 306, 396), run('20,000.00', 520, 396, { right: true }),
    ...at(375, [['项目总目标', 200], ['年度总体目标', 420]]),
    ...(wrappedGoals
      ? [
        // Both goals wrapped in their cells, line by line beside each other; the left one longer.
        ...at(360, [['项目', 66], [`维护${name}全线，`, 100], ['年内完成巡查', 380]]),
        ...at(348, [['绩效', 66], ['更换破损地砖，', 100], ['与维修。', 380]]),
        ...at(336, [['目标', 66], ['保障居民出行。', 100]]),
      ]
      : [...at(360, [['项目', 66], [`维护${name}全线。`, 100], ['年内完成巡查与维修。', 380]]), ...at(348, [['绩效', 66]]), ...at(336, [['目标', 66]])]),
    ...at(315, [['一级指标', 100], ['二级指标', 160], ['三级指标', 280], ['年度指标值', 440]]),
    ...at(295, [['巡查次数', 280], ['≥52(次)', 440]]),
    ...at(285, [['数量指标', 160]]),
    ...at(275, [['维修面积', 280], ['≥300(平方米)', 440]]),
    ...at(265, [['产出指标', 100], ['维修及时率', 280], ['≥95%', 440]]),
    ...at(255, [['质量指标', 160], ['验收合格率', 280], ['=100%', 440]]),
    ...at(245, [['绩效指标', 58], ['时效指标', 160], ['完成时间', 280], ['2024年12月前', 440]]),
    ...at(230, [['效益指标社会效益指标', 100], ['居民健身条件', 280], ['改善', 440]]),
    ...at(208, [['满意度指标', 100], ['服务对象满意', 165], ['游客满意度', 280], ['≥90%', 440]]),
    run('度指标', 174, 202),
  ];
  return { ...page(items, n), width: 595, height: 842 };
}

describe('the form as a PDF prints it', () => {
  it('reads each page\'s form as a project: funds, goals, and indicators with their labels placed', () => {
    const r = readPdfPages([pdfForm('健身步道维护', 1), pdfForm('社区图书室运行', 2)], 'forms.pdf');
    if (!r.ok) throw new Error(r.error);
    const [doc] = r.docs;
    expect(doc.projects.map((p) => [p.name, p.source.page])).toEqual([['健身步道维护', 1], ['社区图书室运行', 2]]);
    const [p] = doc.projects;
    expect(p).toMatchObject({ amount: yuan('860000'), fiscalAmount: yuan('800000'), otherAmount: yuan('20000'), carryoverAmount: yuan('40000'), goals: '维护健身步道维护全线。 年内完成巡查与维修。' });
    expect(levels(p)).toEqual([
      // Above the centred 数量指标, and the 产出指标 that its block's middle row prints.
      ['产出指标', '数量指标', '巡查次数', '≥52(次)'],
      ['产出指标', '数量指标', '维修面积', '≥300(平方米)'],
      // Nearer the 质量指标 below: centred labels take the rows around them.
      ['产出指标', '质量指标', '维修及时率', '≥95%'],
      ['产出指标', '质量指标', '验收合格率', '=100%'],
      ['产出指标', '时效指标', '完成时间', '2024年12月前'],
      ['效益指标', '社会效益指标', '居民健身条件', '改善'],
      ['满意度指标', '服务对象满意度指标', '游客满意度', '≥90%'],
    ]);
    expect(doc.warnings.filter((w) => w.kind === 'unmapped_table')).toEqual([]);
  });

  it('goals wrapped line by line in their two columns are read column by column, not interleaved', () => {
    const r = readPdfPages([pdfForm('健身步道维护', 1, true)], 'forms.pdf');
    if (!r.ok) throw new Error(r.error);
    expect(r.docs[0].projects[0].goals).toBe('维护健身步道维护全线，更换破损地砖，保障居民出行。 年内完成巡查与维修。');
  });
});
