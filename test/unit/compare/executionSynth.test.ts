import { afterEach, describe, expect, it } from 'vitest';
import { executionQuery } from '../../../src/lib/compare/execution';
import { LibraryDb } from '../../../src/lib/db/library';
import type { Figure, StoredDocument } from '../../../src/lib/model/document';
import type { Stage, TableKey } from '../../../src/lib/model/keys';
import { budgetsWithFinals, finalFigures, finalRows, renderDocument, type SynthFinal } from '../../../src/lib/synth';
import { sqlJs } from './libraries';

const open: LibraryDb[] = [];
afterEach(() => open.splice(0).forEach((l) => l.close()));

type Fig = { table: string; rowCode: string; column: string; amount: number };
function stored(id: string, final: SynthFinal, stage: Stage, figs: readonly Fig[]): StoredDocument {
  const figures: Figure[] = figs.map((f, i) => ({ table: f.table as TableKey, rowCode: f.rowCode, rowName: f.rowCode, column: f.column, amount: f.amount, source: { line: i + 1 } }));
  return { docId: id, fileName: `${id}.txt`, meta: { unitCode: final.unitCode, unitName: final.unitName, scope: 'department', stage, year: final.year }, figures, tables: [], projects: [], warnings: [] };
}

// The synthetic 决算 paired with its budget (src/lib/synth/final.ts): execution drawn around 100% with
// listed outliers. Every rate and flag is checked against the generator's own 年初/全年/决算 numbers.
describe('执行 over synthetic 预算 + 决算 pairs', () => {
  it('finds every listed outlier, flags nothing else, and gives each 项 its exact rate and difference', async () => {
    const pairs = [...budgetsWithFinals({ units: 6, years: 2, seed: 7 })];
    const l = LibraryDb.create(await sqlJs());
    open.push(l);
    pairs.forEach(({ budget, final }, i) => {
      l.addDocuments([stored(`b${i}`, final, 'budget', renderDocument(budget).figures)], 'text', `hb${i}`);
      l.addDocuments([stored(`f${i}`, final, 'final', finalFigures(final))], 'text', `hf${i}`);
    });
    let underspent = 0;
    let unbudgeted = 0;
    for (const { final } of pairs) {
      const r = executionQuery(l.compare, `code:${final.unitCode}`, final.year)!;
      expect(r.finalDoc).not.toBeNull();
      expect(r.budgetDoc).not.toBeNull();
      for (const item of final.items) {
        const row = r.rows.find((x) => x.code === item.code)!;
        const outlier = final.outliers.find((o) => o.code === item.code)?.kind;
        expect(row.actual?.amount, item.code).toBe(item.actual);
        expect(row.fullYear?.amount).toBe(item.fullYear);
        if (outlier === 'unbudgeted') {
          // No line in the budget document: 0 年初预算, spent all the same.
          expect(row.budget).toBeNull();
          expect(row.flags).toEqual(['no_budget']);
          unbudgeted++;
          continue;
        }
        expect(row.budget?.amount).toBe(item.initial);
        expect(row.difference).toBe(item.actual - item.initial);
        expect(row.rate).toBe(item.actual / item.fullYear);
        const expected = item.actual * 10 < item.fullYear * 8 ? ['below'] : item.actual * 10 > item.fullYear * 12 ? ['above'] : [];
        expect(row.flags, `${final.unitCode} ${final.year} ${item.code} ${outlier ?? ''}`).toEqual(expected);
        // The band (85–100%) is never flagged; the underspent project (30–60%) always is.
        if (!outlier) expect(row.flags).toEqual([]);
        if (outlier === 'underspent') {
          expect(row.flags).toEqual(['below']);
          underspent++;
        }
      }
      // 类 and 款 rows add up their 项 exactly.
      for (const fr of finalRows(final).filter((x) => x.code.length < 7)) {
        expect(r.rows.find((x) => x.code === fr.code)?.actual?.amount).toBe(fr.actual);
      }
      // Nothing outside the listed outliers is flagged.
      const flaggedItems = r.rows.filter((x) => x.code?.length === 7 && x.flags.length).map((x) => x.code).sort();
      const outliers = final.outliers.filter((o) => o.kind !== 'overspent' || r.rows.find((x) => x.code === o.code)!.flags.length).map((o) => o.code).sort();
      expect(flaggedItems).toEqual(outliers);
    }
    expect(underspent).toBe(pairs.length);
    expect(unbudgeted).toBeGreaterThan(0);
  });
});
