import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { DocView } from '../../../src/lib/audit/docView';
import { sectionOf } from '../../../src/lib/audit/narrativeStatements';
import { auditText, narrativeDoc, of } from './narrativeFixtures';
import type { F } from './fixtures';

// Sentences of the Shanghai and Jiangsu training documents; tables as the documents print them.
const CZJ_7 = '7.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”887.36万\n元，主要用于缴纳职业年金支出。';
const CZJ_5 = '5.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”87.70万元，主要用于局本\n部人员的退休经费支出。';

describe('narrative items (check 11): amount against the table at the stated precision', () => {
  it('887.36 in the narrative against 87.3617 in the table is an error on facts/2080506 (czj 2025, item 7)', () => {
    const a = auditText(CZJ_7, [['general_expense', '2080506', 'total', '87.3617']]);
    expect(of(a, 'narrative_item')).toEqual(['error facts/2080506']);
    const f = a.findings.find((x) => x.check === 'narrative_item')!;
    expect(f.quote).toContain('887.36');
    expect(f.message).toContain('87.3617');
  });

  it('87.70 for a table’s 87.708 is truncated, not rounded: 尾差 (czj 2025, item 5)', () => {
    expect(of(auditText(CZJ_5, [['general_expense', '2080501', 'total', '87.708']]), 'narrative_item')).toEqual(['rounding facts/2080501']);
    expect(of(auditText(CZJ_5, [['general_expense', '2080501', 'total', '87.7']]), 'narrative_item')).toEqual([]);
  });

  it('a whole-万元 statement is compared in whole 万元: 「4,614万元」 and 「2,012万元」 against 4,614.00 and 2,011.5169', () => {
    const text = '2. “一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务”科目4,614万元，主要用于其他项目支出。\n4. “一般公共服务支出-政府办公厅（室）及相关机构事务-其他政府办公厅（室）及相关机构事务支出”科目2,012万元，主要用于未单独设置项级科目的其他项目支出。';
    const a = auditText(text, [['general_expense', '2010302', 'total', '4614.00'], ['general_expense', '2010399', 'total', '2011.5169']]);
    expect(of(a, 'narrative_item')).toEqual([]);
    expect(of(auditText(text, [['general_expense', '2010302', 'total', '4614.00'], ['general_expense', '2010399', 'total', '2010.4']]), 'narrative_item')).toEqual(['error facts/2010399']);
  });

  it('the sentence’s own 「预算安排」 against its heading (the 2026 template of issue 13)', () => {
    const text = '1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元。行政运行（项）2026年预算安排1,632.18万元，比2025年预算执行数1,500.00万元增加8.8%，主要原因是人员经费增加。';
    const a = auditText(text, [['general_expense', '2010601', 'total', '1623.18']]);
    expect(of(a, 'narrative_item')).toEqual(['error facts/2010601']);
    expect(a.findings.find((f) => f.check === 'narrative_item')!.message).toContain('预算安排');
  });

  it('a narrative printing its items\' codes names them as the tables do: 「医疗卫生与计划生育支出（210类）」 against the tables\' 卫生健康支出', () => {
    const text = '6、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）98.27万元。主要用于：行政单位医疗支出。';
    const tables = (className: string): [...F, string][] => [
      ['general_expense', '210', 'total', '98.27', className],
      ['general_expense', '21011', 'total', '98.27', '行政事业单位医疗'],
      ['general_expense', '2101101', 'total', '98.27', '行政单位医疗'],
    ];
    const a = auditText(text, tables('卫生健康支出'));
    expect(of(a, 'narrative_item')).toEqual(['warning facts/210']);
    expect(a.findings.find((f) => f.check === 'narrative_item')!.message).toContain('卫生健康支出');
    expect(of(auditText(text, tables('医疗卫生与计划生育支出')), 'narrative_item')).toEqual([]);
    // A name one side shortens is the same name.
    expect(of(auditText(text, tables('医疗卫生与计划生育')), 'narrative_item')).toEqual([]);
  });

  it('a base printed as 0 is exact: 0 → 0.31 is an increase, not 「基本持平」', () => {
    const text = '1.“社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）”0.31万元。2024年当年预算执行数为0万元，2025年预算安排0.31万元，比2024年预算执行数增加100.00%。';
    expect(of(auditText(text, [['general_expense', '2080599', 'total', '0.31']]), 'narrative_item')).toEqual([]);
    expect(of(auditText(text.replace('增加100.00%', '持平'), [['general_expense', '2080599', 'total', '0.31']]), 'narrative_item')).toEqual(['error facts/2080599']);
  });

  it('the direction word against the figures: 「增加」 while the amount is below the stated base', () => {
    const text = '1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，比2025年预算执行数1,700.00万元增加4.5%，主要原因是人员经费增加。';
    expect(of(auditText(text, [['general_expense', '2010601', 'total', '1623.18']]), 'narrative_item')).toEqual(['error facts/2010601']);
  });

  it('a 类’s change against its items’ (Jiangsu gjfy 2018: 2687.77 against the items’ 2677.77)', () => {
    const text = [
      '其中：',
      '（一）公共安全（类）',
      '1 ．公共安全（类）支出 28200.88 万元，与上年相比增加 2687.77 万元，增长 10.53 % 。',
      '2 ．法院（款）行政运行（项）支出 14857.61 万元，与上年相比增加 3070.69 万元，增长 26.05 % 。',
      '3 ．法院（款）一般行政事务管理（项）支出 6049.97 万元，与上年相比减少 392.92 万元，减少 5.95 % 。',
      '4 ．法院（款）机关服务（项）支出 7293.30 万元，与上年一致。',
    ].join('\n');
    const a = auditText(text, [['general_expense', '204', 'total', '28200.88'], ['general_expense', '2040501', 'total', '14857.61'], ['general_expense', '2040502', 'total', '6049.97'], ['general_expense', '2040503', 'total', '7293.30']]);
    expect(of(a, 'narrative_item')).toEqual(['error facts/204']);
    expect(a.findings.find((f) => f.rowCode === '204')!.message).toContain('2677.77');
  });

  // 国家信访局 2024 决算 (a real disclosure outside the corpus): two of its 信访事务 项 (一般行政管理事务,
  // 机关服务) are printed in none of its tables, so no code was found for them, and the 类 was judged
  // against the other items alone: 9,846.82 against 9,612.93, a false error.
  it('a 类 with an item whose code was found nowhere is 未核对, not an error', () => {
    const text = [
      '其中：',
      '（一）公共安全（类）',
      '1 ．公共安全（类）支出 28200.88 万元，与上年相比增加 2677.77 万元，增长 10.49 % 。',
      '2 ．法院（款）行政运行（项）支出 14857.61 万元，与上年相比增加 3070.69 万元，增长 26.05 % 。',
      '3 ．法院（款）审判专项业务（项）支出 6049.97 万元，与上年相比减少 392.92 万元，减少 6.10 % 。',
      '4 ．法院（款）机关服务（项）支出 7293.30 万元，与上年一致。',
    ].join('\n');
    const a = auditText(text, [['general_expense', '204', 'total', '28200.88'], ['general_expense', '2040501', 'total', '14857.61'], ['general_expense', '2040503', 'total', '7293.30']]);
    expect(of(a, 'narrative_item', ['error'])).toEqual([]);
    expect(a.checks.find((c) => c.check === 'narrative_item')!.notRun.join()).toContain('其下 1 项（「');
  });

  it('a 部门 and its only 单位 state different 预算执行数 for one item: an error on both', () => {
    const text = (base: string) => `1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，比2025年预算执行数${base}万元增加8.2%。`;
    const table: [string, string, string, string][] = [['summary', 'expense.grand_total', 'amount', '1623.18'], ['general_expense', '2010601', 'total', '1623.18']];
    const dept = narrativeDoc(text('1,500.00'), table as never, { docId: 'd', meta: { scope: 'department', unitCode: '', unitName: '财政局' } });
    const unit = narrativeDoc(text('1,510.00'), table as never, { docId: 'u', meta: { scope: 'unit', unitCode: '', unitName: '财政局' } });
    const audits = auditDocuments([dept, unit]);
    for (const a of audits) expect(of(a, 'narrative_item', ['error'])).toEqual(['error facts/2010601']);
  });

  it('an item the importer could not map to a code is 未执行, not an error', () => {
    const a = auditText('1.“某某支出（类）某某事务（款）某某运行（项）”10.00万元，主要用于运行。', [['general_expense', '2010601', 'total', '1.00']]);
    expect(of(a, 'narrative_item')).toEqual([]);
    expect(a.checks.find((c) => c.check === 'narrative_item')!.notRun.join()).toContain('未能对应');
  });
});

describe('sections of a narrative joined from its own PDF', () => {
  it('a heading of one file starts no section of the other: each file counts its own lines', () => {
    const doc = narrativeDoc('');
    doc.narrative = {
      statements: [], shares: [],
      paragraphs: [
        { text: '一、收支预算总表说明', source: { line: 5 } },
        { text: '一、部门预算总体情况', source: { line: 1, file: 'narrative' } },
        { text: '五、财政拨款支出', source: { line: 30, file: 'narrative' } },
      ],
    };
    const view = new DocView(doc);
    expect(sectionOf(view, { line: 10 })).toBe('|5');
    expect(sectionOf(view, { line: 40 })).toBe('|5');
    expect(sectionOf(view, { line: 10, file: 'narrative' })).toBe('narrative|1');
    expect(sectionOf(view, { line: 40, file: 'narrative' })).toBe('narrative|30');
    expect(sectionOf(view, { line: 3 })).toBe('|0');
  });
});
