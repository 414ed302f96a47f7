import { describe, expect, it } from 'vitest';
import { unitsMatching } from '../../../src/ui/compare/unitFilter';

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
