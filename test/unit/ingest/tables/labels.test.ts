import { describe, expect, it } from 'vitest';
import { expenseLabel, incomeLabel, isSummaryLabel } from '../../../../src/lib/ingest/tables/labels';

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
