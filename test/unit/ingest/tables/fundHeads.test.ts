import { describe, expect, it } from 'vitest';
import { isTotalRunTogether, placedByOrder } from '../../../../src/lib/ingest/tables/fundHeads';

describe('合计 run together with the head of a source of funds', () => {
  it('is told from a head of its own and from a head ending in 合计', () => {
    expect(isTotalRunTogether('合计一般公共预算财政拨款')).toBe(true);
    expect(isTotalRunTogether('合 计 一般公共预算')).toBe(true);
    expect(isTotalRunTogether('小计政府性基金')).toBe(true);
    expect(isTotalRunTogether('合计')).toBe(false);
    expect(isTotalRunTogether('一般公共预算财政拨款')).toBe(false);
    expect(isTotalRunTogether('人员经费合计')).toBe(false);
    expect(isTotalRunTogether('合计基本支出')).toBe(false);
  });

  it('places a row’s first amount as 合计, the others only where the row fills every column', () => {
    const columns = ['total', 'general', 'fund', 'soe'];
    expect(placedByOrder(1, columns)).toEqual(['total']);
    expect(placedByOrder(2, columns)).toEqual(['total', undefined]);
    expect(placedByOrder(4, columns)).toEqual(columns);
  });
});
