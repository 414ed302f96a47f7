import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { basicSplit, seedText, readText as read } from './variants';

/**
 * The national 一般公共预算支出表 prints 基本支出 over 人员经费 | 公用经费, with a 小计 of its own or
 * without one. The real seed 003, its 一般公共预算财政拨款支出表 printed so (variants.ts basicSplit).
 * Before, 人员经费 was read as 项目支出.
 */
const errors = (d: StoredDocument) => auditDocuments([d])[0].findings.filter((f) => f.severity === 'error').map((f) => f.message);

describe('基本支出 printed over 人员经费 and 公用经费', () => {
  for (const withSubtotal of [true, false]) {
    it(`reads every cell under its own head ${withSubtotal ? 'with' : 'without'} a 小计, and the audit finds what it finds in the seed`, async () => {
      const { text, expected } = basicSplit(withSubtotal);
      const doc = await read(text);
      const got = new Map(doc.figures.filter((f) => f.table === 'general_expense' && f.column !== 'total' && f.column !== 'basic')
        .map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
      expect(got).toEqual(expected);
      expect(doc.figures.some((f) => f.table === 'general_expense' && f.column === 'basic')).toBe(withSubtotal);
      expect(doc.warnings.filter((w) => w.message.includes('支出表'))).toEqual([]);
      expect(errors(doc)).toEqual(errors(await read(seedText)));
    });
  }

  it('finds a split that does not add up, against 基本支出 or against 合计', async () => {
    const seed = errors(await read(seedText));
    const withSub = errors(await read(basicSplit(true, '2014001').text)).filter((m) => !seed.includes(m));
    expect(withSub).toHaveLength(1);
    expect(withSub[0]).toMatch(/2014001 行.*基本支出 692\.95.*人员经费.*公用经费.*应有：基本支出 = 人员经费 \+ 公用经费/);
    const without = errors(await read(basicSplit(false, '2014001').text)).filter((m) => !seed.includes(m));
    expect(without.some((m) => /2014001 行.*合计 692\.95.*应有：合计 = 人员经费 \+ 公用经费 \+ 项目支出/.test(m))).toBe(true);
  });
});
