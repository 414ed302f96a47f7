import type { Row } from '../lines';

/**
 * A name column and the 合计 column beside it read as one (西安 气象's 2022 tables: the header 「功能科目
 * 名称合计」, each row 「社会保障和就业支出 44699.18」). Read as they were, every row's name held its 合计
 * (「与名称挤在一格」, the row not read) and the other amounts stood a column left of their heads.
 *
 * Split where the header says so: a header cell that is a name's head run into an amount's head, over
 * a column whose rows end with an amount after a space (most of them). Every row gets the column
 * back: the amount, or a blank where it printed none.
 */
export function splitNameAmounts(body: Row[]): Row[] {
  const at = runTogetherHead(body);
  if (at === null) return body;
  const { row: headRow, col, name, head } = at;
  const rows = body.slice(headRow + 1);
  if (rows.filter((r) => TRAILING_AMOUNT.test(r.cells[col] ?? '')).length * 2 < rows.filter((r) => r.cells[col]).length) return body;
  return body.map((r, k) => {
    const cells = [...r.cells];
    const lines = [...r.lines];
    const cell = cells[col] ?? '';
    const m = k > headRow ? TRAILING_AMOUNT.exec(cell) : null;
    const [left, right] = k === headRow ? [name, head] : m ? [cell.slice(0, m.index).trimEnd(), m[1]] : [cell, ''];
    if (cells.length <= col) return r;
    cells.splice(col, 1, left, right);
    lines.splice(col, 0, lines[col] ?? r.line);
    return { ...r, cells, lines };
  });
}

/** An amount at the end of a cell, after a space and words (「社会保障和就业支出 44699.18」). */
const TRAILING_AMOUNT = /(?<=[\u4e00-\u9fff）)])\s+([-－−]?\d[\d,]*(?:\.\d+)?)$/;
const NAME_THEN_HEAD = /^(\S*名称)\s*(合计|总计|金额|小计)$/;

/** The header row and column of a name's head run into an amount's, before the first data row. */
function runTogetherHead(body: readonly Row[]): { row: number; col: number; name: string; head: string } | null {
  for (let r = 0; r < body.length && r < 8; r++) {
    const cells = body[r].cells;
    for (let c = 0; c < cells.length; c++) {
      // Cheap first: most cells hold no 名称.
      if (!cells[c].includes('名称')) continue;
      const m = NAME_THEN_HEAD.exec(cells[c].replace(/\s+/g, ''));
      if (m) return { row: r, col: c, name: m[1], head: m[2] };
    }
  }
  return null;
}
