import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import type { PerformanceProject } from '../../../src/lib/model/document';
import { makeDoc } from './fixtures';
import { auditText, narrativeDoc, of } from './narrativeFixtures';

const run = (d: ReturnType<typeof makeDoc>) => auditDocuments([d])[0];

describe('never blame the document for what the importer could not read (item 1)', () => {
  it('a cell the importer warned about is 未能读取: the row relation is 未执行, never 「空白」 or an error', () => {
    const doc = makeDoc([['expense', 'total', 'basic', '10.00'], ['expense', 'total', 'project', '5.00'], ['expense', '201', 'total', '15.00'], ['expense', '201', 'basic', '10.00'], ['expense', '201', 'project', '5.00']]);
    doc.warnings.push({ message: '「支出总表」合计行合计未能读取', table: 'expense', rowCode: 'total', column: 'total', kind: 'unread_cell' });
    const a = run(doc);
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(a.findings.some((f) => f.actual === '空白')).toBe(false);
    expect(a.checks.find((c) => c.check === 'row_total')!.notRun.join()).toContain('未能读取');
    // Without the warning the same blank 合计 is the document's error.
    expect(of(run(makeDoc([['expense', 'total', 'basic', '10.00'], ['expense', 'total', 'project', '5.00']])), 'row_total', ['error'])).toEqual(['error expense/total']);
  });

  it('a warned line marks only its own file: a narrative PDF joined to its tables has a line 1 too', () => {
    // Row 201 is printed on lines 1–3 and breaks its sum (15 ≠ 10 + 4).
    const rows = () => makeDoc([['expense', '201', 'total', '15.00'], ['expense', '201', 'basic', '10.00'], ['expense', '201', 'project', '4.00']]);
    const own = rows();
    own.warnings.push({ message: '金额无法读取', source: { line: 1 } });
    expect(of(run(own), 'row_total', ['error'])).toEqual([]);
    const other = rows();
    other.warnings.push({ message: '「说明.pdf」金额无法读取', source: { line: 1, file: 'narrative-hash' } });
    expect(of(run(other), 'row_total', ['error'])).toEqual(['error expense/201']);
  });

  it('a table the importer saw but could not read is not a gap of the document: no completeness warning, its checks 未执行', () => {
    const doc = makeDoc([['summary', 'income.grand_total', 'amount', '1.00']]);
    doc.tables.find((t) => t.table === 'expense')!.status = 'unreadable';
    const a = run(doc);
    expect(of(a, 'completeness')).toEqual([]);
    expect(a.checks.find((c) => c.check === 'completeness')!.notRun.join()).toContain('未能读取');
    expect(a.checks.find((c) => c.check === 'row_total')!.notRun.join()).toContain('未能读取');
  });

  it('a narrative item whose table row is unread is not compared', () => {
    const doc = narrativeDoc('7.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”887.36万元，主要用于缴纳职业年金支出。');
    doc.tables.find((t) => t.table === 'general_expense')!.status = 'unreadable';
    doc.tables.find((t) => t.table === 'expense')!.status = 'unreadable';
    expect(of(auditDocuments([doc])[0], 'narrative_item')).toEqual([]);
  });
});

describe('totals the narrative states (check 8)', () => {
  it('a fund’s income and expense of the same amount with different changes (sww 2025)', () => {
    const text = '2025年，上海市普陀区商务委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年预算执行数增加\n24,558.18万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。\n支出预算37,151.47万元，其中：财政拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元。';
    const a = auditText(text, [], { meta: { year: 2025 } });
    expect(of(a, 'narrative', ['error'])).toEqual(['error facts/change_vs_prior']);
    expect(of(auditText(text.replace('24,558.18', '24,491.71'), [], { meta: { year: 2025 } }), 'narrative', ['error'])).toEqual([]);
  });

  it('「财政拨款收入支出总计0.3万元」 against the 财政拨款收支总表 (czj 2024 决算)', () => {
    const text = '四、财政拨款收入支出决算总体情况说明上海市普陀区财政局 2024 年度财政拨款收入支出总计 0.3 万元。与 2023 年度相比，财政拨款收入支出总计持平。';
    const a = auditText(text, [['fiscal_summary', 'income.grand_total', 'amount', '2961.68']], { meta: { year: 2024, stage: 'final' } });
    expect(of(a, 'narrative', ['error'])).toEqual(['error fiscal_summary/income.grand_total']);
  });
});

describe('the twelve-table relations (check 2, issue 12)', () => {
  it('财政拨款支出表 = 一般公共预算 + 政府性基金, code by code', () => {
    const ok = makeDoc([['fiscal_expense', '204', 'total', '30.00'], ['general_expense', '204', 'total', '20.00'], ['fund_expense', '204', 'total', '10.00']]);
    expect(of(run(ok), 'cross_table')).toEqual([]);
    const bad = makeDoc([['fiscal_expense', '204', 'total', '31.00'], ['general_expense', '204', 'total', '20.00'], ['fund_expense', '204', 'total', '10.00']]);
    expect(of(run(bad), 'cross_table')).toEqual(['error fiscal_expense/204']);
  });

  it('机关运行经费表 against 302: a warning, and nothing when the narrative explains its 口径 (gjfy 2017)', () => {
    const figures: [never, string, string, string][] = [['operating_cost' as never, 'total', 'total', '9193.40'], ['basic_expense' as never, '302', 'total', '3528.37']];
    expect(of(run(makeDoc(figures)), 'cross_table')).toEqual(['warning operating_cost/total']);
    const explained = '主要原因是本年机关运行经费统计口径与上年不一致，本年机关运行经费统计口径含单位发展项目经费中商品服务支出及办公设备购置费。';
    expect(of(auditText(explained, figures), 'cross_table')).toEqual([]);
  });

  it('三公: the table’s 合计 with 会议费 and 培训费 = 三公小计 + 会议费 + 培训费', () => {
    const doc = (withMT: string) => makeDoc([['three_public', 'total_with_meeting_training', 'total', withMT], ['three_public', 'total', 'total', '670.12'], ['three_public', 'subtotal', 'total', '670.12'],
      ['three_public', 'overseas', 'total', '180.00'], ['three_public', 'vehicle', 'total', '304.40'], ['three_public', 'reception', 'total', '185.72'], ['three_public', 'meeting', 'total', '228.00'], ['three_public', 'training', 'total', '1701.25']]);
    expect(of(run(doc('2599.37')), 'three_public')).toEqual([]);
    expect(of(run(doc('2600.37')), 'three_public')).toEqual(['error three_public/total_with_meeting_training']);
  });
});

describe('绩效目标表 (check 15)', () => {
  const project = (amount: number, fiscal: number, other: number | null): PerformanceProject => ({
    code: 'p', name: '信息化运维', amount, fiscalAmount: fiscal, otherAmount: other, goals: '', indicators: [], source: { line: 1 },
  });
  it('a form’s amount against its own 其中 lines', () => {
    const d = makeDoc([]);
    d.projects = [project(50_000_000, 40_000_000, 10_000_000), project(60_000_000, 40_000_000, 10_000_000)];
    expect(of(run(d), 'performance')).toEqual(['error document/']);
  });
  it('a national per-project form: 年度资金申请总额 = 当年财政拨款 + 上年结转 + 其他资金', () => {
    const d = makeDoc([]);
    d.projects = [{ ...project(86_000_000, 80_000_000, 2_000_000), carryoverAmount: 4_000_000 }];
    expect(of(run(d), 'performance')).toEqual([]);
    d.projects = [{ ...project(86_000_000, 80_000_000, 2_000_000), carryoverAmount: 0 }];
    expect(run(d).findings.filter((f) => f.check === 'performance').map((f) => f.message)).toEqual([
      expect.stringContaining('其中财政拨款 80.00 + 上年结转 0.00 + 其他资金 2.00 = 82.00'),
    ]);
  });
  it('the number and total of forms the narrative states against the forms printed (gjfy 2018 wording)', () => {
    const d = narrativeDoc('（一）预算绩效目标设置情况说明2018 年本部门共 2 个项目实行绩效目标管理，涉及财政性资金合计 110 万元。');
    d.projects = [project(50_000_000, 50_000_000, null), project(50_000_000, 50_000_000, null)];
    expect(of(auditDocuments([d])[0], 'performance')).toEqual(['error document/']);
    d.projects.push(project(10_000_000, 10_000_000, null));
    expect(of(auditDocuments([d])[0], 'performance')).toEqual(['warning document/']);
  });
  it('the 情况说明 template’s 「实行绩效目标管理的项目N个，涉及一般公共预算当年财政拨款X万元」: the count is checked, that part of the funds is not', () => {
    const text = (n: number) => `三、预算绩效情况说明2024年本部门实行绩效目标管理的项目${n}个，涉及一般公共预算当年财政拨款80.00万元。`;
    const d = narrativeDoc(text(3));
    d.projects = [project(50_000_000, 50_000_000, null), project(60_000_000, 60_000_000, null)];
    // Before, this wording was not read: 「没有所列项目数」, and a form missing went unseen.
    expect(of(auditDocuments([d])[0], 'performance')).toEqual(['warning document/']);
    // The forms print no 一般公共预算 part of their funds: 80.00 against 110.00 is no finding.
    const ok = narrativeDoc(text(2));
    ok.projects = d.projects;
    expect(of(auditDocuments([ok])[0], 'performance')).toEqual([]);
    expect(auditDocuments([ok])[0].checks.find((c) => c.check === 'performance')!.comparisons).toBeGreaterThan(0);
  });

  it.each([
    ['纳入绩效目标管理的项目共2个，涉及资金110.00万元。'],
    ['本部门2个项目编制了绩效目标，涉及资金合计110.00万元。'],
    ['编制绩效目标的项目2个，涉及项目预算资金110.00万元。'],
  ])('「%s」 is read: count and funds', (sentence) => {
    const d = narrativeDoc(`四、绩效目标设置情况${sentence}`);
    d.projects = [project(50_000_000, 50_000_000, null), project(50_000_000, 50_000_000, null)];
    expect(auditDocuments([d])[0].findings.filter((f) => f.check === 'performance').map((f) => f.message)).toEqual([
      expect.stringContaining('说明称 2 个项目涉及资金合计 110.00 万元，而 2 张绩效目标表的项目资金之和为 100.00'),
    ]);
  });

  it('the national wording 「编报绩效目标的项目N个，涉及项目预算资金X万元」 is checked the same way', () => {
    const d = narrativeDoc('四、绩效目标设置情况按照总体要求，本部门开展了项目预算绩效目标编报工作，编报绩效目标的项目2个，涉及项目预算资金110.00万元。');
    d.projects = [project(50_000_000, 50_000_000, null), project(60_000_000, 60_000_000, null)];
    expect(of(auditDocuments([d])[0], 'performance')).toEqual([]);
    d.projects[1] = project(50_000_000, 50_000_000, null);
    expect(auditDocuments([d])[0].findings.filter((f) => f.check === 'performance').map((f) => f.message)).toEqual([
      expect.stringContaining('说明称 2 个项目涉及资金合计 110.00 万元，而 2 张绩效目标表的项目资金之和为 100.00'),
    ]);
  });
});
