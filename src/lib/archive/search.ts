import type { ArchiveUnit } from './archive';

/**
 * Units of the archive matching a search: name or code containing the text (spaces split it into
 * words that must all match), within a province or city when chosen; coded order, at most `limit`,
 * with the total count so the page can say how many more there are.
 */
export function searchUnits(units: readonly ArchiveUnit[], q: { text: string; province: string | null; city: string | null; limit: number }): { units: ArchiveUnit[]; total: number } {
  const words = q.text.trim().split(/\s+/).filter(Boolean);
  const hits = units.filter((u) => (!q.province || u.province === q.province) && (!q.city || u.city === q.city)
    && words.every((w) => u.name.includes(w) || u.code.startsWith(w) || u.city.includes(w) || u.provinceName.includes(w)));
  return { units: hits.slice(0, q.limit), total: hits.length };
}
