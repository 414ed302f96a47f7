/**
 * Sheets → the rows the text and PDF readers take (lines.ts `Row`), and a text rendering with one
 * cell per line, 「工作表!B7<tab>value」, so a figure's source line names its sheet and cell.
 *
 * As in the PDF layout (pdf/layout.ts): a line of one cell — a title, the unit and money-unit line,
 * a note, a sentence — is a row of that one cell; a table row keeps every cell of its table's width,
 * blank ones too (the recognisers read cells by position, and a row of one cell would end the table).
 * A merged cell's text stays in its top-left cell, blanks beside and below it, which is how the text
 * reader sees a header band of merged cells (「收入 | | 支出 |」) in a disclosure saved from Word.
 */
import type { Row } from '../lines';
import { isNoteCell } from '../meta';
import { cleanCell, normalizeText } from '../normalize';
import { isMetaCell } from '../segment';
import { isTitleNumber, tableTitle } from '../titles';
import { colName, type Sheet } from './xlsx';

export interface SheetRows {
  rows: Row[];
  text: string;
}

/** A cell's text as one line: a newline inside Chinese words is a wrap, elsewhere a space. */
export function cellLine(raw: string): string {
  // Most cells are short plain text or digits: nothing to join or normalize.
  if (!NEEDS_WORK.test(raw)) return raw;
  const joined = raw.replace(/([\u3400-\u9fff（）、])[ \t]*\r?\n[ \t]*(?=[\u3400-\u9fff（）、])/g, '$1');
  return cleanCell(normalizeText(joined).replace(/[\t\n]+/g, ' '));
}

const NEEDS_WORK = /[\s\uFF10-\uFF19\u3000\u00A0\u2002-\u200D\u202F\u2060\uFEFF*#[]/;

interface Line {
  r: number;
  /** Columns with text, in order. */
  filled: number[];
  single: boolean;
}

export function sheetRows(sheets: readonly Sheet[]): SheetRows {
  const rows: Row[] = [];
  const out: string[] = [];
  const emit = (sheet: string, r: number, cols: readonly number[], texts: readonly string[]) => {
    const lines: number[] = [];
    cols.forEach((c, i) => {
      out.push(`${sheet}!${colName(c)}${r + 1}\t${texts[i]}`);
      lines.push(out.length);
    });
    out.push('');
    rows.push({ cells: [...texts], lines, line: lines[0] });
  };
  for (const sheet of sheets) {
    // Each cell cleaned once: the classification and the rows read it several times.
    const clean = new Map<number, Map<number, string>>();
    for (const [r, line] of sheet.cells) clean.set(r, new Map([...line].map(([c, v]) => [c, cellLine(v)])));
    const text = (r: number, c: number) => clean.get(r)?.get(c) ?? '';
    const spans = new Map(sheet.merges.filter((m) => m.c1 > m.c0).map((m) => [`${m.r0}:${m.c0}`, m]));
    const lines: Line[] = [];
    let minCol = Infinity;
    for (const r of [...sheet.cells.keys()].sort((a, b) => a - b)) {
      const filled = [...sheet.cells.get(r)!.keys()].filter((c) => text(r, c) !== '').sort((a, b) => a - b);
      if (!filled.length) continue;
      minCol = Math.min(minCol, filled[0]);
      lines.push({ r, filled, single: false });
    }
    const maxCol = Math.max(...lines.map((l) => l.filled[l.filled.length - 1]));
    // A merged cell from the first column most of the way across the sheet spans its table (a title,
    // a sentence). One merged over a few columns (「三、事业单位经营收入」 over A:E) is a label, and one
    // further right (「支出用途」 over K:T) a group's head: rows of the table, as a spreadsheet imports
    // a web page's colspans.
    const spanning = (line: Line) => {
      const m = spans.get(`${line.r}:${line.filled[0]}`);
      return m !== undefined && m.c0 === minCol && m.c1 - minCol >= 0.6 * (maxCol - minCol);
    };
    const kinds = lines.map((line) => kindOf(line, text, spanning(line), minCol));
    // A run of lone labels between table rows (「二、事业收入」 with blank amounts) is rows of its
    // table; a run holding a sentence is running text (a narrative between two tables).
    for (let i = 0; i < lines.length; ) {
      if (kinds[i] !== 'lone') {
        lines[i].single = kinds[i] === 'single';
        i++;
        continue;
      }
      let j = i;
      while (j < lines.length && kinds[j] === 'lone') j++;
      const prose = lines.slice(i, j).some((l) => isProse(text(l.r, l.filled[0])));
      const inTable = !prose && kinds[i - 1] === 'row' && kinds[j] === 'row';
      for (; i < j; i++) lines[i].single = !inTable;
    }
    const first = lines[0];
    // A sheet named for its table (「部门收支总表」) with no title row of its own: the name is the title.
    if (first && tableTitle([sheet.name]) && !(first.filled.length === 1 && tableTitle([text(first.r, first.filled[0])]))) {
      out.push(`${sheet.name}（工作表名）\t${sheet.name}`);
      out.push('');
      rows.push({ cells: [sheet.name], lines: [out.length - 1], line: out.length - 1 });
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.single) {
        emit(sheet.name, line.r, line.filled, line.filled.map((c) => text(line.r, c)));
        continue;
      }
      // A run of table rows shares one width: from the sheet's first column to the run's last.
      let j = i;
      let last = 0;
      while (j < lines.length && !lines[j].single) last = Math.max(last, lines[j].filled[lines[j].filled.length - 1]), j++;
      const cols = Array.from({ length: last - minCol + 1 }, (_, k) => minCol + k);
      for (; i < j; i++) emit(sheet.name, lines[i].r, cols, cols.map((c) => text(lines[i].r, c)));
      i--;
    }
  }
  return { rows, text: out.join('\n') };
}

/** A sentence: long, with the punctuation of running text (as pdf/layout.ts tells prose from cells). */
function isProse(cell: string): boolean {
  return cell.length >= 20 && /[，。；]/.test(cell);
}

/**
 * `single`: a line that is one cell rather than a table row: page furniture (unit, money unit, year:
 * any number of cells), or one cell that is a title, a note or spans the table. `lone`: one cell in
 * the first column (a heading, a sentence, or a table's label whose amounts are blank), decided by
 * its neighbours. `row`: a table row, or one cell standing in a later column.
 */
function kindOf(line: Line, text: (r: number, c: number) => string, spanning: boolean, minCol: number): 'single' | 'lone' | 'row' {
  const cells = line.filled.map((c) => text(line.r, c));
  if (cells.every((c) => isMetaCell(c) || isNoteCell(c))) return 'single';
  if (cells.length !== 1) return 'row';
  const cell = cells[0];
  if (spanning || tableTitle([cell]) !== null || isTitleNumber(cell)) return 'single';
  // A word over a column of its own (a group header 「“三公”经费预算数」, an expense label with its
  // income side blank) is part of the table's layout, as in a PDF.
  return line.filled[0] === minCol ? 'lone' : 'row';
}
