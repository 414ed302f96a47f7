/** Past this many units, the unit chooser gets a filter box: a list of 1,000 units is not chosen by scrolling. */
export const UNIT_FILTER_FROM = 20;

/** The units whose code or any of their names (a unit renamed across years has several) hold every word of `text`; empty text: all. */
export function unitsMatching<T extends { code: string; names: readonly string[] }>(units: readonly T[], text: string): T[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return units as T[];
  return units.filter((u) => words.every((w) => u.code.includes(w) || u.names.some((n) => n.includes(w))));
}
