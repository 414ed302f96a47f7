import { regionOf } from '../model/region';

/**
 * The province and city a unit's name begins with (「上海市普陀区财政局」 → 上海市, 普陀区), the two
 * levels the archive is partitioned and browsed by. Documents carry no region field: this reads the
 * name's structure with the library's own rule (model/region.ts), twice. A name that starts with no
 * place is filed under 「未标明地区」, and a province-level organ under its province with no city.
 */
export const NO_REGION = '未标明地区';
export const PROVINCE_LEVEL = '省级';

export function placeOf(unitName: string): { province: string; city: string } {
  const province = regionOf(unitName);
  if (!province) return { province: NO_REGION, city: NO_REGION };
  const rest = unitName.replace(/\s+/g, '').replace(/^(?:中国共产党|中共)/, '');
  const after = rest.slice(rest.indexOf(province) + province.length);
  return { province, city: regionOf(after) ?? PROVINCE_LEVEL };
}
