import { describe, expect, it } from 'vitest';
import { toRows } from '../../../src/lib/ingest/lines';
import { readFacts } from '../../../src/lib/ingest/narrative';
import { formatWan } from '../../../src/lib/model/amount';
import { NARRATIVE } from './fixtures';

function facts(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readFacts(toRows(text))) out[f.rowCode] = formatWan(f.amount);
  return out;
}

describe('narrative facts', () => {
  it('reads every stated total, signed changes and the stated parts', () => {
    expect(facts(NARRATIVE)).toEqual({
      income_total: '103.50', expense_total: '103.50', basic: '60.00', personnel: '50.00', public: '10.00',
      project: '43.50', change_vs_prior: '-12.50', basic_change: '1.50', project_change: '-14.00',
      operating_cost: '10.00', three_public_total: '3.00', three_public_overseas: '0.00',
      three_public_vehicle: '1.00', three_public_reception: '0.50',
    });
  });

  // 福州 公安 2026: the total's change is 129.07; the parts after 「二、」 are the 一般公共预算's change
  // (166.68). Taken as the total's, they made a false 比上年增减 error.
  it('takes a change’s parts from its own part of the narrative, not the next one', () => {
    const text = '一、预算收支总体情况\n2026年收入预算为2796.14万元，比上年增加129.07万元，增长4.84%，主要原因是一般公共预算拨款收入增加129.07万元。\n二、一般公共预算拨款支出情况\n2026年度一般公共预算拨款支出2796.14万元，比上年增加166.68万元，增长6.34%，主要原因是基本支出增加49.12万元，项目支出增加117.56万元。';
    const read = facts(text);
    expect(read).toMatchObject({ change_vs_prior: '129.07' });
    expect(read).not.toHaveProperty('basic_change');
    expect(read).not.toHaveProperty('project_change');
    // Within its part they are its own.
    expect(facts('一、预算收支总体情况\n2026年收入预算为2796.14万元，比上年增加166.68万元，主要原因是基本支出增加49.12万元，项目支出增加117.56万元。')).toMatchObject({ basic_change: '49.12', project_change: '117.56' });
  });

  // 国家信访局 2024 决算: the year between the budget and the 决算 (「预算为 76.43 万元，2024 年度支出决算为
  // 46.21 万元」) made the 三公 total the budget's, 76.43, and its parts (46.20) an error of 30.23.
  it('a 决算’s 三公 total is its 决算, with the year printed between', () => {
    expect(facts('国家信访局 2024 年度“三公”经费财政拨款支出预算为 76.43\n万元，2024 年度支出决算为 46.21 万元，完成预算的 60.46%。')).toMatchObject({ three_public_total: '46.21' });
  });

  it('reads a sentence that wraps across lines, even across a blank line (seed 003)', () => {
    const text = '2、支出说明\n2024年支出预算1550.13万元，其中基本支出1082.00万元，包括人员经费959.08\n\n万元和日常公用经费 122.92 万元；项目支出 468.13 万元。';
    expect(facts(text)).toMatchObject({ personnel: '959.08', public: '122.92', project: '468.13' });
  });

  it('reads totals in other common wordings', () => {
    expect(facts('2024年本部门收入预算总额1550.13万元，支出预算总额1550.13万元。')).toEqual({ income_total: '1550.13', expense_total: '1550.13' });
    expect(facts('2024年部门收支总预算1550.13万元。')).toEqual({ income_total: '1550.13', expense_total: '1550.13' });
    expect(facts('2024年机关运行经费财政拨款预算122.92万元，比上年减少1.00万元。')).toMatchObject({ operating_cost: '122.92' });
    expect(facts('截至2023年12月31日，本部门共有车辆2辆，固定资产原值547.87万元。')).toEqual({ assets_total: '547.87' });
    expect(facts('2023年度收入总计1234.56万元、支出总计1234.56万元。与2022年度相比，收、支总计各增加12.34万元，增长1.0%。'))
      .toEqual({ income_total: '1234.56', expense_total: '1234.56', change_vs_prior: '12.34' });
    // The 三公 parts in a county's shorter words.
    expect(facts('2024年“三公”经费预算5.28万元，其中：出国（境）费0万元，公务车购置及运行费3.29万元（公务车购置费0万元，公务车运行维护费3.29万元），公务接待费1.99万元。')).toEqual({
      three_public_total: '5.28', three_public_overseas: '0.00', three_public_vehicle: '3.29', three_public_vehicle_purchase: '0.00', three_public_vehicle_operation: '3.29', three_public_reception: '1.99',
    });
    // A 类's 支出预算 after a comma is that 类's, not the total.
    expect(facts('一般公共服务支出1237.14万元，支出预算主要用于机关运行。')).toEqual({});
  });

  it('reads the totals as 决算 and county narratives also word them', () => {
    expect(facts('2023年度收、支总计均为1234.56万元。')).toEqual({ income_total: '1234.56', expense_total: '1234.56' });
    expect(facts('本部门2023年度收入、支出决算总计均为1,234.56万元。')).toEqual({ income_total: '1234.56', expense_total: '1234.56' });
    expect(facts('2023年度收入、支出决算总计各1234.56万元。')).toEqual({ income_total: '1234.56', expense_total: '1234.56' });
    expect(facts('2024年收入总预算1550.13万元，支出总预算1550.13万元。')).toEqual({ income_total: '1550.13', expense_total: '1550.13' });
    expect(facts('2024年部门预算总收入为1550.13万元，总支出为1550.13万元。')).toEqual({ income_total: '1550.13', expense_total: '1550.13' });
    // The expense right after the income, in one sentence; the change 「与上年相比」 or after a rate.
    expect(facts('2024年度收入预算1550.13万元，支出预算1550.13万元，与上年相比增加12.00万元。'))
      .toEqual({ income_total: '1550.13', expense_total: '1550.13', change_vs_prior: '12.00' });
    expect(facts('2024年度部门收入预算1550.13万元，较上年预算下降1.2%，减少18.00万元。')).toEqual({ income_total: '1550.13', change_vs_prior: '-18.00' });
    // Another fund's total is not the document's.
    expect(facts('一般公共预算总支出1550.13万元。')).toEqual({});
  });

  it('a 决算\'s 三公 parts: 「…费支出决算为 X」, and 「…费年初预算为 B 万元，决算为 X 万元」', () => {
    const parts = { three_public_total: '5.28', three_public_overseas: '0.00', three_public_vehicle: '3.29', three_public_reception: '1.99' };
    expect(facts('2023年度“三公”经费财政拨款支出决算为5.28万元，完成预算的80.0%，其中：因公出国（境）费支出决算为0.00万元，完成预算的0%；公务用车购置及运行维护费支出决算为3.29万元，完成预算的90%；公务接待费支出决算为1.99万元，完成预算的70%。')).toEqual(parts);
    // The budget before the 决算 is not the part's figure.
    expect(facts('“三公”经费财政拨款支出年初预算为6.60万元，支出决算为5.28万元。其中：因公出国（境）费年初预算为0万元，决算为0万元；公务用车购置及运行维护费年初预算为4.00万元，决算为3.29万元；公务接待费年初预算为2.60万元，决算为1.99万元。')).toEqual(parts);
  });

  it('a 决算\'s 基本支出, 项目支出 and 机关运行经费 「决算为 X」; last year\'s figure is none of them', () => {
    expect(facts('本年支出合计1200.00万元，其中：基本支出决算为1000.00万元，项目支出决算为200.00万元。')).toEqual({ basic: '1000.00', project: '200.00' });
    expect(facts('2023年度机关运行经费支出决算为184.65万元。')).toEqual({ operating_cost: '184.65' });
    // Was basic 900.00: last year's.
    expect(facts('上年基本支出决算为900.00万元。')).toEqual({});
    expect(facts('上年末固定资产金额547.87万元。')).toEqual({ assets_total: '547.87' });
  });

  it('a 决算\'s 三公 total is its 决算, never the budget stated before it; a 预算 takes no 决算', () => {
    const final = (text: string) => Object.fromEntries(readFacts(toRows(text), 'final').map((f) => [f.rowCode, formatWan(f.amount)]));
    // Were 6.60, the budget: the audit then compared it with the table's 决算.
    expect(final('2023年度“三公”经费财政拨款支出预算为6.60万元，支出决算为5.28万元。')).toEqual({ three_public_total: '5.28' });
    expect(final('2023年度“三公”经费预算6.60万元，实际支出5.28万元。')).toEqual({ three_public_total: '5.28' });
    expect(final('2023年度“三公”经费支出决算5.28万元。')).toEqual({ three_public_total: '5.28' });
    // A 预算 naming last year's 决算 first states its own budget after it.
    const budget = Object.fromEntries(readFacts(toRows('2023年“三公”经费决算数为6.00万元，2024年“三公”经费预算数为5.28万元。'), 'budget').map((f) => [f.rowCode, formatWan(f.amount)]));
    expect(budget).toEqual({ three_public_total: '5.28' });
  });

  it("the 财政拨款 totals are not the document's, even in a clause of their own", () => {
    // Was expense_total 1150.00: 「，支出总计」 has no subject of its own; it is the 财政拨款's.
    expect(facts('四、财政拨款收入支出决算总体情况说明\n2023年度财政拨款收入总计1150.00万元，支出总计1150.00万元。')).toEqual({});
    expect(facts('2024年财政专户管理资金收入预算总计0万元，支出预算总计0万元。')).toEqual({});
    // The document's own, and the change of each total 「与2022年度相比，收入总计增加」.
    expect(facts('2023年度收入总计1234.56万元，支出总计1234.56万元。与2022年度相比，收入总计增加12.34万元，增长1.0%。'))
      .toEqual({ income_total: '1234.56', expense_total: '1234.56', change_vs_prior: '12.34' });
  });

  it('reads the totals without a year, as 收支预算, and the expense after a semicolon', () => {
    const both = { income_total: '1550.13', expense_total: '1550.13' };
    expect(facts('部门预算收入总额为1550.13万元，部门预算支出总额为1550.13万元。')).toEqual(both);
    expect(facts('本年度收入预算1550.13万元，支出预算1550.13万元。')).toEqual(both);
    expect(facts('本部门2024年收支预算总额1550.13万元。')).toEqual(both);
    expect(facts('2024年收支预算均为1550.13万元。')).toEqual(both);
    expect(facts('2024年度部门预算收入1550.13万元，比2023年增加10万元；部门预算支出1550.13万元。')).toEqual({ ...both, change_vs_prior: '10.00' });
    expect(facts('2024年财政拨款收支预算总额1450.00万元。')).toEqual({});
  });

  it("a 类's change is not the total's; a unit named like a 类 still states its totals", () => {
    // Read before as change_vs_prior 10.00: the 类's change taken for the budget's.
    expect(facts('2024年支出预算1550.13万元。其中一般公共服务支出1237.14万元，比上年增加10.00万元，主要原因是人员增加。'))
      .toEqual({ expense_total: '1550.13' });
    // 教育局, 卫生健康委员会: who states the totals, not a 类 of them (were read as an item, so no totals).
    expect(facts('2025年，某区教育局收入预算9101.68万元，比上年增加10.00万元。')).toEqual({ income_total: '9101.68', change_vs_prior: '10.00' });
    expect(facts('某市卫生健康委员会2024年部门预算收入1550.13万元。')).toEqual({ income_total: '1550.13' });
    expect(facts('2024年教育支出1237.14万元。')).toEqual({});
  });

  it('cites the line where the number is printed', () => {
    const rows = toRows('标题\n\n四、“三公”经费\n2023 年，财政拨款“三公”经费预算安排 5.28 万元。');
    expect(readFacts(rows).find((f) => f.rowCode === 'three_public_total')?.source.line).toBe(4);
  });

  it('takes the change of the 比上年增减 paragraph, not a later 三公 change', () => {
    const text = '3、比上年增减情况\n2023年，部门预算收支安排181.17万元，较2022年减少187.17万元。\n四、三公\n“三公”经费预算为0万元，较2022年度预算减少0.14万元。';
    expect(facts(text)).toMatchObject({ change_vs_prior: '-187.17', three_public_total: '0.00' });
  });

  it('stated 三公 total and parts that disagree are both kept (seed 002: 7.7 vs 0 + 0 + 2)', () => {
    const text = '2021年度“三公”经费财政拨款支出预算为7.7万元,因公出国(境)费支出0万元;公务用车购置及运行费支出预算0万元;公务接待费2万元。';
    expect(facts(text)).toEqual({
      three_public_total: '7.70', three_public_overseas: '0.00', three_public_vehicle: '0.00', three_public_reception: '2.00',
    });
  });

  it('procurement and assets statements, six decimals exact', () => {
    expect(facts('2023年，本级安排政府采购预算35万元。上年末固定资产金额为168.466286万元（详见下表）。')).toEqual({
      procurement_total: '35.00', assets_total: '168.466286',
    });
  });

  it('numbers of two table cells never run together into one figure', () => {
    expect(facts('因公出国经费\t0\t2.7\t0\t说明\n')).toEqual({});
  });

  it('text without statements gives no facts', () => {
    expect(facts('从前有座山，山里有座庙。庙里有个老和尚，年年预算都很紧。')).toEqual({});
  });
});
