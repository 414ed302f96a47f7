import type { Row } from './lines';
import { unitOfMeasure } from './amounts';
import { isCutoffCell, isNoteCell, unitLine, yearCell } from './meta';
import { compact } from './normalize';
import { isSectionHeading, projectTitle, singleText, tableTitle, type TableTitle } from './titles';

/** A stretch of rows that belongs to one thing: a table, one performance-target table, or narrative. */
export type Section =
  | { kind: 'table'; title: TableTitle; line: number; rows: Row[] }
  | { kind: 'project'; name: string; line: number; rows: Row[] }
  | { kind: 'text'; rows: Row[] };

/**
 * Cuts the row stream at titles. A table runs until the next title or until a line of running text;
 * the lines a page break repeats (unit, year, money unit, headers, 栏次) stay inside it, and a title
 * repeated on the next page continues the same table instead of opening a new one.
 */
export function segment(rows: readonly Row[]): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  const text = (): Section => {
    if (current?.kind !== 'text') {
      current = { kind: 'text', rows: [] };
      sections.push(current);
    }
    return current;
  };

  for (const row of rows) {
    const table = tableTitle(row.cells);
    if (table) {
      const cur = current as Section | null;
      if (cur?.kind === 'table' && cur.title.table === table.table) continue;
      current = { kind: 'table', title: table, line: row.line, rows: [] };
      sections.push(current);
      continue;
    }
    const project = projectTitle(row.cells);
    if (project !== null) {
      current = { kind: 'project', name: project, line: row.line, rows: [] };
      sections.push(current);
      continue;
    }
    const cur = current as Section | null;
    if (cur?.kind === 'table') {
      if (endsTable(row)) text().rows.push(row);
      else cur.rows.push(row);
    } else if (cur?.kind === 'project') {
      if (isSectionHeading(row.cells)) text().rows.push(row);
      else cur.rows.push(row);
    } else {
      text().rows.push(row);
    }
  }
  return sections;
}

/** Running text after a table: one cell of words that is none of the lines a table page repeats. */
function endsTable(row: Row): boolean {
  // A row of several cells is part of a table even when only its label is filled in.
  if (row.cells.length !== 1) return false;
  const cell = singleText(row.cells);
  if (cell === null) return false;
  if (isSectionHeading(row.cells)) return true;
  if (!/[\u4e00-\u9fff]/.test(cell)) return false;
  if (isMetaCell(cell) || isNoteCell(cell)) return false;
  return true;
}

/**
 * What every meta line contains, when it has no whitespace: 单位/部门 (unit line 「单位：…」, money
 * unit), 年度, 截 (cut-off date), 栏次/档次, or three leading digits (a coded unit line). A cell with
 * none of them is no meta line, which spares the five full tests on each data row; a cell with
 * whitespace takes the full tests, since they match its text with whitespace removed.
 */
const META_HINT = /\s|单位|部门|年度|截|栏次|档次|^\d{3}/;

export function isMetaCell(cell: string): boolean {
  if (!META_HINT.test(cell)) return false;
  return (
    unitLine(cell) !== null ||
    yearCell(cell) !== null ||
    unitOfMeasure(cell) !== null ||
    isCutoffCell(cell) ||
    /^(?:栏次|档次)$/.test(compact(cell))
  );
}
