import type { Row } from '../lines';
import { isNoteCell, isPageNumber, isUnitLabel, isUnitRest, unitLine } from '../meta';
import { isMetaCell, titleAmidMeta } from '../segment';
import { hasTitleWord, isTitleNumber, tableTitle, wrappedTitleOf } from '../titles';
import { columnOf, isAmount, NUMERIC, tableColumns, type Column } from './columns';
import type { PlacedFragment } from './cutPages';
import type { Fragment } from './fragments';
import { gapCells, joinPieces, type TextLine } from './lines';
import type { Box } from './types';
import { joinWrappedLabels, type LaidLine } from './wrapped';
import type { KindColumn } from './kindColumns';

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

/** The text of a line that is one cell (a title, a sentence, a note), else null; kept per line. */
const single = new WeakMap<TextLine, string | null>();
function lineText(line: TextLine): string | null {
  let text = single.get(line);
  if (text === undefined) {
    const cells = gapCells(line);
    text = cells.length === 1 ? joinPieces(cells[0], line.size) : null;
    single.set(line, text);
  }
  return text;
}

function isTitle(line: TextLine): boolean {
  const text = lineText(line);
  if (text !== null) return tableTitle([text]) !== null;
  // A title on the unit's line (segment.ts titleAmidMeta): only a line with a title's word is asked.
  if (!line.fragments.some((f) => hasTitleWord(f.text))) return false;
  const cells = gapCells(line);
  return cells.length <= 4 && titleAmidMeta(cells.map((c) => joinPieces(c, line.size))) !== null;
}

/** Whether a page prints a table's title, on one line or wrapped over two. */
export function hasTitle(lines: readonly TextLine[]): boolean {
  return lines.some((line, i) => isTitle(line) || isWrappedTitle(line, lines[i + 1]));
}

/** A title wrapped over two lines (「…培训费支」 / 「出预算表」), or its number (「公开01表」) above it. */
function isWrappedTitle(line: TextLine, next: TextLine | undefined): boolean {
  const a = lineText(line);
  const b = next && lineText(next);
  return a !== null && b !== null && b !== undefined && !isTitle(line) && wrappedTitleOf(a, b) !== null;
}

/** Running text: one cell of a sentence (a comma or full stop), not a note under a table. */
function isProse(line: TextLine): boolean {
  const text = lineText(line);
  return text !== null && text.length >= 20 && /[，。；]/.test(text) && !isNoteCell(text);
}

/**
 * A heading of the text after a table (「信访局2024年部门预算信息公开情况说明」, 「八、名词解释」): it
 * ends the table like running text, although it has no comma, and so does a part heading
 * (「第三部分 …2024 年度部门决算」). Only headings no table row can be.
 * A table's number on a line of its own (「公开03表」) ends the table before it too.
 */
function isHeading(line: TextLine): boolean {
  const text = lineText(line);
  if (text === null) return false;
  if (text.length <= 60 && !/[，。；：]/.test(text) && (/(?:情况说明|名词解释)$/.test(text) || /^第[一二三四五六七八九十\d]{1,3}部分/.test(text))) return true;
  return isTitleNumber(text);
}

/**
 * A row of a table: two or more cells apart, one of them an amount or a code; or two amounts or
 * more, however close. A converter's page sets a row's cells three places apart (「合计   156,211,123
 * 156,211,123   0   0   0」 alone on a table's last page), which is a gap inside a cell on a PDF's
 * page; but no title or sentence is a word and a run of bare amounts.
 */
function isTableRow(line: TextLine): boolean {
  return (gapCells(line).length >= 2 && line.fragments.some((f) => NUMERIC.test(f.text))) || line.fragments.filter(isAmount).length >= 2;
}

/**
 * Whether a page goes on with the table of the page before: it reaches a row of cells before any
 * title or running text. Labels that wrapped (「十四、资源勘探工业信息等」 / 「支出」) may come first.
 */
function continuesTable(lines: readonly TextLine[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isTitle(line) || isWrappedTitle(line, lines[i + 1]) || isProse(line) || isHeading(line)) return false;
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
  for (const all of pages) {
    const lines = withoutPageNumber(all);
    if (table && !continuesTable(lines)) table = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const wrapped = isWrappedTitle(line, lines[i + 1]);
      if (wrapped || isTitle(line)) {
        blocks.push({ kind: 'line', line });
        if (wrapped) blocks.push({ kind: 'line', line: lines[++i] });
        table = [];
        blocks.push({ kind: 'table', lines: table });
        continue;
      }
      if (table && (isProse(line) || isHeading(line))) table = null;
      if (table) table.push(line);
      else blocks.push({ kind: 'line', line });
    }
  }
  return blocks.filter((b) => b.kind === 'line' || b.lines.length);
}

/**
 * A page's number, printed alone at its foot or head (「8」「- 8 -」「第 8 页」), is page furniture:
 * inside a table it would read as a row.
 */
function withoutPageNumber(lines: readonly TextLine[]): readonly TextLine[] {
  const isNumber = (l: TextLine | undefined) => {
    const text = l && lineText(l);
    return !!text && isPageNumber(text);
  };
  if (lines.length < 2) return lines;
  const from = isNumber(lines[0]) ? 1 : 0;
  const to = isNumber(lines[lines.length - 1]) ? lines.length - 1 : lines.length;
  return from === 0 && to === lines.length ? lines : lines.slice(from, to);
}

/**
 * What a text laid out with spaces (spaced.ts) needs besides: its table lines made the rows a PDF's
 * baselines give (spacedLines.ts) and its columns cut by kind (kindColumns.ts). Passed in, not
 * imported, so that they load with the first such text (spacedRead.ts), not with every PDF.
 */
export interface SpacedLayout {
  tableLines: (lines: readonly TextLine[], isMeta: (line: TextLine) => boolean) => TextLine[];
  columns: { split: (columns: readonly Column[], lines: readonly TextLine[]) => KindColumn[]; columnOf: (columns: readonly KindColumn[], f: Fragment) => number };
}

export function layoutRows(pages: readonly TextLine[][], spaced?: SpacedLayout): PdfRows {
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
      if (pieces.length) places.set(no, placeOf(pieces, line.page));
    }
    out.push('');
    rows.push({ cells: texts, lines, line: lines[0] });
  };

  for (const block of toBlocks(pages)) {
    if (block.kind === 'line') {
      emit(gapCells(block.line), block.line);
      continue;
    }
    const meta = metaLines(block.lines);
    for (const printed of furnitureParts(block.lines, meta)) {
      const part = spaced ? spaced.tableLines(printed, (l) => meta.has(l)) : printed;
      const found = tableColumns(part.filter((l) => !meta.has(l)));
      const columns = spaced ? spaced.columns.split(found, part.filter((l) => !meta.has(l))) : found;
      const laid = part.map((line): LaidLine => {
        if (meta.has(line)) return { line, cells: metaCells(line), meta: true };
        const cells: Fragment[][] = columns.length > 1 ? columns.map(() => []) : [[], []];
        const byKind = spaced && line.fragments.length >= 2 && line.fragments.some((f) => NUMERIC.test(f.text)) ? spaced.columns.columnOf : null;
        // columnOf finds no column for a position that is not a number (a damaged file): last cell.
        for (const f of line.fragments) (cells[byKind ? byKind(columns, f) : columnOf(columns, f)] ?? cells[cells.length - 1]).push(f);
        return { line, cells };
      });
      // Every cell is kept, blank ones too: the recognizers read cells by position, and a row of
      // one cell would read as running text that ends the table.
      for (const { line, cells } of joinWrappedLabels(laid)) emit(cells, line);
    }
  }
  return { rows, places, text: out.join('\n') };
}

/**
 * A table's lines cut where its page furniture (unit, year, money unit) is printed again: the part
 * after a repeat may be laid out with other column widths, so each part gets its own columns. A page
 * that goes on without repeating them keeps the columns of the page before.
 */
function furnitureParts(lines: readonly TextLine[], meta: ReadonlySet<TextLine>): TextLine[][] {
  const parts: TextLine[][] = [[]];
  lines.forEach((line, i) => {
    if (i > 0 && meta.has(line) && !meta.has(lines[i - 1]) && parts[parts.length - 1].length) parts.push([]);
    parts[parts.length - 1].push(line);
  });
  return parts;
}

/**
 * Lines of page furniture: the unit, the money unit, the year, each a cell of its own. A unit name
 * that wrapped (「部门名称：江苏省高级人民法」 / 「院」 beside 「单位：万元」) goes on on the next line.
 */
function metaLines(lines: readonly TextLine[]): Set<TextLine> {
  const meta = new Set<TextLine>();
  // Where the unit line above starts: the rest of its name starts there too.
  let unitAt: number | null = null;
  for (const line of lines) {
    const pieces = metaCells(line);
    const cells = pieces.map((c) => joinPieces(c, line.size));
    const rest = unitAt !== null && Math.abs(pieces[0][0].x0 - unitAt) <= line.size && isUnitRest(cells);
    if (cells.every((c) => isMetaCell(c)) || rest) {
      meta.add(line);
      const u = cells.findIndex((c) => unitLine(c) !== null);
      unitAt = u >= 0 ? pieces[u][0].x0 : null;
    } else {
      unitAt = null;
    }
  }
  return meta;
}

/**
 * A furniture line's cells: 「部门：」 printed apart from the name it labels (「部门： | 江苏省人大常委会
 * 办公厅 | 单位：万元」, the name centred in a wide cell) is one cell with it, as a unit line is.
 */
function metaCells(line: TextLine): Fragment[][] {
  const cells = gapCells(line);
  const at = cells.findIndex((c, i) => i + 1 < cells.length && isUnitLabel(joinPieces(c, line.size)));
  if (at < 0 || unitLine(joinPieces([...cells[at], ...cells[at + 1]], line.size)) === null) return cells;
  return [...cells.slice(0, at), [...cells[at], ...cells[at + 1]], ...cells.slice(at + 2)];
}

/** A cell's page and box: where a band page's cell was printed, though laid beside another page. */
function placeOf(pieces: readonly PlacedFragment[], page: number): CellPlace {
  const from = pieces[0].from;
  if (!from || !pieces.every((p) => p.from?.page === from.page)) return { page, box: boxOf(pieces) };
  return { page: from.page, box: boxOf(pieces.map((p) => ({ ...p, x0: p.x0 - from.dx, x1: p.x1 - from.dx }))) };
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
