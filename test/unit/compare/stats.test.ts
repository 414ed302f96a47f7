import { describe, expect, it } from 'vitest';
import { firstBy, median, medianInPlace, ranks } from '../../../src/lib/compare/stats';

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

describe('median and ranks', () => {
  // What they must equal: a comparator sort, the definitions written out.
  const medianOf = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[(s.length >> 1) - 1] + s[s.length >> 1]) / 2) : null;
  };
  const ranksOf = (xs: (number | null)[]) => {
    const present = xs.filter((v): v is number => v !== null);
    return xs.map((v) => (v === null || present.length < 2 ? null : 1 + present.filter((p) => p > v).length));
  };

  it('equal the definitions on values with ties, nulls, negatives, zeros and fractions', () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(next() * 40);
      const xs = Array.from({ length: n }, () => (next() < 0.2 ? null : Math.round((next() - 0.3) * 8) / (next() < 0.5 ? 1 : 3) + 0));
      const present = xs.filter((v): v is number => v !== null);
      expect(ranks(xs)).toEqual(ranksOf(xs));
      expect(median(present)).toBe(medianOf(present));
    }
    expect(ranks([5, 3, null, 3, 1])).toEqual([1, 2, null, 2, 4]);
    expect(medianInPlace(new Float64Array(3), 0)).toBeNull();
  });

  it('selects the median the sort gives, of rows of many ties, sorted, reversed and constant, and only of the first n', () => {
    const next = random(13);
    const shapes: ((n: number) => number[])[] = [
      (n) => Array.from({ length: n }, () => Math.round(next() * 5) / 7),
      (n) => Array.from({ length: n }, () => next() * 1e6 - 2e5),
      (n) => Array.from({ length: n }, (_, i) => i / 3),
      (n) => Array.from({ length: n }, (_, i) => n - i),
      (n) => Array.from({ length: n }, () => 0),
      (n) => Array.from({ length: n }, (_, i) => (i % 2 ? 0 : next())),
    ];
    for (let round = 0; round < 400; round++) {
      const n = 1 + Math.floor(next() * (round < 300 ? 30 : 1500));
      const xs = shapes[round % shapes.length](n);
      // Values past n must not count: the pool is a prefix of its buffer (peers.ts frameRow).
      const buffer = Float64Array.from([...xs, -1e9, 1e9, 5]);
      expect(medianInPlace(buffer, n)).toBe(medianOf(xs));
      expect([...buffer.subarray(0, n)].sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
    }
    expect(ranks([7, null])).toEqual([null, null]);
  });
});
