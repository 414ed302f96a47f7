import { describe, expect, it } from 'vitest';
import { unitChoices, unitsMatching } from '../../../src/ui/compare/unitFilter';

const units = [
  { key: 'a', code: '201001', names: ['河北省教育厅'] },
  { key: 'b', code: '201002', names: ['河北省财政厅'] },
  { key: 'c', code: '', names: ['信访局（市委群工部）', '信访局'] },
  { key: 'd', code: '305', names: ['石家庄市教育局'] },
];

describe('the 同比 unit filter', () => {
  it('keeps the units whose code or any name holds every word', () => {
    expect(unitsMatching(units, '教育').map((u) => u.key)).toEqual(['a', 'd']);
    expect(unitsMatching(units, '  河北  教育 ').map((u) => u.key)).toEqual(['a']);
    expect(unitsMatching(units, '201').map((u) => u.key)).toEqual(['a', 'b']);
    // A unit renamed across years is found by its older name too.
    expect(unitsMatching(units, '群工部').map((u) => u.key)).toEqual(['c']);
    expect(unitsMatching(units, '不存在')).toEqual([]);
    expect(unitsMatching(units, ' ')).toEqual(units);
  });
});

describe('what a unit chooser lists', () => {
  const many = Array.from({ length: 450 }, (_, i) => ({ key: `k${i}`, code: String(100000 + i), names: [i % 3 ? `第${i}局` : `第${i}教育单位`] }));

  it('lists at most the cap, says how many matches it left out, and always holds the unit shown', () => {
    const all = unitChoices(many, '', 'k5', 200);
    expect(all.list.map((u) => u.key)).toEqual(many.slice(0, 200).map((u) => u.key));
    expect(all.more).toBe(250);
    // The unit shown past the cap is put first; `more` still counts the matches past the cap.
    const late = unitChoices(many, '', 'k420', 200);
    expect(late.list[0].key).toBe('k420');
    expect(late.list).toHaveLength(201);
    expect(late.more).toBe(250);
    // A filter narrows below the cap: nothing left out.
    const some = unitChoices(many, '教育', 'k3', 200);
    expect(some.list.every((u) => u.names[0].includes('教育'))).toBe(true);
    expect(some.list).toHaveLength(150);
    expect(some.more).toBe(0);
    // The shown unit stays listed when the filter leaves it out.
    const other = unitChoices(many, '教育', 'k1', 200);
    expect(other.list[0].key).toBe('k1');
    expect(other.list).toHaveLength(151);
    expect(unitChoices(many, '不存在', null, 200)).toEqual({ list: [], matched: 0, more: 0 });
    expect([all.matched, late.matched, some.matched, other.matched]).toEqual([450, 450, 150, 150]);
  });
});
