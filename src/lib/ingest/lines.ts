import { cleanCell, isSpaceCode } from './normalize';

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
  const rows: Row[] = [];
  const block: LineSpans = { starts: [], ends: [], shapes: [], n: 0, first: 0, cellLines: 0, tabRows: 0, spaced: false };
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
  const { starts, ends, shapes, n, first, cellLines, tabRows } = block;
  if (block.spaced) {
    const lines: string[] = [];
    for (let k = 0; k < n; k++) lines.push(text.slice(starts[k], ends[k]));
    readBlock(lines, 0, n, rows, first - 1);
  } else if (cellLines > 0 && cellLines >= tabRows) {
    readCellSpans(text, block, rows);
  } else {
    for (let k = 0; k < n; k++) rows.push(lineRow(text, starts[k], ends[k], first + k, shapes[k]));
  }
  block.n = 0;
  block.cellLines = 0;
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

/**
 * The rows of a text read line by line from `text.split('\n')`: what toRows gives, by the way it was
 * first written (the reference the tests hold toRows to).
 */
export function toRowsBySplit(text: string): Row[] {
  const lines = text.split('\n');
  const rows: Row[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && !isBlank(lines[j])) j++;
    readBlock(lines, i, j, rows, 0);
    // lines[j] was found blank: it is not looked at again.
    i = j + 1;
  }
  return rows;
}

/**
 * A blank line separates rows; a line holding only a tab is an empty cell, not a blank line. (What
 * `!line.includes('\t') && line.trim() === ''` says, in one look at each character up to the first
 * that is not blank.)
 */
function isBlank(line: string): boolean {
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 9 || !isSpaceCode(c)) return false;
  }
  return true;
}

/** A line holding exactly one cell in the cell-line layout: a leading tab, then text, then maybe tabs. */
function isCellLine(line: string): boolean {
  if (line.charCodeAt(0) !== 9) return false;
  const tab = line.indexOf('\t', 1);
  if (tab < 0) return true;
  for (let k = tab; k < line.length; k++) if (line.charCodeAt(k) !== 9) return false;
  return true;
}

/** The rows of lines[start, end); lines[k] is line k + 1 + offset of the text. */
function readBlock(lines: string[], start: number, end: number, rows: Row[], offset: number): void {
  let shapes = shapesOf(lines, start, end);
  // spacesAsTabs changes only lines without a tab: a block of tabbed lines (most) is left as it is.
  if (shapes.untabbed > 0 && spacesAsTabs(lines, start, end)) shapes = shapesOf(lines, start, end);
  const { cellLines, tabRows } = shapes;
  if (cellLines > 0 && cellLines >= tabRows) readCellLines(lines, start, end, rows, offset);
  else for (let k = start; k < end; k++) rows.push(tabRow(lines[k], k + 1 + offset));
}

/** How many lines of a block are cell lines, other tabbed rows, and lines without a tab. */
function shapesOf(lines: readonly string[], start: number, end: number): { cellLines: number; tabRows: number; untabbed: number } {
  let cellLines = 0;
  let tabRows = 0;
  let untabbed = 0;
  for (let k = start; k < end; k++) {
    if (isCellLine(lines[k])) cellLines++;
    else if (lines[k].includes('\t')) tabRows++;
    else untabbed++;
  }
  return { cellLines, tabRows, untabbed };
}

function tabRow(line: string, lineNo: number): Row {
  const cells = line.includes('\t') ? line.split('\t') : [line.replace(/^\s*[-*]\s+(?=\S)/, '')];
  // One look at the whole line, instead of one per cell, for the rows cleanCell leaves as they are.
  if (!isPlainLine(line)) for (let k = 0; k < cells.length; k++) cells[k] = cleanCell(cells[k]);
  return { cells, lines: new Array<number>(cells.length).fill(lineNo), line: lineNo };
}

/** No whitespace but tabs and none of 「[」「*」「#」: every cell of the line is clean as printed. */
function isPlainLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 35 || c === 42 || c === 91 || (c !== 9 && isSpaceCode(c))) return false;
  }
  return true;
}

function readCellLines(lines: string[], start: number, end: number, rows: Row[], offset: number): void {
  let k = start;
  // Text before the first cell line (a title printed right above its table) stands on its own.
  while (k < end && !isCellLine(lines[k]) && !lines[k].startsWith('\t')) {
    rows.push(tabRow(lines[k], k + 1 + offset));
    k++;
  }
  const raw: string[] = [];
  const at: number[] = [];
  for (; k < end; k++) {
    const line = lines[k];
    if (line.startsWith('\t')) {
      // Most cell lines hold no second tab: no replacement to run.
      raw.push(line.indexOf('\t', 1) < 0 ? line.slice(1) : line.slice(1).replace(/\t+/g, ' '));
      at.push(k + 1 + offset);
    } else if (raw.length) {
      raw[raw.length - 1] += ' ' + line.replace(/\t+/g, ' ');
    }
  }
  for (let r = 0; r < raw.length; r++) raw[r] = cleanCell(raw[r]);
  if (raw.length) rows.push({ cells: raw, lines: at, line: at[0] });
}

/**
 * Tabs that became runs of spaces (text pasted through an editor or a mail program). In a block with
 * no tab at all, runs of two or more spaces are read as tabs when they set cells apart on at least
 * two lines (the tab-row layout), or when every line of the block starts with one (the cell-line
 * layout); in a block of tab rows, lines without a tab but with such runs are rows that lost their
 * tabs. A lone double space in prose stays a space. When every run is of even length, each tab was
 * two spaces and a run of 2n spaces is n tabs: the empty cells between keep their places.
 * Rewrites the block's lines in place.
 */
function spacesAsTabs(lines: string[], start: number, end: number): boolean {
  let inner = 0;
  let leading = 0;
  let tabbed = 0;
  let even = true;
  for (let k = start; k < end; k++) {
    const line = lines[k];
    if (line.includes('\t')) {
      // Only tab rows count: the cell-line layout prints titles with double spaces between its cells.
      if (isCellLine(line)) return false;
      tabbed++;
      continue;
    }
    // All three tests below look for two spaces in a row; most lines of prose have none.
    if (!line.includes('  ')) continue;
    if (/\S {2,}\S/.test(line)) inner++;
    if (/^ {2,}\S/.test(line)) leading++;
    for (const run of line.replace(/ +$/, '').match(/ {2,}/g) ?? []) if (run.length % 2) even = false;
  }
  const cells = inner >= 2;
  const cellLines = !tabbed && end - start >= 2 && leading === end - start;
  if (!cells && !cellLines) return false;
  const tabs = (run: string) => (even ? '\t'.repeat(Math.floor(run.length / 2)) : '\t');
  for (let k = start; k < end; k++) {
    if (lines[k].includes('\t')) continue;
    // Trailing runs were the tabs of empty last cells: a row of names only keeps its width, so that it
    // is read as a row of the table and not as a line of prose between two tables.
    const trailing = cells && /\t/.test(lines[k - 1] ?? '') ? / {2,}$/.exec(lines[k])?.[0] ?? '' : '';
    let line = lines[k].replace(/ +$/, '') + (trailing && !/[。；]\s*$/.test(lines[k]) ? tabs(trailing) : '');
    if (cellLines) line = line.replace(/^ {2,}/, '\t');
    // A row whose first cell is empty (a header under 「序号」, a row of the right half of 收支总表)
    // starts with the run that was its tab: without it, every cell of the row moves one column left.
    else if (cells && /\S {2,}\S/.test(line)) line = line.replace(/^ {2,}(?=\S)/, tabs);
    if (cells) line = line.replace(/(\S)( {2,})(?=\S)/g, (_, c: string, run: string) => c + tabs(run));
    lines[k] = line;
  }
  return true;
}
