import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../../../src/lib/ingest/file';
import { documentsToRows, neutralizeCell, parseFormatCsv, rowsToCsv } from '../../../src/lib/model/formatCsv';
import type { StoredDocument } from '../../../src/lib/model/document';
import { seedsDir } from '../../support/shared';

const seeds = seedsDir;

async function seedDocs(): Promise<StoredDocument[]> {
  const docs: StoredDocument[] = [];
  for (const name of ['000_90f61d72552513ea.txt', '004_4e927ba8514049a8.txt']) {
    const r = await importFile(new Uint8Array(readFileSync(path.join(seeds, name))), name);
    if (!r.ok) throw new Error(r.error);
    docs.push(...r.docs);
  }
  return docs;
}

describe('FORMAT CSV', () => {
  it('round-trips: export → import → export gives the same bytes', async () => {
    const first = rowsToCsv(documentsToRows(await seedDocs()));
    const back = parseFormatCsv(first);
    expect(back.errors).toEqual([]);
    expect(back.docs.length).toBe(3);
    const second = rowsToCsv(documentsToRows(back.docs));
    expect(second).toBe(first);
  });

  it('reads a BOM and CRLF, and reports bad rows by line with the reason', () => {
    const csv = '\uFEFFdoc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount\r\n' +
      'a,1,单位,department,budget,2023,summary,income.general,,amount,1.50\r\n' +
      'a,1,单位,department,budget,20x3,summary,income.fund,,amount,2\r\n' +
      'a,1,单位,department,budget,2023,nonsense,total,,total,2\r\n' +
      'a,1,单位,department,budget,2023,expense,total,,total,1e5\r\n';
    const { docs, errors } = parseFormatCsv(csv);
    expect(docs[0].figures.map((f) => f.amount)).toEqual([1_500_000]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(errors[0].message).toContain('year');
    expect(errors[1].message).toContain('nonsense');
    expect(errors[2].message).toContain('1e5');
  });

  it('refuses a CSV without the FORMAT header', () => {
    const { docs, errors } = parseFormatCsv('name,value\nx,1\n');
    expect(docs).toEqual([]);
    expect(errors[0].message).toContain('表头缺少列');
  });
});

describe('formula injection', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"], ['+1', "'+1"], ['@cmd', "'@cmd"], ['\tx', "'\tx"], ['\rx', "'\rx"],
    ['\nx', "'\nx"], ['\0x', "'\0x"], ['-cmd', "'-cmd"], ['-', "'-"],
  ])('neutralizes %j', (cell, expected) => {
    expect(neutralizeCell(cell)).toBe(expected);
  });

  it.each(['-12.5', '-0.01', '1441.70', '开发区群众工作局', '2010301', ''])('leaves %j alone', (cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });

  it('protects every text cell of an export and restores it on import', () => {
    const doc: StoredDocument = {
      docId: 'x', fileName: '', warnings: [], tables: [], projects: [],
      meta: { unitCode: '=1+1', unitName: '@SUM(1)', scope: 'unit', stage: 'final', year: 2024 },
      figures: [{ table: 'facts', rowCode: 'change_vs_prior', rowName: '-HYPERLINK("x")', column: 'amount', amount: -12_500_000, source: { line: 1 } }],
    };
    const csv = rowsToCsv(documentsToRows([doc]));
    const line = csv.split('\r\n')[1];
    expect(line).toContain("'=1+1");
    expect(line).toContain("'@SUM(1)");
    expect(line).toContain(`"'-HYPERLINK(""x"")"`);
    expect(line.endsWith(',-12.50')).toBe(true);
    const back = parseFormatCsv(csv).docs[0];
    expect(back.meta.unitCode).toBe('=1+1');
    expect(back.figures[0].rowName).toBe('-HYPERLINK("x")');
  });
});
