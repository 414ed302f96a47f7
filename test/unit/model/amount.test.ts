import { describe, expect, it } from 'vitest';
import { displayWan, formatWan, parseDecimal, FEN_PER_YUAN, sumFen } from '../../../src/lib/model/amount';

describe('parseDecimal', () => {
  it.each([
    { text: '1441.70', fen: 1_441_700_000 },
    { text: '-12.5', fen: -12_500_000 },
    { text: '0', fen: 0 },
    { text: '0.000001', fen: 1 },
    { text: '156211100', unit: FEN_PER_YUAN, fen: 15_621_110_000 },
    { text: '1.23', unit: FEN_PER_YUAN, fen: 123 },
  ])('$text → $fen', ({ text, unit, fen }) => {
    expect(parseDecimal(text, unit)).toBe(fen);
  });

  it.each(['', 'abc', '1,000', '1.2.3', '0.0000001', '1e5', '99999999999999999'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });

  it('keeps trailing zeros beyond precision', () => {
    expect(parseDecimal('1.50000000')).toBe(1_500_000);
  });
});

describe('formatWan / displayWan', () => {
  it('round-trips through parseDecimal', () => {
    for (const fen of [0, 1, -1, 1_441_700_000, 15_621_110_000, -876_750_000, 123_456_789]) {
      expect(parseDecimal(formatWan(fen))).toBe(fen);
    }
  });
  it('prints two decimals unless more are needed', () => {
    expect(formatWan(1_441_700_000)).toBe('1441.70');
    expect(formatWan(0)).toBe('0.00');
    expect(formatWan(15_621_110_123)).toBe('15621.110123');
    expect(formatWan(-500_000)).toBe('-0.50');
  });
  it('displays with thousands separators', () => {
    expect(displayWan(123_456_789_000)).toBe('123,456.79');
    expect(displayWan(-1_005_000)).toBe('-1.01');
    expect(displayWan(0)).toBe('0.00');
    expect(displayWan(999_994_999)).toBe('999.99');
    expect(displayWan(1_000_000_000)).toBe('1,000.00');
    expect(displayWan(-123_456_789_012_345)).toBe('-123,456,789.01');
  });
  it('groups digits as the en-US number format does, at every length', () => {
    let fen = 7;
    for (let digits = 1; digits <= 15; digits++, fen = fen * 10 + (digits % 10)) {
      for (const v of [fen, -fen, fen * 10_000]) {
        if (!Number.isSafeInteger(v)) continue;
        const cents = Math.round(Math.abs(v) / 10_000);
        const want = `${v < 0 ? '-' : ''}${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
        expect(displayWan(v)).toBe(want);
      }
    }
  });
  it('sums exactly where floats drift', () => {
    const parts = ['0.1', '0.2', '0.3'].map((t) => parseDecimal(t)!);
    expect(sumFen(parts)).toBe(parseDecimal('0.6'));
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
  });
});
