import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { basicPanels, readText } from './variants';

/**
 * The national 决算 template's 基本支出决算表: 科目编码 | 科目名称 | 决算数 panels side by side (人员经费
 * | 公用经费 | 公用经费 continued), their totals on one row across them. Two panels were read before;
 * three were not: codes of the second panel were read as amounts (301's 人员经费 = 302) and the
 * 公用经费合计 was lost. The real seed 003's rows, printed so as a 决算.
 */
const basic = (d: StoredDocument) => new Map(d.figures.filter((f) => f.table === 'basic_expense').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));

describe('基本支出决算表 printed in panels', () => {
  for (const panels of [2, 3] as const) {
    it(`${panels} panels: every row once under 决算数, both totals, nothing reported, no finding`, async () => {
      const v = basicPanels(panels);
      const doc = await readText(v.text);
      expect(doc.meta.stage).toBe('final');
      expect(basic(doc)).toEqual(v.expected);
      expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('基本支出'))).toEqual([]);
      const findings = auditDocuments([doc])[0].findings.filter((f) => f.table === 'basic_expense' && f.severity === 'error');
      expect(findings).toEqual([]);
    });
  }
});
