/**
 * A small deterministic PRNG (mulberry32): the same seed number gives the same corpus on every
 * machine and Node version, which Math.random() cannot promise.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** k distinct items, in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx.slice(0, Math.min(k, items.length)).sort((a, b) => a - b).map((i) => items[i]);
  }

  /**
   * Splits `total` (an integer ≥ 0) into `n` non-negative integers that add up to it exactly; each part
   * gets at least `min` where the total allows it. Used for every sum the documents print.
   */
  split(total: number, n: number, min = 1): number[] {
    if (n <= 0) return [];
    if (n === 1) return [total];
    const floor = total >= min * n ? min : 0;
    const rest = total - floor * n;
    const weights = Array.from({ length: n }, () => 0.2 + this.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    const parts = weights.map((w) => Math.floor((rest * w) / sum));
    parts[0] += rest - parts.reduce((a, b) => a + b, 0);
    return parts.map((p) => p + floor);
  }
}

/** A 32-bit hash of two integers (for per-unit, per-year seeds). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}
