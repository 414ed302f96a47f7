import { describe, expect, it } from 'vitest';
import { firstBy } from '../../../src/lib/compare/stats';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('firstBy', () => {
  it('equals a stable sort then slice, ties included, for every k', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(next() * 60);
      // Few distinct values: many ties, where only stability decides the order.
      const items = Array.from({ length: n }, (_, i) => ({ i, v: Math.floor(next() * 6) - 3 }));
      const order = (a: { v: number }, b: { v: number }) => Math.abs(b.v) - Math.abs(a.v);
      for (const k of [0, 1, 3, 20, n, n + 5]) {
        expect(firstBy(items, order, k).map((x) => x.i)).toEqual([...items].sort(order).slice(0, k).map((x) => x.i));
      }
    }
  });

  it('keeps nothing for k = 0 and all for a k past the end', () => {
    expect(firstBy([3, 1, 2], (a, b) => a - b, 0)).toEqual([]);
    expect(firstBy([3, 1, 2], (a, b) => a - b, 10)).toEqual([1, 2, 3]);
  });
});
