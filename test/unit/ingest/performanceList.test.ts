import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { unitLine } from '../../../src/lib/ingest/meta';

/**
 * 广州 生态环境局's 2026 项目支出绩效目标表 (a real disclosure outside the corpus, 140 pages; rows as its
 * PDF gives them, the names and amounts printed, the text shortened): one project a row, its goals and
 * indicators as text wrapped around its amounts, each 资金使用单位 a row of its subtotal. The whole file
 * was refused: 「不像是部门预算或决算公开文件」.
 */
const TITLE = '广州市生态环境局2026年项目支出绩效目标表（含转移支付项目）';
const page = (rows: readonly string[]) => [TITLE, '部门名称：广州市生态环境局\t单位：万元', '项目名称（资金使用单位）总计：\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标', ...rows];
const TEXT = [
  ...page([
    '合计：\t37,367.86\t35,790.09\t1,577.77',
    '广州市生态环境局\t12,887.86\t12,887.86',
    '1.1－产出指标，11－数量指标，项目专职环保员数',
    '通过开展广州市建立镇（街）园区环境保护监督\t保员队伍管理规范化；实施周期指标值：考察是否符',
    '广州市镇（街）园区环保监\t督检查员经费（越秀区）\t238.00\t238.00\t检查员队伍，有利于强化落实\t合规范，合规得满分。年度指标值：',
    '升基层环保工作水平。\t及时率；实施周期指标值：100%，年度指标值：',
    // A goal's first point, a line of its own: no heading of the narrative.
    '一、保证应用系统的高效、可靠运行，为环境信',
    '机构运行辅助经费\t123.30\t123.30\t映的环境信访问题，快速、有效解决\t活的环境问题。',
  ]),
  ...page([
    '广州市生态环境局越秀分局\t392.68\t392.68',
    '100家次，年度指标值：≥100家次；',
    '机构运行辅助经费\t123.30\t123.30\t映的环境信访问题，快速、有效解决\t活的环境问题。',
    '其他运行经费\t22.48\t\t22.48\t1、通过财务咨询服务，加强项目管理水平\t高项目执行力。',
  ]),
  '',
].join('\n');

describe('a 绩效目标表 listing its projects one a row', () => {
  const r = readDisclosureText(TEXT, 'list.pdf');

  it('reads each project\'s name and 总计, not the 合计 nor a unit\'s subtotal', () => {
    if (!r.ok) throw new Error(r.error);
    const [d] = r.docs;
    expect(d.projects.map((p) => [p.name, (p.amount! / 1e6).toFixed(2)])).toEqual([
      ['广州市镇（街）园区环保监督检查员经费（越秀区）', '238.00'],
      ['机构运行辅助经费', '123.30'],
      // Another unit's project of the same name and amount is its own.
      ['机构运行辅助经费', '123.30'],
      ['其他运行经费', '22.48'],
    ]);
    expect(d.projects.every((p) => p.fiscalAmount === null && p.goals === '' && p.indicators.length === 0)).toBe(true);
  });

  it('says once that the goals and indicators are not read, and takes the unit and year from its pages', () => {
    if (!r.ok) throw new Error(r.error);
    const [d] = r.docs;
    expect(d.warnings.filter((w) => w.message.includes('按项目逐行列示'))).toHaveLength(1);
    expect([d.meta.unitName, d.meta.year]).toEqual(['广州市生态环境局', 2026]);
  });

  it('an indicator\'s value wrapped onto a line of its own is no unit line', () => {
    expect(unitLine('100家次，年度指标值：≥100家次；')).toBeNull();
    expect(unitLine('203保定白沟新城党群工作部')).toEqual({ code: '203', name: '保定白沟新城党群工作部' });
  });
});
