import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { found, makeDoc, short, type F } from './fixtures';

const totals = (v: string, change: string): F[] => [
  ['summary', 'expense.grand_total', 'amount', v], ['facts', 'expense_total', 'amount', v], ['facts', 'change_vs_prior', 'amount', change],
];

describe('cross_document (check 9)', () => {
  it('reports a department and its only unit whose narratives disagree, on both documents (seed 004)', () => {
    const dept = makeDoc(totals('4527.73', '-74.65'), { docId: 'd', meta: { unitCode: '203', scope: 'department' } });
    const unit = makeDoc(totals('4527.73', '1693.18'), { docId: 'u', meta: { unitCode: '203001', scope: 'unit' } });
    const [a, b] = auditDocuments([dept, unit]);
    expect(found(a, 'cross_document')).toEqual(['error facts/change_vs_prior/amount']);
    expect(found(b, 'cross_document')).toEqual(['error facts/change_vs_prior/amount']);
    expect(a.findings.find((f) => f.check === 'cross_document')!.relatedDocId).toBe('u');
  });

  it('does not compare narratives when only some units are loaded, but reports units adding up to more than the department', () => {
    const dept = makeDoc(totals('100.00', '5.00'), { docId: 'd', meta: { unitCode: '203', scope: 'department' } });
    const part = makeDoc(totals('60.00', '9.00'), { docId: 'u1', meta: { unitCode: '203001', scope: 'unit' } });
    expect(found(auditDocuments([dept, part])[0], 'cross_document')).toEqual([]);
    const more = makeDoc(totals('50.00', '1.00'), { docId: 'u2', meta: { unitCode: '203002', scope: 'unit' } });
    expect(found(auditDocuments([dept, part, more])[0], 'cross_document')).toEqual(['error summary/expense.grand_total']);
  });

  it('checks this year’s stated 比上年增减 against last year’s loaded document (a warning: the base may differ)', () => {
    const prior = makeDoc(totals('1000.00', '0'), { docId: 'p', meta: { year: 2022 } });
    const now = makeDoc(totals('1100.00', '100.00'), { docId: 'n', meta: { year: 2023 } });
    expect(found(auditDocuments([prior, now])[1], 'cross_document')).toEqual([]);
    const wrong = makeDoc(totals('1100.00', '90.00'), { docId: 'n', meta: { year: 2023 } });
    expect(found(auditDocuments([prior, wrong])[1], 'cross_document')).toEqual(['warning facts/change_vs_prior/amount']);
  });

  it('is 未执行 when no related document is loaded', () => {
    const [a] = auditDocuments([makeDoc(totals('1.00', '0'))]);
    expect(a.checks.find((c) => c.check === 'cross_document')!.status).toBe('not_run');
  });
});

describe('completeness (check 10)', () => {
  it('passes nine tables present or empty, warns on missing ones, and cannot run on a CSV import', () => {
    expect(auditDocuments([makeDoc([])])[0].findings.filter((f) => f.check === 'completeness')).toEqual([]);
    const missing = auditDocuments([makeDoc([], { tables: ['summary', 'income'] })])[0];
    expect(missing.findings.filter((f) => f.check === 'completeness').map(short)).toEqual(['warning document/']);
    const csv = auditDocuments([makeDoc([], { tables: 'none' })])[0];
    expect(csv.checks.find((c) => c.check === 'completeness')!.status).toBe('not_run');
  });
});
