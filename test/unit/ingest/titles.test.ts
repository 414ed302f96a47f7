import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { isBareHeading } from '../../../src/lib/ingest/headings';
import { readTitle, singleText } from '../../../src/lib/ingest/titles';

describe('a table title numbered as provinces print it', () => {
  it.each([
    '部门预算收支总表', '表1 部门预算收支总表', '附表1：部门预算收支总表', '1.部门预算收支总表', '公开01表 部门预算收支总表',
    '部门预算收支总表（表1）', '部门预算收支总表(表一)', '部门预算收支总表（附表1）', '2023年部门预算收支总表（公开01表）',
  ])('「%s」 is the 收支总表 of a department', (text) => {
    expect(readTitle(text)).toMatchObject({ table: 'summary', scope: 'department', stage: 'budget', core: '部门预算收支总表' });
  });

  it('a number in brackets inside a name is no table number', () => {
    expect(readTitle('部门预算收支总表（续）')).toMatchObject({ table: 'summary' });
    expect(readTitle('一般公共预算财政拨款支出表（按经济分类）')).toMatchObject({ classification: 'economic' });
  });
});

describe('a 情况说明 heading printed without its number ends a 绩效目标表', () => {
  const sentence = ['2023年，本单位安排政府采购预算12.00万元。'];
  it.each(['政府采购预算情况', '国有资产占用情况', '机关运行经费安排情况', '“三公”经费预算情况说明'])('「%s」 with a sentence under it', (heading) => {
    expect(isBareHeading([heading], sentence)).toBe(true);
  });

  it('not a line of the table itself', () => {
    // A row of the table: several cells.
    expect(isBareHeading(['政府采购预算情况', '12.00'], sentence)).toBe(false);
    // A line naming none of the narrative's topics, or with punctuation (a goal wrapped onto its own line).
    expect(isBareHeading(['项目实施情况'], sentence)).toBe(false);
    expect(isBareHeading(['完成政府采购，落实预算情况'], sentence)).toBe(false);
    // Nothing that reads as running text under it.
    expect(isBareHeading(['政府采购预算情况'], ['产出指标', '数量指标'])).toBe(false);
    expect(isBareHeading(['政府采购预算情况'], undefined)).toBe(false);
  });
});

// 检察院 2019's narrative: 「…办案费;二是《财政拨款支出预算表」 ends a line, and was read as a title:
// a table of two warnings and no figures, cut out of the narrative.
describe('a sentence that names a table is no title', () => {
  it.each(['省检察院本级划转240万元办案费;二是《财政拨款支出预算表', '二是《财政拨款支出预算表', '详见附表,财政拨款支出预算表'])('「%s」', (text) => {
    expect(readTitle(text)).toBeNull();
  });
  it('a title is still one', () => {
    expect(readTitle('2019年财政拨款支出预算表（功能科目）')?.table).toBe('fiscal_expense');
  });
});

describe('a table\'s number before its year', () => {
  it.each([['表十二2017年政府采购预算表', 'procurement', 2017], ['附表12019年部门收支总表', 'summary', 2019], ['表12部门收支总表', 'summary', null],
    // Numerals stop where the name starts: 「八一」 was read, and the rest 「般公共预算支出预算表」 taken for the 支出总表.
    ['表八一般公共预算支出预算表', 'general_expense', null], ['表十一“三公”经费、会议费、培训费支出预算表', 'three_public', null], ['表三部门收支总表', 'summary', null]] as const)('「%s」', (text, table, year) => {
    expect(readTitle(text)).toMatchObject({ table, year });
  });
});

// LibreOffice printing a web page's centred title in a narrow box: the title wraps, and the layout
// puts both lines in a middle column of the grid (「| | 一般公共预算支出预算表（功能科目」 / 「| | ）」).
// Rows that wide were never a title's lines: the table's rows ran on in the table before it (功能分类
// codes under 基本支出 by 经济分类).
describe('a title wrapped over two rows of a grid\'s width', () => {
  it('opens its table', () => {
    const text = [
      '一般公共预算基本支出预算表（经济科目）', '部门名称：某某局\t单位：万元',
      '科目编码\t科目名称\t基本支出', '\t合计\t10.00', '301\t工资福利支出\t10.00', '30101\t基本工资\t10.00',
      '\t\t一般公共预算支出预算表（功能科目', '\t\t）', '部门名称：某某局\t单位：万元',
      '功能科目编码\t功能科目名称\t金额', '\t合计\t10.00', '201\t一般公共服务支出\t10.00', '20101\t人大事务\t10.00', '2010101\t行政运行\t10.00',
    ].join('\n');
    const r = readDisclosureText(text, 't.txt');
    if (!r.ok) throw new Error(r.error);
    const tables = new Map<string, string[]>();
    for (const f of r.docs[0].figures) tables.set(f.table, [...(tables.get(f.table) ?? []), f.rowCode]);
    expect([...tables]).toEqual([['basic_expense', ['total', '301', '30101']], ['general_expense', ['total', '201', '20101', '2010101']]]);
  });

  it('where only its second line has a title\'s word (「…支出功能分类预算」 / 「表」)', () => {
    const text = [
      '一般公共预算基本支出预算表（经济科目）', '部门名称：某某局\t单位：万元',
      '科目编码\t科目名称\t基本支出', '\t合计\t10.00', '301\t工资福利支出\t10.00',
      '\t\t2020年部门一般公共预算支出功能分类预算', '\t\t表', '部门名称：某某局\t单位：万元',
      '功能科目编码\t功能科目名称\t金额', '\t合计\t10.00', '201\t一般公共服务支出\t10.00',
    ].join('\n');
    const r = readDisclosureText(text, 't.txt');
    if (!r.ok) throw new Error(r.error);
    expect(r.docs[0].figures.filter((f) => f.rowCode === '201').map((f) => f.table)).toEqual(['general_expense']);
  });
});

// A web page or a Word file breaks a title before its bracketed qualifier (the layout suite's page,
// read as HTML: 「一般公共预算基本支出预算表」 / 「（经济科目）」): the qualifier ended the table before
// its first row, and the table was read as a table of the narrative.
describe('a title whose qualifier stands on the next line', () => {
  const doc = (qualifier: string) => [
    '一般公共预算基本支出预算表', qualifier, '部门名称：某某局\t单位：万元',
    '科目编码\t科目名称\t基本支出', '\t合计\t10.00', '301\t工资福利支出\t10.00', '30101\t基本工资\t10.00',
  ].join('\n');

  it('is the title\'s, and the table is read', () => {
    for (const q of ['（经济科目）', '(按经济分类)']) {
      const r = readDisclosureText(doc(q), 't.txt');
      if (!r.ok) throw new Error(r.error);
      expect(r.docs[0].figures.map((f) => `${f.table} ${f.rowCode}`), q).toEqual(['basic_expense total', 'basic_expense 301', 'basic_expense 30101']);
    }
  });

  it('but a line in brackets that does not make the title another title is not taken', () => {
    const r = readDisclosureText(doc('（单位：万元）'), 't.txt');
    if (!r.ok) throw new Error(r.error);
    expect(r.docs[0].figures.map((f) => f.rowCode)).toEqual(['total', '301', '30101']);
  });
});

// A spreadsheet that imported a web page puts the text between two tables in one cell; a Word
// paragraph sets the unit beside the title with spaces: 「部门预算收入总表 100000 某某单位预算年度：2019
// 单位：万元」. It was no title, and its table none of the nine.
describe('a title and its page furniture in one cell', () => {
  const doc = (line: string) => [
    line, '科目编码\t科目名称\t基本支出', '\t合计\t10.00', '301\t工资福利支出\t10.00', '30101\t基本工资\t10.00',
  ].join('\n');

  it('opens its table, the furniture read as the table\'s', () => {
    for (const line of ['一般公共预算基本支出预算表 100000 某某局预算年度：2019单位：万元', '一般公共预算基本支出预算表  部门名称：某某局  单位：元']) {
      const r = readDisclosureText(doc(line), 't.txt');
      if (!r.ok) throw new Error(r.error);
      expect(r.docs[0].figures.map((f) => `${f.table} ${f.rowCode}`), line).toEqual(['basic_expense total', 'basic_expense 301', 'basic_expense 30101']);
      expect(r.docs[0].meta.unitName, line).toBe('某某局');
    }
    const coded = readDisclosureText(doc('一般公共预算基本支出预算表 100000 某某局预算年度：2019单位：万元'), 't.txt');
    expect(coded.ok && coded.docs[0].meta.year).toBe(2019);
    const yuan = readDisclosureText(doc('一般公共预算基本支出预算表  部门名称：某某局  单位：元'), 't.txt');
    if (!yuan.ok) throw new Error(yuan.error);
    expect(yuan.docs[0].figures[0].amount).toBe(10 * 100);
  });

  it('wrapped over two lines in a narrow column (a spreadsheet printed to PDF)', () => {
    const r = readDisclosureText(doc('一般公共预算基本支出预算表 100000 某某局预算年度\n：2019单位：万元'), 't.txt');
    if (!r.ok) throw new Error(r.error);
    expect(r.docs[0].figures.map((f) => `${f.table} ${f.rowCode}`)).toEqual(['basic_expense total', 'basic_expense 301', 'basic_expense 30101']);
    expect([r.docs[0].meta.unitName, r.docs[0].meta.year]).toEqual(['某某局', 2019]);
  });

  it('not a title followed by words that are no furniture', () => {
    const r = readDisclosureText(doc('一般公共预算基本支出预算表 某某局'), 't.txt');
    expect(r.ok && r.docs[0].figures.some((f) => f.table === 'basic_expense')).toBe(false);
  });
});

// LibreOffice sets a title's year in a font of its own: the year stands apart from the words by a
// cell's gap (「| 2020 | 年部门…预算表」), and the row was no title.
describe('a title whose year stands in a cell of its own', () => {
  it('is one text, and a title', () => {
    expect(singleText(['', '2020', '年部门国有资本经营预算支出功能分类预算表'])).toBe('2020年部门国有资本经营预算支出功能分类预算表');
    expect(readTitle(singleText(['2020 年', '部门预算收支总表'])!)).toMatchObject({ table: 'summary', year: 2020 });
  });

  it('not a year beside a number, nor beside two texts', () => {
    expect(singleText(['2020', '12.50'])).toBeNull();
    expect(singleText(['2020', '年度目标', '完成'])).toBeNull();
    expect(singleText(['20201', '部门预算收支总表'])).toBeNull();
  });
});
