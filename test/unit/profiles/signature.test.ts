import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../../src/lib/model/document';
import { signatureKey, tableSignature, titleWords } from '../../../src/lib/profiles/signature';
import { unknownDoc } from './fixtures';

const table = (title: string, header: string[][], body: string[][] = [['1', '201', '一般公共服务支出', '12.00']]): RawTable =>
  ({ title, header, body, source: { line: 1 } });

describe('table signatures', () => {
  it('are the same for two documents of one layout (other unit, other year, other figures)', async () => {
    const a = await unknownDoc(0, 'tab');
    const b = await unknownDoc(5, 'tab');
    expect(a.doc.meta.unitName).not.toBe(b.doc.meta.unitName);
    expect(a.raw.map((t) => signatureKey(tableSignature(t)))).toEqual(b.raw.map((t) => signatureKey(tableSignature(t))));
    // …and tell the nine tables of the layout apart.
    expect(new Set(a.raw.map((t) => signatureKey(tableSignature(t)))).size).toBe(9);
  }, 60_000);

  it('take the title without number, year, unit and scope', () => {
    expect(titleWords('公开03表 2024年度某某县教育局部门经费甲类明细表')).toBe(titleWords('经费甲类明细表'));
    expect(titleWords('表三、2023年单位经费甲类明细表（续表）')).toBe('经费甲类明细表');
  });

  it('write header years as YYYY and ignore trailing blank cells', () => {
    const a = tableSignature(table('经费明细表', [['科目', '名称', '2023年预算数', '']]));
    const b = tableSignature(table('经费明细表', [['科目', '名 称', '2024年预算数']]));
    expect(a).toEqual(b);
    expect(a.header).toEqual(['科目|名称|YYYY年预算数']);
    expect(a.columns).toBe(4);
  });

  it('differ when the header or the column count differs', () => {
    const base = tableSignature(table('经费明细表', [['科目', '名称', '合计']]));
    expect(signatureKey(tableSignature(table('经费明细表', [['科目', '名称', '金额']])))).not.toBe(signatureKey(base));
    expect(signatureKey(tableSignature(table('经费明细表', [['科目', '名称', '合计']], [['201', '一般', '1.00', '2.00', '3.00']])))).not.toBe(signatureKey(base));
    expect(signatureKey(tableSignature(table('资产明细表', [['科目', '名称', '合计']])))).not.toBe(signatureKey(base));
  });
});
