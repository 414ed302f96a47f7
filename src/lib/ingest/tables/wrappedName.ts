import type { Row } from '../lines';

/**
 * A row printing a code and amounts but no name, its name wrapped around it in a narrow cell: the
 * first line above the row, the rest below (「国有土地使用权出让收入安排的支」 / 「21208 | | 463.59」 /
 * 「出」), each alone on its row in the name's column. The row with its name, and whether the line below
 * was taken; null where the rows around hold no such piece.
 */
export function withWrappedName(rows: readonly Row[], at: number): { row: Row; below: boolean } | null {
  const row = rows[at];
  const piece = (r: Row | undefined): number => {
    if (!r) return -1;
    let k = -1;
    for (let i = 0; i < r.cells.length; i++) {
      if (r.cells[i] === '') continue;
      if (k >= 0 || /\d/.test(r.cells[i]) || !/[\u4e00-\u9fff]/.test(r.cells[i])) return -1;
      k = i;
    }
    return k >= 0 && (row.cells[k] ?? '') === '' ? k : -1;
  };
  const a = piece(rows[at - 1]);
  const b = piece(rows[at + 1]);
  const k = a >= 0 && b >= 0 && a !== b ? -1 : a >= 0 ? a : b;
  // A row of amounts (a point or a thousands separator: 「303 | 07 | 302」 is codes of two panels), its
  // name left of them: a head's wrapped piece over a one-row table's amounts is none.
  const amountAt = row.cells.findIndex((c) => /\d[.,]\d/.test(c));
  if (k < 0 || k >= row.cells.length || amountAt < 0 || k > amountAt) return null;
  const cells = [...row.cells];
  cells[k] = `${a === k ? rows[at - 1].cells[k] : ''}${b === k ? rows[at + 1].cells[k] : ''}`;
  const lines = [...row.lines];
  lines[k] = a === k ? rows[at - 1].lines[k] : rows[at + 1].lines[k];
  return { row: { ...row, cells, lines }, below: b === k };
}
