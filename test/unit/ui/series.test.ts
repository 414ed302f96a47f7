import { describe, expect, it } from 'vitest';
import { sameSeries, spanOf } from '../../../src/ui/compare/series';

describe('chart series', () => {
  it.each([
    { data: [[1, 2], [1, 2]], expected: [null, 0] },
    { data: [[1, 2], [1, 3], [1, 2]], expected: [null, null, 0] },
    { data: [[null, null], [null, null]], expected: [null, null] },
    { data: [[1, null], [1, null]], expected: [null, 0] },
    { data: [[5]], expected: [null] },
  ])('a series equal to an earlier one is found: $data', ({ data, expected }) => expect(sameSeries(data)).toEqual(expected));

  it('names a span of years', () => {
    expect(spanOf([2024])).toBe('2024年');
    expect(spanOf([2024, 2022, 2023])).toBe('2022–2024年');
    expect(spanOf([])).toBe('');
  });
});
