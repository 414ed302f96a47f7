import { describe, expect, it } from 'vitest';
import { auditDocuments } from '../../../../src/lib/audit/audit';
import type { StoredDocument } from '../../../../src/lib/model/document';
import { readText, threePublicDown } from './variants';

/**
 * A 决算's 三公 table printed down with 预算数 | 决算数 (or 年初预算数 | 决算数, 预算数 | 实际支出数), as
 * counties print it, and Yunnan's 「财政拨款“三公”经费、行政参公单位机关运行经费情况表」, whose name
 * says neither 预算 nor 决算 and which adds 国内 and 国（境）外接待费 and the 机关运行经费. The real seed
 * 003 titled 部门决算, its 三公 table re-printed so, with its amounts as the budget and a 决算 below them
 * (合计 5.00 = 公务用车 3.10 + 接待 1.90).
 */
const ROWS = [
  '合计\t5.28\t5.00', '1.因公出国（境）费\t0.00\t0.00', '2.公务用车购置及运行费\t3.29\t3.10', '其中：（1）公务用车购置费\t0.00\t0.00',
  '（2）公务用车运行费\t3.29\t3.10', '3.公务接待费\t1.99\t1.90', '（1）国内接待费\t1.99\t1.90', '（2）国（境）外接待费\t0.00\t0.00',
];
const COMBINED = '## 财政拨款“三公”经费、行政参公单位机关运行经费情况表';
const read = (head: string, rows: readonly string[] = ROWS, title?: string): Promise<StoredDocument> => {
  const text = threePublicDown([head, ...rows], true);
  return readText(title ? text.replace('## 部门决算财政拨款“三公”经费支出表', title) : text);
};
const threePublic = (d: StoredDocument, column: string) =>
  Object.fromEntries(d.figures.filter((f) => f.table === 'three_public' && f.column === column).map((f) => [f.rowCode, (f.amount / 1e6).toFixed(2)]));
const FINAL = { total: '5.00', overseas: '0.00', vehicle: '3.10', vehicle_purchase: '0.00', vehicle_operation: '3.10', reception: '1.90', reception_domestic: '1.90', reception_foreign: '0.00' };
const BUDGET = { total: '5.28', overseas: '0.00', vehicle: '3.29', vehicle_purchase: '0.00', vehicle_operation: '3.29', reception: '1.99', reception_domestic: '1.99', reception_foreign: '0.00' };

describe('a 决算\'s 三公 table printed down with its budget beside it', () => {
  // Before: read by place as 合计 | 一般公共预算, the budget became the 合计 and the 决算 the 一般公共预算's.
  it.each(['项目\t预算数\t决算数', '项目\t年初预算数\t决算数', '项目\t预算数\t实际支出数', '项目\t预算数\t实际支出'])('%s: the 决算 is the figure, the budget its 年初预算', async (head) => {
    const d = await read(head);
    expect(threePublic(d, 'total')).toEqual(FINAL);
    expect(threePublic(d, 'initial_budget')).toEqual(BUDGET);
    expect(threePublic(d, 'general')).toEqual({});
    expect(d.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual([]);
  });

  it('公务接待费 is checked against its 国内 and 国（境）外 parts', async () => {
    const rows = ROWS.map((r) => (r.startsWith('（1）国内') ? '（1）国内接待费\t1.99\t1.80' : r));
    const findings = auditDocuments([await read('项目\t预算数\t决算数', rows)])[0].findings.filter((f) => f.check === 'three_public' && f.rowCode === 'reception');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['error', expect.stringContaining('公务接待费 = 国内 + 国（境）外')]]);
    expect(findings[0].message).toContain('1.90');
  });
});

describe('a 三公 table whose title names no stage, in a 决算', () => {
  it('is read as the 决算\'s: its 决算数 the figure, 机关运行经费 its own row, the title no unit\'s name', async () => {
    // Before: read as a 预算's table (its title has no 决算): 「「决算数」一列不是本年度预算的数，未导入」,
    // the budget taken for the 三公; and 「财政拨款“三公”经费、行政参公」 taken for a unit's name, the
    // table for the 机关运行经费's, every 三公 row 「无法识别科目编码」.
    const d = await read('项目\t预算数\t决算数', [...ROWS, '4.行政参公单位机关运行经费\t\t122.92', '公务用车保有量（辆）\t\t2'], COMBINED);
    expect(d.meta.stage).toBe('final');
    expect(threePublic(d, 'total')).toEqual({ ...FINAL, operating_cost: '122.92' });
    expect(d.warnings.map((w) => w.message).filter((m) => m.includes('三公'))).toEqual([]);
    expect(d.tables.find((t) => t.title.includes('行政参公'))?.table).toBe('three_public');
  });

  it('in a 预算 stays a 预算\'s', async () => {
    const text = threePublicDown(['项目\t预算数', ...ROWS.map((r) => r.split('\t').slice(0, 2).join('\t'))]).replace('## 部门预算财政拨款“三公”经费支出表', COMBINED);
    const d = await readText(text);
    expect(d.meta.stage).toBe('budget');
    expect(threePublic(d, 'total')).toEqual(BUDGET);
  });
});
