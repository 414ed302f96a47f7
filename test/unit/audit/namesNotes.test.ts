import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { auditText, narrativeDoc, of } from './narrativeFixtures';
import { makeDoc } from './fixtures';

describe('names and codes (check 14)', () => {
  it('a 项 named differently in the narrative and the table (gjfy 2017: 一般行政事务管理 / 一般行政管理事务) is a 提示', () => {
    const text = '（一）公共安全（类）\n2 ．法院（款）一般行政事务管理（项）支出 6432.89 万元，与上年相比增加 450 万元，增长 7.52 % 。';
    const a = auditText(text, [['general_expense', '2040502', 'total', '6432.89', '一般行政管理事务']]);
    expect(of(a, 'names_codes')).toEqual(['warning facts/2040502']);
    expect(of(a, 'narrative_item')).toEqual([]);
  });

  it('a renamed 类 across tables (医疗卫生与计划生育 vs 卫生健康) says it is the national renaming', () => {
    const a = auditText('', [['expense', '210', 'total', '10.00', '医疗卫生与计划生育支出'], ['general_expense', '210', 'total', '10.00', '卫生健康支出']]);
    expect(of(a, 'names_codes')).toEqual(['warning general_expense/210']);
    expect(a.findings.find((f) => f.check === 'names_codes')!.message).toContain('改名');
  });

  it('a code whose 类 is not national (「7 11 02」 read as 71102) is flagged; 20101 is not', () => {
    const a = auditText('', [['expense', '71102', 'total', '5.00', '行政运行'], ['expense', '20101', 'total', '5.00', '人大事务']]);
    expect(of(a, 'names_codes')).toEqual(['warning expense/71102']);
  });

  it('a table title naming another unit', () => {
    const doc = makeDoc([['summary', 'income.grand_total', 'amount', '1.00']], { meta: { unitName: '江苏省高级人民法院' } });
    doc.tables[0].title = '一、2018 年度江苏省人民检察院收支预算总表';
    expect(of(auditDocuments([doc])[0], 'names_codes')).toEqual(['warning summary/']);
  });

  it('a 人员经费 list naming an item the 基本支出表 does not print (czj 2024 决算: 个人农业生产补贴)', () => {
    const text = '其中：人员经费 2152.26 万元，主要包括：基本工资、津贴补贴、职业年金缴费、退休费、个人农业生产补贴；公用经费 184.65 万元。';
    const rows: [string, string, string, string, string][] = [['30101', '基本工资', '262.33'], ['30102', '津贴补贴', '1238.58'], ['30109', '职业年金缴费', '80.38'], ['30302', '退休费', '0.31']].map(([c, n, a]) => ['basic_expense', c, 'total', a, n]);
    const a = auditText(text, rows as never);
    expect(of(a, 'names_codes')).toEqual(['warning facts/personnel']);
  });
});

describe('empty-table notes (check 10, item 7)', () => {
  it('「本表为空表」 on a table that prints figures', () => {
    const doc = makeDoc([['fund_expense', 'total', 'total', '3.00']]);
    doc.tables.find((t) => t.table === 'fund_expense')!.note = '注：本单位无政府性基金预算财政拨款，本表为空表。';
    expect(of(auditDocuments([doc])[0], 'completeness')).toEqual(['warning fund_expense/']);
  });

  it('a note naming another fund (czj 2025: the 国有资本经营 table says 政府性基金)', () => {
    const doc = makeDoc([]);
    doc.tables.find((t) => t.table === 'soe_expense')!.note = '注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。';
    expect(of(auditDocuments([doc])[0], 'completeness')).toEqual(['warning soe_expense/']);
  });

  it('an empty table with no note, unless the narrative says why', () => {
    const doc = makeDoc([]);
    delete doc.tables.find((t) => t.table === 'fund_expense')!.note;
    expect(of(auditDocuments([doc])[0], 'completeness')).toEqual(['warning fund_expense/']);
    const said = narrativeDoc('七、政府性基金支出预算表情况说明\n本部门无政府性基金预算');
    delete said.tables.find((t) => t.table === 'fund_expense')!.note;
    expect(of(auditDocuments([said])[0], 'completeness')).toEqual([]);
  });
});
