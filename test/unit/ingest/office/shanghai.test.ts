import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { corpusBytes, mismatches, shanghaiGold } from '../pdf/corpus';
import { xlsxOf } from './fixtures';

// A Shanghai PDF's tables as a spreadsheet someone saved them to: the rows the PDF reader rebuilt,
// one table per sheet, amounts as numbers (元 tables, float noise). The .xlsx must give every gold
// figure the PDF gives, with the same document identity.
const golds = shanghaiGold();

describe.each(golds)('$file as .xlsx', (gold) => {
  it('gives every gold figure exactly, with the document\'s identity', { timeout: 120_000 }, async () => {
    const pdf = await importFile(corpusBytes(gold.file), gold.file, { openPdf: openPdfNode });
    if (!pdf.ok) throw new Error(pdf.error);
    const name = gold.file.replace(/\.pdf$/, '.xlsx');
    const result = await importFile(xlsxOf(pdf.text!), name);
    if (!result.ok) throw new Error(result.error);
    expect(result.office).toBe('xlsx');
    expect(result.docs).toHaveLength(1);
    expect(result.docs[0].meta).toEqual({ unitCode: gold.unit_code, unitName: gold.unit_name, scope: gold.scope, stage: gold.stage, year: gold.year });
    expect(mismatches(gold.figures, result.docs[0].figures), `${name}: gold figures not read exactly`).toEqual([]);
  });
});
