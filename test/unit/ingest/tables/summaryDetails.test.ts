import { describe, expect, it } from 'vitest';
import { readDisclosureText } from '../../../../src/lib/ingest';
import type { ParsedDocument } from '../../../../src/lib/model/document';

/**
 * A 收支总表 whose expense side goes down to the 款 and 项 by name under each 类 (Shenzhen, Zhejiang: real
 * 2026 disclosures outside the corpus), and whose heads 「2026 年预算数」 a PDF parts into 「2026」 | 「年预算数」.
 * Before, each 款 and 项 said 「不是已知的收支项目」 on its own (up to 47 lines a document), and the head's
 * year, read as an amount, made the header row one of data (「目」 2026, a 类 row's amount lost).
 */
const read = (lines: readonly string[]): ParsedDocument => {
  const r = readDisclosureText(['部门名称：某某局', ...lines].join('\n'), 'summary.txt');
  if (!r.ok) throw new Error(r.error);
  return r.docs[0];
};
const summary = (head: string) => ['收支总表', '单位：万元', '收入\t\t支出\t', head,
  '一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t80.00', '\t\t信访事务\t80.00', '\t\t行政运行\t50.00', '\t\t信访业务\t30.00',
  '\t\t二、住房保障支出\t20.00', '\t\t住房改革支出\t20.00', '\t\t住房公积金\t20.00',
  '本年收入合计\t100.00\t本年支出合计\t100.00'];
const figures = (d: ParsedDocument) => Object.fromEntries(d.figures.filter((f) => f.table === 'summary').map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));

describe('a 收支总表 with 款 and 项 under its 类', () => {
  it('reads the 类 and says the 款 and 项 once', () => {
    const doc = read(summary('项目\t预算数\t项目\t预算数'));
    expect(figures(doc)).toEqual({ 'income.general': '100.00', 'expense.201': '80.00', 'expense.221': '20.00', 'income.current_total': '100.00', 'expense.current_total': '100.00' });
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('收支总表'))).toEqual([
      '「收支总表」支出按功能分类列到款、项，其下 5 行（「信访事务」等）未作为数字导入，只导入了各类；款、项的数见按功能分类的支出表',
    ]);
  });

  it('a head\'s year parted from its 年 is a head, not an amount', () => {
    const doc = read(summary('项\t目\t2026\t年预算数\t项目\t2026\t年预算数'));
    expect(figures(doc)['expense.201']).toBe('80.00');
    expect(doc.warnings.map((w) => w.message).filter((m) => /「目」|2026/.test(m))).toEqual([]);
  });
});
