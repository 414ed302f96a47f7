import { describe, expect, it } from 'vitest';
import { readUnitLine, unitLine } from '../../../src/lib/ingest/meta';

/**
 * unitLine rules out most cells by their first character and remembers the rest (issue #17): it must
 * answer as readUnitLine (the reading without memory) does, the first time and every time after, and
 * never hand two callers the same object.
 */
describe('unitLine answers as readUnitLine', () => {
  const pieces = ['203', '100001', '1', ' ', '\u3000', '\u00a0', '\t', '编制', '部门', '单位', '：', ':', '名称', '某某局', '万元', '预算',
    '合计', '江苏省高级人民法院', '年', '.', '、', '填报', 'x', '2023'];
  let seed = 4242;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  it('on 20,000 random cells, each asked twice', () => {
    let units = 0;
    for (let n = 0; n < 20000; n++) {
      let cell = '';
      for (let k = 1 + rnd(5); k > 0; k--) cell += pieces[rnd(pieces.length)];
      const want = readUnitLine(cell);
      if (want) units++;
      const first = unitLine(cell);
      const again = unitLine(cell);
      expect(first, JSON.stringify(cell)).toEqual(want);
      expect(again, JSON.stringify(cell)).toEqual(want);
      if (first) expect(again).not.toBe(first);
    }
    expect(units).toBeGreaterThan(500);
  });
});
