import { describe, expect, it } from 'vitest';
import type { TableKey } from '../../../../src/lib/model/keys';
import type { Row } from '../../../../src/lib/ingest/lines';
import { compact } from '../../../../src/lib/ingest/normalize';
import { columnSpecs, readHeaderWords } from '../../../../src/lib/ingest/tables/columns';

/**
 * readHeaderWords remembers what each header cell names (issue #17); the reading it replaced tested
 * every cell against the specs each time. Both must say the same, the first time and from memory.
 */
function reference(table: TableKey, rows: readonly Row[], stage: 'budget' | 'final') {
  const specs = columnSpecs(table, stage);
  const found = new Set<string>();
  const placed = new Map<number, string>();
  const used = new Set<string>();
  for (const row of rows) {
    for (let i = 0; i < row.cells.length; i++) {
      const c = compact(row.cells[i]);
      const first = specs.find((s) => s.header.test(c));
      for (const s of specs) if (s.header.test(c)) found.add(s.key);
      if (!first) continue;
      if (used.has(first.key) && placed.get(i) !== first.key) placed.set(-1, 'conflict');
      used.add(first.key);
      placed.set(i, first.key);
    }
  }
  return { found, placed: placed.has(-1) ? new Map() : placed };
}

describe('readHeaderWords gives what testing every cell gives', () => {
  const words = ['', '合计', '总计', '基本支出', '项目支出', '人员经费', '公用经费', '日常公用经费', '本年收入合计', '本年支出合计', '决算数',
    '财政拨款', '事业收入', '经营收入', '其他收入', '上年结转', '科目编码', '科目名称', '序号', '1', '2', '12', '合 计', '基本 支出', '经营支出',
    '年初预算数', '预算数', '金额', '单位：万元', '上缴上级支出', '对附属单位补助支出', '结转下年'];
  let seed = 4242;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const tables: TableKey[] = ['income', 'expense', 'basic_expense', 'general_expense', 'operating_cost', 'fiscal_basic_expense'];
  it('on 2,000 random headers, each read twice', () => {
    for (let n = 0; n < 2000; n++) {
      const table = tables[rnd(tables.length)];
      const stage = rnd(2) ? 'final' : 'budget';
      const rows: Row[] = Array.from({ length: 1 + rnd(3) }, (_, line) => {
        const cells = Array.from({ length: 1 + rnd(8) }, () => words[rnd(words.length)]);
        return { cells, lines: cells.map(() => line + 1), line: line + 1 };
      });
      const want = reference(table, rows, stage);
      for (let again = 0; again < 2; again++) {
        const got = readHeaderWords(table, rows, stage);
        expect([...got.found].sort(), JSON.stringify(rows)).toEqual([...want.found].sort());
        expect([...got.placed], JSON.stringify(rows)).toEqual([...want.placed]);
      }
    }
  });
});
