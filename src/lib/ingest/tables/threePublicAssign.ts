import type { Value } from './threePublicFunds';
import { THREE_PUBLIC_PARTS, VEHICLE_PARTS, type ThreePublicItem } from '../../model/tables/threePublic';

/*
 * Which printed amount is which 三公 item: the header gives the items in order, the table's sums
 * (小计 = 出国 + 用车 + 接待; 用车 = 购置 + 运行; 合计 = 小计 + 会议 + 培训) place the amounts.
 */

/** An item the header names, at the first column that names it. */
export interface HeaderItem {
  key: ThreePublicItem;
  col: number;
}

/**
 * The items of a row's amounts (assign), or, where the sums do not close and a table of 三公, 会议费 and
 * 培训费 names no 三公 小计, with a 小计 after 合计: its head broken past reading (pdftotext prints
 * 「小计」 as 「小」 and 「计」 on two lines, apart). That 小计 is taken only where both its sums, 小计
 * and 合计, close with it. Otherwise, amounts right of every head are kept out of the choice
 * (assignBesideHeads). `named`: the items the choice is among.
 */
export function assignOrLostSubtotal(items: readonly HeaderItem[], values: readonly Value[]): { choice: ReturnType<typeof assign>; named: readonly HeaderItem[] } {
  const choice = assign(items, values);
  const has = (k: ThreePublicItem) => items.some((i) => i.key === k);
  if (choice.closes) return { choice, named: items };
  if (!has('total') || has('subtotal') || !(has('meeting') || has('training'))) return { choice: assignBesideHeads(items, values) ?? choice, named: items };
  const at = items.findIndex((i) => i.key === 'total');
  const fuller = [...items.slice(0, at + 1), { key: 'subtotal' as const, col: items[at].col }, ...items.slice(at + 1)];
  const tried = assign(fuller, values);
  const placed = (k: ThreePublicItem) => tried.items.some((i, v) => i?.key === k && values[v].fen !== null);
  return tried.closes && placed('total') && placed('subtotal') ? { choice: tried, named: fuller } : { choice, named: items };
}

/**
 * The items of the printed amounts, in order: every order-keeping choice is tried (at most 10 items,
 * so a few hundred), those whose sums close are kept, and the one nearest the header's columns wins.
 */
function assign(items: readonly HeaderItem[], values: readonly Value[]): { items: (HeaderItem | null)[]; closes: boolean; distance: number } {
  const n = items.length;
  const m = Math.min(values.length, n);
  let best: { pick: number[]; closes: boolean; distance: number } | null = null;
  const pick: number[] = [];
  const visit = (from: number) => {
    if (pick.length === m) {
      const closes = sumsClose(items, values, pick);
      const distance = pick.reduce((d, item, v) => d + Math.abs(items[item].col - values[v].col), 0);
      if (!best || (closes && !best.closes) || (closes === best.closes && distance < best.distance)) best = { pick: [...pick], closes, distance };
      return;
    }
    for (let i = from; i <= n - (m - pick.length); i++) {
      pick.push(i);
      visit(i + 1);
      pick.pop();
    }
  };
  visit(0);
  const chosen = best as { pick: number[]; closes: boolean; distance: number } | null;
  const out = values.map((_, v) => (chosen && v < chosen.pick.length ? items[chosen.pick[v]] : null));
  return { items: out, closes: chosen?.closes ?? false, distance: chosen?.distance ?? 0 };
}

/**
 * Where no choice closes, an amount right of every head the header gave (OCR's 「四行经费斋预径」 for
 * 机关运行经费, the template's last column) may be what keeps the sums open: the choice that closes
 * without it is taken, and that amount is said, not put under a head it does not belong to. Where
 * none closes even so, the amounts under the heads are read by position and those right of them all
 * are said: an amount under a head that was read and breaks a sum is the document's, for the audit.
 */
function assignBesideHeads(items: readonly HeaderItem[], values: readonly Value[]): ReturnType<typeof assign> | null {
  const lastHead = Math.max(...items.map((i) => i.col));
  const beyond = values.filter((v) => v.col > lastHead);
  if (!beyond.length || values.length < 2) return null;
  const without = (out: readonly Value[]) => {
    const tried = assign(items, values.filter((v) => !out.includes(v)));
    const placed: (HeaderItem | null)[] = [];
    let at = 0;
    for (const v of values) placed.push(out.includes(v) ? null : tried.items[at++]);
    return { items: placed, closes: tried.closes, distance: tried.distance };
  };
  let best: ReturnType<typeof assign> | null = null;
  for (const out of beyond) {
    const tried = without([out]);
    if (tried.closes && (!best || tried.distance < best.distance)) best = tried;
  }
  return best ?? without(beyond);
}

/** Whether every sum the chosen items allow checking closes (blank parts count as 0). */
function sumsClose(items: readonly HeaderItem[], values: readonly Value[], pick: readonly number[]): boolean {
  const at = new Map<ThreePublicItem, number | null>();
  pick.forEach((item, v) => at.set(items[item].key, values[v].fen));
  const has = (k: ThreePublicItem) => items.some((i) => i.key === k);
  // 公务用车 left blank while its parts are printed (or the amount taken for a part) is their sum: a
  // 运行费 that is no part of the 合计 is no 运行费.
  const val = (k: ThreePublicItem): number => (k === 'vehicle' && !at.has('vehicle') ? VEHICLE_PARTS.reduce((s, p) => s + val(p), 0) : (at.get(k) ?? 0));
  const checks: [ThreePublicItem, readonly ThreePublicItem[]][] = [['vehicle', VEHICLE_PARTS]];
  const parts = THREE_PUBLIC_PARTS;
  if (has('subtotal')) {
    checks.push(['subtotal', parts], ['total', ['subtotal', 'meeting', 'training']]);
  } else if (at.get('total') != null && (at.has('meeting') || at.has('training')) && val('total') === parts.reduce((s, k) => s + val(k), 0)) {
    // A 合计 beside 会议费 and 培训费 with no 三公 小计 may be the 三公's alone (totalIsThreeOnly).
  } else {
    checks.push(['total', [...parts, 'meeting', 'training']]);
  }
  // Amounts printed make the 合计 one (blank cells are zeros): a choice that gives the header's 合计
  // none closes no sum (0.95 | 0.95 | 229.43 read as 公务用车 | 运行费 | 接待 with 合计 left out). A
  // lone amount (a 「0」 wrapped onto a line of its own) is placed by its column.
  if (pick.length > 1 && has('total') && !at.has('total')) return false;
  for (const [whole, of] of checks) {
    if (!at.has(whole) || at.get(whole) === null) continue;
    if (!of.some(has)) continue;
    // 公务用车 printed alone, without its parts, is no sum to check.
    if (whole === 'vehicle' && !of.some((k) => at.has(k))) continue;
    if (of.some((k) => at.has(k) && at.get(k) === null)) return false;
    if (val(whole) !== of.reduce((s, k) => s + val(k), 0)) return false;
  }
  return true;
}

/**
 * Whether the 合计 of a table that prints 会议费 and 培训费 beside the 三公 but no 三公 小计 is the 三公
 * alone. Templates differ: Jiangsu's 合计 takes 会议费 and 培训费 in, other 决算 templates
 * (「“三公”经费及会议费、培训费支出决算表」) total the 三公 only. The header can't tell them apart;
 * the amounts do: a 合计 equal to 出国 + 用车 + 接待 while 会议费 and 培训费 are not both 0 is the 三公's.
 */
export function totalIsThreeOnly(chosen: readonly (HeaderItem | null)[], values: readonly Value[]): boolean {
  const at = new Map<ThreePublicItem, number | null>();
  chosen.forEach((item, v) => item && at.set(item.key, values[v].fen));
  if (at.has('subtotal') || at.get('total') == null) return false;
  const extra = (at.get('meeting') ?? 0) + (at.get('training') ?? 0);
  if (extra === 0) return false;
  return at.get('total') === THREE_PUBLIC_PARTS.reduce((s, k) => s + (at.get(k) ?? 0), 0);
}
