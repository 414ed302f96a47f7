import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as audit } from '../../../../scripts/audit';
import { main as convert, type Io } from '../../../../scripts/convert';
import { importFile } from '../../../../src/lib/ingest/file';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { parseFormatCsv } from '../../../../src/lib/model/formatCsv';
import { SHARED } from '../../../support/shared';
import { mismatches } from '../pdf/corpus';
import { docxOf, xlsxOf } from './fixtures';

// Jiangsu's swbgt 2019 budget is a narrative PDF and a tables PDF. Saved as a Word narrative and an
// Excel workbook of its tables, the two files given together to `convert` and `audit` must be one
// document with the same figures as the two PDFs (the narrative's facts included), and the gold.
const corpus = join(SHARED, 'corpus/jiangsu');
const textPdf = 'jiangsu-swbgt-2019-dept-budget-text.pdf';
const tablesPdf = 'jiangsu-swbgt-2019-dept-budget-tables.pdf';
const gold = (JSON.parse(readFileSync(join(SHARED, 'gold/jiangsu-training.json'), 'utf8')).documents as { file: string; figures: string[][] }[]).find((d) => d.file === tablesPdf)!;
const dir = mkdtempSync(join(tmpdir(), 'office-pairs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Io & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const files = (async () => {
  const read = async (f: string) => {
    const r = await importFile(new Uint8Array(readFileSync(join(corpus, f))), f, { openPdf: openPdfNode });
    if (!r.ok) throw new Error(r.error);
    return r.text!;
  };
  const docx = join(dir, 'swbgt-2019-说明.docx');
  const xlsx = join(dir, 'swbgt-2019-报表.xlsx');
  writeFileSync(docx, docxOf(await read(textPdf)));
  writeFileSync(xlsx, xlsxOf(await read(tablesPdf)));
  return { docx, xlsx };
})();

const figureLines = (csv: string) =>
  parseFormatCsv(csv).docs.flatMap((d) => d.figures.map((f) => `${f.table}|${f.rowCode}|${f.column}|${f.amount}`)).sort();

describe('a .docx narrative and an .xlsx of its tables, given together', () => {
  it('convert: one document, the same figures as the two PDFs, every gold table figure', { timeout: 120_000 }, async () => {
    const { docx, xlsx } = await files;
    const office = capture();
    expect(await convert([docx, xlsx], office)).toBe(0);
    const pdfs = capture();
    await convert([join(corpus, textPdf), join(corpus, tablesPdf)], pdfs);
    const docs = parseFormatCsv(office.out).docs;
    expect(docs).toHaveLength(1);
    expect(docs[0].figures.some((f) => f.table === 'facts')).toBe(true);
    expect(figureLines(office.out)).toEqual(figureLines(pdfs.out));
    expect(mismatches(gold.figures.filter((f) => f[0] !== 'facts'), docs[0].figures)).toEqual([]);
  });

  it('audit: reads the same pair as one document', { timeout: 120_000 }, async () => {
    const { docx, xlsx } = await files;
    const io = capture();
    const code = await audit([docx, xlsx, '--json'], io);
    expect(code).toBeLessThan(2);
    const report = JSON.parse(io.out);
    const docs = Array.isArray(report) ? report : report.documents;
    expect(docs).toHaveLength(1);
  });
});
