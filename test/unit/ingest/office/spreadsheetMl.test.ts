import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { readOffice, readSpreadsheetXml } from '../../../../src/lib/ingest/office/read';
import { readSpreadsheetMl } from '../../../../src/lib/ingest/office/spreadsheetMl';
import { cellRef } from '../../../../src/lib/ingest/office/xlsx';
import { writeXlsx, xmlText, type XSheet } from '../../../../src/lib/ingest/office/write';
import { mismatches } from '../pdf/corpus';
import { gold, seedFiles, seedText } from '../seeds';
import { rowsOf, sheetsOf, withMerges } from './fixtures';

/**
 * Excel 2003 XML workbooks (SpreadsheetML), as finance systems export tables (often named .xls).
 * Written here from the sheets the .xlsx tests build, as Excel writes them: blank cells skipped with
 * ss:Index, a merged cell's span as ss:MergeAcross with the cells it covers left out, numbers with
 * a double's noise. Read back, each gives the text its .xlsx gives. Before, such a file was read as
 * text, tags and all, and refused.
 */
function spreadsheetMlOf(sheets: readonly XSheet[]): string {
  const body = sheets.map((sheet) => {
    const spans = new Map<string, number>();
    const covered = new Set<string>();
    for (const ref of sheet.merges ?? []) {
      const [from, to] = ref.split(':').map((x) => cellRef(x)!);
      spans.set(`${from[0]}:${from[1]}`, to[1] - from[1]);
      for (let c = from[1] + 1; c <= to[1]; c++) covered.add(`${from[0]}:${c}`);
    }
    const rows = sheet.rows.map((row, r) => {
      let next = 0;
      const cells = row.flatMap((cell, c) => {
        if (cell === null || covered.has(`${r}:${c}`)) return [];
        const index = c === next ? '' : ` ss:Index="${c + 1}"`;
        const across = spans.get(`${r}:${c}`);
        next = c + 1 + (across ?? 0);
        const data = typeof cell === 'string' ? `<Data ss:Type="String">${xmlText(cell)}</Data>` : `<Data ss:Type="Number">${cell.num}</Data>`;
        return [`<Cell${index}${across ? ` ss:MergeAcross="${across}"` : ''}>${data}</Cell>`];
      });
      return cells.length ? `<Row ss:Index="${r + 1}">${cells.join('')}</Row>` : '';
    });
    return `<Worksheet ss:Name="${xmlText(sheet.name)}"><Table>${rows.join('\n')}</Table></Worksheet>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n${body.join('\n')}\n</Workbook>`;
}

describe.each(seedFiles)('%s as an Excel 2003 XML workbook', (file) => {
  const sheets = withMerges(sheetsOf(rowsOf(seedText(file)), { perTable: true, noise: true }));
  const xml = spreadsheetMlOf(sheets);

  it('gives every gold figure, through the one way in (as a .xls file)', { timeout: 60_000 }, async () => {
    const result = await importFile(new TextEncoder().encode(xml), `${file}.xls`);
    if (!result.ok) throw new Error(result.error);
    expect(result.office).toBe('xml');
    const expected = gold.documents.filter((d) => d.file === file);
    expected.forEach((g, i) => expect(mismatches(g.figures, result.docs[i].figures), `document ${i + 1}`).toEqual([]));
  });

  it('reads every cell as the .xlsx of the same sheets (numbers in General: the XML carries no style here)', () => {
    const a = readSpreadsheetXml(xml, 'a.xml');
    const general = sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map((c) => (c && typeof c !== 'string' ? { ...c, format: 'plain' as const } : c))) }));
    const b = readOffice(writeXlsx(general), 'a.xlsx');
    if (!a.ok || !b.ok) throw new Error('unread');
    expect(a.text).toBe(b.text);
  });
});

describe('SpreadsheetML details', () => {
  const workbook = (sheets: string) => `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">${sheets}</Workbook>`;

  it('a hidden worksheet is marked (the reader leaves it, as an .xlsx\'s); rich text in a cell is joined; a broken file names itself', async () => {
    const visible = `<Worksheet ss:Name="收支总表"><Table><Row><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>部门预算</B>收支总表</ss:Data></Cell></Row></Table></Worksheet>`;
    const hidden = `<Worksheet ss:Name="底稿"><Table><Row><Cell><Data ss:Type="String">不公开</Data></Cell></Row></Table><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>`;
    const book = readSpreadsheetMl(workbook(visible + hidden));
    expect(book.sheets.map((s) => [s.name, s.hidden, [...s.cells.get(0)!.values()]])).toEqual([['收支总表', false, ['部门预算收支总表']], ['底稿', true, ['不公开']]]);
    const broken = await importFile(new TextEncoder().encode(workbook('<Worksheet ss:Name="表"><Table><Row><Cell ss:Index="2><Data>1')), '坏.xls');
    expect(broken.ok ? '' : broken.error).toMatch(/^「坏\.xls」是 Excel 2003 XML 表格，但内容（XML）损坏/);
  });
});
