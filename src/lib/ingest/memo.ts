/**
 * A reader that remembers what it read of each text, bounded so that a file of distinct texts cannot
 * grow it without end (it starts over past `limit`), and hands out a shallow copy each time, so that
 * no caller shares an object with another. For texts every document prints again and again: table
 * titles, the unit line on every page of a table.
 */
export function rememberingReader<T extends object>(read: (text: string) => T | null, limit = 5_000): (text: string) => T | null {
  const kept = new Map<string, T | null>();
  return (text) => {
    let got = kept.get(text);
    if (got === undefined) {
      got = read(text);
      if (kept.size >= limit) kept.clear();
      kept.set(text, got);
    }
    return got && { ...got };
  };
}
