/**
 * A small .xlsx writer: OOXML written by hand and zipped with fflate's zipSync (no spreadsheet
 * library: the export needs a title, frozen panes, one number format and strings, nothing more).
 * Every text cell is an inline string, never a formula: a cell that reads 「=HYPERLINK(…)」 in a
 * document stays that text in Excel. Numbers are written as the exact decimal text given (the
 * caller's fen → 万元 text), so no float rounding happens on the way out either.
 */
import { zipSync, strToU8 } from 'fflate';
import { colName } from './xlsx';

/**
 * A cell: text, an exact decimal number, or blank. A number's `format`: `amount` 「#,##0.00」 (the
 * default), `exact` 「#,##0.00####」 (two decimals at least, every decimal a fen amount has: read
 * back exactly), `plain` General (codes, counts, percentages), `accounting` the 会计专用 format a finance
 * office's sheets use (a zero printed as a dash).
 */
export type XCell = string | { num: string; format?: 'amount' | 'exact' | 'plain' | 'accounting' } | null;

export interface XSheet {
  name: string;
  rows: XCell[][];
  merges?: string[];
  /** Rows and columns frozen at the top and left. */
  freeze?: { rows: number; cols: number };
  /** Rows (0-based) printed bold: the title and header rows. */
  bold?: number[];
  widths?: number[];
  /** Rows from this one (0-based) on are ruled, every cell across the sheet's width: a table as printed. */
  ruledFrom?: number;
  /** Every cell of the ruled table wraps its text, centred in its row's height (set `heights` for the lines). */
  wrap?: boolean;
  /** Row heights in points (0-based rows; none: the default). */
  heights?: (number | null)[];
  /** Printed landscape, scaled to the page's width (a wide table on one page across). */
  print?: { landscape: boolean; fitWidth: boolean };
}

// Excel refuses these in a sheet name, and names over 31 characters.
export function sheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  for (let n = 2; taken.has(base.toLowerCase()); n++) base = `${base.slice(0, 28)}(${n})`;
  taken.add(base.toLowerCase());
  return base;
}

/** XML text: escaped, and without the control characters XML 1.0 cannot carry. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
// Styles: 0 plain, 1 amount (built-in 4: #,##0.00), 2 bold, 3 bold amount, 4 plain number, 5 exact
// amount, 6 accounting; the same seven again from 7 with thin rules round the cell (a table printed
// ruled), and all fourteen again from 14 wrapping their text, centred in the row's height.
const XF = [[0, 0], [4, 0], [0, 1], [4, 1], [0, 0], [164, 0], [165, 0]];
const RULED = XF.length;
const WRAPPED = 2 * XF.length;
const ACCOUNTING = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * &quot;-&quot;??_ ;_ @_ ';
const xf = ([fmt, font]: number[], border: number, wrap: boolean) =>
  `<xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="${border}" xfId="0"${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${border ? ' applyBorder="1"' : ''}${
    wrap ? ' applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf>' : '/>'}`;
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00####"/><numFmt numFmtId="165" formatCode="${ACCOUNTING}"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border/><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${4 * XF.length}">${[false, true].flatMap((w) => [0, 1].map((b) => XF.map((x) => xf(x, b, w)).join(''))).join('')}</cellXfs></styleSheet>`;

function sheetXml(sheet: XSheet): string {
  const bold = new Set(sheet.bold ?? []);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">');
  if (sheet.print?.fitWidth) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  const f = sheet.freeze;
  if (f && (f.rows || f.cols)) {
    const at = `${colName(f.cols)}${f.rows + 1}`;
    const pane = f.rows && f.cols ? 'bottomRight' : f.rows ? 'bottomLeft' : 'topRight';
    out.push(`<sheetViews><sheetView workbookViewId="0"><pane${f.cols ? ` xSplit="${f.cols}"` : ''}${f.rows ? ` ySplit="${f.rows}"` : ''} topLeftCell="${at}" activePane="${pane}" state="frozen"/></sheetView></sheetViews>`);
  }
  if (sheet.widths?.length) out.push(`<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  out.push('<sheetData>');
  const width = sheet.ruledFrom === undefined ? 0 : sheet.rows.reduce((w, row) => Math.max(w, row.length), 0);
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    const ruled = sheet.ruledFrom !== undefined && r >= sheet.ruledFrom;
    const s = (style: number) => style + (ruled ? RULED + (sheet.wrap ? WRAPPED : 0) : 0);
    for (let c = 0; c < (ruled ? width : row.length); c++) {
      const cell = row[c] ?? null;
      const ref = `${colName(c)}${r + 1}`;
      if (cell === null || cell === '') {
        // A blank cell of a ruled table is written for its rules.
        if (ruled) cells.push(`<c r="${ref}" s="${s(0)}"/>`);
      } else if (typeof cell === 'string') {
        const style = s(bold.has(r) ? 2 : 0);
        cells.push(`<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`);
      } else if (NUMBER.test(cell.num)) {
        const style = cell.format === 'plain' ? 4 : cell.format === 'exact' ? 5 : cell.format === 'accounting' ? 6 : bold.has(r) ? 3 : 1;
        cells.push(`<c r="${ref}" s="${s(style)}"><v>${cell.num}</v></c>`);
      } else {
        // Not a plain decimal: written as the text it is, never as a number Excel would guess at.
        cells.push(`<c r="${ref}" t="inlineStr"${s(0) ? ` s="${s(0)}"` : ''}><is><t xml:space="preserve">${xmlText(cell.num)}</t></is></c>`);
      }
    }
    const height = sheet.heights?.[r];
    if (cells.length) out.push(`<row r="${r + 1}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells.join('')}</row>`);
  });
  out.push('</sheetData>');
  if (sheet.merges?.length) out.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  if (sheet.print) {
    out.push('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
    out.push(`<pageSetup paperSize="9" orientation="${sheet.print.landscape ? 'landscape' : 'portrait'}"${sheet.print.fitWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`);
  }
  out.push('</worksheet>');
  return out.join('');
}

/** The workbook's bytes. */
export function writeXlsx(sheets: readonly XSheet[]): Uint8Array {
  const taken = new Set<string>();
  const names = sheets.map((s) => sheetName(s.name, taken));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s))));
  return zipSync(files, { level: 6 });
}
