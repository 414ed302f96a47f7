import { describe, expect, it } from 'vitest';
import { profilesFileText, readProfilesFile } from '../../../src/lib/profiles/validate';
import { PROFILE_LIMITS, type LayoutProfile } from '../../../src/lib/profiles/types';

const profile = (over: Partial<LayoutProfile> = {}): LayoutProfile => ({
  version: 1, name: '县级版式·支出表', kind: 'expense',
  signature: { title: '经费丙类明细表', header: ['序号|功能分类科目||合计|基本支出|项目支出'], columns: 6 },
  columns: ['skip', 'code', 'name', 'total', 'basic', 'project'], rows: [], ...over,
});
const file = (profiles: unknown[]) => JSON.stringify({ schema: 'budget-lens/layout-profiles', version: 1, profiles });
const refused = (text: string) => {
  const r = readProfilesFile(text, 'p.json');
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(r.error).toContain('「p.json」');
  return r.error;
};

describe('profile files', () => {
  it('round-trip: what export writes, import reads back equal', () => {
    const labels = profile({ name: '收支', kind: 'summary', columns: ['skip', 'name', 'amount', 'name', 'amount', 'skip'], rows: [{ column: 1, label: '事业收入', row: 'income.business' }, { column: 3, label: '教育支出', row: 'expense.205' }] });
    const r = readProfilesFile(profilesFileText([profile(), labels]), 'p.json');
    expect(r).toEqual({ ok: true, profiles: [profile(), labels] });
  });

  it('refuses what is not a profiles file', () => {
    expect(refused('not json')).toMatch(/不是有效的 JSON/);
    expect(refused('[]')).toMatch(/应为对象/);
    expect(refused(JSON.stringify({ schema: 'other', version: 1, profiles: [] }))).toMatch(/schema/);
    expect(refused(JSON.stringify({ schema: 'budget-lens/layout-profiles', version: 2, profiles: [] }))).toMatch(/版本 2/);
  });

  it('refuses wrong types field by field, naming the field', () => {
    expect(refused(file([{ ...profile(), kind: 'evil' }]))).toMatch(/第 1 个配置的 kind/);
    expect(refused(file([{ ...profile(), columns: 'skip,code' }]))).toMatch(/columns 应为数组/);
    expect(refused(file([{ ...profile(), signature: { ...profile().signature, columns: '6' } }]))).toMatch(/signature\.columns/);
    expect(refused(file([{ ...profile(), columns: ['skip', 'code', 'name', 'total', 'basic', 'Project()'] }]))).toMatch(/columns\[5\]/);
    expect(refused(file([{ ...profile(), columns: ['skip', 'code', 'name', 'total', 'basic'] }]))).toMatch(/5 项，与表的 6 列不符/);
    expect(refused(file([{ ...profile(), name: 7 }]))).toMatch(/name 应为文字/);
    expect(refused(file([{ ...profile(), name: 'a\u0000b' }]))).toMatch(/控制字符/);
    expect(refused(file([profile(), profile()]))).toMatch(/重复/);
    expect(refused(file([{ ...profile(), rows: [{ column: 2, label: '事业收入', row: 'income.business' }] }]))).toMatch(/不应有 rows/);
    expect(refused(file([{ ...profile({ kind: 'summary' }), rows: [{ column: 3, label: '合计', row: 'total' }] }]))).toMatch(/rows\[0\]\.column/);
    expect(refused(file([{ ...profile({ kind: 'summary' }), rows: [{ column: 2, label: '合计', row: "total'; DROP" }] }]))).toMatch(/行键/);
  });

  it('reads which time a repeated label is printed, and refuses a bad count', () => {
    const p = profile({ kind: 'fiscal_summary', columns: ['skip', 'name', 'amount', 'name', 'total', 'general'], rows: [
      { column: 1, label: '一般公共预算拨款', row: 'income.general' }, { column: 1, label: '一般公共预算拨款', row: 'income.carryover.general', occurrence: 1 }] });
    expect(readProfilesFile(profilesFileText([p]), 'p.json')).toEqual({ ok: true, profiles: [p] });
    const bad = { ...p, rows: [{ column: 1, label: '一般公共预算拨款', row: 'income.general', occurrence: -1 }] };
    expect(refused(file([bad]))).toMatch(/occurrence/);
  });

  it('refuses prototype keys and fields it does not know', () => {
    expect(refused(`{"schema":"budget-lens/layout-profiles","version":1,"profiles":[],"__proto__":{"polluted":1}}`)).toMatch(/__proto__/);
    const p = JSON.stringify(profile()).replace(/^\{/, '{"__proto__":{"kind":"summary"},');
    expect(refused(`{"schema":"budget-lens/layout-profiles","version":1,"profiles":[${p}]}`)).toMatch(/__proto__/);
    expect(refused(file([{ ...profile(), constructor: { prototype: {} } }]))).toMatch(/constructor/);
    expect(refused(file([{ ...profile(), script: 'alert(1)' }]))).toMatch(/script/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a tampered profile (a field changed to something it cannot be)', () => {
    const text = profilesFileText([profile()]).replace('"expense"', '"expense; rm -rf"');
    expect(refused(text)).toMatch(/kind/);
  });

  it('caps the size and the number of profiles', () => {
    const big = profilesFileText([profile({ signature: { ...profile().signature, header: Array(12).fill('x'.repeat(4000)) } })]).replace(/}\n$/, `, ${' '.repeat(PROFILE_LIMITS.bytes)}}`);
    expect(refused(big)).toMatch(/过大/);
    const many = Array.from({ length: PROFILE_LIMITS.profiles + 1 }, (_, i) => profile({ name: `p${i}` }));
    expect(refused(file(many))).toMatch(/超过上限/);
  });
});
