/**
 * For each series of a chart, the index of an earlier series with exactly the same values (drawn
 * over it, they would hide one another), or null. Values are compared as drawn: 万元 floats.
 */
export function sameSeries(data: readonly (readonly (number | null)[])[]): (number | null)[] {
  return data.map((d, i) => {
    if (d.every((v) => v === null)) return null;
    const j = data.findIndex((e, k) => k < i && e.length === d.length && e.every((v, n) => v === d[n]));
    return j < 0 ? null : j;
  });
}

/** Years as a reader names them: 「2024年」, 「2022–2024年」. */
export function spanOf(years: readonly number[]): string {
  if (!years.length) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? `${lo}年` : `${lo}–${hi}年`;
}
