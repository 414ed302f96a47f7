import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../src/lib/ingest';
import { budgetsWithFinals, finalFigures, renderFinalText } from '../../../src/lib/synth';

// The synthetic 决算 printed as text with 年初预算数 | 全年预算数 | 决算数 and the 三公 预算数 | 决算数,
// read back by the importer: every figure it prints, under the budget columns' keys, nothing else.
describe('synthetic 决算 text through the importer', () => {
  const pairs = [...budgetsWithFinals({ units: 8, years: 2, seed: 23 })];
  it.each(pairs.map((p, i) => [i, p] as const))('pair %i: figures of its 支出 tables and 三公 table, exactly', (_, { final }) => {
    const read = readDisclosureText(renderFinalText(final), `final-${final.unitCode}-${final.year}.txt`);
    if (!read.ok) throw new Error(read.error);
    expect(read.docs).toHaveLength(1);
    const [doc] = read.docs;
    expect(doc.meta.stage).toBe('final');
    const key = (f: { table: string; rowCode: string; column: string; amount: number }) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`;
    const tables = new Set(['expense', 'general_expense', 'three_public']);
    const want = finalFigures(final).filter((f) => tables.has(f.table)).map(key).sort();
    const got = doc.figures.filter((f) => tables.has(f.table)).map(key).sort();
    expect(got).toEqual(want);
    expect(want.some((k) => k.includes('|full_year_budget|'))).toBe(true);
    // Nothing read wrongly or left unread in its tables (the text prints three of the nine tables, so
    // the document-level notes about the others are expected).
    expect(doc.warnings.filter((w) => w.kind || w.table)).toEqual([]);
  });
});
