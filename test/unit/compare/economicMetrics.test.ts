import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocFigures } from '../../../src/lib/compare/figures';
import { METRIC_BY_KEY, readMetric } from '../../../src/lib/compare/metrics';
import { parseDecimal } from '../../../src/lib/model/amount';
import { goldDir } from '../../support/shared';

/**
 * 人员经费 and 公用经费 read from the 基本支出 table's 经济分类 rows where neither a column nor the
 * narrative gives them (compare/metrics.ts ofEconomic), checked on every real document in gold.
 */
type Gold = { documents: { file: string; figures: [string, string, string, string][] }[] };
const corpora = ['seeds.json', 'shanghai-training.json', 'jiangsu-training.json'].map((f) => [f, JSON.parse(readFileSync(path.join(goldDir, f), 'utf8')) as Gold] as const);

function figuresOf(figures: readonly [string, string, string, string][], keep: (table: string, row: string, column: string) => boolean): DocFigures {
  const out = new DocFigures();
  figures.forEach(([table, rowCode, column, amount], line) => {
    if (keep(table, rowCode, column)) out.add({ docId: 'd', table, rowCode, rowName: '', column, amount: parseDecimal(amount)!, line });
  });
  return out;
}

describe('人员经费 and 公用经费 from the 经济分类', () => {
  for (const [name, gold] of corpora) {
    it(`agree with what each document of ${name} prints or states`, () => {
      let compared = 0;
      for (const doc of gold.documents) {
        for (const key of ['personnel', 'public'] as const) {
          const def = METRIC_BY_KEY.get(key)!;
          const full = figuresOf(doc.figures, () => true);
          const stated = readMetric(full, def);
          // The same document without the column and without the narrative's statement.
          const bare = figuresOf(doc.figures, (t, r, c) => !(t === 'basic_expense' && c === key) && !(t === 'facts' && r === key));
          const derived = readMetric(bare, def);
          if (!stated || !derived || stated.derived) continue;
          expect(derived.derived?.how, doc.file).toMatch(/按基本支出经济分类 30[12] /);
          expect(derived.derived!.inputs.every((c) => c.table === 'basic_expense' && c.column === 'total'), doc.file).toBe(true);
          expect(derived.amount, `${doc.file} ${key}`).toBe(stated.amount);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(0);
    });
  }

  it('is read from the column or the narrative first, and is nothing without the rows', () => {
    const def = METRIC_BY_KEY.get('personnel')!;
    const both = figuresOf([['basic_expense', 'total', 'personnel', '10.00'], ['basic_expense', '301', 'total', '7.00'], ['basic_expense', '303', 'total', '2.00']], () => true);
    expect(readMetric(both, def)).toMatchObject({ amount: 10_000_000, source: { table: 'basic_expense', column: 'personnel' } });
    const rows = figuresOf([['basic_expense', '301', 'total', '7.00'], ['basic_expense', '303', 'total', '2.00']], () => true);
    expect(readMetric(rows, def)?.amount).toBe(9_000_000);
    expect(readMetric(figuresOf([['basic_expense', '302', 'total', '3.00']], () => true), def)).toBeNull();
  });
});
