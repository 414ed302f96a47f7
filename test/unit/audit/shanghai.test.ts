import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { parseDecimal } from '../../../src/lib/model/amount';
import type { StoredDocument } from '../../../src/lib/model/document';
import type { TableKey } from '../../../src/lib/model/keys';
import { short } from './fixtures';
import { SHARED } from '../../support/shared';

const shared = SHARED;

interface ShDoc { file: string; doc_id: string; unit_code: string; unit_name: string; scope: 'department' | 'unit'; stage: 'budget' | 'final'; year: number; figures: [string, string, string, string][] }
const gold: { documents: ShDoc[] } = JSON.parse(readFileSync(path.join(shared, 'gold/shanghai-training.json'), 'utf8'));

/** The hand-checked Shanghai figures as documents (the PDFs are not importable yet): a second layout. */
const docs: StoredDocument[] = gold.documents.map((d) => ({
  docId: d.doc_id, fileName: d.file,
  meta: { unitCode: d.unit_code, unitName: d.unit_name, scope: d.scope, stage: d.stage, year: d.year },
  figures: d.figures.map(([table, rowCode, column, amount], i) => ({ table: table as TableKey, rowCode, rowName: '', column, amount: parseDecimal(amount)!, source: { line: i + 1 } })),
  tables: [], projects: [], warnings: [],
}));

describe('the Shanghai layout (元 tables, 机关运行经费 in the 三公 table)', () => {
  const audits = auditDocuments(docs);

  it('raises no error on the documents whose notes say no inconsistency is found in the figures', () => {
    for (const a of audits) {
      expect(a.findings.filter((f) => f.severity === 'error').map((f) => `${a.docId} ${f.message}`)).toEqual([]);
    }
  });

  it('runs the table checks on every document', () => {
    for (const a of audits) {
      const ran = a.checks.filter((c) => c.status === 'ran').map((c) => c.check);
      expect(ran).toEqual(expect.arrayContaining(['balance', 'cross_table', 'row_total', 'hierarchy', 'income_row']));
    }
  });

  it('finds the 决算 document’s known 0.01 differences as 尾差 (类 208 326.71 vs 326.72; 基本支出 301 and 302)', () => {
    const final = audits.find((a) => a.meta.stage === 'final')!;
    const roundings = final.findings.filter((f) => f.severity === 'rounding').map(short);
    expect(roundings).toEqual(expect.arrayContaining([
      'rounding summary/expense.208/amount', 'rounding expense/total/total', 'rounding basic_expense/301/total', 'rounding basic_expense/302/total',
    ]));
  });
});
