import { colName } from '../../ingest/office/xlsx';
import type { XCell, XSheet } from '../../ingest/office/write';
import type { LayoutFigure } from '../money';
import { jiangsuDocument } from './jiangsu';
import { nationalBlocks } from './national';
import { shanghaiBlocks } from './shanghai';
import type { SheetTable } from './sheet';
import { renderVariant, variantDocument, type LayoutVariant } from './variants';

/**
 * A variant's tables as a finance office keeps them in a workbook: a sheet per table, its title and
 * furniture above it, the header's merged cells merged, amounts as numbers in #,##0.00, the table
 * ruled, each column as wide as its longest text, printed landscape and fitted to the page's width.
 * Printed to PDF by a spreadsheet (scripts/libreoffice-workbook-pdfs.ts), heads and 栏次 numbers
 * stand at the left of their cells and amounts at the right, a layout the browser-printed suite has
 * not. The narrative is not in a workbook: `figures` are the tables' alone.
 *
 * `zeros: 'dash'`: amounts in the accounting format (会计专用) and every blank amount cell of a row a
 * zero, which the format prints as a dash at the right of the cell. `labels: 'wrap'`: columns of long
 * names kept narrow, their names wrapped over lines in taller rows, every cell centred in its row's
 * height, as an office fits a wide table on the page. `paper: 'cut'`: printed on A4 portrait at full
 * size, not fitted to the page's width, so a wide table comes out in bands of columns, page after
 * page.
 */
export interface WorkbookOptions {
  zeros: 'blank' | 'dash';
  labels?: 'fit' | 'wrap';
  paper?: 'fit' | 'cut';
}

export function variantWorkbook(v: LayoutVariant, o: WorkbookOptions = { zeros: 'blank' }): { sheets: XSheet[]; figures: LayoutFigure[] } {
  const sheets = tablesOf(v).map((t) => sheetOf(t, o)).map((s) => (o.paper === 'cut' ? { ...s, print: { landscape: false, fitWidth: false } } : s));
  return { sheets: o.labels === 'wrap' ? sheets.map(wrapped) : sheets, figures: renderVariant(v).figures.filter((f) => f.table !== 'facts') };
}

function tablesOf(v: LayoutVariant): SheetTable[] {
  const doc = variantDocument(v);
  const blocks =
    v.template === 'national'
      ? nationalBlocks(doc, { unit: v.unit, titles: v.titles, nowrap: true, flatHeaders: v.flatHeaders }).blocks
      : v.template === 'shanghai'
        ? shanghaiBlocks(doc, { unit: v.unit, titles: v.titles }).blocks
        : jiangsuDocument(doc, { unit: v.unit, titles: v.titles, a3: v.paper.startsWith('a3') }).tables;
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}

/** A label column's width when names wrap: about six Chinese characters. */
const NARROW = 14;
/** A line of 11-point text and the cell's padding, in points. */
const LINE = 16;

/**
 * The sheet with its names wrapped: a column holding a body text of more than six characters is made
 * narrow, and each row of the table as tall as its most wrapped cell.
 */
function wrapped(sheet: XSheet): XSheet {
  const from = sheet.ruledFrom ?? 0;
  const widths = [...(sheet.widths ?? [])];
  for (const row of sheet.rows.slice(from)) row.forEach((c, j) => {
    if (typeof c === 'string' && c.length > 6 && !/^\d+$/.test(c)) widths[j] = Math.min(widths[j], NARROW);
  });
  const lines = (text: string, width: number) => Math.ceil((textWidth(text) - 1) / Math.max(1, width - 1));
  const heights = sheet.rows.map((row, r) => {
    const n = r < from ? 1 : Math.max(1, ...row.map((c, j) => (typeof c === 'string' ? lines(c, widths[j]) : 1)));
    return n > 1 ? LINE * n + 3 : null;
  });
  return { ...sheet, widths, heights, wrap: true };
}

// Column widths in a spreadsheet's units (about one Latin character): a Chinese character is two.
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2.1 : 1.1), 1);
const AMOUNT = /^-?[\d,]+(?:\.\d+)?$/;

function sheetOf(t: SheetTable, o: WorkbookOptions): XSheet {
  const width = Math.max(...[...t.header, ...t.body].map((r) => r.reduce((n, c) => n + (c.colspan ?? 1), 0)));
  const rows: XCell[][] = [];
  const merges: string[] = [];
  const bold: number[] = [];
  const widths = Array<number>(width).fill(4);
  const line = (cells: XCell[]) => rows.push([...cells, ...Array<XCell>(Math.max(0, width - cells.length)).fill(null)]) - 1;
  if (t.prefix) line([t.prefix]);
  for (const text of t.title) {
    const r = line([text]);
    bold.push(r);
    if (width > 1) merges.push(`A${r + 1}:${colName(width - 1)}${r + 1}`);
  }
  if (t.meta.length) {
    // The furniture spread across the width: the unit at the left, the money unit at the right.
    const cells = Array<XCell>(width).fill(null);
    t.meta.forEach((m, i) => (cells[i === 0 ? 0 : i === t.meta.length - 1 ? width - 1 : Math.round((i * (width - 1)) / (t.meta.length - 1))] = m));
    line(cells);
  }
  const ruledFrom = rows.length;
  // Cells under a rowspan from a row above, by row.
  const covered = new Set<string>();
  const place = (cells: SheetTable['body'][number], head: boolean) => {
    const r = line([]);
    let c = 0;
    for (const cell of cells) {
      while (covered.has(`${r},${c}`)) c++;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) covered.add(`${r + dr},${c + dc}`);
      // The header's 栏次 numbers are text, as a sheet types them: at the left of the cell.
      const amount = !head && cell.num && AMOUNT.test(cell.text);
      rows[r][c] = amount ? { num: cell.text.replace(/,/g, ''), format: o.zeros === 'dash' ? 'accounting' : 'amount' } : cell.text || null;
      if (cs > 1 || rs > 1) merges.push(`${colName(c)}${r + 1}:${colName(c + cs - 1)}${r + rs}`);
      if (cs === 1) widths[c] = Math.max(widths[c], amount ? 14 : Math.min(60, textWidth(cell.text)));
      c += cs;
    }
    if (head) bold.push(r);
  };
  for (const r of t.header) place(r, true);
  const body = rows.length;
  for (const r of t.body) place(r, false);
  if (o.zeros === 'dash') dashZeros(rows.slice(body));
  const name = `${t.prefix ?? ''}${t.title.join('')}`;
  return { name, rows, merges, bold, widths: widths.map((w) => Math.round(w * 10) / 10), ruledFrom, print: { landscape: true, fitWidth: true } };
}

/**
 * Zeros in a body's blank amount cells: the columns right of the first amount that hold no label, in
 * every row that prints something.
 */
function dashZeros(body: XCell[][]): void {
  const isAmount = (c: XCell) => c !== null && typeof c === 'object';
  const first = Math.min(...body.map((row) => row.findIndex(isAmount)).filter((i) => i >= 0));
  if (!Number.isFinite(first)) return;
  const width = body[0]?.length ?? 0;
  for (let c = first; c < width; c++) {
    if (body.some((row) => typeof row[c] === 'string')) continue;
    for (const row of body) if (row[c] === null && row.some((x) => x !== null)) row[c] = { num: '0', format: 'accounting' };
  }
}
