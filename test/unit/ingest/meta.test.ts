import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { unitOfMeasure } from '../../../src/lib/ingest/amounts';
import { isCutoffCell, isPageNumber, isUnitRest, unitLine, yearCell } from '../../../src/lib/ingest/meta';
import { FEN_PER_WAN, FEN_PER_YUAN } from '../../../src/lib/model/amount';
import { isMetaCell, metaTests } from '../../../src/lib/ingest/segment';
import { NARRATIVE } from './fixtures';

describe('unitLine: cells ruled out before its regular expressions', () => {
  it.each([
    { cell: '203保定白沟新城党群工作部', expected: { code: '203', name: '保定白沟新城党群工作部' } },
    { cell: ' 203  开发区 群众工作局 ', expected: { code: '203', name: '开发区 群众工作局' } },
    { cell: '123456789012某某局', expected: { code: '123456789012', name: '某某局' } },
    { cell: '1234567890123某某局', expected: null },
    { cell: '20某某局', expected: null },
    { cell: '894.53', expected: null },
    { cell: '2010101', expected: null },
    { cell: '203：某某局', expected: null },
    { cell: '2023 年部门预算', expected: null },
    { cell: '编制部门：上海市普陀区财政局', expected: { code: '', name: '上海市普陀区财政局' } },
    { cell: '部门：江苏省高级人民法院', expected: { code: '', name: '江苏省高级人民法院' } },
    // The money unit after the name, spaces between, read as one cell (a page printed by LibreOffice).
    { cell: '编制部门：上海市普陀区财政局 单位：元', expected: { code: '', name: '上海市普陀区财政局' } },
    { cell: '编制部门：某某中心单位：万元', expected: { code: '', name: '某某中心' } },
    { cell: '543 信访局（市委群工部） 单位：元', expected: { code: '543', name: '信访局（市委群工部）' } },
    // The year and the money unit beside the name, a space apart, in either order; digits set apart.
    { cell: '100000 某某第 0012 号中心预算年度：2019 单位：万元', expected: { code: '100000', name: '某某第0012号中心' } },
    { cell: '100004 某某局 单位：万元 预算年度：2020', expected: { code: '100004', name: '某某局' } },
    { cell: '单位：万元', expected: null },
    // As finance systems print a unit: the code bracketed or followed by a dash (the name was 「-某某局」
    // or, bracketed, no unit line at all: the table ended at it).
    { cell: '[543]沧州市信访局', expected: { code: '543', name: '沧州市信访局' } },
    { cell: '【543001】沧州市信访局本级', expected: { code: '543001', name: '沧州市信访局本级' } },
    { cell: '543001-沧州市信访局本级', expected: { code: '543001', name: '沧州市信访局本级' } },
    { cell: '单位名称：[543]沧州市信访局', expected: { code: '543', name: '沧州市信访局' } },
    { cell: '2024-2026年规划', expected: null },
    { cell: '[1]某某局', expected: null },
    { cell: '一般公共服务支出', expected: null },
    { cell: '', expected: null },
    // 烟台's label; a 经济分类 row in one cell (西安); a document number's tail (Beijing's 绩效目标表).
    { cell: '部门（单位）：烟台市审计局', expected: { code: '', name: '烟台市审计局' } },
    { cell: '30213 维修(护)费', expected: null },
    { cell: '2018〕123号）、《', expected: null },
  ])('「$cell」', ({ cell, expected }) => {
    expect(unitLine(cell)).toEqual(expected);
  });
});

describe('isUnitRest: the rest of a wrapped unit name, first cell tested first', () => {
  it.each([
    { cells: ['院'], expected: true },
    { cells: ['公厅', '单位：万元'], expected: true },
    { cells: ['公厅', '', '预算年度：2024'], expected: true },
    { cells: ['公厅', '1.00'], expected: false },
    { cells: ['', '公厅'], expected: false },
    { cells: ['合计'], expected: false },
    // A header's heads run together under the unit line: the header, not the name's end.
    { cells: ['序号收入', '', '', ''], expected: false },
    { cells: ['栏次'], expected: false },
    { cells: ['收入', '', '支出'], expected: false },
    { cells: ['1', '201'], expected: false },
    { cells: ['江苏省高级人民法院'], expected: false },
    { cells: [], expected: false },
  ])('$cells', ({ cells, expected }) => {
    expect(isUnitRest(cells)).toBe(expected);
  });
});

describe('page furniture read after a one-character look', () => {
  it.each([
    { cell: '预算年度：2023', year: 2023 },
    { cell: '预算年度：', year: 'label' },
    { cell: '年 度：2021年', year: 2021 },
    { cell: '2023', year: null },
    { cell: '单位：万元', year: null },
  ])('yearCell 「$cell」', ({ cell, year }) => {
    expect(yearCell(cell)).toBe(year);
  });

  it.each([
    { cell: '单位：万元', unit: FEN_PER_WAN },
    { cell: '金额单位：元', unit: FEN_PER_YUAN },
    { cell: '部 门：万元', unit: FEN_PER_WAN },
    { cell: '（单位：元）', unit: FEN_PER_YUAN },
    { cell: '单位（万元）', unit: FEN_PER_WAN },
    { cell: '金额单位(元)', unit: FEN_PER_YUAN },
    { cell: '单位（个）', unit: null },
    { cell: '单位：', unit: null },
    { cell: '一般公共服务支出', unit: null },
  ])('unitOfMeasure 「$cell」', ({ cell, unit }) => {
    expect(unitOfMeasure(cell)).toBe(unit);
  });

  it('isCutoffCell', () => {
    expect(isCutoffCell('截止日期：2023年12月31日')).toBe(true);
    expect(isCutoffCell('截 至：2023年')).toBe(true);
    expect(isCutoffCell('日期：2023年')).toBe(false);
  });
});

describe('isMetaCell rules out a cell of digits before its five tests (issue #17)', () => {
  let seed = 909;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  it('no cell of digits only passes any of the five tests', () => {
    for (let i = 0; i < 3000; i++) {
      const digits = Array.from({ length: 1 + rnd(14) }, () => String(rnd(10))).join('');
      expect(metaTests(digits), digits).toBe(false);
      expect(isMetaCell(digits), digits).toBe(false);
    }
  });
  it('any other cell is meta exactly when the tests say so', () => {
    const pieces = ['203', '2023', '单位：万元', '预算年度：', '部门：', '截止日期：', '栏次', ' ', '某某局', '年', '元', '1'];
    for (let i = 0; i < 3000; i++) {
      const cell = Array.from({ length: 1 + rnd(3) }, () => pieces[rnd(pieces.length)]).join('');
      if (/^\d+$/.test(cell)) continue;
      expect(isMetaCell(cell), cell).toBe(/\s|单位|部门|年度|截|栏次|档次|^\d{3}/.test(cell) && metaTests(cell));
    }
  });
});

describe('the unit named by a narrative heading, its name broken over a cover\'s lines', () => {
  // The fixture's body without its titled first line, which would name the unit itself.
  const body = NARRATIVE.split('\n').slice(1);
  const unitName = (...lines: string[]) => {
    const r = readDisclosureText([...lines, ...body].join('\n'), 'f.txt');
    if (!r.ok) throw new Error(r.error);
    return r.docs[0].meta.unitName;
  };
  const toc = (name: string) => ['目录', `第一部分 ${name}概况`, `第二部分${name} 2024 年度部门决算表`];

  it.each([
    {
      case: 'a name over two lines, printed whole in the contents',
      lines: ['测试省测试市规划和自然', '资源局', '2024 年度部门决算', ...toc('测试省测试市规划和自然资源局')],
      name: '测试省测试市规划和自然资源局',
    },
    {
      case: 'the name\'s last line on the heading\'s, the heading broken after its year',
      lines: ['中共测试省测试市委', '社会工作部 2024 年度', '部门决算', ...toc('中共测试省测试市委社会工作部')],
      name: '中共测试省测试市委社会工作部',
    },
    {
      case: 'the name\'s last character on a line of its own',
      lines: ['测试省测试市规划和自然资源', '局', '2024 年度部门决算', ...toc('测试省测试市规划和自然资源局')],
      name: '测试省测试市规划和自然资源局',
    },
    { case: 'no text to confirm it: the lines above a bare heading', lines: ['测试省测试市规划和自然', '资源局', '2024 年度部门决算'], name: '测试省测试市规划和自然资源局' },
    { case: 'a date above the name', lines: ['二零二四年八月', '测试市规划局', '2024 年度部门决算'], name: '测试市规划局' },
    { case: 'an attachment label above the name', lines: ['附件2', '测试市规划局', '2024 年度部门决算'], name: '测试市规划局' },
    // LibreOffice sets the digits in a font of their own: a gap around them, read as spaces.
    { case: 'a name with digits set apart', lines: ['测试市第 12 中学', '2024 年度部门决算'], name: '测试市第12中学' },
    { case: 'the year on a line of its own', lines: ['测试市规划局', '2024', '年度部门决算'], name: '测试市规划局' },
    { case: 'the year and 年度 on a line of their own', lines: ['测试市规划局', '2024年度', '部门决算'], name: '测试市规划局' },
    {
      case: 'a line above the name that the text never prints with it',
      lines: ['信息公开材料', '测试市规划局', '2024 年度部门决算', ...toc('测试市规划局')],
      name: '测试市规划局',
    },
    // With nothing to say the line above belongs to it, a heading that names a unit is a whole title.
    { case: 'a contents heading above a heading that names the unit', lines: ['目录', '部门主要职责', '第二部分 测试市规划局2024年度部门决算表'], name: '测试市规划局' },
    { case: 'a heading that names the unit, as before', lines: ['中共测试委员会', '2021 年度部门预算情况说明'], name: '中共测试委员会' },
  ])('$case', ({ lines, name }) => {
    expect(unitName(...lines)).toBe(name);
  });
});

// 人大 2019 prints its page feet 「─ 13 ─」 in box-drawing lines: in a PDF the foot stood in the
// narrative, and the third share of a 三公 sentence was cut from its rate.
describe('isPageNumber: the dashes a word processor sets around a page number', () => {
  it.each(['8', '- 8 -', '— 8 —', '– 8 –', '－8－', '─ 13 ─', '第 8 页', '第8页，共20页', '— 1 6 —'])('「%s」 is a page number', (cell) => {
    expect(isPageNumber(cell)).toBe(true);
  });
  it.each(['8.00', '─ 13 ─ 万元', '2019年', '13,000', '1  6', '1 2 3 4 5'])('「%s」 is not', (cell) => {
    expect(isPageNumber(cell)).toBe(false);
  });
});

// 人大 2018: its 收支总表 prints 「部门名称：江苏省人大」 with 「常委会办公厅」 two lines lower (the money
// unit between), every other table 「部门：江苏省人大常委会办公厅」. The document took the cut name.
describe('the unit\'s name cut where it wrapped on the first table', () => {
  it('is taken whole from a table that prints it whole', async () => {
    const table = (title: string, unit: string) => [title, `${unit}\t单位：万元`, '科目编码\t科目名称\t金额', '\t合计\t100.00', '301\t工资福利支出\t100.00'].join('\n');
    const unitName = (a: string, b: string) => {
      const r = readDisclosureText([table('2018年一般公共预算基本支出预算表', a), '', table('2018年财政拨款基本支出预算表', b)].join('\n'), 'f.txt');
      if (!r.ok) throw new Error(r.error);
      return r.docs[0].meta.unitName;
    };
    expect(unitName('部门名称：江苏省人大', '部门：江苏省人大常委会办公厅')).toBe('江苏省人大常委会办公厅');
    // A name that does not go on from the first is not taken for it.
    expect(unitName('部门名称：江苏省人大常委会办公厅', '部门：江苏省政协办公厅')).toBe('江苏省人大常委会办公厅');
    // Seed 004 as a PDF: a later table's unit cell runs into its cut-off date; that is no longer name.
    expect(unitName('203保定白沟新城党群工作部', '203保定白沟新城党群工作部截止时间：2022-12-31')).toBe('保定白沟新城党群工作部');
  });
});
