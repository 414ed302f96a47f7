/**
 * .xlsx and .docx fixtures built in the tests from real disclosures: the rows the text reader reads
 * from a seed (or that the PDF reader rebuilt from a Shanghai PDF) written as a workbook (amounts as
 * NUMBER cells, with the float noise spreadsheets carry) or as a Word document (paragraphs, tables).
 */
import { strToU8, zipSync } from 'fflate';
import { toRows, type Row } from '../../../../src/lib/ingest/lines';
import { normalizeText } from '../../../../src/lib/ingest/normalize';
import { tableTitle } from '../../../../src/lib/ingest/titles';
import { writeXlsx, xmlText, type XCell, type XSheet } from '../../../../src/lib/ingest/office/write';
import { colName } from '../../../../src/lib/ingest/office/xlsx';

export function rowsOf(text: string): Row[] {
  return toRows(normalizeText(text));
}

const AMOUNT = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+\.\d+$|^-?\d+$/;

/**
 * An amount cell as a spreadsheet stores it: a number, its XML text with the noise of a double
 * (「1234.56」 → 「1234.5600000000001」-like, beyond 15 significant digits) when `noise`.
 */
function cell(text: string, noise: boolean): XCell {
  if (!text) return null;
  // A code printed with its leading zero (款 「03」) is text in a sheet: a number would drop the zero.
  if (!AMOUNT.test(text) || /^0\d/.test(text)) return text;
  const plain = text.replace(/,/g, '');
  const decimals = plain.split('.')[1]?.length ?? 0;
  const num = noise && decimals ? `${plain}${'0'.repeat(17)}1` : plain;
  // Codes and counts (integers) in General, as a sheet holds them; amounts in 「#,##0.00」 when two decimals show them.
  return { num, format: decimals > 2 || decimals === 0 ? 'plain' : 'amount' };
}

/** Rows → sheets: one per table (a new sheet at each title), or all on one sheet. */
export function sheetsOf(rows: readonly Row[], options: { perTable: boolean; noise: boolean }): XSheet[] {
  const sheets: XSheet[] = [{ name: '说明', rows: [] }];
  for (const row of rows) {
    if (options.perTable && row.cells.length === 1 && tableTitle(row.cells) && sheets[sheets.length - 1].rows.length) {
      sheets.push({ name: `表${sheets.length}`, rows: [] });
    }
    sheets[sheets.length - 1].rows.push(row.cells.map((c) => cell(c, options.noise)));
  }
  return sheets;
}

export function xlsxOf(text: string, options = { perTable: true, noise: true }): Uint8Array {
  return writeXlsx(sheetsOf(rowsOf(text), options));
}

/**
 * The sheets as a person lays them out in Excel: each title merged across its table, and in each
 * header band (the rows above the first amount) every word merged over the blank cells after it
 * (「收入 | | 支出 |」 → 「收入」 over two columns).
 */
export function withMerges(sheets: XSheet[]): XSheet[] {
  const isAmount = (c: XCell) => c !== null && typeof c !== 'string';
  return sheets.map((sheet) => {
    const width = Math.max(...sheet.rows.map((r) => r.length));
    const merges: string[] = [];
    let band = true;
    sheet.rows.forEach((row, r) => {
      if (row.some(isAmount)) band = false;
      if (row.length === 1 && typeof row[0] === 'string' && tableTitle([row[0]])) {
        merges.push(`A${r + 1}:${colName(width - 1)}${r + 1}`);
        band = true;
        return;
      }
      if (!band || row.length < 2) return;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === null) continue;
        let end = c;
        while (end + 1 < row.length && row[end + 1] === null) end++;
        if (end > c) merges.push(`${colName(c)}${r + 1}:${colName(end)}${r + 1}`);
        c = end;
      }
    });
    return { ...sheet, merges };
  });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function para(text: string): string {
  // Tabs inside a paragraph are Word tab characters, between runs.
  return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${text
    .split('\t')
    .map((t, i) => `${i ? '<w:r><w:tab/></w:r>' : ''}<w:r><w:t xml:space="preserve">${xmlText(t)}</w:t></w:r>`)
    .join('')}</w:p>`;
}

/** A Word document of the text: lines without tabs are paragraphs, runs of tab rows are tables. */
export function docxOf(text: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const body: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (!table.length) return;
    body.push(`<w:tbl><w:tblPr/>${table.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:tcPr/>${para(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`);
    table = [];
  };
  for (const row of rowsOf(text)) {
    if (row.cells.length > 1) table.push(row.cells);
    else {
      flush();
      body.push(para(row.cells[0] ?? ''));
    }
  }
  flush();
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`),
    ...extra,
  });
}
