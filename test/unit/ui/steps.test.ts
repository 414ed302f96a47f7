import { describe, expect, it } from 'vitest';
import { rowsToFill, stepRows } from '../../../src/ui/state/steps.svelte';

describe('rowsToFill: as many rows first as the window shows below a table head', () => {
  it('fills the window from the head down at 32 px a row', () => {
    // 横比's head ends ~520 px down a 1280×720 window: 7 rows, where 15 had been drawn.
    expect(rowsToFill(520, 720)).toBe(7);
    expect(rowsToFill(350, 1080)).toBe(23);
    // Each count is enough: the rows reach the window's bottom.
    for (const h of [500, 720, 900, 1080, 1440]) for (const top of [-400, 0, 120, 350, 520]) {
      expect(top + 32 * rowsToFill(top, h)).toBeGreaterThanOrEqual(Math.min(h, top + 32 * 48));
    }
  });

  it('draws at least 4 rows (a head below the window) and at most 48', () => {
    expect(rowsToFill(900, 720)).toBe(4);
    expect(rowsToFill(700, 720)).toBe(4);
    expect(rowsToFill(0, 4000)).toBe(48);
    // A page scrolled down: the head is above the window and the window is all rows.
    expect(rowsToFill(-300, 720)).toBe(32);
  });

  it('adds a screenful under a view head at each later step', () => {
    expect(stepRows(720)).toBe(15);
    expect(stepRows(1080)).toBe(26);
  });
});
