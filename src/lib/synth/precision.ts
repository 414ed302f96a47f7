import type { Fen } from '../model/amount';
import type { SynthDocument } from './model';
import { mix, Rng } from './random';

/**
 * The same document with amounts to the 元 and 分 (0.01 元 = 1 fen), as tables printed in 元 show
 * them (「96,282,213.44」): each leaf moves by less than 1 万元, so the document keeps its shape, and
 * every sum still closes because totals are derived from the leaves. The 经济分类 leaves absorb the
 * 基本支出's change so that 人员 + 公用 = 基本 still holds. 三公 parts stay whole 0.01 万元: Shanghai
 * prints that table in 万元 even when the rest is in 元.
 */
export function toYuanPrecision(doc: SynthDocument): SynthDocument {
  const rng = new Rng(mix(mix(0x79a4, doc.unitIndex), doc.year));
  // Half the leaves get whole 元, half carry 分 too.
  const jitter = (): Fen => (rng.chance(0.5) ? rng.int(-99, 99) * 100 : rng.int(-9_999, 9_999));
  const moved = (v: Fen, floor: Fen): Fen => (v === 0 ? 0 : Math.max(floor, v + jitter()));
  const items = doc.items.map((i) => {
    const project = moved(i.project, Math.max(100, i.carryover));
    return { ...i, basic: moved(i.basic, 100), project };
  });
  const basic = items.reduce((s, i) => s + i.basic, 0);
  const economic = doc.economic.map((e) => ({ ...e, amount: moved(e.amount, 100) }));
  // The largest 款 takes up the difference, so 经济分类 adds up to the 基本支出 exactly.
  const largest = economic.reduce((a, b) => (b.amount > a.amount ? b : a));
  largest.amount += basic - economic.reduce((s, e) => s + e.amount, 0);
  if (largest.amount <= 0) throw new RangeError('toYuanPrecision: the economic leaves cannot absorb the change');
  return { ...doc, items, economic };
}

/** The same document with nothing paid from 上年结转 (layouts whose tables print no carry-over column). */
export function withoutCarryover(doc: SynthDocument): SynthDocument {
  return { ...doc, items: doc.items.map((i) => ({ ...i, carryover: 0 })) };
}
