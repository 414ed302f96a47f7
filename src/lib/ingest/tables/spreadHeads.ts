import type { Row } from '../lines';

/**
 * Heads of neighbouring columns laid out as one cell: in a table whose columns are hardly wider than
 * their heads, the gaps between the heads are a space's, and the page reader keeps
 * 「基本支出 项目支出 其中：专项资金」 together over the first of the three columns, the cells beside it
 * blank. Read so, no head was placed and the keys went in template order: the third column's
 * amounts under 经营支出. Such a cell is spread over the blank cells after it, a word each, where it
 * holds as many words as it has blank cells to its right and one more (up to the next filled cell),
 * two words at least name a column, and every word is two characters or more (「合 计」 letter-spaced
 * is one head). The rows are replaced in `headers` and `blocks`.
 */
export function spreadRunTogether(headers: Row[], blocks: Row[][], keyOf: (word: string) => string | undefined): void {
  const replaced = new Map<Row, Row>();
  for (const row of headers) {
    let cells: string[] | null = null;
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i].trim();
      if (!cell.includes(' ')) continue;
      const words = cell.split(/\s+/);
      if (words.length < 2 || words.some((w) => w.length < 2) || words.filter((w) => keyOf(w) !== undefined).length < 2) continue;
      let blank = 0;
      while (i + 1 + blank < row.cells.length && row.cells[i + 1 + blank].trim() === '') blank++;
      if (blank !== words.length - 1) continue;
      cells ??= [...row.cells];
      words.forEach((w, j) => (cells![i + j] = w));
      i += blank;
    }
    if (cells) replaced.set(row, { ...row, cells });
  }
  if (!replaced.size) return;
  for (let i = 0; i < headers.length; i++) headers[i] = replaced.get(headers[i]) ?? headers[i];
  for (const block of blocks) for (let i = 0; i < block.length; i++) block[i] = replaced.get(block[i]) ?? block[i];
}
