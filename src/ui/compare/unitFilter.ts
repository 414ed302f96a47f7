/** Past this many units, the unit chooser gets a filter box: a list of 1,000 units is not chosen by scrolling. */
export const UNIT_FILTER_FROM = 20;

/** The units whose code or any of their names (a unit renamed across years has several) hold every word of `text`; empty text: all. */
export function unitsMatching<T extends { code: string; names: readonly string[] }>(units: readonly T[], text: string): T[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return units as T[];
  return units.filter((u) => words.every((w) => u.code.includes(w) || u.names.some((n) => n.includes(w))));
}

/**
 * At most this many units are listed in a chooser at once. A <select> of 1,000 units built 2,000
 * elements with the 同比 view (its two unit lists: ~40% of the view's DOM at 5,000 documents) on every
 * visit, and nobody scrolls through them: past this, the filter box narrows the list.
 */
export const UNIT_LIST_MAX = 200;

/**
 * What a unit chooser lists: the units matching `text`, the one shown always among them (a <select>
 * must hold its value), at most `max` matches; `matched` counts the matches, `more` those left out.
 */
export function unitChoices<T extends { key: string; code: string; names: readonly string[] }>(units: readonly T[], text: string, shown: string | null, max = UNIT_LIST_MAX): { list: T[]; matched: number; more: number } {
  const found = unitsMatching(units, text);
  const list = found.slice(0, max);
  const more = found.length - list.length;
  if (shown !== null && !list.some((u) => u.key === shown)) {
    const current = units.find((u) => u.key === shown);
    if (current) list.unshift(current);
  }
  return { list, matched: found.length, more };
}
