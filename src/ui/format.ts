import { displayWan, formatWan, type Fen } from '../lib/model/amount';
import { SCOPE_NAMES, STAGE_NAMES, type Scope, type Stage } from '../lib/model/keys';

export { displayWan };

/** The exact amount for a tooltip: the table shows 万元 rounded to two decimals, this is the figure as read. */
export function exactWan(fen: Fen): string {
  return `精确值 ${formatWan(fen)} 万元`;
}

/** True when the two-decimal display hides digits of the figure (a 元 table's cents, say). */
export function exactDiffers(fen: Fen): boolean {
  return fen % 10_000 !== 0;
}

export function docLabel(d: { unitName: string; year: number; scope: Scope; stage: Stage }): string {
  return `${d.unitName} ${d.year}年${SCOPE_NAMES[d.scope]}${STAGE_NAMES[d.stage]}`;
}

/**
 * Where on its pages a figure or a finding is: 「PDF 第 3 页」 for a PDF, 「第 3 页」 for a document
 * read from pages that are not a PDF's (an OFD, stored as its rebuilt text).
 */
export function pageWhere(page: number, isPdf: boolean): string {
  return `${isPdf ? 'PDF ' : ''}第 ${page} 页`;
}
