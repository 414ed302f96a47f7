import { displayWan, type Fen } from '../model/amount';

/** Change of a value against the previous column: exact in fen; the percentage is for display only. */
export function change(prev: Fen | null | undefined, cur: Fen | null | undefined): { change: Fen | null; pct: number | null } {
  if (prev == null || cur == null) return { change: null, pct: null };
  const d = cur - prev;
  return { change: d, pct: prev === 0 ? null : (d / Math.abs(prev)) * 100 };
}

/** A signed amount for text: +218.10 / −37.03. */
export function signedWan(fen: Fen): string {
  return fen < 0 ? `−${displayWan(-fen)}` : `+${displayWan(fen)}`;
}

/** 「增减 = 1,550.13 − 1,332.03 = +218.10」: how a change was derived, in words for the user. */
export function describeChange(prevLabel: string, prev: Fen, curLabel: string, cur: Fen): string {
  return `增减 = ${curLabel} ${displayWan(cur)} − ${prevLabel} ${displayWan(prev)} = ${signedWan(cur - prev)} 万元`;
}

export function formatPct(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return '';
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct).toFixed(1)}%`;
}
