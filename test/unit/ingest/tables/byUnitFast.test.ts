import { describe, expect, it } from 'vitest';
import type { Row } from '../../../../src/lib/ingest/lines';
import { compact } from '../../../../src/lib/ingest/normalize';
import { listsUnits, printsAmount } from '../../../../src/lib/ingest/tables/byUnit';

// byUnit.ts before it was read by characters (issue 17): the reference its fast path is held to.
const AMOUNT = /\d\.\d|\d,\d{3}/;
const UNIT_HEAD = /^(?:预算)?(?:单位|部门)(?:编码|代码|名称|名单)?$/;
function listsUnitsBefore(body: readonly Row[]): boolean {
  const first = body.findIndex((r) => r.cells.some((c) => AMOUNT.test(c)));
  const header = first < 0 ? [...body] : body.slice(0, first);
  const cells = header.flatMap((r) => r.cells.map(compact));
  return cells.some((c) => UNIT_HEAD.test(c)) && !cells.some((c) => /科目|功能分类|经济分类/.test(c));
}

describe('byUnit reads as its patterns did', () => {
  let seed = 91;
  // High bits of the LCG: its low bits repeat within a few draws.
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  const pieces = ['1', '0', '9', '12', '3.5', '1,234', '.', ',', '，', ' ', '\u3000', '单位', '单', '位', '部门', '编码', '名称', '预算', '科目', '功能分类', '经济', '分类', '合计', '元', 'a'];
  const cell = () => {
    let s = '';
    for (let k = rnd(6); k > 0; k--) s += pieces[rnd(pieces.length)];
    return s;
  };
  it('printsAmount on 50,000 random cells', () => {
    let hits = 0;
    for (let n = 0; n < 50000; n++) {
      const c = cell();
      expect(printsAmount(c), JSON.stringify(c)).toBe(AMOUNT.test(c));
      if (AMOUNT.test(c)) hits++;
    }
    expect(hits).toBeGreaterThan(1000);
  });
  it('listsUnits on 20,000 random tables of one to four rows', () => {
    const answers = new Set<boolean>();
    for (let n = 0; n < 20000; n++) {
      const body: Row[] = Array.from({ length: 1 + rnd(4) }, () => {
        const cells = Array.from({ length: 1 + rnd(4) }, cell);
        return { cells, lines: cells.map(() => 1), line: 1 };
      });
      const before = listsUnitsBefore(body);
      expect(listsUnits(body), JSON.stringify(body.map((r) => r.cells))).toBe(before);
      answers.add(before);
    }
    expect(answers).toEqual(new Set([true, false]));
  });
});
