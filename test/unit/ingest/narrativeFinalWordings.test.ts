import { describe, expect, it } from 'vitest';
import { toRows } from '../../../src/lib/ingest/lines';
import { readFacts, readNarrative } from '../../../src/lib/ingest/narrative';
import { formatWan } from '../../../src/lib/model/amount';

const facts = (text: string) => Object.fromEntries(readFacts(toRows(text), 'final').map((f) => [f.rowCode, formatWan(f.amount)]));

/**
 * Sichuan's 决算 states both totals after one subject: 「2023年度收、支总计各是3215.40,3230.12万元。与
 * 2022年相比,收、支总计各减少210.50,302.66万元」. Before, none of it was read, and the 比上年增减 was
 * then taken from the first 「与…相比增加」 further on, the 三公's.
 */
describe('two totals after one subject', () => {
  it('reads the first as the income, the second as the expense and its change as the 比上年增减', () => {
    expect(facts('2023年度收、支总计各是3215.40,3230.12万元。与2022年相比,收、支总计各减少210.50,302.66万元,各下降6.14%、8.57%。')).toEqual({
      income_total: '3215.40', expense_total: '3230.12', change_vs_prior: '-302.66',
    });
    expect(facts('2023年度收入、支出总计分别为3,215.40万元、3,230.12万元。')).toEqual({ income_total: '3215.40', expense_total: '3230.12' });
    expect(facts('2023年度收、支总计各为3215,3230万元。')).toEqual({ income_total: '3215.00', expense_total: '3230.00' });
  });

  it('a comma grouping thousands is one figure', () => {
    expect(facts('2023年度收、支总计各为3,215万元。')).toEqual({ income_total: '3215.00', expense_total: '3215.00' });
  });
});

describe('a change in a sentence with no subject of its own', () => {
  it('after a 三公 sentence is the 三公\'s, not the document\'s', () => {
    const text = '2024年，我部门“三公”经费预算安排5.28万元，其中公务接待费1.99万元。与2023年相比增加0.18万元。';
    expect(facts(text).change_vs_prior).toBeUndefined();
  });

  it('after the total\'s sentence is the total\'s', () => {
    expect(facts('2024年预算收入1550.13万元，其中一般公共预算1550.13万元。比上年增加218.10万元。').change_vs_prior).toBe('218.10');
  });
});

/**
 * A 决算 states the 财政拨款's change in a sentence of its own: 「2023年度，本单位财政拨款收入总计1100.50
 * 万元，与上年相比减少40.10万元」, 「2023年财政拨款收入总计1500.00万元，与2022年相比增加300.00万元」.
 * Before, either was read as the document's 比上年增减.
 */
describe('a fund\'s change', () => {
  it('is not the document\'s 比上年增减 when the fund is the sentence\'s subject', () => {
    expect(facts('2023年度，本单位财政拨款收入总计1100.50万元，与上年相比减少40.10万元，降低3.52%。').change_vs_prior).toBeUndefined();
    expect(facts('2023年财政拨款收入总计1500.00万元，与2022年相比增加300.00万元，增长25.00%。').change_vs_prior).toBeUndefined();
    expect(facts('2023年一般公共预算财政拨款支出1264.00万元，占本年支出合计的31.45%。与2022年相比，一般公共预算财政拨款增加27.00万元。').change_vs_prior).toBeUndefined();
  });

  it('is the document\'s when the total is the subject and the fund only named after it', () => {
    // Shanghai's: the 财政拨款 is the whole budget there, and the gold takes its change for the document's.
    expect(facts('2025年，某区某局收入预算3,121.42万元，其中：财政拨款收入3,121.42万元，比2024年预算增加107.62万元；事业收入0万元。').change_vs_prior).toBe('107.62');
  });
});

describe('「本单位收入为 X」', () => {
  it('is the document\'s income (and 支出为 its expense)', () => {
    expect(facts('2023年度，本单位收入为1200.50万元，其中：财政拨款收入1100.50万元，占91.67%；事业收入100.00万元。2023年度，本单位支出为1300.20万元。其中：基本支出800.20万元。')).toMatchObject({
      income_total: '1200.50', expense_total: '1300.20', basic: '800.20',
    });
  });
});

/**
 * Guangxi's 决算: 「本单位2023年度总支出600.00万元，其中本年支出500.00万元，较2022年度决算数增加50.00万元，
 * 增长11.1%」. The change and its rate are 本年支出's (50.00 / 450.00); before, they were the 总支出's,
 * whose rate then did not fit them (50.00 / 550.00 = 9.1%).
 */
describe('a change stated after a 其中 part with its own amount', () => {
  const statements = (text: string) => readNarrative(toRows(text), [], 'final').narrative.statements.map((s) => [s.key, s.amount?.text, s.change?.text ?? null, s.percent?.value ?? null]);
  it('is not the total\'s', () => {
    expect(statements('（二）本单位2023年度总支出600.00万元，其中本年支出500.00万元，较2022年度决算数增加50.00万元，增长11.1%。')).toEqual([['all.expense', '600.00', null, null]]);
  });
  it('a change right after the total still is', () => {
    expect(statements('（二）本单位2023年度总支出600.00万元，较2022年度增加50.00万元，增长9.1%。')).toEqual([['all.expense', '600.00', '50.00', '9.1']]);
  });
});

// 长春 2026 lists its projects: 「…驻京经费312万元，信访局临聘人员经费15.56万元。」 The project's name was read as
// the document's 人员经费 (and the audit compared it with the 基本支出表's 997.20).
describe('人员经费 of a kind of staff', () => {
  const budget = (text: string) => Object.fromEntries(readFacts(toRows(text), 'budget').map((f) => [f.rowCode, formatWan(f.amount)]));
  it('is a project\'s name, not the document\'s 人员经费', () => {
    expect(budget('2026信访专项经费30万元，信访局临聘人员经费15.56万元。').personnel).toBeUndefined();
    expect(budget('基本支出1208.20万元，其中：人员经费997.20万元。').personnel).toBe('997.20');
  });
});
