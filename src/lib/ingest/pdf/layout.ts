import type { Row } from '../lines';
import { isNoteCell } from '../meta';
import { isMetaCell } from '../segment';
import { tableTitle } from '../titles';
import { columnOf, NUMERIC, tableColumns } from './columns';
import type { Fragment } from './fragments';
import { gapCells, joinPieces, type TextLine } from './lines';
import type { Box } from './types';

/** Where a cell of the rebuilt rows was printed. */
export interface CellPlace {
  page: number;
  box: Box;
}

/**
 * A PDF as rows for the text importer's recognizers, with the place of every cell. Each cell gets
 * its own line number, as in the importer's one-cell-per-line layout, so a figure's `source.line`
 * names one cell and `places[line]` gives its page and box. `text` is that layout written out: the
 * source view can show it, and reading it as text gives the same rows back.
 */
export interface PdfRows {
  rows: Row[];
  places: Map<number, CellPlace>;
  text: string;
}

type Block = { kind: 'table'; lines: TextLine[] } | { kind: 'line'; line: TextLine };

function isTitle(line: TextLine): boolean {
  const cells = gapCells(line);
  return cells.length === 1 && tableTitle([joinPieces(cells[0], line.size)]) !== null;
}

/** Running text: one cell of a sentence (a comma or full stop), not a note under a table. */
function isProse(line: TextLine): boolean {
  const cells = gapCells(line);
  if (cells.length !== 1) return false;
  const text = joinPieces(cells[0], line.size);
  return text.length >= 20 && /[，。；]/.test(text) && !isNoteCell(text);
}

/**
 * A heading of the text after a table (「信访局2024年部门预算信息公开情况说明」, 「八、名词解释」): it
 * ends the table like running text, although it has no comma. Only headings no table row can be.
 */
function isHeading(line: TextLine): boolean {
  const cells = gapCells(line);
  if (cells.length !== 1) return false;
  const text = joinPieces(cells[0], line.size);
  return text.length <= 60 && !/[，。；：]/.test(text) && /(?:情况说明|名词解释)$/.test(text);
}

/** A row of a table: two or more cells apart, one of them an amount or a code. */
function isTableRow(line: TextLine): boolean {
  return gapCells(line).length >= 2 && line.fragments.some((f) => NUMERIC.test(f.text));
}

/**
 * Whether a page goes on with the table of the page before: it reaches a row of cells before any
 * title or running text. Labels that wrapped (「十四、资源勘探工业信息等」 / 「支出」) may come first.
 */
function continuesTable(lines: readonly TextLine[]): boolean {
  for (const line of lines) {
    if (isTitle(line) || isProse(line) || isHeading(line)) return false;
    if (isTableRow(line)) return true;
  }
  return false;
}

/**
 * Cuts the lines of all pages into tables and loose lines. A table runs from its title to running
 * text, another title, or a page that does not start with a row of cells; a table that goes on over
 * a page break (with or without its header repeated) stays one block, so one set of columns serves
 * all its pages.
 */
export function toBlocks(pages: readonly TextLine[][]): Block[] {
  const blocks: Block[] = [];
  let table: TextLine[] | null = null;
  for (const lines of pages) {
    if (table && !continuesTable(lines)) table = null;
    lines.forEach((line) => {
      if (isTitle(line)) {
        blocks.push({ kind: 'line', line });
        table = [];
        blocks.push({ kind: 'table', lines: table });
        return;
      }
      if (table && (isProse(line) || isHeading(line))) table = null;
      if (table) table.push(line);
      else blocks.push({ kind: 'line', line });
    });
  }
  return blocks.filter((b) => b.kind === 'line' || b.lines.length);
}

export function layoutRows(pages: readonly TextLine[][]): PdfRows {
  const rows: Row[] = [];
  const places = new Map<number, CellPlace>();
  const out: string[] = [];
  const emit = (cells: Fragment[][], line: TextLine) => {
    const texts: string[] = [];
    const lines: number[] = [];
    for (const pieces of cells) {
      const text = pieces.length ? joinPieces(pieces, line.size) : '';
      out.push('\t' + text);
      const no = out.length;
      texts.push(text);
      lines.push(no);
      if (pieces.length) places.set(no, { page: line.page, box: boxOf(pieces) });
    }
    out.push('');
    rows.push({ cells: texts, lines, line: lines[0] });
  };

  for (const block of toBlocks(pages)) {
    if (block.kind === 'line') {
      emit(gapCells(block.line), block.line);
      continue;
    }
    for (const part of furnitureParts(block.lines)) {
      const columns = tableColumns(part.filter((l) => !isMetaLine(l)));
      for (const line of part) {
        if (isMetaLine(line)) {
          emit(gapCells(line), line);
          continue;
        }
        const cells: Fragment[][] = columns.length > 1 ? columns.map(() => []) : [[], []];
        // columnOf finds no column for a position that is not a number (a damaged file): last cell.
        for (const f of line.fragments) (cells[columnOf(columns, f)] ?? cells[cells.length - 1]).push(f);
        // Every cell is kept, blank ones too: the recognizers read cells by position, and a row of
        // one cell would read as running text that ends the table.
        emit(cells, line);
      }
    }
  }
  return { rows, places, text: out.join('\n') };
}

/**
 * A table's lines cut where its page furniture (unit, year, money unit) is printed again: the part
 * after a repeat may be laid out with other column widths, so each part gets its own columns. A page
 * that goes on without repeating them keeps the columns of the page before.
 */
function furnitureParts(lines: readonly TextLine[]): TextLine[][] {
  const parts: TextLine[][] = [[]];
  lines.forEach((line, i) => {
    if (i > 0 && isMetaLine(line) && !isMetaLine(lines[i - 1]) && parts[parts.length - 1].length) parts.push([]);
    parts[parts.length - 1].push(line);
  });
  return parts;
}

/** A line of page furniture: the unit, the money unit, the year, each a cell of its own. */
function isMetaLine(line: TextLine): boolean {
  return gapCells(line).every((c) => isMetaCell(joinPieces(c, line.size)));
}

function boxOf(pieces: readonly Fragment[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of pieces) {
    x0 = Math.min(x0, p.x0);
    x1 = Math.max(x1, p.x1);
    // The glyphs reach about a fifth of the size below the baseline and four fifths above it.
    y0 = Math.min(y0, p.y - 0.2 * p.size);
    y1 = Math.max(y1, p.y + 0.8 * p.size);
  }
  return [round(x0), round(y0), round(x1), round(y1)];
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
