import { describe, expect, it } from 'vitest';
import type { Row } from '../../../src/lib/ingest/lines';
import { compact } from '../../../src/lib/ingest/normalize';
import { tocHeading } from '../../../src/lib/ingest/textDamage';

/** tocHeading looks at one character of most rows; it finds the row the search of every cell found. */
describe('tocHeading finds the row findIndex over every cell found', () => {
  const reference = (rows: readonly Row[]) => rows.findIndex((r) => r.cells.some((c) => c.includes('目')) && compact(r.cells.join('')) === '目录');
  const pieces = ['', '', ' ', '\u3000', '目', '录', '目录', '目 录', ' 目', '录 ', '一、目录', '合计', '1.00', '项目', '\t'];
  let seed = 99;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const cell = () => Array.from({ length: rnd(3) }, () => pieces[rnd(pieces.length)]).join('');
  it('on 3,000 random row lists', () => {
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const rows: Row[] = Array.from({ length: 1 + rnd(6) }, (_, line) => {
        const cells = Array.from({ length: 1 + rnd(3) }, cell);
        return { cells, lines: cells.map(() => line + 1), line: line + 1 };
      });
      const at = reference(rows);
      if (at >= 0) found++;
      expect(tocHeading(rows), JSON.stringify(rows.map((r) => r.cells))).toBe(at);
    }
    // The random rows do read 「目录」 now and then: the test sees both answers.
    expect(found).toBeGreaterThan(50);
  });
});
