import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../../../src/lib/ingest';
import { seedBytes } from './seeds';

/**
 * Timing under vitest's parallel workers (and on a shared 2-core machine) is noisy, so each
 * measurement takes the fastest of several warm runs, and the bounds leave room for contention:
 * seed 004 takes about 11 ms warm on an idle machine (the target is 20 ms) and 30–45 ms while
 * other test files run beside it. What these tests must catch is a scan that is not linear.
 */
function fastest(bytes: Uint8Array, runs: number): number {
  readDisclosure(bytes, 'warm.txt');
  readDisclosure(bytes, 'warm.txt');
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = readDisclosure(bytes, 'timed.txt');
    best = Math.min(best, performance.now() - t0);
    if (!r.ok) throw new Error(r.error);
  }
  return best;
}

describe('speed', () => {
  it('reads the 220 KB seed 004 in under 100 ms even on a loaded machine (fastest of 9 warm runs)', () => {
    expect(fastest(seedBytes('004_4e927ba8514049a8.txt'), 9)).toBeLessThan(100);
  });

  it('grows linearly: eight copies of seed 004 take less than 24 times one copy (quadratic would be 64)', () => {
    const one = new TextDecoder().decode(seedBytes('004_4e927ba8514049a8.txt'));
    const single = new TextEncoder().encode(one);
    const eight = new TextEncoder().encode(Array(8).fill(one).join('\n'));
    expect(fastest(eight, 3)).toBeLessThan(24 * fastest(single, 5));
  });
});
