import { isCellBlock, readBlock, tabRow } from './linesBySplit';
import { cleanCell, isSpaceCode, isUnplainCode } from './normalize';

/**
 * A row of cells as the text shows it, before any table is recognized. `lines[i]` is the 1-based line
 * of cells[i] in the decoded text, so every figure can cite where it was printed.
 */
export interface Row {
  cells: string[];
  lines: number[];
  line: number;
}

/**
 * Disclosures converted from Word come in two layouts, often in one file:
 *  - tab rows: one table row per line, cells separated by tabs;
 *  - cell lines: one cell per line, each starting with a tab, rows separated by blank lines; a cell
 *    that wrapped continues on the next line without a leading tab.
 * A run of non-blank lines is read as cell lines when most of its tabbed lines hold one cell.
 *
 * One pass over the text (issue #17): lines are offsets into it, and each cell is cut out of the text
 * once, with no array of line strings and no string per line in between. A block where a line without
 * a tab holds two spaces in a row may hold tabs turned into spaces (spacesAsTabs rewrites its lines):
 * its lines are cut out and read as toRowsBySplit reads them. The rows are exactly toRowsBySplit's.
 */
export function toRows(text: string): Row[] {
  return readRows(text, false)!;
}

/**
 * toRows of a text isPlainText passes, else null (the text is to be normalized first): the scan that
 * toRows makes of every character anyway looks for what isPlainText looks for, so a plain text (most)
 * is not scanned a second time.
 */
export function toRowsIfPlain(text: string): Row[] | null {
  return readRows(text, true);
}

function readRows(text: string, plainOnly: boolean): Row[] | null {
  const rows: Row[] = [];
  const block: LineSpans = { starts: [], ends: [], shapes: [], n: 0, first: 0, cellLines: 0, trailingTabs: 0, tabRows: 0, spaced: false };
  let lineNo = 1;
  let start = 0;
  const length = text.length;
  while (start <= length) {
    // One look at each character of the line: where it ends, whether it is blank, and its shape.
    let blank = true;
    let firstTab = -1;
    let secondTab = -1;
    let tailTabs = true;
    let plain = true;
    // Two spaces in a row: spacesAsTabs may read them as a tab (only in a line without one).
    let spaced = false;
    let k = start;
    for (; k < length; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) break;
      if (c === 9) {
        blank = false;
        if (firstTab < 0) firstTab = k;
        else if (secondTab < 0) secondTab = k;
      } else {
        if (secondTab >= 0) tailTabs = false;
        if (c === 35 || c === 42 || c === 91) {
          plain = false;
          blank = false;
        } else if ((c > 32 && c < 127) || (c > 0x3000 && c < 0xfeff)) {
          // Printable ASCII and CJK (most characters): neither whitespace nor to be normalized.
          blank = false;
        } else if (plainOnly && isUnplainCode(c)) {
          return null;
        } else if (isSpaceCode(c)) {
          plain = false;
          if (c === 32 && k > start && text.charCodeAt(k - 1) === 32) spaced = true;
        }
        else blank = false;
      }
    }
    if (blank) {
      if (block.n) readSpans(text, block, rows);
    } else {
      if (!block.n) block.first = lineNo;
      let shape: number;
      if (firstTab < 0) {
        shape = UNTABBED;
        if (spaced) block.spaced = true;
      } else if (firstTab === start && (secondTab < 0 || tailTabs)) {
        shape = secondTab >= 0 ? CELL_LINE_TABS : plain ? CELL_LINE_PLAIN : CELL_LINE;
        block.cellLines++;
        if (secondTab >= 0) block.trailingTabs++;
      } else {
        shape = plain ? TAB_ROW_PLAIN : TAB_ROW;
        block.tabRows++;
      }
      block.starts[block.n] = start;
      block.ends[block.n] = k;
      block.shapes[block.n] = shape;
      block.n++;
    }
    start = k + 1;
    lineNo++;
  }
  if (block.n) readSpans(text, block, rows);
  return rows;
}

/** A line's shape: no tab; one cell (a leading tab, no other / only tabs after); a row of tabbed cells. */
const UNTABBED = 0;
const CELL_LINE = 1;
/** A cell line with no whitespace but its tab and none of 「[」「*」「#」: its cell is clean as printed. */
const CELL_LINE_PLAIN = 2;
const CELL_LINE_TABS = 3;
const TAB_ROW = 4;
/** A tab row with no whitespace but tabs and none of 「[」「*」「#」 (isPlainLine): no cell to clean. */
const TAB_ROW_PLAIN = 5;

/**
 * A block of non-blank lines as offsets into the text, with their shapes: `n` lines, the first of
 * them line `first` (1-based). The arrays are reused from block to block.
 */
interface LineSpans {
  starts: number[];
  ends: number[];
  shapes: number[];
  n: number;
  first: number;
  cellLines: number;
  /** Cell lines with tabs after their cell (CELL_LINE_TABS). */
  trailingTabs: number;
  tabRows: number;
  /** A line without a tab holds two spaces in a row. */
  spaced: boolean;
}

/**
 * The rows of one block (emptied after), as readBlock reads its lines. spacesAsTabs changes only a
 * block whose lines without a tab hold two spaces in a row somewhere: only such a block (few) has its
 * lines cut out and read by readBlock; in any other, a line without a tab is one cell (tabRow).
 */
function readSpans(text: string, block: LineSpans, rows: Row[]): void {
  const { starts, ends, shapes, n, first, cellLines, trailingTabs, tabRows } = block;
  if (block.spaced) {
    const lines: string[] = [];
    for (let k = 0; k < n; k++) lines.push(text.slice(starts[k], ends[k]));
    readBlock(lines, 0, n, rows, first - 1);
  } else if (isCellBlock(cellLines, trailingTabs, tabRows)) {
    readCellSpans(text, block, rows);
  } else {
    for (let k = 0; k < n; k++) rows.push(lineRow(text, starts[k], ends[k], first + k, shapes[k]));
  }
  block.n = 0;
  block.cellLines = 0;
  block.trailingTabs = 0;
  block.tabRows = 0;
  block.spaced = false;
}

/** tabRow of one line of the text, of the shape the scan found. */
function lineRow(text: string, start: number, end: number, lineNo: number, shape: number): Row {
  return shape === UNTABBED ? tabRow(text.slice(start, end), lineNo) : tabSpan(text, start, end, lineNo, shape === TAB_ROW_PLAIN);
}

/**
 * tabRow of a line holding a tab, whose plainness the scan found. The line's split (native, and arrays
 * of exactly the cells' length) is faster than cutting each cell out of the text by hand.
 */
function tabSpan(text: string, start: number, end: number, lineNo: number, plain: boolean): Row {
  const cells = text.slice(start, end).split('\t');
  if (!plain) for (let k = 0; k < cells.length; k++) cells[k] = cleanCell(cells[k]);
  return { cells, lines: new Array<number>(cells.length).fill(lineNo), line: lineNo };
}

/** readCellLines over a block that spacesAsTabs leaves as it is. */
function readCellSpans(text: string, block: LineSpans, rows: Row[]): void {
  const { starts, ends, shapes, n, first } = block;
  let k = 0;
  // Text before the first cell line (a title printed right above its table) stands on its own.
  while (k < n && text.charCodeAt(starts[k]) !== 9) {
    rows.push(lineRow(text, starts[k], ends[k], first + k, shapes[k]));
    k++;
  }
  const raw: string[] = [];
  const at: number[] = [];
  // The last cell, as printed, until the next cell line shows that no wrapped line joins it: a plain
  // cell line's cell (most) is clean already and not looked at again by cleanCell.
  let pending: string | null = null;
  let pendingPlain = false;
  for (; k < n; k++) {
    const start = starts[k];
    if (text.charCodeAt(start) === 9) {
      if (pending !== null) raw.push(pendingPlain ? pending : cleanCell(pending));
      // Most cell lines hold no second tab: no replacement to run.
      const cell = text.slice(start + 1, ends[k]);
      pending = shapes[k] === CELL_LINE || shapes[k] === CELL_LINE_PLAIN ? cell : cell.replace(/\t+/g, ' ');
      pendingPlain = shapes[k] === CELL_LINE_PLAIN;
      at.push(first + k);
    } else if (pending !== null) {
      pending += ' ' + text.slice(start, ends[k]).replace(/\t+/g, ' ');
      pendingPlain = false;
    }
  }
  if (pending !== null) raw.push(pendingPlain ? pending : cleanCell(pending));
  if (raw.length) rows.push({ cells: raw, lines: at, line: at[0] });
}
