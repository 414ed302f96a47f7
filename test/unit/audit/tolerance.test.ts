import { describe, expect, it } from 'vitest';
import { judge, judgeStated, roundToCents } from '../../../src/lib/audit/tolerance';
import { parseDecimal } from '../../../src/lib/model/amount';

const w = (s: string) => parseDecimal(s)!;

describe('rounding tolerance: 0.01 万元 per addend, in integers', () => {
  it.each([
    { actual: '14.97', expected: '14.96', addends: 1, verdict: 'rounding' },
    { actual: '14.98', expected: '14.96', addends: 1, verdict: 'error' },
    { actual: '14.98', expected: '14.96', addends: 2, verdict: 'rounding' },
    { actual: '77.86', expected: '77.87', addends: 10, verdict: 'rounding' },
    { actual: '77.86', expected: '77.97', addends: 10, verdict: 'error' },
    { actual: '0.1', expected: '0.10', addends: 1, verdict: 'ok' },
    { actual: '-74.65', expected: '-68.86', addends: 2, verdict: 'error' },
  ])('$actual against $expected with $addends addends is $verdict', ({ actual, expected, addends, verdict }) => {
    expect(judge(w(actual), w(expected), addends)).toBe(verdict);
  });

  it('adds in fen, exactly: 0.1 + 0.2 is 0.3 with no tolerance, where floats give 0.30000000000000004', () => {
    expect(judge(w('0.3'), w('0.1') + w('0.2'), 0)).toBe('ok');
    // The float artefact is not even a representable amount: more decimals than fen have.
    expect(parseDecimal(String(0.1 + 0.2))).toBeNull();
  });

  it('takes a narrative figure stated to 0.01 万元 as the same figure, not as a 尾差', () => {
    expect(roundToCents(w('73.771445'))).toBe(w('73.77'));
    expect(roundToCents(w('-0.005'))).toBe(w('-0.01'));
    expect(judgeStated(w('73.77'), w('73.771445'))).toBe('ok');
    expect(judgeStated(w('168.466286'), w('168.466283'))).toBe('rounding');
    expect(judgeStated(w('165.16'), w('680.28'))).toBe('error');
  });
});
