import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { readDisclosureText } from '../../../src/lib/ingest';
import { importFile } from '../../../src/lib/ingest/file';
import { readPdfPages } from '../../../src/lib/ingest/pdf/read';
import type { PdfTextItem } from '../../../src/lib/ingest/pdf/types';
import { FEN_PER_YUAN, parseDecimal } from '../../../src/lib/model/amount';
import type { PerformanceProject } from '../../../src/lib/model/document';
import { tabRows } from './fixtures';
import { docxOf, rowsOf, sheetsOf, withMerges, xlsxOf } from './office/fixtures';
import { writeXlsx } from '../../../src/lib/ingest/office/write';
import { page, run } from './pdf/pageItems';

// The 项目支出绩效目标表 that lists many projects in one grid (county and city disclosures): one row
// per indicator, the project's name, funds and goal merged down its block. Our own projects throughout.

const levels = (p: PerformanceProject) => p.indicators.map((i) => [i.level1, i.level2, i.level3, i.value]);
const wan = (s: string) => parseDecimal(s);

/** As a grid keeps it (text, Word, a sheet): every cell in its column, a merged cell's text on its block's first row. */
const GRID: string[][] = [
  ['项目支出绩效目标表'],
  ['单位名称：某某县农业农村局', '', '', '', '', '', '', '', '单位：万元'],
  ['项目名称', '资金总额', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
  ['办公楼维修改造', '120.00', '完成办公楼维修改造，改善办公条件。', '产出指标', '数量指标', '维修面积', '≥', '2000', '平方米'],
  ['', '', '', '', '质量指标', '验收合格率', '=', '100', '%'],
  ['', '', '', '效益指标', '社会效益指标', '办公条件改善', '', '明显改善', ''],
  ['', '', '', '满意度指标', '服务对象满意度指标', '职工满意度', '≥', '90', '%'],
  ['信息化运维', '50.00', '保障信息系统稳定运行。', '产出指标', '数量指标', '运维系统数量', '=', '5', '个'],
  ['', '', '', '', '时效指标', '故障响应时间', '≤', '2', '小时'],
  ['', '', '', '满意度指标', '服务对象满意度指标', '使用人员满意度', '≥', '95', '%'],
];

const EXPECTED = [
  {
    name: '办公楼维修改造', amount: wan('120'), goals: '完成办公楼维修改造，改善办公条件。',
    indicators: [
      ['产出指标', '数量指标', '维修面积', '≥2000平方米'],
      // A merged 一级指标 prints on its block's first row (a PDF's, centred: the framework's for 质量指标).
      ['产出指标', '质量指标', '验收合格率', '=100%'],
      ['效益指标', '社会效益指标', '办公条件改善', '明显改善'],
      ['满意度指标', '服务对象满意度指标', '职工满意度', '≥90%'],
    ],
  },
  {
    name: '信息化运维', amount: wan('50'), goals: '保障信息系统稳定运行。',
    indicators: [
      ['产出指标', '数量指标', '运维系统数量', '=5个'],
      ['产出指标', '时效指标', '故障响应时间', '≤2小时'],
      ['满意度指标', '服务对象满意度指标', '使用人员满意度', '≥95%'],
    ],
  },
];

const shape = (ps: readonly PerformanceProject[]) => ps.map((p) => ({ name: p.name, amount: p.amount, goals: p.goals, indicators: levels(p) }));

function read(text: string): PerformanceProject[] {
  const r = readDisclosureText(text, 'grid.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0].projects;
}

describe('a grid of many projects (项目支出绩效目标表)', () => {
  it('reads each project of the grid: its name, funds, goal and indicators, the value with its sign and unit', () => {
    const projects = read(tabRows(GRID));
    expect(shape(projects)).toEqual(EXPECTED);
    // A note under the grid is no part of its last project.
    expect(shape(read(tabRows([...GRID, ['注：指标值为年度目标值。']])))).toEqual(EXPECTED);
    // Each project is found where its name is printed.
    expect(projects.map((p) => p.source.line)).toEqual([4, 8]);
  });

  it('a header in two rows, funds in 元 with 其中 columns and a project code', () => {
    const projects = read(tabRows([
      ['2024年项目支出绩效目标表'],
      ['项目编码', '项目名称', '项目金额（元）', '其中：财政拨款', '其他资金', '年度绩效目标', '绩效指标', '', '', ''],
      ['', '', '', '', '', '', '一级指标', '二级指标', '三级指标', '指标值'],
      ['530100241000001', '乡村道路养护', '1,200,000.00', '1,000,000.00', '200,000.00', '养护道路120公里。', '产出指标', '数量指标', '养护里程', '≥120公里'],
      ['', '', '', '', '', '', '效益指标', '社会效益指标', '通行条件', '改善'],
      ['530100241000002', '防汛物资储备', '300,000.00', '300,000.00', '', '储备防汛物资。', '产出指标', '数量指标', '储备批次', '2批'],
    ]));
    const yuan = (s: string) => parseDecimal(s, FEN_PER_YUAN);
    expect(projects.map((p) => [p.code, p.name, p.amount, p.fiscalAmount, p.otherAmount, p.goals])).toEqual([
      ['530100241000001', '乡村道路养护', yuan('1200000'), yuan('1000000'), yuan('200000'), '养护道路120公里。'],
      ['530100241000002', '防汛物资储备', yuan('300000'), yuan('300000'), null, '储备防汛物资。'],
    ]);
    expect(levels(projects[0])).toEqual([['产出指标', '数量指标', '养护里程', '≥120公里'], ['效益指标', '社会效益指标', '通行条件', '改善']]);
  });

  it('the department\'s own targets after the grid are no project, and none of their rows joins the last one', () => {
    const whole = [
      ['部门整体支出绩效目标表'],
      ['部门名称', '某某县农业农村局'],
      ['年度绩效目标', '保障全县农业生产稳定。'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '粮食播种面积', '≥50万亩'],
    ];
    const r = readDisclosureText(`${tabRows(GRID)}\n${tabRows(whole)}\n`, 'grid.txt');
    if (!r.ok) throw new Error(r.error);
    expect(shape(r.docs[0].projects)).toEqual(EXPECTED);
    // Kept as printed, and said so.
    expect(r.docs[0].rawTables?.map((t) => t.title)).toEqual(['部门整体支出绩效目标表']);
    expect(r.docs[0].warnings).toContainEqual(expect.objectContaining({ kind: 'unmapped_table', message: expect.stringContaining('「部门整体支出绩效目标表」') }));
  });

  it('a sheet that repeats the project on every row of its block: one project, its goal once', () => {
    const filled = GRID.map((row, i) => (i > 3 && !row[0] ? [...(i < 7 ? GRID[3] : GRID[7]).slice(0, 3), ...row.slice(3)] : row));
    expect(shape(read(tabRows(filled)))).toEqual(EXPECTED);
  });

  it('an amount that is no number: the project is kept, its funds blank, with a warning naming it', () => {
    const bad = GRID.map((row) => (row[0] === '信息化运维' ? ['信息化运维', '5o.00', ...row.slice(2)] : row));
    const r = readDisclosureText(tabRows(bad), 'grid.txt');
    if (!r.ok) throw new Error(r.error);
    expect(r.docs[0].projects.map((p) => [p.name, p.amount])).toEqual([['办公楼维修改造', wan('120')], ['信息化运维', null]]);
    expect(r.docs[0].warnings).toContainEqual(expect.objectContaining({ message: '绩效目标表「信息化运维」的金额「5o.00」无法读取' }));
  });

  it('a one-project table with indicators but no 项目名称 column is still one project', () => {
    const header = ['一级指标', '二级指标', '三级指标', '指标内容', '指标值', '确定依据'];
    const indicator = ['产出指标', '数量指标', '维修面积', '维修办公楼', '≥2000平方米', '计划'];
    const projects = read(tabRows([['办公楼维修改造绩效目标表'], ['年度目标', '完成办公楼维修改造。'], header, indicator]));
    expect(projects.map((p) => [p.name, p.indicators.length])).toEqual([['办公楼维修改造', 1]]);
    // Its 项目名称 row right above the indicators is no grid's upper header.
    const named = read(tabRows([['办公楼维修改造绩效目标表'], ['项目名称', '办公楼维修改造', '项目金额', '120.00'], header, indicator]));
    expect(named.map((p) => [p.name, p.indicators.length])).toEqual([['办公楼维修改造', 1]]);
    const bare = read(tabRows([['办公楼维修改造绩效目标表'], ['项目名称', '办公楼维修改造'], header, indicator]));
    expect(bare.map((p) => [p.name, p.indicators.length])).toEqual([['办公楼维修改造', 1]]);
  });

  it('reads the same grid from a .docx and an .xlsx (merged cells, text in their top cell)', { timeout: 60_000 }, async () => {
    const text = tabRows(GRID);
    const merged = writeXlsx(withMerges(sheetsOf(rowsOf(text), { perTable: true, noise: false })));
    for (const [bytes, name] of [[docxOf(text), 'grid.docx'], [xlsxOf(text), 'grid.xlsx'], [merged, 'merged.xlsx']] as const) {
      const r = await importFile(bytes, name);
      if (!r.ok) throw new Error(r.error);
      expect(shape(r.docs[0].projects), name).toEqual(EXPECTED);
    }
  });

  it('reads the grid from a web page whose project cells span their rows (rowspan)', async () => {
    const td = (text: string, rows = 1) => (rows > 1 ? `<td rowspan="${rows}">${text}</td>` : `<td>${text}</td>`);
    const tr = (...cells: string[]) => `<tr>${cells.join('')}</tr>`;
    const body = [
      tr(...GRID[2].map((c) => td(c))),
      // The merged cells once, on their block's first row; the rows below leave their place out.
      ...[[3, 4], [7, 3]].flatMap(([first, n]) => GRID.slice(first, first + n).map((row, i) => tr(...(i ? [] : row.slice(0, 3).map((c) => td(c, n))), ...row.slice(3).map((c) => td(c))))),
    ];
    const html = `<html><head><meta charset="utf-8"><title>项目支出绩效目标表</title></head><body><p>项目支出绩效目标表</p><table>${body.join('')}</table></body></html>`;
    const r = await importFile(new TextEncoder().encode(html), 'grid.html');
    if (!r.ok) throw new Error(r.error);
    expect(shape(r.docs[0].projects)).toEqual(EXPECTED);
  });

  it('the audit counts the grid\'s projects against the narrative, and their funds against its total', async () => {
    const narrative = (total: string) => `某某县农业农村局2024年部门预算\n四、绩效目标设置情况\n编报绩效目标的项目2个，涉及项目预算资金${total}万元。\n${tabRows(GRID)}\n`;
    const audit = async (total: string) => {
      const r = await importFile(new TextEncoder().encode(narrative(total)), 'grid.txt');
      if (!r.ok) throw new Error(r.error);
      expect(r.docs[0].projects).toHaveLength(2);
      return auditDocuments(r.docs)[0].findings.filter((f) => f.check === 'performance').map((f) => f.message);
    };
    // Read as one project, the grid gave 「说明称共 2 个项目…文档中印有 1 张绩效目标表」.
    expect(await audit('170.00')).toEqual([]);
    expect(await audit('180.00')).toEqual([expect.stringContaining('说明称 2 个项目涉及资金合计 180.00 万元，而 2 张绩效目标表的项目资金之和为 170.00')]);
  });
});

/**
 * The grid as a PDF prints it: filled cells only, the project's name, funds and goal centred on its
 * block (on the block's second row here), a goal wrapped over two rows, merged labels centred too.
 */
function pdfGrid({ serial = false, twoRows = false } = {}): ReturnType<typeof page> {
  const at = (y: number, cells: [string, number][]) => cells.map(([text, x]) => run(text, x, y));
  const amount = (text: string, y: number) => run(text, 180, y, { right: true });
  const items: PdfTextItem[] = [
    run('项目支出绩效目标表', 300, 560, { size: 12 }),
    ...at(540, [['单位：万元', 700]]),
    // A 序号 column (its numbers are no funds) and a 备注 column left blank: no row fills every
    // column, so every row is read by its words.
    ...(serial ? [run('序号', 0, twoRows ? 532 : 520), run('1', 8, 485), run('2', 8, 425), run('备注', 760, twoRows ? 532 : 520)] : []),
    ...(twoRows
      // 「绩效指标」 over the four indicator columns, the project's headers beside it.
      ? [...at(532, [['项目名称', 40], ['项目金额', 130], ['年度目标', 200], ['绩效指标', 500]]), ...at(517, [['一级指标', 360], ['二级指标', 430], ['三级指标', 540], ['指标值', 680]])]
      : at(520, [['项目名称', 40], ['项目金额', 130], ['年度目标', 200], ['一级指标', 360], ['二级指标', 430], ['三级指标', 540], ['指标值', 680]])),
    ...at(500, [['数量指标', 430], ['维修面积', 540], ['≥2000平方米', 680]]),
    ...at(485, [['办公楼维修改造', 40], ['完成办公楼维修改造，', 200], ['产出指标', 360], ['质量指标', 430], ['验收合格率', 540], ['=100%', 680]]), amount('120.00', 485),
    ...at(470, [['改善办公条件。', 200], ['效益指标', 360], ['社会效益指标', 430], ['办公条件改善', 540], ['明显改善', 680]]),
    ...at(455, [['满意度指标', 360], ['服务对象满意度指标', 430], ['职工满意度', 540], ['≥90%', 680]]),
    ...at(440, [['数量指标', 430], ['运维系统数量', 540], ['=5个', 680]]),
    ...at(425, [['信息化运维', 40], ['保障信息系统稳定运行。', 200], ['产出指标', 360], ['时效指标', 430], ['故障响应时间', 540], ['≤2小时', 680]]), amount('50.00', 425),
    ...at(410, [['满意度指标', 360], ['服务对象满意度指标', 430], ['使用人员满意度', 540], ['≥95%', 680]]),
  ];
  return page(items, 1);
}

describe('the grid as a PDF prints it', () => {
  it('finds a centred name on a row without labels, in a grid without a funds column', () => {
    const at = (y: number, cells: [string, number][]) => cells.map(([text, x]) => run(text, x, y));
    const items: PdfTextItem[] = [
      run('项目支出绩效目标表', 300, 560, { size: 12 }),
      ...at(520, [['项目名称', 40], ['年度目标', 200], ['一级指标', 360], ['二级指标', 430], ['三级指标', 540], ['指标值', 680]]),
      ...at(500, [['产出指标', 360], ['数量指标', 430], ['维修面积', 540], ['≥2000平方米', 680]]),
      // The block's middle row: its levels are merged above, its name and goal centred on it.
      ...at(485, [['办公楼维修改造', 40], ['完成办公楼维修改造。', 200], ['验收合格率', 540], ['=100%', 680]]),
      ...at(470, [['满意度指标', 360], ['服务对象满意度指标', 430], ['职工满意度', 540], ['≥90%', 680]]),
      ...at(450, [['产出指标', 360], ['数量指标', 430], ['运维系统数量', 540], ['=5个', 680]]),
      ...at(435, [['信息化运维', 40], ['保障信息系统稳定运行。', 200], ['故障响应时间', 540], ['≤2小时', 680]]),
      // A value in two cells: one cell more than an indicator's, and still no project's.
      ...at(420, [['使用人员满意度', 540], ['≥', 660], ['95%', 690]]),
    ];
    const r = readPdfPages([page(items, 1)], 'grid.pdf');
    if (!r.ok) throw new Error(r.error);
    expect(r.docs[0].projects.map((p) => [p.name, p.goals, levels(p).map((l) => l[2])])).toEqual([
      ['办公楼维修改造', '完成办公楼维修改造。', ['维修面积', '验收合格率', '职工满意度']],
      ['信息化运维', '保障信息系统稳定运行。', ['运维系统数量', '故障响应时间', '使用人员满意度']],
    ]);
    expect(levels(r.docs[0].projects[1])[2].slice(2)).toEqual(['使用人员满意度', '≥95%']);
  });

  it.each([{}, { serial: true }, { twoRows: true }, { serial: true, twoRows: true }])('gives each row to the nearest name when the names are centred on their blocks (%o)', (variant) => {
    const r = readPdfPages([pdfGrid(variant)], 'grid.pdf');
    if (!r.ok) throw new Error(r.error);
    // The row above the first name is still its block's (the nearer name), its 一级指标 the
    // framework's for 数量指标; the goal wrapped over two rows is one.
    expect(shape(r.docs[0].projects)).toEqual(EXPECTED);
  });
});
