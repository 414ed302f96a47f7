import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../../../src/lib/ingest';
import { formatWan, parseDecimal } from '../../../src/lib/model/amount';
import type { ParsedDocument } from '../../../src/lib/model/document';
import { TABLE_KEYS } from '../../../src/lib/model/keys';
import { gold, seedBytes, seedFiles, type GoldDocument } from './seeds';

/** Every gold figure that does not come out exactly, as readable lines for the failure message. */
function mismatches(doc: ParsedDocument, expected: GoldDocument): string[] {
  const out: string[] = [];
  for (const [table, rowCode, column, amount] of expected.figures) {
    const want = parseDecimal(amount);
    const got = doc.figures.filter((f) => f.table === table && f.rowCode === rowCode && f.column === column);
    if (got.length !== 1 || got[0].amount !== want) {
      out.push(`${table} ${rowCode} ${column}: want ${amount}, got ${got.map((f) => formatWan(f.amount)).join(' / ') || 'nothing'}`);
    }
  }
  return out;
}

describe('golden: every seed against gold/seeds.json', () => {
  it('has gold for every seed file and a seed for every gold document', () => {
    expect(new Set(gold.documents.map((d) => d.file))).toEqual(new Set(seedFiles));
  });

  for (const file of seedFiles) {
    const expected = gold.documents.filter((d) => d.file === file);
    describe(file, () => {
      const result = readDisclosure(seedBytes(file), file);
      const docs = result.ok ? result.docs : [];

      it('reads as UTF-8 with one document per gold document', () => {
        expect(result.ok ? result.encoding : result.error).toBe('utf-8');
        expect(docs.length).toBe(expected.length);
      });

      expected.forEach((g, i) => {
        it(`document ${i + 1} (${g.unit_code} ${g.unit_name}): metadata`, () => {
          const m = docs[i]?.meta;
          expect(m && { unit_code: m.unitCode, unit_name: m.unitName, scope: m.scope, stage: m.stage, year: m.year }).toEqual({
            unit_code: g.unit_code, unit_name: g.unit_name, scope: g.scope, stage: g.stage, year: g.year,
          });
        });

        it(`document ${i + 1}: all ${g.figures.length} gold figures exactly`, () => {
          expect(docs[i], 'document missing').toBeDefined();
          const wrong = mismatches(docs[i], g);
          expect(wrong, `figures that differ from gold:\n${wrong.join('\n')}`).toEqual([]);
        });

        it(`document ${i + 1}: ${g.performance_projects} performance projects`, () => {
          expect(docs[i]?.projects.length).toBe(g.performance_projects);
        });
      });

      it('gives well-formed figures with their source lines', () => {
        const lines = new TextDecoder().decode(seedBytes(file)).split('\n');
        const wrongLines: string[] = [];
        for (const doc of docs) {
          for (const f of doc.figures) {
            expect(TABLE_KEYS).toContain(f.table);
            expect(Number.isSafeInteger(f.amount)).toBe(true);
            // The cited line must print the figure (at least its whole part).
            const whole = String(Math.trunc(Math.abs(f.amount) / 1_000_000));
            const printed = (lines[f.source.line - 1] ?? '').replace(/[\s,]/g, '');
            if (!printed.includes(whole)) wrongLines.push(`${f.table} ${f.rowCode} ${f.column} → line ${f.source.line}`);
          }
        }
        expect(wrongLines, `figures citing a line that does not print them:\n${wrongLines.join('\n')}`).toEqual([]);
      });
    });
  }
});
