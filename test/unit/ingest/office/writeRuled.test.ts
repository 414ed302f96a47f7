import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../../src/lib/ingest/office/write';
import { readWorkbook } from '../../../../src/lib/ingest/office/xlsx';

const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (p: string) => (files[p] ? new TextDecoder().decode(files[p]) : null);
};

// A table as a finance office prints it (the workbook family of the PDF suite): ruled from its header
// down, blank cells included, and fitted to a landscape page's width.
describe('a ruled sheet printed to the page width', () => {
  const rows = [['收支总表', null, null], ['项目', '预算数', '备注'], ['合计', { num: '1443.77' }, null]];
  const read = parts(writeXlsx([{ name: 't', rows, ruledFrom: 1, print: { landscape: true, fitWidth: true } }, { name: 'plain', rows }]));
  const ruled = read('xl/worksheets/sheet1.xml')!;
  const plain = read('xl/worksheets/sheet2.xml')!;

  it('reads back the same cells', () => {
    const book = readWorkbook(read, 'xl/workbook.xml');
    for (const sheet of book.sheets) {
      expect([...sheet.cells.get(1)!.values()]).toEqual(['项目', '预算数', '备注']);
      expect(sheet.cells.get(2)?.get(1)).toBe('1443.77');
      expect(sheet.cells.get(2)?.get(2) ?? '').toBe('');
    }
  });

  it('rules every cell of the table, blank ones too, and none above it', () => {
    expect(read('xl/styles.xml')).toMatch(/<border><left style="thin"\/>/);
    expect(read('xl/styles.xml')).toContain('cellXfs count="28"');
    expect(ruled).toContain('<c r="C3" s="7"/>');
    expect(ruled).toContain('<c r="B3" s="8"><v>1443.77</v></c>');
    expect(ruled).not.toContain('r="B1"');
    expect(plain).not.toContain('r="C3"');
    expect(plain).toContain('<c r="B3" s="1"><v>1443.77</v></c>');
  });

  it('prints landscape, one page wide', () => {
    expect(ruled.indexOf('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')).toBeLessThan(ruled.indexOf('<sheetData>'));
    expect(ruled).toContain('orientation="landscape" fitToWidth="1" fitToHeight="0"');
    expect(plain).not.toContain('pageSetup');
  });
});
