import { describe, expect, it } from 'vitest';
import { regionOf } from '../../../src/lib/model/region';

describe('the region a unit name begins with', () => {
  it.each([
    { name: '某某市某某区财政局', region: '某某市' },
    { name: '甲乙省高级人民法院', region: '甲乙省' },
    { name: '中共甲乙省委办公厅', region: '甲乙省' },
    { name: '中国共产党甲乙省委员会办公厅', region: '甲乙省' },
    { name: '甲乙丙新区丁戊产业园区政法工作办公室', region: '甲乙丙新区' },
    { name: '甲乙白沟新城党群工作部', region: '甲乙白沟新城' },
    { name: '甲乙自治区民族事务委员会', region: '甲乙自治区' },
    { name: '信访局（市委群工部）', region: null },
    { name: '教育局', region: null },
    { name: '区委办公室', region: null },
  ])('$name → $region', ({ name, region }) => expect(regionOf(name)).toBe(region));
});
