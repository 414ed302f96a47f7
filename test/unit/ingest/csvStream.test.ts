import { describe, expect, it } from 'vitest';
import { readFormatCsvStream } from '../../../src/lib/ingest/csvStream';
import { documentsToRows, parseFormatCsv, rowsToCsv } from '../../../src/lib/model/formatCsv';
import { documents, renderDocument } from '../../../src/lib/synth';
import { readDisclosureText } from '../../../src/lib/ingest/index';
import type { StoredDocument } from '../../../src/lib/model/document';

const HEADER = 'doc_id,unit_code,unit_name,scope,stage,year,table,row_code,row_name,column,amount';
const read = (csv: string) => readFormatCsvStream(new Blob([new TextEncoder().encode(csv)]), 'x.csv', () => undefined, () => false);

/** The streaming reader must give exactly what the whole-text reader gives (docs, errors, lines). */
async function sameAsWholeText(csv: string) {
  const stream = await read(csv);
  if (!stream.ok) throw new Error(stream.error);
  const whole = parseFormatCsv(csv);
  expect(stream.docs).toEqual(whole.docs);
  expect(stream.errors).toEqual(whole.errors);
  return stream;
}

describe('readFormatCsvStream', () => {
  it('reads rows by the header\'s column order, bad rows reported by line', async () => {
    const csv = 'amount,column,row_name,row_code,table,year,stage,scope,unit_name,unit_code,doc_id,extra\r\n' +
      '1.50,amount,,income.general,summary,2023,budget,department,单位 甲,1,a,x\r\n' +
      '2,amount,,income.fund,summary,20x3,budget,department,单位 甲,1,a,x\r\n' +
      '"1,0",total,"名称,有逗号",total,expense,2023,budget,department,单位 甲,1,a\r\n' +
      "3,total,'=SUM(A1),201,expense,2023,budget,department,单位 甲,1,a,x\r\n";
    const r = await sameAsWholeText(csv);
    expect(r.rows).toBe(4);
    expect(r.docs[0].figures.map((f) => [f.rowCode, f.amount, f.source.line])).toEqual([['income.general', 1_500_000, 2], ['201', 3_000_000, 5]]);
    expect(r.docs[0].figures[1].rowName).toBe('=SUM(A1)');
    expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
  });

  it('a column named twice is read from its last occurrence (as when each row was an object)', async () => {
    const r = await read(`${HEADER},amount\na,1,单位,department,budget,2023,summary,income.general,,amount,1,2.5\n`);
    if (!r.ok) throw new Error(r.error);
    expect(r.docs[0].figures[0].amount).toBe(2_500_000);
  });

  it('refuses a header without the FORMAT columns', async () => {
    const r = await read('doc_id,amount\na,1\n');
    expect(r.ok).toBe(false);
  });

  it('a file of several chunks (over 1 MB) gives the same documents as the whole text', async () => {
    const docs: StoredDocument[] = [];
    for (const d of documents(40, 3)) {
      const r = readDisclosureText(renderDocument(d).text, 'x.txt');
      if (!r.ok) throw new Error(r.error);
      r.docs.forEach((doc, i) => docs.push({ ...doc, docId: `${d.unitCode}-${d.year}-${i}`, fileName: '' }));
    }
    const csv = rowsToCsv(documentsToRows(docs));
    expect(new TextEncoder().encode(csv).length).toBeGreaterThan(1 << 20);
    const r = await sameAsWholeText(csv);
    expect(r.errors).toEqual([]);
    expect(r.docs.length).toBe(docs.length);
  });
});
