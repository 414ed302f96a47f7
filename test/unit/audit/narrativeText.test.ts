import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../src/lib/audit/audit';
import { auditText, narrativeDoc, of } from './narrativeFixtures';

describe('narrative text (check 13): warnings a reviewer would raise', () => {
  it('template wording left in: 「主要原因是。」, 「增加（减少）」 and an amount left blank', () => {
    expect(of(auditText('财政拨款收入支出增加的主要原因是。'), 'narrative_text')).toEqual(['warning document/']);
    expect(of(auditText('支出预算100.00万元，比2024年预算增加（减少）10.00万元。', [], { meta: { year: 2025 } }), 'narrative_text')).toEqual(['warning document/']);
    expect(of(auditText('其中：政府性基金拨款支出预算 万元。'), 'narrative_text')).toEqual(['warning document/']);
    // 「单位：万元」 and 「单价 100 万元（含）以上」 are not blanks.
    expect(of(auditText('单位：万元。单价 100 万元（含）以上设备 2 台（套）。'), 'narrative_text')).toEqual([]);
  });

  it('a doubled 。 (seed 004) and an unmatched quote', () => {
    const a = auditText('(十)完成党工委、管委会交办的其他工作。。');
    expect(a.findings.find((f) => f.check === 'narrative_text')!.message).toContain('。。');
    expect(of(auditText('1.“一般公共服务支出（类）财政事务（款）行政运行（项）1,623.18万元。'), 'narrative_text')).toEqual(['warning document/']);
  });

  it('paragraphs printed twice in a row (czj 2025: items 7–11 again after 11), once; the same paragraph in two sections is not', () => {
    const items = ['10.“住房保障支出（类）住房改革支出（款）住房公积金（项）”204.91万元，主要用于缴纳在职人员住房公积金。', '11.“住房保障支出（类）住房改革支出（款）购房补贴（项）”268.77万元，主要用于购房补贴支出。'];
    const a = auditText([...items, ...items].join('\n'));
    expect(of(a, 'narrative_text')).toEqual(['warning document/']);
    expect(a.findings.find((f) => f.check === 'narrative_text')!.message).toContain('2 段重复');
    const sections = ['六、财政拨款基本支出预算表情况说明', '（一）人员经费 13594.82 万元。主要包括：基本工资。', '九、一般公共预算基本支出预算表情况说明', '（一）人员经费 13594.82 万元。主要包括：基本工资。'];
    expect(of(auditText(sections.join('\n')), 'narrative_text')).toEqual([]);
    // The same run in two files joined in one document (a narrative PDF and its tables) is no repeat of either.
    const joined = narrativeDoc([...items, ...items].join('\n'));
    const n = joined.narrative!.paragraphs.length;
    expect(n).toBe(4);
    joined.narrative!.paragraphs = joined.narrative!.paragraphs.map((p, i) => (i >= n / 2 ? { ...p, source: { ...p.source, file: 'narrative' } } : p));
    expect(of(auditDocuments([joined])[0], 'narrative_text')).toEqual([]);
  });

  it('a 单位 document that calls its narrative 「部门预算编制说明」, and the reverse', () => {
    expect(of(auditText('2025年部门预算编制说明', [], { meta: { scope: 'unit', year: 2025 } }), 'narrative_text')).toEqual(['warning document/']);
    expect(of(auditText('2025年单位预算编制说明', [], { meta: { scope: 'unit', year: 2025 } }), 'narrative_text')).toEqual([]);
    expect(of(auditText('2025年单位预算编制说明', [], { meta: { scope: 'department', year: 2025 } }), 'narrative_text')).toEqual(['warning document/']);
  });

  it('the template\'s assets sentence in the other kind\'s words: 「2025年部门预算安排购置车辆 0 辆」 in a 单位 document', () => {
    const text = '（三）国有资产占有使用情况\n2025年部门预算安排购置车辆0辆；安排购置单价100万元（含）以上设备0台（套）。';
    expect(of(auditText(text, [], { meta: { scope: 'unit', year: 2025 } }), 'narrative_text')).toEqual(['warning document/']);
    expect(of(auditText(text, [], { meta: { scope: 'department', year: 2025 } }), 'narrative_text')).toEqual([]);
    expect(of(auditText(text.replace('部门预算', '单位预算'), [], { meta: { scope: 'unit', year: 2025 } }), 'narrative_text')).toEqual([]);
  });

  it('the wrong year: 「比2026年预算」 in the 2026 document', () => {
    const text = '支出预算3,121.42万元，其中：财政拨款支出预算3,121.42万元，比2026年预算增加107.62万元。';
    expect(of(auditText(text, [], { meta: { year: 2026 } }), 'narrative_text')).toEqual(['warning document/']);
    expect(of(auditText(text.replace('2026', '2025'), [], { meta: { year: 2026 } }), 'narrative_text')).toEqual([]);
  });

  it('one sentence comparing with the wrong year in three clauses is one finding that says so', () => {
    const text = '一般公共预算拨款支出预算800.00万元，比2026年预算增加20.00万元；政府性基金拨款支出预算0万元，与2026年预算持平；国有资本经营预算拨款支出预算0万元，与2026年预算持平。';
    const a = auditText(text, [], { meta: { year: 2026 } });
    expect(of(a, 'narrative_text')).toEqual(['warning document/']);
    expect(a.findings.find((f) => f.check === 'narrative_text')!.message).toContain('此句 3 处');
  });

  it('a reason that says the opposite of its direction, and a fund of 0 said to have grown', () => {
    const reason = '4 ．法院（款）案件审判（项）支出 1733.3 万元，与上年相比增加 200 万元，增长 13.05 % 。主要原因是案件审判经费预算安排较上年压减 200 万元。';
    expect(of(auditText(reason), 'narrative_text')).toEqual(['warning document/']);
    expect(of(auditText(reason.replace('增加 200', '减少 200').replace('增长 13.05', '减少 10.35')), 'narrative_text')).toEqual([]);
    const zero = '政府性基金拨款支出预算0万元，比2024年预算增加5.00万元；国有资本经营预算拨款支出预算0万元，与2024年预算持平。';
    expect(of(auditText(zero, [], { meta: { year: 2025 } }), 'narrative_text')).toEqual(['warning document/']);
  });
});
