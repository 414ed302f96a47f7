import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText, threePublicAcross, threePublicDown } from './variants';

/**
 * The 三公 table printed across with a row per year or per phase, each row led by what its amounts
 * are (「2023年预算数」「2024年预算数」; in a 决算 「预算数」「决算数」). The real seed 003 (a 2024 预算)
 * with its 三公 table printed so; its amounts are the seed's (合计 5.28 = 公务用车 3.29 + 接待 1.99).
 * Before, such rows were not amount rows and the table read as 「数字都未能读取」.
 */
const withTable = (rows: string[], final = false): Promise<StoredDocument> => readText(threePublicAcross(rows, final));

const threePublic = (d: StoredDocument) => d.figures.filter((f) => f.table === 'three_public').map((f) => `${f.rowCode}/${f.column}=${(f.amount / 1e6).toFixed(2)}`);
const SEED_FIGURES = ['total/total=5.28', 'overseas/total=0.00', 'vehicle/total=3.29', 'vehicle_purchase/total=0.00', 'vehicle_operation/total=3.29', 'reception/total=1.99'];

describe('a 三公 table printed across, a row per year', () => {
  it('reads the row of the document\'s own year as its figures, last year\'s beside them, another year\'s not at all', async () => {
    const doc = await withTable(['2023年预算数\t6.00\t0.00\t4.00\t0.00\t4.00\t2.00', '2024年预算数\t5.28\t0.00\t3.29\t0.00\t3.29\t1.99']);
    expect(threePublic(doc).filter((f) => f.includes('/total='))).toEqual(SEED_FIGURES);
    expect(threePublic(doc)).toContain('total/prior_year=6.00');
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual([]);
    const older = await withTable(['2022年预算数\t6.00\t0.00\t4.00\t0.00\t4.00\t2.00', '2024年预算数\t5.28\t0.00\t3.29\t0.00\t3.29\t1.99']);
    expect(threePublic(older)).toEqual(SEED_FIGURES);
    expect(older.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual(['「部门预算财政拨款“三公”经费支出表」「2022年预算数」一行不是本年度预算的数，未导入']);
  });

  it('in a 决算, reads 决算数 as the figure and 预算数 as its 年初预算', async () => {
    const doc = await withTable(['预算数\t6.00\t0.00\t4.00\t0.00\t4.00\t2.00', '决算数\t5.28\t0.00\t3.29\t0.00\t3.29\t1.99'], true);
    expect(doc.meta.stage).toBe('final');
    expect(threePublic(doc)).toEqual([
      'total/initial_budget=6.00', 'overseas/initial_budget=0.00', 'vehicle/initial_budget=4.00', 'vehicle_purchase/initial_budget=0.00', 'vehicle_operation/initial_budget=4.00', 'reception/initial_budget=2.00',
      ...SEED_FIGURES,
    ]);
  });

  it('reads a row led by 本年预算 or a bare 预算数, and one with no label as before', async () => {
    for (const label of ['本年预算', '预算数', '']) {
      const doc = await withTable([`${label}\t5.28\t0.00\t3.29\t0.00\t3.29\t1.99`]);
      expect(threePublic(doc), label).toEqual(SEED_FIGURES);
      expect(doc.warnings.filter((w) => w.message.includes('三公')), label).toEqual([]);
    }
  });
});

/**
 * The 三公 printed down with a column per year or phase instead of per source of funds (项目 |
 * 2023年预算数 | 2024年预算数 | 增减额 | 增减幅度). Before, the columns were read by place as 合计 |
 * 一般公共预算 | 政府性基金: last year's budget became this year's 合计, with no warning.
 */
describe('a 三公 table printed down, a column per year', () => {
  const down = (head: string, rows: [string, string, string, string, string][], final = false) =>
    readText(threePublicDown([head, ...rows.map((r) => r.join('\t'))], final));
  const ROWS: [string, string, string, string, string][] = [
    ['合计', '6.00', '5.28', '-0.72', '-12.0%'],
    ['因公出国（境）费', '0.00', '0.00', '0.00', ''],
    ['公务用车购置及运行维护费', '4.00', '3.29', '-0.71', '-17.75%'],
    ['其中：公务用车购置费', '0.00', '0.00', '', ''],
    ['公务用车运行维护费', '4.00', '3.29', '-0.71', '-17.75%'],
    ['公务接待费', '2.00', '1.99', '-0.01', '-0.5%'],
  ];
  const warned = (d: StoredDocument) => d.warnings.map((w) => w.message).filter((m) => m.includes('三公'));

  it("reads the document's own year and says which columns it left", async () => {
    const doc = await down('项目\t2023年预算数\t2024年预算数\t增减额\t增减幅度', ROWS);
    expect(threePublic(doc).filter((f) => f.includes('/total='))).toEqual(SEED_FIGURES);
    expect(threePublic(doc)).toEqual(expect.arrayContaining(['total/prior_year=6.00', 'total/change=-0.72', 'reception/change=-0.01']));
    expect(warned(doc)).toEqual(['「部门预算财政拨款“三公”经费支出表」「增减幅度」一列是增减额或增减幅度，未导入']);
    // 增减额 = 本年 − 上年 holds on every row.
    expect(auditDocuments([doc])[0].findings.filter((f) => f.table === 'three_public' && f.severity === 'error')).toEqual([]);
  });

  it('reads 上年预算数 | 本年预算数 | 比上年增减 the same way', async () => {
    const doc = await down('项目\t上年预算数\t本年预算数\t比上年增减', ROWS.map((r) => [r[0], r[1], r[2], r[3], ''] as [string, string, string, string, string]));
    expect(threePublic(doc).filter((f) => f.includes('/total='))).toEqual(SEED_FIGURES);
    expect(warned(doc)).toEqual([]);
  });

  it('in a 决算, 预算数 | 决算数: the 决算数 is the figure, the 预算数 its 年初预算', async () => {
    const doc = await down('项目\t预算数\t决算数\t增减额', ROWS.map((r) => [r[0], r[1], r[2], r[3], ''] as [string, string, string, string, string]), true);
    expect(threePublic(doc).filter((f) => f.includes('/total='))).toEqual(SEED_FIGURES);
    expect(threePublic(doc)).toContain('total/initial_budget=6.00');
    expect(threePublic(doc)).toContain('reception/initial_budget=2.00');
  });

  it('leaves the national header (合计 | 一般公共预算 | …) and a lone 预算数 column as they were', async () => {
    const lone = await down('项目\t预算数', ROWS.map((r) => [r[0], r[2], '', '', ''] as [string, string, string, string, string]));
    expect(threePublic(lone)).toEqual(SEED_FIGURES);
    expect(warned(lone)).toEqual([]);
  });
});

describe('a 三公 table printed down in a county\'s shorter words', () => {
  it('reads 出国（境）费, 公务车, 车辆运行维护费 and 接待费 under their keys', async () => {
    const doc = await readText(threePublicDown(['项目\t预算数', '“三公”经费合计\t5.28', '出国（境）费\t0.00', '公务车购置及运行费\t3.29', '其中：车辆购置费\t0.00', '车辆运行维护费\t3.29', '接待费\t1.99']));
    expect(threePublic(doc)).toEqual(SEED_FIGURES);
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual([]);
  });
});

/**
 * The 三公 table with its counts on rows of their own (团组数, 人次, 保有量, 接待批次): each was taken for
 * the money row its words name (「公务用车保有量（辆）」 for 公务用车运行维护费), reported as a repeat when
 * it came after the money and read as the money when it came before.
 */
describe('三公 rows of counts', () => {
  it('are left out, before or after the money', async () => {
    const doc = await readText(threePublicDown(['项目\t预算数', '合计\t5.28', '1.因公出国（境）费\t0.00', '其中：因公出国（境）团组数（个）\t1', '因公出国（境）人次数（人）\t3',
      '2.公务用车购置及运行维护费\t3.29', '（1）公务用车购置费\t0.00', '其中：公务用车购置数（辆）\t0', '公务用车保有量（辆）\t2', '（2）公务用车运行维护费\t3.29',
      '3.公务接待费\t1.99', '其中：国内公务接待批次（个）\t12', '国内公务接待人次（人）\t150']));
    expect(new Map(doc.figures.filter((f) => f.table === 'three_public').map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)])))
      .toEqual(new Map([['total', '5.28'], ['overseas', '0.00'], ['vehicle', '3.29'], ['vehicle_purchase', '0.00'], ['vehicle_operation', '3.29'], ['reception', '1.99']]));
    expect(doc.warnings).toEqual([]);
  });

  it('printed across, a column of counts beside each item: the counts are no item\'s amount', async () => {
    const text = threePublicAcross(['预算数\t5.28\t0.00\t0\t3.29\t2\t1.99\t12']).replace(
      '项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t',
      '项目\t合计\t因公出国（境）费\t因公出国（境）团组数（个）\t公务用车购置及运行维护费\t公务用车保有量（辆）\t公务接待费\t国内公务接待批次（个）');
    expect(text).toContain('公务用车保有量（辆）');
    const doc = await readText(text);
    // Were 公务用车 0 (the 团组数) and 公务接待费 3.29 (公务用车's), with 「对不上」.
    expect(new Map(doc.figures.filter((f) => f.table === 'three_public').map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)])))
      .toEqual(new Map([['total', '5.28'], ['overseas', '0.00'], ['vehicle', '3.29'], ['reception', '1.99']]));
    expect(doc.warnings).toEqual([]);
  });
});

/**
 * Shanghai's 三公 table across, its blank cells left blank and its last head (机关运行经费) not read, as
 * OCR left it (「四行经费斋预径」). Before, 0.95 | 0.95 | 229.43 were read as 出国 | 接待 | 公务用车运行费:
 * a choice that gave the 合计 nothing checked no sum and passed as closing.
 */
describe('a 三公 table across with a head not read', () => {
  const table = (lastHead: string, row: string) => {
    const text = threePublicAcross([row]);
    const head = '项目\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费';
    expect(text).toContain(head);
    return readText(text.replace(head, `${head}\t${lastHead}`));
  };

  it('leaves the amount right of every head read unplaced, and says so', async () => {
    const doc = await table('四行经费斋预径', '预算数\t0.95\t\t\t\t\t0.95\t229.43');
    expect(threePublic(doc)).toEqual(['total/total=0.95', 'reception/total=0.95']);
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual(['「部门预算财政拨款“三公”经费支出表」第 8 列的数「229.43」没有可对应的项目']);
    // The head read: the amount is 机关运行经费.
    const read = await table('机关运行经费', '预算数\t0.95\t\t\t\t\t0.95\t229.43');
    expect(threePublic(read)).toEqual(['total/total=0.95', 'reception/total=0.95', 'operating_cost/total=229.43']);
  });

  it('reads an amount under a head that was read by position where the sums fail: the audit judges it', async () => {
    const doc = await table('四行经费斋预径', '预算数\t0.95\t\t\t\t\t1.95\t229.43');
    expect(threePublic(doc)).toContain('reception/total=1.95');
    expect(doc.warnings.map((w) => w.message).some((m) => m.includes('对不上'))).toBe(true);
  });
});

/**
 * The rows after the years: a change from last year (增减额), and a row that is neither (其中：财政拨款).
 * Before, both were skipped without a word: their label named no period, so they were no amount rows.
 */
describe('a 三公 table printed across: rows that name no year', () => {
  const years = ['2023年预算数\t6.00\t0.00\t4.00\t0.00\t4.00\t2.00', '2024年预算数\t5.28\t0.00\t3.29\t0.00\t3.29\t1.99'];
  const messages = (d: StoredDocument) => d.warnings.map((w) => w.message).filter((m) => m.includes('三公'));

  it('增减额 beside last year\'s row is the change; with no last year it is said, not read', async () => {
    const doc = await withTable([...years, '增减额\t-0.72\t0.00\t-0.71\t0.00\t-0.71\t-0.01']);
    expect(threePublic(doc).filter((f) => f.includes('/change='))).toEqual([
      'total/change=-0.72', 'overseas/change=0.00', 'vehicle/change=-0.71', 'vehicle_purchase/change=0.00', 'vehicle_operation/change=-0.71', 'reception/change=-0.01',
    ]);
    expect(messages(doc)).toEqual([]);
    // The audit checks 增减额 = 本年 − 上年 on every item (check 3).
    expect(auditDocuments([doc])[0].findings.filter((f) => f.table === 'three_public' && f.severity === 'error')).toEqual([]);
    // A change row that adds up in itself but not against the years: 用车 −0.61 where 3.29 − 4.00 = −0.71.
    const off = await withTable([...years, '增减额\t-0.62\t0.00\t-0.61\t0.00\t-0.61\t-0.01']);
    expect(auditDocuments([off])[0].findings.filter((f) => f.table === 'three_public' && f.severity === 'error').map((f) => f.rowCode)).toEqual(['total', 'vehicle', 'vehicle_operation']);
    const alone = await withTable([years[1], '增减额\t-0.72\t0.00\t-0.71\t0.00\t-0.71\t-0.01']);
    expect(threePublic(alone)).toEqual(SEED_FIGURES);
    expect(messages(alone)).toEqual(['「部门预算财政拨款“三公”经费支出表」「增减额」一行不是本年度预算的数，未导入']);
  });

  it('a row labelled 金额 (or 合计) is the document\'s own figures', async () => {
    for (const label of ['金额', '合计']) {
      const doc = await withTable([`${label}\t5.28\t0.00\t3.29\t0.00\t3.29\t1.99`]);
      expect(threePublic(doc)).toEqual(SEED_FIGURES);
      expect(messages(doc)).toEqual([]);
    }
  });

  it('a row of amounts under another label is said, not dropped', async () => {
    const doc = await withTable([years[1], '其中：财政拨款\t5.00\t0.00\t3.00\t0.00\t3.00\t2.00']);
    expect(threePublic(doc)).toEqual(SEED_FIGURES);
    expect(messages(doc)).toEqual(['「部门预算财政拨款“三公”经费支出表」「其中：财政拨款」一行不是可识别的行，其金额未导入']);
  });
});

/**
 * 湖州's 三公 table (a real 2026 disclosure outside the corpus) is printed across by unit: 单位名称 over a
 * 合计 row and a row per unit, a 栏次 row 「** | 1 | 2 …」 under the heads. Before, each unit's row said
 * 「不是可识别的行」, and one unit's name holding 预算 (「…财政项目预算审核中心」) was read as a period row:
 * its amounts stood against the 合计's as 「重复出现且金额不同」.
 */
describe('a 三公 table printed across by unit', () => {
  it('reads its 合计 row and says the units\' rows once', async () => {
    const doc = await readText(threePublicDown([
      '\t\t\t公务用车购置及运行费\t\t\t',
      '单位名称\t“三公”经费合计\t因公出国(境)费用\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费',
      '**\t1\t2\t3\t4\t5\t6',
      '合计\t5.28\t0.00\t3.29\t0.00\t3.29\t1.99',
      '某某局\t4.00\t0.00\t3.29\t0.00\t3.29\t0.71',
      '某某局项目预算审核中心\t1.28\t0.00\t0.00\t0.00\t0.00\t1.28',
    ]));
    expect(threePublic(doc)).toEqual(SEED_FIGURES);
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual([
      '「部门预算财政拨款“三公”经费支出表」按单位列示，只导入合计行；2 个单位的行（「某某局」等）未作为科目导入，各单位的数见其单位预算',
    ]);
  });
});

/**
 * 深圳's 三公 table (three real 2026 disclosures outside the corpus): 预算单位 | 年度, each item split by
 * fund (一般公共预算 | 政府性基金 | 国有资本经营), a row a year, the unit's name on the first; no year in
 * its title. Before, the first year's row was no row (a unit's name before its year), the next year's
 * 18 amounts went to 6 items by position (公务接待 read 0.00 where it printed 2.98), and, the table
 * having no year of its own, any year's row was this year's.
 */
describe('a 三公 table across by fund, a row a year under the unit\'s name', () => {
  const funds = (...items: string[]) => items.flatMap((a) => [a, '0.00', '0.00']).join('\t');
  const rows = [
    `${'\t'.repeat(15)}公务用车购置及运行维护费\t\t\t\t`,
    '\t\t\t总计\t\t\t因公出国(境)费\t\t\t公务接待费\t\t\t\t\t\t\t\t\t\t',
    '预算单位\t年度\t\t\t\t\t\t\t\t\t\t\t小计\t\t\t公务用车购置费\t\t\t公务用车运行维护费\t',
    `\t\t${Array(6).fill('一般公共预算\t政府性基金预算\t国有资本经营预算').join('\t')}`,
    `某某局\t2023 年\t${funds('6.00', '0.00', '2.00', '4.00', '0.00', '4.00')}`,
    `\t2024 年\t${funds('5.28', '0.00', '1.99', '3.29', '0.00', '3.29')}`,
    `\t增减变化金额\t${funds('-0.72', '0.00', '-0.01', '-0.71', '0.00', '-0.71')}`,
  ];

  it('adds each item\'s funds, reads each year against the document\'s', async () => {
    const doc = await readText(threePublicDown(rows));
    const read = threePublic(doc);
    expect(read.filter((f) => f.includes('/total=')).sort()).toEqual([...SEED_FIGURES].sort());
    expect(read.filter((f) => f.includes('/prior_year=')).sort()).toEqual([
      'overseas/prior_year=0.00', 'reception/prior_year=2.00', 'total/prior_year=6.00', 'vehicle/prior_year=4.00', 'vehicle_operation/prior_year=4.00', 'vehicle_purchase/prior_year=0.00',
    ]);
    expect(read.filter((f) => f.startsWith('reception/change='))).toEqual(['reception/change=-0.01']);
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual([]);
    expect(auditDocuments([doc])[0].findings.filter((f) => f.table === 'three_public' && f.severity === 'error')).toEqual([]);
  });

  it('a fund printing an amount of its own adds to the item', async () => {
    const doc = await readText(threePublicDown([...rows.slice(0, 5), `\t2024 年\t5.28\t1.00\t0.00\t${funds('0.00', '1.99')}\t3.29\t1.00\t0.00\t${funds('0.00', '3.29')}`]));
    expect(threePublic(doc).filter((f) => f.includes('/total=')).sort()).toEqual(['overseas/total=0.00', 'reception/total=1.99', 'total/total=6.28', 'vehicle/total=4.29', 'vehicle_operation/total=3.29', 'vehicle_purchase/total=0.00']);
  });
});

/**
 * 长春's 三公 table (吉林's template; a real 2026 disclosure outside the corpus): 「“三公”经费合计」, then
 * 当年预算 and 上年结转结余 each over 小计 | 小计 | 因公出国 | 科研因公出国 | 小计 | 购置费 | 运行费 | 接待费,
 * a head over every amount. Before, its 17 amounts went to 7 items by position: 公务用车 0.00 and
 * 公务接待 0.00 where it printed 6.75 and 0.86, and the audit said the table did not add up.
 */
describe('a 三公 table across in column groups, the same heads under each', () => {
  const heads = ['“三公”经费合计', '小计', '小计', '因公出国（境）费因公出国（境）费', '科研因公出国（境）费用', '小计', '公务用车购置及运行费公务用车购置费', '公务用车运行费', '公务接待费',
    '小计', '小计', '因公出国（境）费因公出国（境）费', '科研因公出国（境）费用', '公务用车购置及运行费小计', '公务用车购置费', '公务用车运行费', '公务接待费'];
  const table = (amounts: string[]) => threePublicDown([`\t\t\t\t当年预算${'\t'.repeat(8)}上年结转结余\t\t\t\t`, heads.join('\t'), amounts.join('\t')]);

  it('reads each item as the sum of its groups', async () => {
    const doc = await readText(table(['5.28', '5.00', '0.00', '0.00', '0.00', '3.01', '0.00', '3.01', '1.99', '0.28', '0.00', '0.00', '0.00', '0.28', '0.00', '0.28', '0.00']));
    expect(threePublic(doc).sort()).toEqual([...SEED_FIGURES].sort());
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual([]);
  });

  it('因公出国 is its 小计, 科研 included', async () => {
    const doc = await readText(table(['6.28', '6.28', '1.00', '0.60', '0.40', '3.29', '0.00', '3.29', '1.99', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00']));
    expect(threePublic(doc).filter((f) => /^(?:total|overseas|vehicle|reception)\//.test(f))).toEqual(['total/total=6.28', 'overseas/total=1.00', 'vehicle/total=3.29', 'reception/total=1.99']);
  });
});

/**
 * 西安 统计's 三公 table (a real 2026 disclosure outside the corpus): 上年 | 当年 | 增减变化情况, each over the
 * same heads, and 「单位：元」 in the group words' row. Before, the first block, last year's, went in as
 * this year's, in 万元: 三公 「93,000.00」 万元 where the narrative says 8.10 (当年: 81,000.00 元).
 */
describe('a 三公 table across by period, the same heads under each', () => {
  const block = ['合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行维护费', '', ''];
  const parts = ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费'];
  const rows = (unit: string) => [
    `\t\t\t上年\t\t\t\t\t\t当年\t\t\t\t\t\t增减变化情况\t\t\t${unit}`,
    ['项目', ...block, ...block, ...block].join('\t'),
    ['', ...parts, ...parts, ...parts].join('\t'),
    ['合计', '60,000.00', '0.00', '20,000.00', '40,000.00', '0.00', '40,000.00', '52,800.00', '0.00', '19,900.00', '32,900.00', '0.00', '32,900.00',
      '-7,200.00', '0.00', '-100.00', '-7,100.00', '0.00', '-7,100.00'].join('\t'),
  ];

  it('reads this year\'s block as the figures, last year\'s and the change as theirs, in the unit its header names', async () => {
    // The table's own 「单位：万元」 line taken out: its unit is the one its header row names.
    const doc = await readText(threePublicDown(rows('单位：元')).replace(/(## 部门预算财政拨款“三公”经费支出表[^#]*?)单位：万元/, '$1'));
    const read = threePublic(doc);
    expect(read.filter((f) => f.includes('/total=')).sort()).toEqual([...SEED_FIGURES].sort());
    expect(read.filter((f) => f.startsWith('total/'))).toEqual(['total/prior_year=6.00', 'total/total=5.28', 'total/change=-0.72']);
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual([]);
  });
});
