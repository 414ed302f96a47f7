/**
 * The rows of a text read line by line, from its lines as strings: how lines.ts first read them. toRows
 * reads most blocks from the text itself and gives the same rows; a block whose lines may hold tabs
 * turned into spaces is read here (spacesAsTabs rewrites its lines), and toRowsBySplit is the
 * reference the tests hold toRows to.
 */
import type { Row } from './lines';
import { cleanCell, isSpaceCode } from './normalize';

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

/**
 * Whether a block is read as cell lines: as many cell lines as tab rows or more. A line of one cell
 * and trailing tabs (「\t专项收入\t」) is a cell line only beside cell lines of one tab: among tab rows
 * alone it is a tab row whose first and last cells are blank (a Word table's 「| 专项收入 | 」 under
 * 「一般公共预算资金 | 小计 | 1,330.44」, as LibreOffice writes a .docx), and counted so.
 */
export function isCellBlock(cellLines: number, trailingTabs: number, tabRows: number): boolean {
  if (cellLines === trailingTabs && tabRows > 0) return false;
  return cellLines > 0 && cellLines >= tabRows;
}

/** The rows of lines[start, end); lines[k] is line k + 1 + offset of the text. */
export function readBlock(lines: string[], start: number, end: number, rows: Row[], offset: number): void {
  let shapes = shapesOf(lines, start, end);
  // spacesAsTabs changes only lines without a tab: a block of tabbed lines (most) is left as it is.
  if (shapes.untabbed > 0 && spacesAsTabs(lines, start, end)) shapes = shapesOf(lines, start, end);
  const { cellLines, trailingTabs, tabRows } = shapes;
  if (isCellBlock(cellLines, trailingTabs, tabRows)) readCellLines(lines, start, end, rows, offset);
  else for (let k = start; k < end; k++) rows.push(tabRow(lines[k], k + 1 + offset));
}

/** How many lines of a block are cell lines, other tabbed rows, and lines without a tab. */
function shapesOf(lines: readonly string[], start: number, end: number): { cellLines: number; trailingTabs: number; tabRows: number; untabbed: number } {
  let cellLines = 0;
  let trailingTabs = 0;
  let tabRows = 0;
  let untabbed = 0;
  for (let k = start; k < end; k++) {
    if (isCellLine(lines[k])) {
      cellLines++;
      if (lines[k].indexOf('\t', 1) > 0) trailingTabs++;
    }
    else if (lines[k].includes('\t')) tabRows++;
    else untabbed++;
  }
  return { cellLines, trailingTabs, tabRows, untabbed };
}

export function tabRow(line: string, lineNo: number): Row {
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
