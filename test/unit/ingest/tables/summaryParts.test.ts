import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import { DocFigures } from '../../../../src/lib/compare/figures';
import { METRIC_BY_KEY, readMetric } from '../../../../src/lib/compare/metrics';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText, summaryByPurpose, summaryTable } from './variants';

/**
 * A 收支总表 whose expense side is by purpose, 人员经费 and 公用经费 printed as rows beneath 基本支出
 * (an older national template, still printed by some counties): the real seed 003 with its 收支总表
 * printed so (variants.ts).
 */
const printed = (...args: Parameters<typeof summaryByPurpose>): Promise<StoredDocument> => readText(summaryByPurpose(...args));

const expenseSide = (d: StoredDocument) =>
  d.figures.filter((f) => f.table === 'summary' && f.rowCode.startsWith('expense.')).map((f) => `${f.rowCode}/${f.column}=${f.amount / 1e6}`);

const summaryFindings = (d: StoredDocument) =>
  auditDocuments([d])[0].findings.filter((f) => f.table === 'summary' && f.severity !== 'warning').map((f) => f.message);

function metric(d: StoredDocument, key: string, drop: (f: StoredDocument['figures'][number]) => boolean) {
  const figs = new DocFigures();
  for (const f of d.figures) if (!drop(f)) figs.add({ docId: d.docId, table: f.table, rowCode: f.rowCode, rowName: f.rowName, column: f.column, amount: f.amount, line: f.source.line });
  return readMetric(figs, METRIC_BY_KEY.get(key)!);
}

describe('收支总表: 人员经费 and 公用经费 beneath 基本支出', () => {
  it('are 基本支出\'s columns, each its own row, nothing reported unread', async () => {
    const doc = await printed();
    expect(expenseSide(doc)).toEqual([
      'expense.basic/amount=1082', 'expense.basic/personnel=959.08', 'expense.basic/public=122.92', 'expense.project/amount=468.13',
      'expense.current_total/amount=1550.13', 'expense.grand_total/amount=1550.13',
    ]);
    // Before: the two labels were joined into one 「人员经费公用经费」 and reported as not imported.
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('收支总表'))).toEqual([]);
    expect(summaryFindings(doc)).toEqual([]);
  });

  it('reads 「（一）人员经费」「其中：日常公用经费」 and a bare 「基本支出」 the same way', async () => {
    const doc = await printed('959.08', '基本支出', ['（一）人员经费', '其中：日常公用经费']);
    expect(expenseSide(doc).slice(0, 3)).toEqual(['expense.basic/amount=1082', 'expense.basic/personnel=959.08', 'expense.basic/public=122.92']);
  });

  it('the audit checks 基本支出 = 人员经费 + 公用经费 and 本年支出 = 基本支出 + 项目支出', async () => {
    const doc = await printed('958.08');
    const found = summaryFindings(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('：基本支出 1082.00，而 人员经费 958.08 + 公用经费 122.92 = 1081.00（相差 1.00）。应有：基本支出 = 人员经费 + 公用经费');
    const project = await readText(summaryTable([
      '序号\t收入\t\t支出\t', '\t项目\t预算数\t项目\t预算数',
      '1\t一、一般公共预算拨款收入\t1550.13\t一、基本支出\t1082.00',
      '2\t\t\t二、项目支出\t478.13',
      '3\t本年收入合计\t1550.13\t本年支出合计\t1550.13',
      '4\t收入总计\t1550.13\t支出总计\t1550.13',
    ]));
    expect(summaryFindings(project).some((m) => m.includes('本年支出合计 1550.13，而 基本支出 1082.00 + 项目支出 478.13'))).toBe(true);
  });

  it('stand in for 基本支出, 人员经费, 公用经费 and 项目支出 where no other table prints them', async () => {
    const doc = await printed();
    // Without the 支出总表's and 基本支出表's totals (and the narrative's statements), the views read the 收支总表.
    const elsewhere = (f: StoredDocument['figures'][number]) => f.table === 'expense' || f.table === 'basic_expense' || f.table === 'facts';
    expect(metric(doc, 'basic', elsewhere)).toMatchObject({ amount: 1_082_000_000, source: { table: 'summary', rowCode: 'expense.basic', column: 'amount' } });
    expect(metric(doc, 'personnel', elsewhere)).toMatchObject({ amount: 959_080_000, source: { table: 'summary', column: 'personnel' } });
    expect(metric(doc, 'public', elsewhere)).toMatchObject({ amount: 122_920_000, source: { table: 'summary', column: 'public' } });
    expect(metric(doc, 'project', elsewhere)).toMatchObject({ amount: 468_130_000, source: { table: 'summary', rowCode: 'expense.project' } });
    // Where the 基本支出表 prints them, it is read first.
    expect(metric(doc, 'personnel', () => false)).toMatchObject({ source: { table: 'basic_expense' } });
  });
});

/**
 * A 收支总表 whose expense side splits each row into 合计 | 基本支出 | 项目支出 (no 人员经费 / 公用经费
 * columns), as some counties print it. Before, 项目支出 was read and 基本支出 reported 「多出一列」 on
 * every row, its amounts lost, and the row could not be added up.
 */
describe('收支总表: each expense row printed as 合计 | 基本支出 | 项目支出', () => {
  const table = (basic201 = '60.00') => ['2025年部门收支总表', '单位：万元', '收入\t\t支出\t\t\t', '项目\t预算数\t项目\t合计\t基本支出\t项目支出',
    `一、一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t90.00\t${basic201}\t30.00`, '二、政府性基金预算拨款收入\t10.00\t二、城乡社区支出\t20.00\t0.00\t20.00',
    '本年收入合计\t110.00\t本年支出合计\t110.00\t60.00\t50.00', '上年结转\t0.00\t结转下年\t0.00\t\t', '收入总计\t110.00\t支出总计\t110.00\t60.00\t50.00', ''].join('\n');

  it('reads both parts of every row, and the audit adds each row up', async () => {
    const doc = await readText(table());
    expect(expenseSide(doc).filter((f) => f.startsWith('expense.201/') || f.startsWith('expense.current_total/'))).toEqual([
      'expense.201/amount=90', 'expense.201/basic=60', 'expense.201/project=30', 'expense.current_total/amount=110', 'expense.current_total/basic=60', 'expense.current_total/project=50',
    ]);
    expect(doc.warnings.map((w) => w.message).filter((m) => m.includes('收支总表'))).toEqual([]);
    expect(summaryFindings(doc)).toEqual([]);
    expect(summaryFindings(await readText(table('61.00')))).toEqual([
      '收支总表 expense.201 行「一、一般公共服务支出」：一般公共服务支出 90.00，而 基本支出 61.00 + 项目支出 30.00 = 91.00（相差 -1.00）。应有：一般公共服务支出 = 基本支出 + 项目支出',
    ]);
  });
});
