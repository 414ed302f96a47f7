/** Small statistics for 横比: median, ranks, and the peer-outlier rule (documented in README.md). */

// Numbers are sorted as a Float64Array: its sort is numeric and native, several times faster than
// Array.sort with a comparator (a year's 横比 takes a median and ranks of ~65 rows of 500 values).

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  return medianOfSorted(Float64Array.from(values).sort());
}

/** The median of values already sorted ascending (null when there are none). */
export function medianOfSorted(s: Float64Array): number | null {
  if (!s.length) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The median of the first `n` values of `a`, which are reordered: a selection (quickselect), not a
 * sort. A 横比 of a year takes the median of each row's shares over ~1,000 columns; sorting them
 * for it was half the sorts of the frame (peers.ts frameRow). The same number as medianOfSorted.
 */
export function medianInPlace(a: Float64Array, n: number): number | null {
  if (n <= 0) return null;
  const mid = n >> 1;
  select(a, mid, 0, n - 1);
  if (n % 2) return a[mid];
  // Everything before `mid` is at most a[mid]: the lower middle value is the largest of them.
  let lower = a[0];
  for (let i = 1; i < mid; i++) if (a[i] > lower) lower = a[i];
  return (lower + a[mid]) / 2;
}

/** Reorders a[lo..hi] so that a[k] is the value a sort would put there, smaller ones before it, larger after. */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (lo < hi) {
    // Median of three as the pivot: sorted or constant rows (many shares of 0) stay linear.
    const x = a[lo];
    const y = a[(lo + hi) >> 1];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // a[lo..j] ≤ pivot ≤ a[i..hi], and what lies between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Rank of each value, largest = 1; equal values share a rank; null stays unranked. Fewer than two
 * values rank nothing: 「第 1 名」 of one says nothing and reads as praise.
 */
export function ranks(values: readonly (number | null)[]): (number | null)[] {
  const present = Float64Array.from(values.filter((v): v is number => v !== null)).sort();
  const n = present.length;
  if (n < 2) return values.map(() => null);
  return values.map((v) => (v === null ? null : rankIn(present, v)));
}

/** The rank of `v` among `sorted` (ascending, as Float64Array sorts): 1 + how many values are larger. */
export function rankIn(sorted: Float64Array, v: number): number {
  // n minus the index of the first value above it, plus one.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo + 1;
}

/** Below this many units a median says little, and nothing is marked. */
export const OUTLIER_MIN_UNITS = 3;
/** A value more than FACTOR × the median, or under median / FACTOR, is marked. */
export const OUTLIER_FACTOR = 2;

/**
 * Why a value is far from its peers' median, or null. `format` renders values for the message
 * (a share as a percentage, an amount in 万元). A zero median marks nothing: most units have no
 * 三公 spending at all, and a ratio to zero would flag every unit that has some.
 */
export function outlierReason(value: number, values: readonly number[], what: string, format: (v: number) => string): string | null {
  return outlierAgainst(value, values.length, median(values), what, format);
}

/** outlierReason with the median of the `n` peer values already known (one median per row, not per cell). */
export function outlierAgainst(value: number, n: number, med: number | null, what: string, format: (v: number) => string): string | null {
  if (n < OUTLIER_MIN_UNITS || med === null || med <= 0) return null;
  if (value > OUTLIER_FACTOR * med) {
    return `${what} ${format(value)}，是所选 ${n} 个单位中位数 ${format(med)} 的 ${(value / med).toFixed(1)} 倍（超过 ${OUTLIER_FACTOR} 倍）`;
  }
  if (value < med / OUTLIER_FACTOR) {
    return `${what} ${format(value)}，不到所选 ${n} 个单位中位数 ${format(med)} 的 1/${OUTLIER_FACTOR}`;
  }
  return null;
}

/**
 * The first `k` of `items` in `order`: the same as a stable sort then slice(0, k), without sorting
 * them all. The whole-library ranking picks 20 of ~10,000 changes three times; a full sort of each
 * list cost more than reading the figures of a year's documents (bench/story.bench.ts).
 */
export function firstBy<T>(items: Iterable<T>, order: (a: T, b: T) => number, k: number): T[] {
  const top: T[] = [];
  if (k <= 0) return top;
  for (const item of items) {
    // An item equal to the last kept one comes after it in a stable sort, so it is not kept.
    if (top.length === k && order(item, top[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(item, top[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}
