import { describe, expect, it } from 'vitest';
import type { ParsedDocument, RawTable } from '../../../src/lib/model/document';
import { applyProfile } from '../../../src/lib/profiles/apply';
import { applyProfilesToDocument, profileIndex } from '../../../src/lib/profiles/document';
import { tableSignature } from '../../../src/lib/profiles/signature';
import type { LayoutProfile } from '../../../src/lib/profiles/types';

const header = [['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出']];
const split: RawTable = {
  title: '2024年某区单位经费分项明细表', header, unit: '元', source: { line: 40, page: 5 },
  body: [
    ['', '', '', '合计', '1,500,000.50', '1,000,000.00', '500,000.50'],
    ['201', '', '', '一般公共服务支出', '1,500,000.50', '1,000,000.00', '500,000.50'],
    ['201', '03', '01', '行政运行', '1,000,000.00', '1,000,000.00', ''],
    ...header,
    ['201', '03', '02', '一般行政管理事务', '500,000.50', '', '500,000.50'],
    ['', '', '', '（说明行）', '', '', ''],
  ],
};
const coded = (over: Partial<LayoutProfile> = {}): LayoutProfile => ({
  version: 1, name: '分项表', kind: 'general_expense', signature: tableSignature(split),
  columns: ['code', 'code', 'code', 'name', 'total', 'basic', 'project'], rows: [], ...over,
});

describe('applying a profile', () => {
  it('joins split code columns, reads 合计 as total, skips a repeated header, and reads 元 exactly', () => {
    const a = applyProfile(split, coded());
    const got = a.figures.map((f) => [f.rowCode, f.rowName, f.column, f.amount]);
    expect(got).toEqual([
      ['total', '合计', 'total', 150000050], ['total', '合计', 'basic', 100000000], ['total', '合计', 'project', 50000050],
      ['201', '一般公共服务支出', 'total', 150000050], ['201', '一般公共服务支出', 'basic', 100000000], ['201', '一般公共服务支出', 'project', 50000050],
      ['2010301', '行政运行', 'total', 100000000], ['2010301', '行政运行', 'basic', 100000000],
      ['2010302', '一般行政管理事务', 'total', 50000050], ['2010302', '一般行政管理事务', 'project', 50000050],
    ]);
    expect(a.warnings).toEqual([]);
    expect(a.figures[0].source).toEqual({ line: 40, page: 5, profile: '分项表' });
    expect(a.table).toEqual({ table: 'general_expense', status: 'present', title: split.title, source: { line: 40, page: 5 } });
  });

  it('reports an unreadable amount and a row without a code instead of dropping them', () => {
    const bad: RawTable = { ...split, body: [['201', '03', '01', '行政运行', '1O0.00', '', ''], ['', '', '', '其他', '5.00', '', '']] };
    const a = applyProfile(bad, coded());
    expect(a.figures).toEqual([]);
    expect(a.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/「行政运行」的金额「1O0\.00」无法读取/),
      expect.stringMatching(/有一行没有科目编码/),
    ]);
  });

  it('reads a label table side by side, each amount under the label to its left; a label it has no key for is reported', () => {
    const raw: RawTable = {
      title: '收支情况对照表', header: [['收入项目', '金额', '支出项目', '金额']], source: { line: 1 },
      body: [['一、财政拨款', '10.00', '一、教育支出', '8.00'], ['二、捐赠收入', '1.00', '二、科学技术支出', '3.00'], ['收入总计', '11.00', '支出总计', '11.00']],
    };
    const p: LayoutProfile = {
      version: 1, name: '对照', kind: 'summary', signature: tableSignature(raw), columns: ['name', 'amount', 'name', 'amount'],
      rows: [
        { column: 0, label: '财政拨款', row: 'income.fiscal' }, { column: 0, label: '收入总计', row: 'income.grand_total' },
        { column: 2, label: '教育支出', row: 'expense.205' }, { column: 2, label: '科学技术支出', row: 'expense.206' }, { column: 2, label: '支出总计', row: 'expense.grand_total' },
      ],
    };
    const a = applyProfile(raw, p);
    expect(a.figures.map((f) => `${f.rowCode}=${f.amount}`)).toEqual(['income.fiscal=10000000', 'expense.205=8000000', 'expense.206=3000000', 'income.grand_total=11000000', 'expense.grand_total=11000000']);
    expect(a.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/「二、捐赠收入」在版式配置中没有对应的行/)]);
  });

  it('applies to a document only where the signature matches, and never over a table the importer read', () => {
    const doc: ParsedDocument = { meta: { unitCode: '', unitName: '某区', scope: 'unit', stage: 'budget', year: 2024 }, figures: [], tables: [], projects: [], warnings: [], rawTables: [split, { ...split, header: [['别的表头']] }] };
    const index = profileIndex([coded()]);
    const once = applyProfilesToDocument(doc, index);
    expect(once.applied).toBe(1);
    expect(once.doc.tables.map((t) => [t.table, t.source.profile])).toEqual([['general_expense', '分项表']]);
    const read: ParsedDocument = { ...doc, tables: [{ table: 'general_expense', status: 'present', title: '一般公共预算支出表', source: { line: 3 } }] };
    const kept = applyProfilesToDocument(read, index);
    expect(kept.applied).toBe(0);
    expect(kept.doc.figures).toEqual([]);
    expect(kept.doc.warnings[0].message).toMatch(/已有这张表/);
  });
});
