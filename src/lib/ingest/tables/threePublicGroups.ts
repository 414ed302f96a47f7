import type { Row } from '../lines';
import { printFen } from '../amounts';
import { compact } from '../normalize';
import type { ThreePublicItem } from '../../model/tables/threePublic';
import type { Value } from './threePublicFunds';

/**
 * The 三公 table printed in column groups, the same heads under each (吉林's template, 长春: 「“三公”经费合计
 * | 当年预算 (小计 | 小计 | 因公出国 | 科研因公出国 | 小计 | 购置费 | 运行费 | 接待费) | 上年结转结余 (the same)」),
 * one head over every amount. Read in order, 17 amounts went to 7 items by position, silently wrong.
 *
 * Each column's head names what it holds; the heads after the 合计 repeat with a period, the groups.
 * Within a group a 小计 stands before its parts: the one before 因公出国 is 因公出国's (its parts, the
 * 因公出国 and 科研 columns, are not read), the one before 购置费 公务用车's, and the one opening the
 * group is the group's 三公 (the 合计 is read instead). Each item is the sum of its groups (in 分).
 * Only where the table then closes (合计 = 出国 + 用车 + 接待, 用车 = 购置 + 运行); null otherwise.
 */
export function itemsByGroup(header: readonly Row[], values: readonly Value[], fenPerUnit: number): { key: ThreePublicItem; value: Value }[] | null {
  if (values.length < 5 || values.some((v) => v.fen === null)) return null;
  const heads = header.find((r) => values.every((v) => compact(r.cells[v.col] ?? '') !== ''));
  if (!heads) return null;
  // Groups by period are no parts to add (西安: 上年 | 当年 | 增减变化情况, each over the same heads);
  // 上年结转结余 is money carried over, a part.
  if (header.some((r) => r.cells.some((c) => PERIOD_GROUP.test(compact(c))))) return null;
  const words = values.map((v) => headWord(compact(heads.cells[v.col])));
  if (words[0] !== 'total' || words.includes(null)) return null;
  const rest = words.slice(1) as string[];
  const period = groupPeriod(rest);
  if (!period) return null;
  const keys = groupKeys(rest.slice(0, period));
  if (!keys) return null;
  const out: { key: ThreePublicItem; value: Value }[] = [{ key: 'total', value: values[0] }];
  keys.forEach((key, k) => {
    if (!key) return;
    const parts = values.filter((_, v) => v > 0 && (v - 1) % period === k);
    const fen = parts.reduce((sum, p) => sum + p.fen!, 0);
    const alone = parts.filter((p) => p.fen !== 0);
    out.push({ key, value: { col: parts[0].col, text: alone.length === 1 ? alone[0].text : alone.length ? printFen(fen, fenPerUnit) : parts[0].text, fen, line: (alone[0] ?? parts[0]).line } });
  });
  const fen = (k: ThreePublicItem) => out.find((o) => o.key === k)?.value.fen ?? 0;
  const closes = fen('total') === fen('overseas') + fen('vehicle') + fen('reception') && fen('vehicle') === fen('vehicle_purchase') + fen('vehicle_operation');
  return closes ? out : null;
}

const PERIOD_GROUP = /增减|变化|变动|^上年(?!结转|结余)|^\d{4}年|^(?:上年|本年|当年)?(?:预算|决算)数$/;

/** A head's word: 合计, 小计, or the item it names (a group's word run into it taken off). */
function headWord(c: string): string | null {
  if (/合计|总计/.test(c)) return 'total';
  if (/科研/.test(c)) return 'research';
  if (/小计$/.test(c)) return 'subtotal';
  const rest = c.replace(/^公务用车购置(?:及|和)运行(?:维护)?费(?=.)/, '');
  if (/购置费?$/.test(rest)) return 'purchase';
  if (/运行(?:维护)?费$/.test(rest)) return 'operation';
  if (/因公出国/.test(rest)) return 'overseas';
  if (/公务接待/.test(rest)) return 'reception';
  return null;
}

/** The shortest period with which the heads repeat, two groups or more; 0 for none. */
function groupPeriod(words: readonly string[]): number {
  for (let p = 2; p * 2 <= words.length; p++) {
    if (words.length % p === 0 && words.every((w, i) => i < p || w === words[i - p])) return p;
  }
  return 0;
}

/** The item of each head of one group, a 小计 by what follows it; null where a group reads otherwise. */
function groupKeys(words: readonly string[]): (ThreePublicItem | null)[] | null {
  const keys: (ThreePublicItem | null)[] = [];
  let inOverseas = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (w === 'subtotal') {
      inOverseas = next === 'overseas';
      if (!inOverseas && next !== 'purchase' && i > 0) return null;
      keys.push(inOverseas ? 'overseas' : next === 'purchase' ? 'vehicle' : null);
    } else if (w === 'overseas' || w === 'research') keys.push(inOverseas ? null : w === 'overseas' ? 'overseas' : null);
    else {
      inOverseas = false;
      keys.push(w === 'purchase' ? 'vehicle_purchase' : w === 'operation' ? 'vehicle_operation' : w === 'reception' ? 'reception' : null);
    }
  }
  return keys.includes('overseas') || keys.includes('reception') ? keys : null;
}
