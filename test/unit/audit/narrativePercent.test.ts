import { describe, expect, it } from 'vitest';
import type { F } from './fixtures';
import { auditText, of } from './narrativeFixtures';

// Percentages of the Jiangsu and Shanghai training documents, recomputed from their own figures.
describe('narrative percentages (check 12)', () => {
  it('「增长 79.05%」 where 865.57 ÷ (1959.99 − 865.57) = 79.09%: an error on the item (gjfy 2017, 2210202)', () => {
    const text = '（三）住房保障支出（类）\n2 ．住房改革支出（款）提租补贴（项）支出 1959.99 万元，与上年相比增加 865.57 万元，增长 79.05 % 。主要原因是调整了住房补贴。';
    const a = auditText(text);
    expect(of(a, 'narrative_percent')).toEqual(['error facts/2210202']);
    expect(a.findings.find((f) => f.check === 'narrative_percent')!.expected).toBe('79.089%');
  });

  it('a percentage printed without decimals is judged at whole percent: 「增长30%」 for 29.15% is wrong, 「增长 100%」 from nothing is not judged', () => {
    expect(of(auditText('3．住房保障支出 3894.09 万元，主要用于住房公积金和提租补贴。与上年相比增加 878.93 万元，增长 30% 。'), 'narrative_percent')).toEqual(['error facts/221']);
    expect(of(auditText('3．住房保障支出 3894.09 万元，主要用于住房公积金。与上年相比增加 878.93 万元，增长 29% 。'), 'narrative_percent')).toEqual([]);
    const fromNothing = '（二）社会保障和就业支出（类）\n2 ．行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）支出 1326.81 万元，与上年相比增加 1326.81 万元，增长 100 % 。';
    expect(of(auditText(fromNothing), 'narrative_percent')).toEqual([]);
  });

  it('a rate truncated instead of rounded is 尾差: 「增长16.07%」 for 16.078% (swbgt 2019, 2013101)', () => {
    const text = '（一）一般公共服务（类）1 ．党委办公厅（室）及相关机构事务（款）行政运行（项）支出 9370.12 万元，与上年相比增加 1297.83 万元，增长 16.07% 。';
    expect(of(auditText(text), 'narrative_percent')).toEqual(['rounding facts/2013101']);
  });

  it('a rate that only the stated amounts\' own rounding explains is 尾差: 0.62 over 0.50 printed as 22.22% (24% as stated)', () => {
    const item = (pct: string) => `1.“社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）”0.62万元。2024年当年预算执行数为0.50万元，2025年预算安排0.62万元，比2024年预算执行数增加${pct}%。`;
    // 0.615 ÷ 0.505 − 1 = 21.78% … 0.625 ÷ 0.495 − 1 = 26.26%.
    expect(of(auditText(item('22.22')), 'narrative_percent')).toEqual(['rounding facts/2080599']);
    expect(of(auditText(item('24.00')), 'narrative_percent')).toEqual([]);
    expect(of(auditText(item('30.00')), 'narrative_percent')).toEqual(['error facts/2080599']);
    // Whole 万元 (Jiangsu prints 70 for 70.00) is not widened: the rate is judged from the figures as printed.
    expect(of(auditText('3．住房保障支出 3894 万元，主要用于住房公积金。与上年相比增加 879 万元，增长 30% 。'), 'narrative_percent')).toEqual(['error facts/221']);
  });

  it('shares forced to add up to 100% are 尾差 (gjfy 2017 三公: 45.43% for 45.425%)', () => {
    const text = '江苏省高级人民法院 201 7 年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出 180 万元，占“三公”经费的 26.86 % ；公务用车购置及运行费支出 304.4 万元，占“三公”经费的 45.43 % ；公务接待费支出 185.72 万元，占“三公”经费的 27.71 % 。';
    expect(of(auditText(text), 'narrative_percent')).toEqual(['rounding three_public/vehicle']);
  });

  it('a share of a list that does not add up to 100% is an error (czj 2024 决算: 71.73% for 71.65%)', () => {
    const text = '（二）一般公共预算财政拨款支出决算结构情况一般公共预算财政拨款支出 2940.05 万元，主要用于以下方面：一般公共服务支出（类） 2106.66 万元，占 71.73% ；社会保障和就业支出（类） 326.72 万元，占 11.11% ；卫生健康支出（类） 60.99 万元，占 2.07% ；住房保障支出（类） 445.69 万元，占15.16% ；';
    expect(of(auditText(text), 'narrative_percent')).toEqual(['error facts/201']);
  });

  it('a completion rate is recomputed from its 年初预算: 「完成年初预算的 98.20%」 holds, 97.20% does not', () => {
    const text = (p: string) => `一般公共预算财政拨款支出年初预算为 2993.92 万元，支出决算为 2940.05 万元，完成年初预算的 ${p}% 。`;
    expect(of(auditText(text('98.20')), 'narrative_percent')).toEqual([]);
    expect(of(auditText(text('97.20')), 'narrative_percent')).toEqual(['error document/']);
  });
  it('shows the formula a reviewer recomputes: last year as this year plus a decrease, a list\'s sum in brackets', () => {
    const message = (text: string) => auditText(text).findings.filter((f) => f.check === 'narrative_percent').map((f) => f.message);
    // 100 ÷ (1000 + 100) = 9.1%, printed as 12%; 100 ÷ (1000 − 100) = 11.1%.
    expect(message('3．住房保障支出 1000 万元，主要用于住房公积金。与上年相比减少 100 万元，下降 12% 。')).toEqual([
      expect.stringContaining('按所述数字 100 ÷ (1000 + 100) = 9.1%'),
    ]);
    expect(message('3．住房保障支出 1000 万元，主要用于住房公积金。与上年相比增加 100 万元，增长 12% 。')).toEqual([
      expect.stringContaining('按所述数字 100 ÷ (1000 − 100) = 11.1%'),
    ]);
    // A heading the layout ran into the sentence is no part of the subject quoted, nor is the total's
    // key a word of the message (czj 2024 决算, its total misprinted as 0).
    const total = '一、收入支出决算总体情况说明上海市普陀区财政局 2024 年度收入支出总计 0 万元。与 2023 年度相比，收入支出总计减少 56.95 万元，下降 1.87%。';
    expect(message(total)).toEqual(['说明中「上海市普陀区财政局2024年度收入支出总计」「减少1.87%」，而按所述数字 56.95 ÷ (0 + 56.95) = 100.000%。应有：百分比与所述金额相符（按其所印的 2 位小数）']);
    // 人大 2017: shares of the 三公 that are shares of the table's 合计 with 会议费 and 培训费.
    const shares = '2017 年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出 222.5 万元，占“三公”经费的 8.75%；公务用车购置及运行费支出 183.6 万元，占“三公”经费的 7.22%；公务接待费支出 427.5 万元，占“三公”经费的 16.81%。';
    expect(message(shares)[0]).toContain('按所述数字 222.5 ÷ (222.5 + 183.6 + 427.5) = 26.69');
    // With the table's 合计 of 三公, 会议费 and 培训费 (2542.60), the finding names the whole it meant.
    const table: F[] = [
      ['three_public', 'total_with_meeting_training', 'total', '2542.60'], ['three_public', 'total', 'total', '833.60'], ['three_public', 'overseas', 'total', '222.50'],
      ['three_public', 'vehicle', 'total', '183.60'], ['three_public', 'reception', 'total', '427.50'], ['three_public', 'meeting', 'total', '1305.25'], ['three_public', 'training', 'total', '403.75'],
    ];
    const found = auditText(shares, table).findings.filter((f) => f.check === 'narrative_percent');
    expect(found.map((f) => f.severity)).toEqual(['error', 'error', 'error']);
    for (const f of found) expect(f.message).toContain('按「三公」经费、会议费、培训费表的合计 2542.60 万元计算正是');
    // A share wrong of both wholes says nothing more.
    expect(auditText(shares.replace('8.75%', '9.75%'), table).findings.find((f) => f.check === 'narrative_percent' && f.rowCode === 'overseas')!.message).not.toContain('会议费、培训费表');
  });
});

/**
 * 长春's 2026 budget narrative (a real disclosure outside the corpus). Its 基本支出 by 经济分类 gives each
 * 款 「占支出预算的 x%」, a share of the whole 1,682.76, not of the three listed (1,208.19); and it prints
 * 「预算支出1682.76元」 for 万元, the shares beside it right of 1,682.76 万元. Before, five errors: three
 * of the list's sum (54.15% 「= 75.419%」) and two of 0.168276 万元 (「= 717987.116%」).
 */
describe('shares of the budget\'s whole spending', () => {
  const basic = (first: string) => `2026年支出总计1682.76万元。其中:基本支出合计为1208.20万元，项目支出合计为474.56万元。
六、一般公共预算基本支出情况说明
（一）工资福利支出911.21万元，占支出预算的${first}%；
（二）商品和服务支出211.00万元，占支出预算的12.54%；
（三）对个人和家庭补助支出85.98万元，占支出预算的5.11%；`;

  it('「占支出预算的」 is of the 支出总计, not of the list', () => {
    expect(of(auditText(basic('54.15')), 'narrative_percent')).toEqual([]);
    const wrong = auditText(basic('64.15')).findings.filter((f) => f.check === 'narrative_percent');
    expect(wrong).toHaveLength(1);
    // The whole is quoted with its amount, for the reviewer to recompute.
    expect(wrong[0].message).toContain('÷ (911.21 + 211.00 + 85.98)');
    const alone = auditText('2026年支出总计1682.76万元。\n（一）工资福利支出911.21万元，占支出预算的64.15%。').findings.filter((f) => f.check === 'narrative_percent');
    expect(alone.map((f) => f.message)).toEqual([expect.stringContaining('÷ 支出总计 1682.76 = 54.150%')]);
  });

  it('a whole printed in 元 for 万元 is said once, on the total, not on each share', () => {
    const text = (share: string) => `一、收支总表情况说明
2026年预算收入1682.76万元。2026年预算支出1682.76元，其中基本支出预算1208.20万元，占部门预算总支出的${share}%；项目支出预算474.56万元，占部门预算总支出的28.20%。`;
    const a = auditText(text('71.80'));
    expect(of(a, 'narrative_percent')).toEqual([]);
    expect(of(auditText(text('81.80')), 'narrative_percent')).toHaveLength(1);
  });
});

/**
 * 北京 统计's 2026 budget narrative (a real disclosure outside the corpus) gives 基本 and 项目 each in a
 * sentence of its own, 「占本年支出预算」 64.37% and 35.63%: of their sum, 50,927.95, not of the 支出总计
 * 51,036.22. Two errors before.
 */
describe('shares of one whole, each in a sentence of its own', () => {
  const text = (basic: string, project: string) => `2026年收入预算51036.22万元，支出预算51036.22万元。
基本支出预算32780.46万元，占本年支出预算${basic}%。
项目支出预算18147.49万元，占本年支出预算${project}%。`;

  it('are of their amounts\' sum where their percentages make 100', () => {
    expect(of(auditText(text('64.37', '35.63')), 'narrative_percent')).toEqual([]);
  });

  it('are judged as before where they do not', () => {
    const a = auditText(text('64.47', '35.63'));
    expect(of(a, 'narrative_percent', ['error'])).toHaveLength(2);
  });
});
