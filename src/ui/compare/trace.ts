import { describeChange } from '../../lib/compare/change';
import type { Cell, Cite } from '../../lib/compare/types';

/**
 * What the 来源 panel shows for a clicked number: where it was read, or how it was derived and
 * from which figures. Built from the cells the worker returned; nothing is recomputed here except
 * the wording of a change.
 */
export interface Trace {
  title: string;
  amount: number;
  /** How the number was derived; null when it was read from one figure. */
  how: string | null;
  /** Set when a classification code was matched through the mapping table. */
  mapped: string | null;
  /** Why the number is marked (an outlier against the other units), said where a tap can read it. */
  note?: string | null;
  cites: { label: string; cite: Cite }[];
}

export function traceCell(title: string, cell: Cell, note: string | null = null): Trace {
  return {
    title,
    note,
    amount: cell.amount,
    how: cell.derived?.how ?? null,
    mapped: cell.mapped ?? null,
    cites: cell.source ? [{ label: '读自', cite: cell.source }] : (cell.derived?.inputs ?? []).map((cite) => ({ label: '依据', cite })),
  };
}

/** A change between two columns: the subtraction in words, and the figures of both sides. */
export function traceChange(title: string, prevLabel: string, prev: Cell, curLabel: string, cur: Cell): Trace {
  const sides = [traceCell(prevLabel, prev), traceCell(curLabel, cur)];
  return {
    title,
    amount: cur.amount - prev.amount,
    how: [describeChange(prevLabel, prev.amount, curLabel, cur.amount), ...sides.map((s) => s.how && `${s.title}：${s.how}`)].filter(Boolean).join('；'),
    mapped: cur.mapped ?? prev.mapped ?? null,
    cites: sides.flatMap((s) => s.cites.map((c) => ({ label: `${s.title} ${c.label}`, cite: c.cite }))),
  };
}
