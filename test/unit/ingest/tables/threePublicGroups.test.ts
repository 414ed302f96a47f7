import { describe, expect, it } from 'vitest';
import { itemsByGroup } from '../../../../src/lib/ingest/tables/threePublicGroups';
import type { Row } from '../../../../src/lib/ingest/lines';

/**
 * The groups a 三公 table's items are added over (threePublicGroups.ts) are sources of money (吉林:
 * 当年预算 | 上年结转结余), never periods (西安: 上年 | 当年 | 增减变化情况): last year's and this year's
 * amounts added up would be no figure of either.
 */
const row = (cells: string[]): Row => ({ cells, lines: cells.map(() => 1), line: 1 }) as Row;
const heads = ['小计', '小计', '因公出国（境）费', '科研因公出国（境）费用', '公务用车购置及运行费小计', '公务用车购置费', '公务用车运行费', '公务接待费'];
const header = (groups: [string, string]) => [
  row(['', '', '', '', groups[0], '', '', '', '', '', '', '', groups[1], '', '', '', '']),
  row(['“三公”经费合计', ...heads, ...heads]),
];
const amounts = ['7.61', '7.61', '0.00', '0.00', '0.00', '6.75', '0.00', '6.75', '0.86', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'];
const values = amounts.map((text, col) => ({ col, text, fen: Math.round(Number(text) * 1e6), line: 1 }));

describe('三公 column groups', () => {
  it('adds the items over groups of money: 当年预算 and 上年结转结余', () => {
    const read = itemsByGroup(header(['当年预算', '上年结转结余']), values, 1e6);
    expect(read?.map((r) => `${r.key}=${r.value.text}`)).toEqual(['total=7.61', 'overseas=0.00', 'vehicle=6.75', 'vehicle_purchase=0.00', 'vehicle_operation=6.75', 'reception=0.86']);
  });

  it('adds nothing over periods: 上年 and 当年', () => {
    expect(itemsByGroup(header(['上年', '当年']), values, 1e6)).toBeNull();
    expect(itemsByGroup(header(['2025年', '2026年']), values, 1e6)).toBeNull();
  });
});
