import { describe, expect, it } from 'vitest';
import type { Figure, ParsedDocument } from '../../../src/lib/model/document';
import type { TableKey } from '../../../src/lib/model/keys';
import { isCode, truncationWarnings } from '../../../src/lib/ingest/truncation';
import { truncationWarningsBefore } from './truncationBefore';

/** truncationWarnings indexes only the judged column (issue #17); it must warn as the former did. */
describe('truncationWarnings warns as it did with every column indexed', () => {
  let seed = 1414;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
  // Row keys that are no 类/款/项 code among them ('item.1', four digits, nine): never judged.
  const codes = ['201', '20101', '2010101', '20102', '205', '20501', '2010', '201010101', 'a01', 'item.1'];
  const columns = ['basic', 'total'];
  const tables: TableKey[] = ['expense', 'income', 'basic_expense'];
  it('on 2,000 random documents', () => {
    let warned = 0;
    for (let n = 0; n < 2000; n++) {
      const figures: Figure[] = [];
      const seen = new Set<string>();
      for (let k = rnd(40); k > 0; k--) {
        const table = tables[rnd(tables.length)];
        const rowCode = rnd(6) ? codes[rnd(codes.length)] : 'total';
        const column = columns[rnd(columns.length)];
        // One figure per table, row and column, as FigureSink keeps them.
        if (seen.has(`${table}/${rowCode}/${column}`)) continue;
        seen.add(`${table}/${rowCode}/${column}`);
        figures.push({ table, rowCode, rowName: '', column, amount: rnd(4) * 10_000 * (1 + rnd(50)), source: { line: 1 + rnd(99) } });
      }
      const doc = { meta: {}, figures, tables: [], projects: [], warnings: [] } as unknown as ParsedDocument;
      const want = truncationWarningsBefore(doc);
      if (want.length) warned++;
      expect(truncationWarnings(doc), JSON.stringify(figures)).toEqual(want);
    }
    expect(warned).toBeGreaterThan(100);
  });

  it('judges the 合计 column even when another column of the 合计 row comes first', () => {
    const f = (rowCode: string, column: string, wan: number): Figure => ({ table: 'expense', rowCode, rowName: '', column, amount: wan * 1_000_000, source: { line: 1 } });
    // 基本支出 is short of its 合计 (rows lost there only), the 合计 column adds up.
    const figures = [f('total', 'basic', 100), f('total', 'total', 1), f('201', 'basic', 1), f('201', 'total', 1), f('205', 'basic', 0), f('205', 'total', 0)];
    const doc = { meta: {}, figures, tables: [], projects: [], warnings: [] } as unknown as ParsedDocument;
    expect(truncationWarnings(doc)).toEqual([]);
    expect(truncationWarningsBefore(doc)).toEqual([]);
  });
});

/** isCode says what /^\d{3}(\d{2}){0,2}$/ says, without the regular expression (issue #17). */
describe('isCode', () => {
  it('on every string of up to 8 characters drawn from digits, a letter and a space, and some more', () => {
    const alphabet = ['0', '5', '9', 'a', ' ', '.'];
    const all: string[] = [''];
    for (let len = 1; len <= 8; len++) {
      let seed = len;
      const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor(seed / 65536) % n);
      for (let k = 0; k < 3000; k++) all.push(Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join(''));
    }
    all.push('201', '20101', '2010101', '２０１', '201\n', 'total');
    let codes = 0;
    for (const s of all) {
      const want = /^\d{3}(\d{2}){0,2}$/.test(s);
      if (want) codes++;
      expect(isCode(s), JSON.stringify(s)).toBe(want);
    }
    expect(codes).toBeGreaterThan(100);
  });
});
