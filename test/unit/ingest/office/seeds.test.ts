import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { gold, seedFiles, seedText } from '../seeds';
import { mismatches } from '../pdf/corpus';
import { tableTitle } from '../../../../src/lib/ingest/titles';
import { writeXlsx } from '../../../../src/lib/ingest/office/write';
import { docxOf, rowsOf, sheetsOf, withMerges, xlsxOf } from './fixtures';

// Each Hebei seed as an .xlsx (one table per sheet, and all on one sheet) and as a .docx, read back
// through the one way in to every gold figure of seeds.json.
describe.each(seedFiles)('%s', (file) => {
  const expected = gold.documents.filter((d) => d.file === file);
  const text = seedText(file);

  async function check(bytes: Uint8Array, name: string, office: 'xlsx' | 'docx') {
    const result = await importFile(bytes, name);
    if (!result.ok) throw new Error(result.error);
    expect(result.office).toBe(office);
    expect(result.docs.map((d) => [d.meta.unitName, d.meta.scope, d.meta.year])).toEqual(expected.map((g) => [g.unit_name, g.scope, g.year]));
    expected.forEach((g, i) => expect(mismatches(g.figures, result.docs[i].figures), `${name} document ${i + 1}`).toEqual([]));
    return result;
  }

  it('as an .xlsx with one table per sheet and float noise in its numbers: every gold figure', { timeout: 60_000 }, async () => {
    const result = await check(xlsxOf(text), `${file}.xlsx`, 'xlsx');
    // A figure's source line names its sheet and cell, and prints the amount.
    const lines = result.text!.split('\n');
    const f = result.docs[0].figures.find((x) => x.table !== 'facts')!;
    expect(lines[f.source.line - 1]).toMatch(/^[^!]+![A-Z]+\d+\t-?\d/);
  });

  it('as an .xlsx with all tables on one sheet: every gold figure', { timeout: 60_000 }, async () => {
    await check(xlsxOf(text, { perTable: false, noise: false }), `${file}.xlsx`, 'xlsx');
  });

  it('as an .xlsx with merged titles and merged header cells: every gold figure', { timeout: 60_000 }, async () => {
    const sheets = withMerges(sheetsOf(rowsOf(text), { perTable: true, noise: false }));
    expect(sheets.some((s) => s.merges?.length)).toBe(true);
    await check(writeXlsx(sheets), `${file}.xlsx`, 'xlsx');
  });

  it('as an .xlsx whose sheets are named for their tables, with no title rows: every gold figure', { timeout: 60_000 }, async () => {
    const sheets = sheetsOf(rowsOf(text), { perTable: true, noise: false }).map((sheet) => {
      const [first] = sheet.rows;
      const title = first?.length === 1 && typeof first[0] === 'string' && tableTitle([first[0]]) ? first[0] : null;
      return title && title.length <= 31 ? { ...sheet, name: title, rows: sheet.rows.slice(1) } : sheet;
    });
    expect(sheets.filter((s) => tableTitle([s.name])).length).toBeGreaterThan(1);
    await check(writeXlsx(sheets), `${file}.xlsx`, 'xlsx');
  });

  it('as a .docx (paragraphs and Word tables): every gold figure and performance project', { timeout: 60_000 }, async () => {
    const result = await check(docxOf(text), `${file}.docx`, 'docx');
    expected.forEach((g, i) => expect(result.docs[i].projects.length).toBe(g.performance_projects));
  });
});
