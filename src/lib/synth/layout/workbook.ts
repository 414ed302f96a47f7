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
 */
export function variantWorkbook(v: LayoutVariant): { sheets: XSheet[]; figures: LayoutFigure[] } {
  return { sheets: tablesOf(v).map(sheetOf), figures: renderVariant(v).figures.filter((f) => f.table !== 'facts') };
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

// Column widths in a spreadsheet's units (about one Latin character): a Chinese character is two.
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2.1 : 1.1), 1);
const AMOUNT = /^-?[\d,]+(?:\.\d+)?$/;

function sheetOf(t: SheetTable): XSheet {
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
      rows[r][c] = amount ? { num: cell.text.replace(/,/g, ''), format: 'amount' } : cell.text || null;
      if (cs > 1 || rs > 1) merges.push(`${colName(c)}${r + 1}:${colName(c + cs - 1)}${r + rs}`);
      if (cs === 1) widths[c] = Math.max(widths[c], amount ? 14 : Math.min(60, textWidth(cell.text)));
      c += cs;
    }
    if (head) bold.push(r);
  };
  for (const r of t.header) place(r, true);
  for (const r of t.body) place(r, false);
  const name = `${t.prefix ?? ''}${t.title.join('')}`;
  return { name, rows, merges, bold, widths: widths.map((w) => Math.round(w * 10) / 10), ruledFrom, print: { landscape: true, fitWidth: true } };
}
