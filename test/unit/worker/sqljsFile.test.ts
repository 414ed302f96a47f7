import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchedGlue, SOURCE, TARGET } from '../../../scripts/sqljs-file';

/**
 * The worker's sql.js glue is a generated copy of the installed sql.js's (scripts/sqljs-file.ts):
 * it must be what the script makes from the sql.js in node_modules now, or an upgrade of sql.js
 * would run the new wasm with the old glue. And the script refuses a glue it does not recognise.
 */
describe('sql.js glue with the library file shown', () => {
  it('is what scripts/sqljs-file.ts makes from the installed sql.js (after an upgrade: npx tsx scripts/sqljs-file.ts)', () => {
    expect(readFileSync(TARGET, 'utf8') === patchedGlue(readFileSync(SOURCE, 'utf8'))).toBe(true);
  });

  it('refuses a glue without the names it needs', () => {
    expect(() => patchedGlue(readFileSync(SOURCE, 'utf8').replace('.node,u=null', '.node,u=undefined'))).toThrow(/not as expected/);
  });

  it('refuses a glue whose string binding it does not recognise (it replaces that function)', () => {
    const glue = readFileSync(SOURCE, 'utf8');
    const binding = /this\.Eb\.push\(p\);this\.db\.handleError\(sc\(/;
    expect(glue).toMatch(binding);
    expect(() => patchedGlue(glue.replace(binding, 'this.Eb.unshift(p);this.db.handleError(sc('))).toThrow(/bindString/);
  });
});
