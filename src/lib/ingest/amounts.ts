import { FEN_PER_WAN, FEN_PER_YUAN, parseDecimal, type Fen } from '../model/amount';

export type AmountCell =
  | { kind: 'blank' }
  | { kind: 'value'; fen: Fen }
  | { kind: 'bad'; text: string };

const BLANK = /^(?:-{1,3}|—{1,2}|－|\/|／|\\|无|空)?$/;

/**
 * A printed amount → exact fen. Accepts what the seeds really print: stray spaces (「0.23 」),
 * thousands separators (「1,234.56」), full-width punctuation, a minus written as 「－」 or 「−」, and
 * accounting negatives 「(12.5)」. Dashes and empty cells are blank, never zero: FORMAT.md keeps
 * blank and 0 apart.
 */
export function parseAmountCell(text: string, fenPerUnit: number = FEN_PER_WAN): AmountCell {
  let s = text.replace(/\s+/g, '');
  if (BLANK.test(s)) return { kind: 'blank' };
  s = s.replace(/[．]/g, '.').replace(/[－−–]/g, '-').replace(/[，,](?=\d{3}(?:\D|$))/g, '');
  let negative = false;
  const paren = /^[（(](.+)[)）]$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  const fen = parseDecimal(s, fenPerUnit);
  if (fen === null) return { kind: 'bad', text };
  return { kind: 'value', fen: negative ? -fen : fen };
}

/** A number printed in running text with its unit (「1441.7万元」「0元」) → fen, or null. */
export function parseStatedAmount(num: string, unit: string): Fen | null {
  const cell = parseAmountCell(num, unit === '元' ? FEN_PER_YUAN : FEN_PER_WAN);
  return cell.kind === 'value' ? cell.fen : null;
}

/** The money unit a table declares (「单位：万元」, 「金额单位：元」, and the typo 「部门：万元」). */
export function unitOfMeasure(cell: string): number | null {
  const m = /(?:^|[（(])(?:金额)?(?:单位|部门)[:：]\s*(万元|元)/.exec(cell.replace(/\s+/g, ''));
  if (!m) return null;
  return m[1] === '元' ? FEN_PER_YUAN : FEN_PER_WAN;
}
