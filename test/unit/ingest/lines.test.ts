import { describe, expect, it } from 'vitest';
import { toRows } from '../../../src/lib/ingest/lines';
import { toRowsBySplit } from '../../../src/lib/ingest/linesBySplit';
import { normalizeText, stripEnumeration } from '../../../src/lib/ingest/normalize';
import { segment } from '../../../src/lib/ingest/segment';
import { prepareSections } from '../../../src/lib/ingest/tables/prepare';

const cells = (text: string) => toRows(text).map((r) => r.cells);

describe('layouts → rows of cells', () => {
  it('tab rows: one row per line, empty cells kept in place', () => {
    expect(cells('1\t201\t一般公共服务支出\t894.53\t\t452.07\n2\t204\t公共安全支出\t4.29\t\t')).toEqual([
      ['1', '201', '一般公共服务支出', '894.53', '', '452.07'],
      ['2', '204', '公共安全支出', '4.29', '', ''],
    ]);
  });

  it('tab rows that start with an empty cell stay tab rows', () => {
    expect(cells('序号\t收入\t\t支出\t\n\t项目\t预算数\t项目\t预算数')).toEqual([
      ['序号', '收入', '', '支出', ''],
      ['', '项目', '预算数', '项目', '预算数'],
    ]);
  });

  it('cell lines: one cell per line, blank lines between rows, a lone tab is an empty cell', () => {
    const text = '\t1\n\t\n\t合计\n\t181.17\n\n\t2\n\t201\n\t一般公共服务支出\n\t175.11';
    expect(cells(text)).toEqual([
      ['1', '', '合计', '181.17'],
      ['2', '201', '一般公共服务支出', '175.11'],
    ]);
  });

  it('a line of one cell and a trailing tab among tab rows is a tab row, however many (a .docx table LibreOffice wrote)', () => {
    // Jiangsu's 收入预算总表 by source, a table of its own between blank lines: as many 「\t专项收入\t」
    // as tab rows made the block cell lines, every cell a row's.
    const table = ['项目名称\t\t金额', '收入总计\t\t1,794.03', '一般公共预算资金\t小计\t1,330.44', '\t公共财政拨款（补助）资金\t1,330.44', '\t专项收入\t',
      '政府性基金\t小计\t463.59', '财政专户管理资金\t小计\t', '\t专户管理教育收费\t', '\t其他非税收入\t', '其他资金\t小计\t', '\t事业收入\t', '\t经营收入\t',
      '\t其他收入\t', '\t债务资金（银行贷款）\t', '上年结转和结余资金\t小计\t', '\t其中：动用上年结转和结余资金\t'].join('\n');
    const rows = cells(`收入预算总表\n\n${table}\n\n部门支出预算总表`);
    expect(rows.slice(1, 6)).toEqual([['项目名称', '', '金额'], ['收入总计', '', '1,794.03'], ['一般公共预算资金', '小计', '1,330.44'], ['', '公共财政拨款（补助）资金', '1,330.44'], ['', '专项收入', '']]);
    expect(rows).toHaveLength(18);
    expect(toRowsBySplit(table).map((r) => r.cells)).toEqual(rows.slice(1, 17));
    // Cell lines of one tab beside them keep the block cell lines.
    expect(cells('\t1\n\t合计\t\n\t181.17')).toEqual([['1', '合计', '181.17']]);
  });

  it('cell lines: a wrapped cell continues on a line without a tab', () => {
    const rows = toRows('\t一级指标\n\t指标值确定\n依据\n\n\t产出指标\n\t1台');
    expect(rows.map((r) => r.cells)).toEqual([['一级指标', '指标值确定 依据'], ['产出指标', '1台']]);
    expect(rows[1].lines).toEqual([5, 6]);
  });

  it('cell lines: a title printed right above its first cell stands on its own', () => {
    expect(cells('22、某项目绩效目标表\n\t绩效目标\n\t1.保障运行\t\t\t\n2.提升能力\t\t')).toEqual([
      ['22、某项目绩效目标表'],
      ['绩效目标', '1.保障运行 2.提升能力'],
    ]);
  });

  it('cell lines: each cell keeps its own line number', () => {
    const rows = toRows('\n\n\t1\n\t合计\n\t2.7\n');
    expect(rows[0].lines).toEqual([3, 4, 5]);
  });

  it('markdown headings, bold and Word bookmarks are removed from cells', () => {
    expect(cells('## 543 信访局（市委群工部）\n1、**事业收入**：指…\n31\t20830\t[bookmark: _GoBack]财政代缴')).toEqual([
      ['543 信访局（市委群工部）'],
      ['1、事业收入：指…'],
      ['31', '20830', '财政代缴'],
    ]);
  });

  it('normalizes CRLF, full-width digits, point and spaces but keeps full-width brackets', () => {
    expect(normalizeText('\uFEFF信访局（本级）\r\n１２３．４５\u3000万元\r')).toBe('信访局（本级）\n123.45 万元\n');
  });

  it('strips enumerations only where they are enumerations', () => {
    expect(stripEnumeration('二十三、灾害防治及应急管理支出')).toBe('灾害防治及应急管理支出');
    expect(stripEnumeration('一般公共服务支出')).toBe('一般公共服务支出');
    expect(stripEnumeration('（一）公务用车')).toBe('公务用车');
    expect(stripEnumeration('3、单价在20万元以上的设备')).toBe('单价在20万元以上的设备');
  });
});

describe('segment: titles, page furniture and the end of a table', () => {
  // Sections as split.ts sees them: a repeated title joined to the table it continues.
  const kinds = (text: string) =>
    prepareSections(segment(toRows(text))).map((s) => (s.kind === 'table' ? `table:${s.table.table}` : s.kind === 'project' ? `project:${s.name}` : 'text'));

  it('a table of contents does not open tables (page numbers beside titles)', () => {
    expect(kinds('部门预算收支总表.....\t3\n部门预算收入总表\t5')).toEqual(['text']);
  });

  it('a table of contents without page numbers does not open tables either (Jiangsu: titles one under another)', () => {
    expect(kinds('目 录\n一、收支预算总表\n二、收入预算总表\n十一、 一般公共预算“三公”经费、会议费、培训费支出预算表\n第一部分 部门概况')).toEqual(['text']);
  });

  it('a page number under the last title of a page of contents (「— 1 —」, as a PDF converted to text prints it) opens no table', () => {
    // Before, 「九、一般公共预算基本支出预算表」 over 「— 1 —」 was an empty 基本支出表, and the narrative
    // with it no narrative of its own: it was not paired with its tables file.
    expect(kinds('目 录\n八、一般公共预算支出预算表\n九、一般公共预算基本支出预算表\n               — 1 —\n  十、一般公共预算机关运行经费支出预算表')).toEqual(['text']);
    expect(kinds('九、一般公共预算基本支出预算表\n第 1 页')).toEqual(['text']);
    // A lone number may be a table's one amount.
    expect(kinds('九、一般公共预算基本支出预算表\n8')).not.toEqual(['text']);
  });

  it('Jiangsu titles: numbered, prefixed with year and unit, 「公开01表」 above, suffixed, wrapped over two lines', () => {
    const titles: [string, string][] = [
      ['一、 201 7 年度江苏省高级人民法院部门收支预算总表', 'summary'],
      ['十一、 201 7 年江苏省高级人民法院部门一般公共预算“三公”经费、会议费、培训费支出预算表', 'three_public'],
      ['公开 01 表\n收支预算总表', 'summary'],
      ['财政拨款支出预算表（功能科目）', 'fiscal_expense'],
      ['财政拨款基本支出预算表（经济科目）', 'fiscal_basic_expense'],
      ['一般公共预算机关运行经费支出预算表', 'operating_cost'],
      ['十二、 政府采购支出预算表', 'procurement'],
      ['2018年政府采购预算表', 'procurement'],
      ['十、 2018 年度江苏省高级人民法院政府性基金预算财政拨款支出预\n算表', 'fund_expense'],
    ];
    for (const [title, key] of titles) expect(kinds(`${title}\n合计\t1.00`), title).toEqual([`table:${key}`]);
  });

  it('a table repeated over pages stays one table, title repeated or not', () => {
    const page = '202 开发区\n预算年度：\n2023\n单位：万元\n序号\t收入\n栏次\t1\n1\t一、一般公共预算拨款收入\t1';
    expect(kinds(`部门预算收支总表\n${page}\n${page}\n部门预算收支总表\n${page}`)).toEqual(['table:summary']);
  });

  it('a continuation title 「（续）」 keeps the table open', () => {
    expect(kinds('部门预算支出总表\n1\t201\t一般\t1.00\n部门预算支出总表（续）\n2\t204\t公共\t2.00')).toEqual(['table:expense']);
  });

  it('running text ends a table; notes and 「部门：万元」 do not', () => {
    const t = '部门预算政府基金预算财政拨款支出表\n部门：万元\n注：无政府基金预算财政拨款预算，空表列示。\n开发区群众工作局2023年部门预算信息公开情况说明';
    expect(kinds(t)).toEqual(['table:fund_expense', 'text']);
  });

  it('recognizes every title form in the seeds', () => {
    const titles: [string, string][] = [
      ['# 部门预算收支总表', 'summary'],
      ['单位预算收入总表', 'income'],
      ['部门预算支出总表', 'expense'],
      ['部门预算财政拨款收支总表', 'fiscal_summary'],
      ['部门预算一般公共预算财政拨款支出表', 'general_expense'],
      ['部门预算一般公共预算财政拨款基本支出表', 'basic_expense'],
      ['部门预算政府基金预算财政拨款支出表', 'fund_expense'],
      ['单位预算国有资本经营预算财政拨款支出表', 'soe_expense'],
      ['部门预算财政拨款“三公”经费支出表', 'three_public'],
      ['部门政府采购预算', 'procurement'],
      ['部门固定资产占用情况表', 'assets'],
      ['财务收支预算总表', 'summary'],
      ['一般公共预算支出功能分类预算表', 'general_expense'],
      ['收入支出决算总表', 'summary'],
      ['表1：2023年部门预算收支总表', 'summary'],
      ['附表三 部门预算支出总表', 'expense'],
    ];
    // A title opens a table when something is printed under it (a bare title is a contents line).
    for (const [title, key] of titles) expect(kinds(`${title}\n合计\t1.00`), title).toEqual([`table:${key}`]);
  });

  it('project titles open a project until the next numbered heading', () => {
    expect(kinds('## 2、ZK-提前下达资金绩效目标表\n绩效目标\t保障\n六、政府采购预算情况\n正文')).toEqual(['project:ZK-提前下达资金', 'text']);
  });
});

describe('blank lines (issue 17: read in one look per character)', () => {
  it('a line of whitespace of any kind separates rows; a line holding a tab is an empty cell', () => {
    expect(cells('\t1\n\t合计\n \u00a0\u2028\n\t2\n\t201')).toEqual([['1', '合计'], ['2', '201']]);
    expect(cells('\t1\n\t\n\t2')).toEqual([['1', '', '2']]);
    expect(cells('\n\n   \n一、部门概况\n\n')).toEqual([['一、部门概况']]);
  });
});
