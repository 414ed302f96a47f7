/**
 * The place a unit's name begins with, for filtering a library by region: 「上海市普陀区财政局」 →
 * 上海市, 「江苏省高级人民法院」 → 江苏省. Documents carry no region field, and a name is the only
 * place the disclosures print one, so this reads the name's structure: an optional 中共 / 中国共产党,
 * then 2–10 characters ending in an administrative suffix (省, 自治区, 市, 州, 盟, 县, 区, 旗, 新城),
 * with no word of an organ's name (局, 委, 部, 办, 厅, 院, 所, 会, 室, 处, 中心, brackets) before it. The
 * first such place is the region; a name that starts with none (信访局（市委群工部）) has none.
 */
const PARTY = /^(?:中国共产党|中共)/;
const PLACE = /^([\u4e00-\u9fff]{2,10}?(?:自治区|新城|省|市|州|盟|县|区|旗))/;
const ORGAN = /[局委部办厅院所会室处（(]|中心/;

export function regionOf(unitName: string): string | null {
  const name = unitName.replace(/\s+/g, '').replace(PARTY, '');
  const m = PLACE.exec(name);
  if (!m || ORGAN.test(m[1])) return null;
  return m[1];
}
