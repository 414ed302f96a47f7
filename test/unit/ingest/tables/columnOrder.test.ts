import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { generalReordered, readText } from './variants';

/**
 * An expense table whose columns stand in another order than the template's: 基本支出 | 项目支出 |
 * 合计 (合计 last), 项目支出 | 基本支出 | 合计. Header words over their columns were trusted only when
 * 合计 came first (the seeds' merged header cells can stand a column off), so these were read in
 * template order: 合计 = the 基本支出 column, 项目支出 = the 合计 column, and the audit blamed every
 * row. Now the words' places are taken where the rows add up that way.
 */
const general = (d: StoredDocument) => new Map(d.figures.filter((f) => f.table === 'general_expense').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));

describe('an expense table\'s columns in another order', () => {
  for (const order of [['basic', 'project', 'total'], ['project', 'basic', 'total'], ['total', 'project', 'basic']] as const) {
    it(order.join(' | '), async () => {
      const v = generalReordered(order);
      const doc = await readText(v.text);
      expect(general(doc)).toEqual(v.expected);
      const findings = auditDocuments([doc])[0].findings.filter((f) => f.table === 'general_expense' && f.severity === 'error');
      expect(findings).toEqual([]);
    });
  }
});
