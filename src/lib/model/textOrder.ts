/**
 * Text in SQLite's order, for lists kept in memory that must sort exactly as the SQL that read them
 * (worker/documentList.ts, db/compareDocuments.ts).
 */

/** Compares as SQLite's BINARY collation does on UTF-8 text: by code point, not by UTF-16 unit. */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate half (a code point above U+FFFF) sorts below U+E000–U+FFFF in UTF-16, above in UTF-8.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
