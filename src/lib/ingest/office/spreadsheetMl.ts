/**
 * An Excel 2003 XML workbook (SpreadsheetML: 「XML 电子表格 2003」, as finance systems export their
 * tables, often named .xls) → the same sheets of display strings as an .xlsx (xlsx.ts), so the same
 * readers follow. Cells are placed by ss:Index (a skipped column or row), merges come from
 * ss:MergeAcross / ss:MergeDown, numbers are shown as Excel shows a General cell (number.ts: 15
 * significant digits), rich text inside a cell is joined. A hidden worksheet is marked hidden.
 */
import { displayNumber, GENERAL } from './number';
import { SHEET_LIMITS, sheetCells, type Sheet, type SheetLimits, type Workbook } from './xlsx';
import { readXml } from './xml';

const ATTRS: ReadonlySet<string> = new Set(['Worksheet', 'Row', 'Cell', 'Data']);

export function readSpreadsheetMl(xml: string, limits: SheetLimits = SHEET_LIMITS): Workbook {
  const sheets: Sheet[] = [];
  let sheet: Sheet | null = null;
  let cells: ReturnType<typeof sheetCells> | null = null;
  const notes: string[] = [];
  let row = -1;
  let col = -1;
  let cell: { r: number; c: number; across: number; down: number } | null = null;
  let data: { type: string; text: string } | null = null;
  let inVisible = false;
  const index = (v: string | undefined) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 ? n - 1 : null;
  };
  readXml(xml, {
    open(name, a) {
      switch (name) {
        case 'Worksheet':
          cells = sheetCells(limits);
          sheet = { name: a.Name ?? `Sheet${sheets.length + 1}`, hidden: false, cells: cells.cells, merges: [], notes: [] };
          sheets.push(sheet);
          row = -1;
          break;
        case 'Row':
          row = index(a.Index) ?? row + 1;
          col = -1;
          break;
        case 'Cell': {
          col = index(a.Index) ?? col + 1;
          const across = Math.min(Number(a.MergeAcross) || 0, 255);
          const down = Math.min(Number(a.MergeDown) || 0, 65535);
          cell = { r: row, c: col, across, down };
          if (sheet && (across || down)) sheet.merges.push({ r0: row, c0: col, r1: row + down, c1: col + across });
          break;
        }
        case 'Data':
          data = { type: a.Type ?? 'String', text: '' };
          break;
        case 'Visible':
          inVisible = true;
          break;
      }
    },
    close(name) {
      if (name === 'Data' && data && cell && sheet) {
        const text = data.type === 'Number' ? (displayNumber(data.text.trim(), GENERAL) ?? data.text.trim()) : data.type === 'Boolean' ? (data.text.trim() === '1' ? 'TRUE' : 'FALSE') : data.text;
        if (text !== '') cells?.put(cell.r, cell.c, text);
        data = null;
      } else if (name === 'Cell' && cell) {
        // A merged cell takes the columns it spans: the next cell's place follows them.
        col = cell.c + cell.across;
        cell = null;
      } else if (name === 'Visible') inVisible = false;
      else if (name === 'Worksheet' && sheet && cells) sheet.notes.push(...cells.notes());
    },
    text(t) {
      if (data) data.text += t;
      else if (inVisible && sheet && /SheetHidden|SheetVeryHidden/.test(t)) sheet.hidden = true;
    },
  }, ATTRS);
  return { sheets, notes };
}
