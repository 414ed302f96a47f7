import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * A document joined from two PDFs (a narrative and its tables) has two line 12s: a finding's line
 * means something only with the file it counts in. Checks take both from what they cite through
 * lineOf and printedAt (context.ts), so no check writes a line into a finding by hand and forgets
 * the file. This holds the checks to it.
 */
describe('findings cite a line with its file', () => {
  it('no check writes `line:` into a finding; lineOf and printedAt do', () => {
    const dir = new URL('../../../src/lib/audit/', import.meta.url);
    const checks = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['context.ts', 'docView.ts'].includes(f));
    expect(checks.length).toBeGreaterThan(15);
    // A key `line:` given a value (a parameter's type, `line: number`, is not one).
    const byHand = checks.filter((f) => /[{,]\s*line\s*:(?!\s*number\b)/.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(byHand).toEqual([]);
    const context = readFileSync(new URL('context.ts', dir), 'utf8');
    expect(context).toMatch(/export function lineOf/);
    expect(context).toMatch(/export function printedAt/);
  });
});
