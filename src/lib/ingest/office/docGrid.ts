/**
 * A .doc table's rows laid on one grid. Word 97 keeps a merged cell as one cell as wide as those it
 * covers (each row's cell edges, rgdxaCenter of sprmTDefTable, in twips), so a header row of merged
 * cells has fewer cells than the data rows under it: 「项目 | 支出预算」 over seven columns of data. Read
 * as tab rows, the heads stood over the wrong columns, and 合计 | 基本支出 | 项目支出 named the code
 * and name columns' neighbours. Laid on the grid of all the table's edges, a cell covering several
 * columns is its text and a blank for each column more, as docx.ts writes a gridSpan and as a
 * spreadsheet or the text reader sees merged cells.
 */

/** A row as Word ended it: its cells' texts and, where the row's properties gave them, its cells' edges. */
export interface DocRow {
  /** The row's line in the text. */
  line: number;
  cells: string[];
  edges: number[];
}

/** Edges closer than this (twips, a fiftieth of an inch) are one: rows of a table rarely line up to the twip. */
const SAME_EDGE = 30;

/** The text's lines with each table's rows (consecutive lines) laid on that table's grid. */
export function onTableGrid(text: string, rows: readonly DocRow[]): string {
  if (!rows.length) return text;
  const lines = text.split('\n');
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j].line === rows[j - 1].line + 1) j++;
    const table = rows.slice(i, j);
    const grid = gridOf(table.flatMap((r) => r.edges));
    for (const row of table) lines[row.line] = spread(row, grid).join('\t');
    i = j;
  }
  return lines.join('\n');
}

function gridOf(edges: readonly number[]): number[] {
  const grid: number[] = [];
  for (const e of [...edges].sort((a, b) => a - b)) if (!grid.length || e - grid[grid.length - 1] > SAME_EDGE) grid.push(e);
  return grid;
}

/**
 * The row's cells with a blank after each for every further column it covers; none after the last
 * (nothing stands right of it to be kept in place), as the .docx LibreOffice writes beside the .doc
 * gives them.
 */
function spread(row: DocRow, grid: readonly number[]): string[] {
  const at = (edge: number) => grid.findIndex((g) => Math.abs(g - edge) <= SAME_EDGE);
  const out: string[] = [];
  row.cells.forEach((text, k) => {
    const span = k === row.cells.length - 1 ? 1 : Math.max(1, at(row.edges[k + 1]) - at(row.edges[k]));
    out.push(text, ...Array<string>(span - 1).fill(''));
  });
  return out;
}
