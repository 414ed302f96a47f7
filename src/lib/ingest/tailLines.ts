/**
 * The lines of a text as `text.split('\n')` gives them, cut out from the end only as far back as they
 * are asked for. cutMidRow looks at the last rows of a file; splitting all of it made every line a
 * string for nothing (issue 17).
 */
export interface TailLines {
  /** How many lines `split('\n')` gives. */
  readonly length: number;
  /** Line `i` (0-based); read from the end, so asking for late lines first costs least. */
  at(i: number): string;
}

export function tailLines(text: string): TailLines {
  let length = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) length++;
  const cut: string[] = [];
  /** End (exclusive) of the line before the earliest one cut out so far, and that line's index. */
  let end = text.length;
  let next = length - 1;
  return {
    length,
    at(i: number): string {
      if (i < 0 || i >= length) throw new RangeError(`line ${i} of ${length}`);
      while (next >= i) {
        const start = next === 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
        cut.push(text.slice(start, end));
        end = start - 1;
        next--;
      }
      return cut[length - 1 - i];
    },
  };
}
