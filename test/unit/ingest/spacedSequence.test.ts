import { describe, expect, it } from 'vitest';
import { readText as read } from './tables/variants';
import { codeParts } from '../../../src/lib/ingest/tables/codes';
import { formatWan } from '../../../src/lib/model/amount';
import type { StoredDocument } from '../../../src/lib/model/document';

/**
 * National-layout tables as pdftotext -layout writes them from a PDF whose Chinese glyphs are wider
 * than its grid: the 序号 a single space from the code (「2 201 一般公共服务支出」), and a long name
 * pushing the row's first amounts into its cell (「224 灾害防治及应急管理支出 233.72 206.13」).
 */
const expense = [
  "                                         部门预算支出总表",
  "100007 合成测试第0007号单位                                     预算年度：2019     单位：万元",
  " 序号 科目编码        功能分类科目         合计 基本支出 项目支出 经营支出 上解上级支出 对附属单位补助支出",
  "                    科目名称",
  " 栏次 1                 2          3      4       5     6   7       8",
  "  1          合计               5129.32 3249.11 1880.21",
  "  2 201 一般公共服务支出              1283.00 962.96 320.04",
  "  3 20132 组织事务                 962.96 962.96",
  "  4 2013201 行政运行               962.96 962.96",
  "  5 20140 信访事务                 320.04          320.04",
  "  6 2014099 其他信访事务支出           320.04          320.04",
  "  7 204 公共安全支出                 241.43          241.43",
  "  8 20406 司法                   241.43          241.43",
  "  9 2040610 社区矫正               241.43          241.43",
  "  10 208 社会保障和就业支出            2095.80 777.06 1318.74",
  "  11 20801 人力资源和社会保障管理事务       608.14          608.14",
  "  12 2080105 劳动保障监察            608.14          608.14",
  "  13 20805 行政事业单位养老支出          777.06 777.06",
  "  14 2080505 机关事业单位基本养老保险缴费支出 777.06 777.06",
  "  15 20807 就业补助                205.26          205.26",
  "  16 2080702 职业培训补贴            205.26          205.26",
  "  17 20826 财政对基本养老保险基金的补助      505.34          505.34",
  "  18 2082602 财政对基本养老保险基金的补助    505.34          505.34",
  "  19 210 卫生健康支出                583.31 583.31",
  "  20 21011 行政事业单位医疗            583.31 583.31",
  "  21 2101101 行政单位医疗            583.31 583.31",
  "  22 221 住房保障支出                925.78 925.78",
  "  23 22102 住房改革支出              925.78 925.78",
  "\f序号 科目编码       功能分类科目    合计 基本支出 项目支出 经营支出 上解上级支出 对附属单位补助支出",
  "                 科目名称",
  "栏次 1               2      3     4     5 6    7       8",
  "24 2210201 住房公积金        925.78 925.78",
].join('\n');

// Every row's 合计 and 小计 ran into the name: their columns are lost.
const income = [
  "                                         部门预算收入总表",
  "100000 合成测试第0000号单位                                    预算年度：2019                           单位：万元",
  " 序号 功能分类科目                     合计 本年收入                                                  上年结转",
  "      科目编码 科目名称                        小计 财政拨款收入 财政专户收入 事业收入 经营收入 上级补助收入 附属单位上缴收入 其他收入",
  " 栏次          1               2       3       4       5     6     7 8   9        10   11      12",
  "  1            合计              6476.51 6448.92 6448.92                                    27.59",
  "  2      201 一般公共服务支出          3518.81 3518.81 3518.81",
  "  3     20103 政府办公厅（室）及相关机构事务 749.74 749.74     749.74",
  "  4 2010302 一般行政管理事务            749.74 749.74   749.74",
  "  5     20132 组织事务             1336.83 1336.83 1336.83",
  "  6 2013299 其他组织事务支出           1336.83 1336.83 1336.83",
  "  7     20140 信访事务             1432.24 1432.24 1432.24",
  "  8 2014001 行政运行               1432.24 1432.24 1432.24",
  "  9      208 社会保障和就业支出          490.93 490.93   490.93",
  "  10 20805 行政事业单位养老支出           490.93 490.93   490.93",
  "  11 2080505 机关事业单位基本养老保险缴费支出 490.93 490.93     490.93",
  "  12     210 卫生健康支出             618.87 618.87   618.87",
  "  13 21011 行政事业单位医疗             618.87 618.87   618.87",
  "  14 2101101 行政单位医疗             618.87 618.87   618.87",
  "  15     213 农林水支出             1335.18 1335.18 1335.18",
  "  16 21307 农村综合改革              1335.18 1335.18 1335.18",
  "  17 2130705 对村民委员会和村党支部的补助 1335.18 1335.18    1335.18",
  "  18     221 住房保障支出             279.00 279.00   279.00",
  "  19 22102 住房改革支出               279.00 279.00   279.00",
  "  20 2210201 住房公积金              279.00 279.00   279.00",
  "  21     224 灾害防治及应急管理支出        233.72 206.13   206.13                                    27.59",
  "  22 22401 应急管理事务               233.72 206.13   206.13                                    27.59",
  "  23 2240106 安全监管               233.72 206.13   206.13                                    27.59",
  "\f                                        部门预算支出总表",
].join('\n');

const amount = (doc: StoredDocument, row: string, column: string) => {
  const f = doc.figures.find((x) => x.rowCode === row && x.column === column);
  return f ? formatWan(f.amount) : undefined;
};

describe('a 序号 run into the code, and amounts run into the name', () => {
  it('codeParts: 「2 201 一般公共服务支出」 is 201, a spaced code is still its parts, a name ending in an amount is crowded', () => {
    expect(codeParts(['', '2 201 一般公共服务支出', '485.78'], true)).toEqual({ parts: ['201'], name: '一般公共服务支出', first: 2 });
    expect(codeParts(['12 2080505 机关事业单位基本养老保险缴费支出', '267.60'], false)).toEqual({ parts: ['2080505'], name: '机关事业单位基本养老保险缴费支出', first: 1 });
    expect(codeParts(['208 05 01 行政运行', '3.00'], false)).toEqual({ parts: ['208', '05', '01'], name: '行政运行', first: 1 });
    expect(codeParts(['3 20103 政府办公厅（室）及相关机构事务 22.94 22.94', '22.94'], true)).toEqual({ parts: ['20103'], name: '政府办公厅（室）及相关机构事务 22.94 22.94', first: 1, crowded: true });
    // A number in a name is no amount: no decimal point, or no space before it.
    expect(codeParts(['2010101 某某项目 2024', '1.00'], false)).toEqual({ parts: ['2010101'], name: '某某项目 2024', first: 1 });
    expect(codeParts(['2010101 某某项目2.50', '1.00'], false)).toEqual({ parts: ['2010101'], name: '某某项目2.50', first: 1 });
  });

  it('reads every row of a 支出总表 whose 序号 stands a space from the code, under its own head', async () => {
    const doc = await read(expense);
    expect(doc.figures.filter((f) => f.table === 'expense')).toHaveLength(51);
    expect([amount(doc, 'total', 'total'), amount(doc, 'total', 'basic'), amount(doc, 'total', 'project')]).toEqual(['5129.32', '3249.11', '1880.21']);
    expect([amount(doc, '201', 'total'), amount(doc, '201', 'basic'), amount(doc, '201', 'project')]).toEqual(['1283.00', '962.96', '320.04']);
    expect([amount(doc, '2014099', 'total'), amount(doc, '2014099', 'basic'), amount(doc, '2014099', 'project')]).toEqual(['320.04', undefined, '320.04']);
    // The row alone on the next page, its 序号 at the line's start.
    expect([amount(doc, '2210201', 'total'), amount(doc, '2210201', 'basic')]).toEqual(['925.78', '925.78']);
    expect(doc.warnings.filter((w) => w.kind === 'unread_row')).toEqual([]);
  });

  it('reports a row whose amounts ran into its name under its code, and reads none of its amounts under another head', async () => {
    const doc = await read(income);
    // 233.72 | 206.13 in the name, 206.13 after it: the old reading took that 206.13 for the 合计.
    expect(doc.figures.filter((f) => f.table === 'income' && f.rowCode === '224')).toEqual([]);
    const warned = doc.warnings.filter((w) => w.kind === 'unread_row' && w.table === 'income');
    expect(warned.map((w) => w.rowCode)).toContain('224');
    expect(warned.map((w) => w.rowCode)).toContain('total');
    expect(warned.find((w) => w.rowCode === '224')?.message).toBe('「部门预算收入总表」「灾害防治及应急管理支出」一行的金额「233.72 206.13」与名称挤在一格，无法确定各数属于哪一列，该行未导入');
    // No figure of the table stands under a head it was not printed under.
    expect(doc.figures.filter((f) => f.table === 'income')).toEqual([]);
  });
});


/**
 * A 决算's 一般公共预算财政拨款支出决算表 through pdftotext -layout (Shanghai 普陀 规划和自然资源局 2024,
 * outside the corpus): each name wraps in its cell and is centred on its row, so its first line comes
 * above the row's amounts and its rest below. The line above the next row was taken for the end of the
 * row before (「养老支出行政单位离退」 for 20805): now the lines between two rows are shared, the first to
 * the row above, the last to the row below (pdf/spacedLines.ts). Names of three lines, and the first row's,
 * are still read in part.
 */
const centredNames = [
  "\f                 一般公共预算财政拨款支出决算表",
  "                                              单位：万元",
  "          项目",
  "",
  "                       合计          基本支出       项目支出",
  " 功能分类",
  "               科目名称",
  " 科目编码",
  "",
  "           社会保障和就",
  "208                     754.75       754.75      0.00",
  "           业支出",
  "           行政事业单位",
  "20805                   754.75       754.75      0.00",
  "           养老支出",
  "           行政单位离退",
  "2080501                  54.53        54.53      0.00",
  "           休",
  "           事业单位离退",
  "2080502                  28.11        28.11      0.00",
  "           休",
  "           机关事业单位",
  "2080505    基本养老保险       446.11       446.11      0.00",
  "           缴费支出",
  "           机关事业单位",
  "2080506    职业年金缴费       225.12       225.12      0.00",
  "           支出",
  "           其他行政事业",
  "2080599                     0.88       0.88      0.00",
  "           单位养老支出",
  "210        卫生健康支出       236.64       236.64      0.00",
  "           行政事业单位",
  "21011                   236.64       236.64      0.00",
].join('\n');

describe('names wrapped and centred on their rows, through pdftotext', () => {
  it('each row takes the line above it and the lines below it', async () => {
    const doc = await read(centredNames);
    const name = (code: string) => doc.figures.find((f) => f.table === 'general_expense' && f.rowCode === code)?.rowName;
    expect(['20805', '2080501', '2080599'].map(name)).toEqual(['行政事业单位养老支出', '行政单位离退休', '其他行政事业单位养老支出']);
    const amounts = doc.figures.filter((f) => f.table === 'general_expense' && f.rowCode === '20805').map((f) => `${f.column} ${formatWan(f.amount)}`);
    expect(amounts).toEqual(['total 754.75', 'basic 754.75', 'project 0.00']);
  });
});
