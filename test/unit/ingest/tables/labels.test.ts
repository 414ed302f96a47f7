import { describe, expect, it } from 'vitest';
import { expenseLabel, incomeLabel, isSummaryLabel, threePublicLabel } from '../../../../src/lib/ingest/tables/labels';

describe('isSummaryLabel: an income or an expense label of the 收支总表, one remembered answer', () => {
  it.each([
    { cell: '一、一般公共预算拨款收入', expected: true },
    { cell: '一般公共服务支出', expected: true },
    { cell: '七、文化旅游体育与传媒支', expected: false },
    { cell: '本年支出合计', expected: true },
    { cell: '收入总计', expected: true },
    { cell: '项目', expected: false },
    { cell: '1,234.56', expected: false },
    { cell: '', expected: false },
  ])('「$cell」', ({ cell, expected }) => {
    expect(isSummaryLabel(cell)).toBe(expected);
    // Asked again (the remembered answer), and as the two questions it stands for.
    expect(isSummaryLabel(cell)).toBe(expected);
    expect(incomeLabel(cell) !== null || expenseLabel(cell) !== null).toBe(expected);
  });
});

/**
 * The 三公 rows in the shorter words some counties print (公务车, 公车, 车辆; 因公出境; 出国（境）;
 * 接待费; 「“三公”经费合计」): they were 「无法识别项目」 and their amounts left.
 */
describe('三公 row labels', () => {
  it.each([
    ['公务车购置及运行费', 'vehicle'], ['车辆购置及运行维护费', 'vehicle'], ['公车购置及运维费', 'vehicle'],
    ['公务车购置费', 'vehicle_purchase'], ['车辆运行维护费', 'vehicle_operation'], ['公务用车运维费', 'vehicle_operation'],
    ['因公出境费', 'overseas'], ['出国（境）费', 'overseas'], ['因公出国(境)经费', 'overseas'],
    ['接待费', 'reception'], ['公务接待支出', 'reception'], ['三公经费合计', 'total'], ['“三公”经费合计', 'total'], ['合计', 'total'],
    ['机关运行经费', 'operating_cost'], ['财政拨款“三公”经费支出表', null], ['会议费', 'meeting'],
  ] as const)('「%s」', (cell, expected) => {
    expect(threePublicLabel(cell)).toBe(expected);
  });
});

describe('expenseLabel: a 类 after its numeral with the 、 lost (OCR; a spaced printout)', () => {
  it.each([
    { cell: '二社会保障和就业支出', key: 'expense.208' },
    { cell: '一一般公共服务支出', key: 'expense.201' },
    { cell: '十二 城乡社区支出', key: 'expense.212' },
    { cell: '一般公共服务支出', key: 'expense.201' },
    // Not a 类's whole name after the numeral: no key.
    { cell: '三公经费支出', key: null },
    { cell: '二社会保障', key: null },
  ])('「$cell」 → $key', ({ cell, key }) => {
    expect(expenseLabel(cell)).toBe(key);
  });
});

/**
 * 西安's 收支总表 names some 类 short (「7、文化旅游」「19、自然资源」「23、灾害防治及应急」「15、资源勘探信息等」):
 * each 「不是已知的收支项目」. Known by those names; a piece of a name wrapped in its cell is still none.
 */
describe('expenseLabel: a 类 named short', () => {
  it.each([
    { cell: '7、文化旅游', key: 'expense.207' },
    { cell: '19、自然资源', key: 'expense.220' },
    { cell: '23、灾害防治及应急', key: 'expense.224' },
    { cell: '15、资源勘探信息等', key: 'expense.215' },
    { cell: '七、文化旅游体育与传媒支', key: null },
    { cell: '文化活动', key: null },
  ])('「$cell」 → $key', ({ cell, key }) => {
    expect(expenseLabel(cell)).toBe(key);
  });
});

/** 西安's 财政拨款收支总表 prints 经济分类 names half-width, cut, or without 的: 「不是已知的收支项目」 before. */
describe('expenseLabel: a 经济分类 name as printed', () => {
  it.each([
    { cell: '(5)资本性支出(基本建设)', key: 'expense.309' },
    { cell: '(5)资本性支出（基本建设', key: 'expense.309' },
    { cell: '(3)对个人和家庭补助', key: 'expense.303' },
    { cell: '(3)对个人和家庭', key: null },
  ])('「$cell」 → $key', ({ cell, key }) => {
    expect(expenseLabel(cell)).toBe(key);
  });
});
