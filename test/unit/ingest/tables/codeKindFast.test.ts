import { describe, expect, it } from 'vitest';
import type { Row } from '../../../../src/lib/ingest/lines';
import { codeKind } from '../../../../src/lib/ingest/tables/kind';

// kind.ts's rowClass before a digits-only cell was decided without its patterns (issue #17): the
// reference the fast path is held to; with the codes finance systems join to their names or bracket
// (「[2010101]行政运行」「2010101行政运行」「[2010101]」), read since (issue 10).
const CODE_CELL = /^([235])\d{2}(?:\s?\d{1,2}){0,3}$/;
const CODE_AND_NAME = /^([235])\d{2}(?:\s?\d{1,2}){0,3}\s+[^\d\s]/;
const JOINED = /^[[【〔]?([1-9]\d{2}(?:\d{2}){0,3})[\]】〕]?\s*([\u4e00-\u9fff].*)$/;
const BRACKETED = /^[[【〔]\d+[\]】〕]$/;
function rowClassBefore(cells: readonly string[]): string | null {
  for (const raw of cells) {
    const printed = raw.trim();
    if (!printed) continue;
    const j = JOINED.exec(printed);
    const c = j ? `${j[1]} ${j[2]}` : BRACKETED.test(printed) ? printed.slice(1, -1) : printed;
    const lead = c.charCodeAt(0);
    if (lead < 48 || lead > 57) return null;
    const m = CODE_CELL.exec(c) ?? CODE_AND_NAME.exec(c);
    if (m) return m[1];
    if (!/^\d{1,2}$/.test(c)) return null;
  }
  return null;
}
function codeKindBefore(body: readonly Row[]): string {
  let fn = 0;
  let ec = 0;
  for (const row of body) {
    const cls = rowClassBefore(row.cells);
    if (cls === '2') fn++;
    else if (cls) ec++;
  }
  if (fn + ec === 0) return 'none';
  if (fn >= 2 * ec) return 'function';
  if (ec >= 2 * fn) return 'economic';
  return 'none';
}

describe('codeKind reads code cells as its patterns did', () => {
  let seed = 77;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  const pieces = ['2', '3', '5', '1', '0', '9', '01', '201', '30102', '2080501', ' ', '\u3000', '\t', '一般', '合计', '.', ',', '-', '[', ']', '【', '】'];
  const cell = () => {
    let s = '';
    for (let k = rnd(7); k > 0; k--) s += pieces[rnd(pieces.length)];
    return s;
  };
  it('on 20,000 random rows, one row a table and tables of several', () => {
    const rows: Row[] = [];
    for (let n = 0; n < 20000; n++) {
      const cells = Array.from({ length: 1 + rnd(4) }, cell);
      rows.push({ cells, lines: cells.map(() => 1), line: 1 });
      expect(codeKind([rows[n]]), JSON.stringify(cells)).toBe(codeKindBefore([rows[n]]));
    }
    for (let n = 0; n + 5 <= rows.length; n += 5) expect(codeKind(rows.slice(n, n + 5))).toBe(codeKindBefore(rows.slice(n, n + 5)));
    // The random cells reach every answer.
    expect(new Set(rows.map((r) => codeKindBefore([r])))).toEqual(new Set(['none', 'function', 'economic']));
  });
});
