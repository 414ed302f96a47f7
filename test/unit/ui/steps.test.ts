import { describe, expect, it } from 'vitest';
import { firstRowCount } from '../../../src/ui/state/steps.svelte';

describe('firstRowCount: as many rows first as the window can show', () => {
  it('fills a window from 250 px down at 32 px a row', () => {
    expect(firstRowCount(720)).toBe(15);
    expect(firstRowCount(1080)).toBe(26);
    // Each count is enough: the rows reach the window's bottom.
    for (const h of [500, 720, 900, 1080, 1440]) expect(250 + 32 * firstRowCount(h)).toBeGreaterThanOrEqual(Math.min(h, 250 + 32 * 48));
  });

  it('never draws fewer than 8 rows nor more than 48 in the first frame', () => {
    expect(firstRowCount(0)).toBe(8);
    expect(firstRowCount(300)).toBe(8);
    expect(firstRowCount(4000)).toBe(48);
  });
});
