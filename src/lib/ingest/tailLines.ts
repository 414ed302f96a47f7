/**
 * The lines of a text as `text.split('\n')` gives them, counted from the last and cut out from the end
 * only as far back as they are asked for. cutMidRow looks at the last rows of a file: splitting all of
 * it made every line a string for nothing, and counting its lines (for the number of the line it
 * names) is left until a warning needs it (issue 17).
 */
export interface TailLines {
  /** Line `r` from the end (0: the last line), or undefined for a line before the first. */
  fromEnd(r: number): string | undefined;
  /** The 1-based number of line `r` from the end (counts the text's line ends: ask only when needed). */
  lineNumber(r: number): number;
}

export function tailLines(text: string): TailLines {
  const cut: string[] = [];
  /** End (exclusive) of the line before the earliest one cut out so far; -1 once the first is cut. */
  let end = text.length;
  return {
    fromEnd(r: number): string | undefined {
      while (cut.length <= r && end >= 0) {
        const nl = end === 0 ? -1 : text.lastIndexOf('\n', end - 1);
        cut.push(text.slice(nl + 1, end));
        end = nl;
      }
      return cut[r];
    },
    lineNumber(r: number): number {
      let count = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
      return count - r;
    },
  };
}
