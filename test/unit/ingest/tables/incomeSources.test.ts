import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { incomeBySource, seedText, readText as read } from './variants';

/**
 * The national 收入预算表 since 2020 heads its columns 合计 | 上年结转 | 一般公共预算拨款收入 | 政府性
 * 基金预算拨款收入 | 国有资本经营预算拨款收入 | 财政专户管理资金收入 | 单位资金 (事业收入 | 事业单位经营
 * 收入 | 其他收入). Before, the three appropriations were no keys of the table: 一般公共预算拨款收入 was
 * read as 单位资金, silently, since the row still added up. The real seed 003 with its 收入总表 printed
 * so: each row's 合计 as the seed has it, split between 一般公共预算 and 事业收入 (one tenth, to the fen).
 */
const errors = (d: StoredDocument) => auditDocuments([d])[0].findings.filter((f) => f.severity === 'error').map((f) => f.message);

describe('the national 收入预算表 by source', () => {
  for (const unitSubtotal of [false, true]) {
    it(`reads each source under its own head ${unitSubtotal ? 'with' : 'without'} a 单位资金 小计, and the audit finds what it finds in the seed`, async () => {
      const { text, expected } = incomeBySource(unitSubtotal);
      const doc = await read(text);
      const got = new Map(doc.figures.filter((f) => f.table === 'income').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
      expect(got).toEqual(expected);
      expect(doc.warnings.filter((w) => w.message.includes('收入'))).toEqual([]);
      expect(errors(doc)).toEqual(errors(await read(seedText)));
    });
  }

  it('finds a row whose sources do not add up to its 合计', async () => {
    const seed = errors(await read(seedText));
    const found = errors(await read(incomeBySource(false, '2014001').text)).filter((m) => !seed.includes(m));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/2014001 行.*合计 692\.95，而 一般公共预算资金 624\.65 \+ 事业收入 69\.30 = 693\.95.*应有：合计 = 一般公共预算资金 \+ 事业收入/);
  });
});
