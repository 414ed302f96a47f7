import { describe, expect, it } from 'vitest';
import { documentsToRows, parseFormatCsv, rowsToCsv } from '../../../src/lib/model/formatCsv';
import { fromPayload, toPayload } from '../../../src/lib/share/payload';
import type { StoredDocument } from '../../../src/lib/model/document';

// The keys of FORMAT.md's Jiangsu section go through export, import and share links unchanged.
const FIGURES: [string, string, string, number][] = [
  ['fiscal_expense', '2040501', 'total', 11_786_920_000],
  ['fiscal_basic_expense', '30101', 'total', 2_509_000_000],
  ['operating_cost', '302', 'total', 9_050_000_000],
  ['three_public', 'total_with_meeting_training', 'total', 2_599_370_000],
  ['three_public', 'meeting', 'total', 228_000_000],
  ['three_public', 'training', 'total', 1_701_250_000],
  ['summary', 'expense.reserve', 'amount', 182_920_000],
  ['summary', 'income.other_funds', 'amount', 0],
  ['income', 'total', 'general_appropriation', 28_849_380_000],
  ['expense', 'total', 'reserve', 182_920_000],
  ['procurement', 'goods', 'total', 525_400_000],
];

const doc: StoredDocument = {
  docId: '324795c7efce', fileName: 'x.pdf', tables: [], projects: [], warnings: [],
  meta: { unitCode: '', unitName: '江苏省测试厅', scope: 'department', stage: 'budget', year: 2017 },
  figures: FIGURES.map(([table, rowCode, column, amount], i) => ({ table: table as StoredDocument['figures'][number]['table'], rowCode, rowName: rowCode, column, amount, source: { line: i + 1 } })),
};
const keyed = (d: StoredDocument) => d.figures.map((f) => [f.table, f.rowCode, f.column, f.amount]);

describe('Jiangsu keys', () => {
  it('round-trip through the FORMAT CSV', () => {
    const back = parseFormatCsv(rowsToCsv(documentsToRows([doc])));
    expect(back.errors).toEqual([]);
    expect(keyed(back.docs[0])).toEqual(FIGURES);
  });

  it('are accepted in a share link payload, and an unknown table still is not', () => {
    const back = fromPayload(JSON.parse(JSON.stringify(toPayload([doc]))));
    if (!back.ok) throw new Error(back.error);
    expect(keyed(back.docs[0])).toEqual(FIGURES);
    const bad = JSON.parse(JSON.stringify(toPayload([doc])).replace('"operating_cost"', '"made_up_table"'));
    expect(fromPayload(bad).ok).toBe(false);
  });
});
