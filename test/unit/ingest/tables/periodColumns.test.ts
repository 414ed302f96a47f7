import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { periodColumn } from '../../../../src/lib/ingest/tables/periods';
import { generalByYear, readText, summaryTable } from './variants';

/**
 * Tables whose amount columns are headed by a year or a phase instead of a purpose (科目 |
 * 2023年预算数 | 2024年预算数 | 增减额 | 增减%). Before, they were read by place as 合计 | 基本支出 |
 * 项目支出: last year's budget became this year's 合计, this year's the 基本支出 and the change the
 * 项目支出, and the audit then reported the document's sums as wrong. The real seed 003 (2024) with
 * its 一般公共预算支出表 or 收支总表 printed so (variants.ts).
 */
const general = (d: StoredDocument) => new Map(d.figures.filter((f) => f.table === 'general_expense').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
const warned = (d: StoredDocument, table: string) => d.warnings.map((w) => w.message).filter((m) => m.includes(table));
const thisYear = (expected: Map<string, string>) => new Map([...expected].map(([code, v]) => [`${code}/total`, v]));
const only = (got: Map<string, string>, column: string) => new Map([...got].filter(([k]) => k.endsWith(`/${column}`)));

describe('amount columns by year or phase', () => {
  it('一般公共预算支出表 2023年预算数 | 2024年预算数 | 增减额 | 增减%: this year\'s as the figure, last year\'s and the change beside it, the ratio reported', async () => {
    const v = generalByYear(['prior=2023年预算数', 'own=2024年预算数', 'change=增减额', 'pct=增减%']);
    const doc = await readText(v.text);
    const got = general(doc);
    expect(only(got, 'total')).toEqual(thisYear(v.expected));
    expect(only(got, 'prior_year').size).toBe(v.expected.size);
    expect(only(got, 'change').size).toBe(v.expected.size);
    expect(warned(doc, '一般公共预算')).toEqual(['「部门预算一般公共预算财政拨款支出表」「增减%」一列是增减额或增减幅度，未导入']);
    // The audit finds nothing wrong with the table's own sums (before: 合计 ≠ 基本 + 项目 on every row).
    const audit = auditDocuments([doc])[0];
    expect(audit.findings.filter((f) => f.table === 'general_expense' && f.severity === 'error')).toEqual([]);
  });

  it('上年预算数 | 本年预算数 | 比上年增减, and this year printed first', async () => {
    for (const head of [['prior=上年预算数', 'own=本年预算数', 'change=比上年增减'], ['own=2024年预算数', 'prior=2023年预算数', 'change=增减']]) {
      const v = generalByYear(head);
      const doc = await readText(v.text);
      expect(only(general(doc), 'total'), head.join()).toEqual(thisYear(v.expected));
      expect(only(general(doc), 'prior_year').size, head.join()).toBe(v.expected.size);
      expect(warned(doc, '一般公共预算'), head.join()).toEqual([]);
    }
  });

  it('a 决算 with 预算数 | 决算数 | 增减: the 决算数 is the figure, the 预算数 its 年初预算', async () => {
    const v = generalByYear(['prior=预算数', 'own=决算数', 'change=增减'], 'final');
    const doc = await readText(v.text);
    expect(doc.meta.stage).toBe('final');
    const got = general(doc);
    expect(new Map([...got].filter(([k]) => k.endsWith('/total')))).toEqual(thisYear(v.expected));
    expect([...got.keys()].filter((k) => k.endsWith('/initial_budget'))).toHaveLength(v.expected.size);
    expect(warned(doc, '一般公共预算')).toEqual(['「部门决算一般公共预算财政拨款支出表」「增减」一列是增减额或增减幅度，未导入']);
  });

  it('收支总表 with 2023年预算数 | 2024年预算数 on each side', async () => {
    const doc = await readText(summaryTable([
      '收入\t\t\t支出\t\t', '项目\t2023年预算数\t2024年预算数\t项目\t2023年预算数\t2024年预算数',
      '一、一般公共预算拨款收入\t1500.00\t1550.13\t一、一般公共服务支出\t1200.00\t1237.14',
      '二、政府性基金预算拨款收入\t\t\t二、社会保障和就业支出\t170.00\t168.06',
      '\t\t\t三、卫生健康支出\t60.00\t74.05',
      '\t\t\t四、住房保障支出\t70.00\t70.88',
      '本年收入合计\t1500.00\t1550.13\t本年支出合计\t1500.00\t1550.13',
      '收入总计\t1500.00\t1550.13\t支出总计\t1500.00\t1550.13',
    ]));
    const summary = new Map(doc.figures.filter((f) => f.table === 'summary').map((f) => [`${f.rowCode}/${f.column}`, (f.amount / 1e6).toFixed(2)]));
    expect(only(summary, 'amount')).toEqual(new Map([
      ['income.general/amount', '1550.13'], ['expense.201/amount', '1237.14'], ['expense.208/amount', '168.06'], ['expense.210/amount', '74.05'],
      ['expense.221/amount', '70.88'], ['income.current_total/amount', '1550.13'], ['expense.current_total/amount', '1550.13'],
      ['income.grand_total/amount', '1550.13'], ['expense.grand_total/amount', '1550.13'],
    ]));
    expect(summary.get('income.general/prior_year')).toBe('1500.00');
    expect(warned(doc, '收支总表')).toEqual([]);
  });

  it('the audit checks 增减额 = 本年 − 上年 on each row', async () => {
    const v = generalByYear(['prior=2023年预算数', 'own=2024年预算数', 'change=增减额']);
    // 行政运行 (2014001): its 增减额 printed 1.00 too high.
    const lines = v.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('2014001\t行政运行\t'));
    const [code, name, before, now, change] = lines[at].split('\t');
    const printed = (Number(change) + 1).toFixed(2);
    lines[at] = [code, name, before, now, printed].join('\t');
    const found = auditDocuments([await readText(lines.join('\n'))])[0].findings.filter((f) => f.table === 'general_expense' && f.severity === 'error');
    // The row's own relation; the 款 above it no longer sums its 项 in that column either (hierarchy).
    expect(found.map((f) => [f.check, f.rowCode, f.column])).toEqual([['row_total', '2014001', 'change'], ['hierarchy', '20140', 'change']]);
    expect(found[0].message).toContain(`增减额 ${printed}，而 本年 ${now} + 减上年 -${before} = ${change}（相差 1.00）`);
  });

  it('a ratio column left does not stop the audit judging the row it was reported on', async () => {
    const v = generalByYear(['prior=2023年预算数', 'own=2024年预算数', 'change=增减额', 'pct=增减%']);
    // The 合计 row is the first with a 增减% cell, where the column's warning points; its 增减额 is off by 1.00.
    const lines = v.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('\t合计\t'));
    const cells = lines[at].split('\t');
    cells[4] = (Number(cells[4]) + 1).toFixed(2);
    lines[at] = cells.join('\t');
    const doc = await readText(lines.join('\n'));
    expect(warned(doc, '一般公共预算')).toEqual(['「部门预算一般公共预算财政拨款支出表」「增减%」一列是增减额或增减幅度，未导入']);
    const found = auditDocuments([doc])[0].findings.filter((f) => f.table === 'general_expense' && f.check === 'row_total');
    expect(found.map((f) => [f.rowCode, f.column])).toEqual([['total', 'change']]);
  });

  it('says what each header names, for the stage and year of the document', () => {
    const budget2024 = { year: 2024, title: { year: 2024, stage: 'budget' as const } } as Parameters<typeof periodColumn>[1];
    const final2024 = { year: 2024, title: { year: 2024, stage: 'final' as const } } as Parameters<typeof periodColumn>[1];
    const cases: [string, typeof budget2024, string | null | undefined][] = [
      ['2024年预算数', budget2024, 'total'], ['本年预算数', budget2024, 'total'], ['2023年预算数', budget2024, 'prior_year'], ['上年预算数', budget2024, 'prior_year'],
      ['2022年预算数', budget2024, null], ['2023年执行数', budget2024, null], ['增减额', budget2024, 'change'], ['比上年增减', budget2024, 'change'], ['增长率%', budget2024, null],
      ['决算数', final2024, 'total'], ['预算数', final2024, 'initial_budget'], ['全年预算数', final2024, 'full_year_budget'], ['2023年决算数', final2024, 'prior_year'], ['上年预算数', final2024, null],
      ['科目名称', budget2024, undefined], ['合计', budget2024, undefined],
    ];
    for (const [words, t, key] of cases) expect(periodColumn(words, t), words).toBe(key);
  });
});
