/**
 * What OCR read on a scanned image → text runs on the displayed page, as pdf.js gives a page with
 * text (pdf/orient.ts DisplayedRun), so the rest of the PDF reader reads a scan as any other page.
 *
 * - Amounts are taken from the digits model's reading where it read one over the place: the Chinese
 *   model's digits are the ones OCR gets wrong most (ocr/types.ts OcrRead).
 * - A CJK word comes out of the engine a character or two at a time: words on one line closer than
 *   about a character's width are one run, as a printed cell is; an amount is always a run of its own.
 * - A page scanned a little askew is turned straight by its lines' slope before lines are found, so
 *   a table's row stays one row from its first cell to its last.
 * - The punctuation OCR confuses in furniture the reader keys on (「单位：元」 read 「单位，元」) is put back.
 */
import type { DisplayedRun } from '../pdf/orient';
import type { OcrRead, OcrWord, ScanImage } from './types';
import { joinWords, median, place, straighten, toDisplayed, toLines } from './lines';

/** An amount as tables print it: 1,234.56, 1234.56, 0, -12.00. */
const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const CJK = /[\u3400-\u9fff]/;

export function scanRuns(read: OcrRead, image: ScanImage): DisplayedRun[] {
  // Its confidence is no guide (two like readings of one amount can score 0 and 90): an amount's shape is.
  const amounts = joinPieces(read.digits.flatMap(splitAtRules)).map((d) => ({ ...d, text: repairAmount(d.text.trim()) })).filter((d) => AMOUNT.test(d.text));
  const pieces = read.words.flatMap(splitAtRules);
  // A cell's rule read as a character (「|」「“|」「[」): kept apart, as the edge no run may cross.
  const rules = pieces.filter((w) => RULE.test(w.text));
  const typical = medianHeight(pieces);
  // A quote read onto an amount's first piece (「”1,」 「623.」 「18」) would keep the pieces apart.
  const cleaned = joinPieces(pieces.filter((w, i) => !RULE.test(w.text) && !isSpeck(w, typical, pieces[i - 1])).map((w) => ({ ...w, text: withoutEdges(w.text) })))
    .map((w) => ({ ...w, text: cleanWord(w.text) }))
    .filter((w) => w.text);
  const used = new Set<OcrWord>();
  const words = mergeUnderAmounts(cleaned, amounts, used);
  for (const w of words) {
    if (CJK.test(w.text) || !/\d/.test(w.text)) continue;
    // The digits model's reading of the same place: boxes that are much the same box.
    let best: OcrWord | null = null;
    let bestShare = 0.5;
    for (const a of amounts) {
      const share = sameness(a, w);
      if (share > bestShare) [best, bestShare] = [a, share];
    }
    // Digits misread keep their count (5 for 3); a reading longer than the Chinese model's took in a
    // neighbour (「2025」 and its 「年」 read 「20255」) unless the Chinese reading is no amount at all.
    if (best && (best.text.length === w.text.length || !AMOUNT.test(w.text))) {
      w.text = best.text;
      used.add(best);
    }
  }
  // An amount the Chinese model missed altogether, where it read nothing: the digits model over text
  // it may not read (CJK) gives digits of its own. Not a mark read as a digit (a closing quote read
  // 「7」 before 「”204.91」: 7,204.91 once the line is read): shorter than half a character, or
  // touching digits the Chinese model read, which would have read a digit there as part of them.
  const missed = amounts.filter((a) => !used.has(a) && a.box[3] - a.box[1] >= typical / 2 && words.every((w) => covered(a, w) < 0.1 && !touchesDigits(a, w)));
  const straight = straighten(image, read.skew);
  const placed = [...words.map((w) => place(w, AMOUNT.test(w.text), straight)), ...missed.map((a) => place(a, true, straight))];
  const edges = rules.map((r) => place(r, false, straight));
  const runs: DisplayedRun[] = [];
  for (const line of toLines(placed)) {
    const size = Math.max(...line.map((w) => w.bottom - w.top));
    // One baseline for the line: OCR boxes digits tightly and CJK characters a line's height, so
    // 「2025」 and its 「年」 would sit points apart and the reader take them for two lines.
    const bottom = median(line.map((w) => w.bottom));
    for (const run of joinWords(line, size, edges)) runs.push(toDisplayed({ ...run, bottom, text: run.amount ? run.text : cleanRun(run.text) }, size, image));
  }
  return runs;
}

/**
 * Pieces of one amount the Chinese model read apart (「1」 「774.70」: the thousands comma lost, a gap
 * left) that the digits model read as one amount over them (「1,774.70」) → one word. The digits must
 * be the same digits in the same order: two amounts of neighbouring cells are never taken for one,
 * and a piece the digits model did not see as part of the amount stays a word of its own.
 */
function mergeUnderAmounts(words: OcrWord[], amounts: readonly OcrWord[], used: Set<OcrWord>): OcrWord[] {
  const digitsOf = (s: string) => s.replace(/[^\d]/g, '');
  let out = words;
  for (const a of amounts) {
    const under = out.filter((w) => /^[\d.,]+$/.test(w.text) && covered(w, a) > 0.8).sort((x, y) => x.box[0] - y.box[0]);
    if (under.length < 2 || digitsOf(under.map((w) => w.text).join('')) !== digitsOf(a.text)) continue;
    const merged: OcrWord = { ...under[0], text: a.text, box: [...a.box] };
    out = out.filter((w) => !under.includes(w));
    out.push(merged);
    used.add(a);
  }
  return out;
}

/**
 * A separator misread in an amount: in 1.748.327.00 or 16.231,840.80 a point before three digits
 * and more is a thousands comma, and the last separator before two digits is the decimal point.
 */
export function repairAmount(text: string): string {
  const m = /^(-?\d{1,3})((?:[.,]\d{3})*)[.,](\d{2})$/.exec(text);
  if (!m || (!m[2] && !/^-?\d{1,3}[.,]\d{2}$/.test(text))) return text;
  return `${m[1]}${m[2].replace(/\./g, ',')}.${m[3]}`;
}

/** Table rules and quotes OCR reads as characters at a word's ends. */
function cleanWord(text: string): string {
  const bare = withoutEdges(text);
  return (/^-?[\d.,]+$/.test(bare) ? repairAmount(bare) : text.replace(/^[|｜]+|[|｜]+$/g, '')).trim();
}

/** A word of digits without the rules and quotes read at its ends; any other word as it is. */
function withoutEdges(text: string): string {
  const bare = text.replace(/^[|｜“”"'‘’]+|[|｜“”"'‘’]+$/g, '');
  return /^-?[\d.,]+$/.test(bare) ? bare : text;
}

/**
 * What OCR misreads in the words a disclosure is read by: 支 for 文 (「收文预算总表」, 「文出」), the
 * thin 一 of 一般 lost, the colon of 「单位：元」, brackets, and a ruled cell's edge read as letters
 * after a title. None of these misreadings is a word the documents use.
 */
const CONFUSIONS: [RegExp, string][] = [
  [/收文/g, '收支'],
  [/文出/g, '支出'],
  [/(^|[^一\d])般公共/g, '$1一般公共'],
  // 款, the densest character of a title, read as another (「财政拨亚收支预算总表」「财政拨舱基本支出」);
  // 财政拨付 and 财政拨入 are words of their own.
  [/财政拨(?![款付入])[\u3400-\u9fff](?=收支|收入|支出|基本|政府|一般|国有|项目|预算|决算|结转|“)/g, '财政拨款'],
  [/^(单位|金额单位|编制单位|编制部门)\s*[，,.。:;；]\s*/, '$1：'],
  [/^(单位|金额单位)\s*([万千亿]?元)$/, '$1：$2'],
  [/^(编制部门|编制单位)(?=[\u3400-\u9fff]|$)/, '$1：'],
  [/[〈《]+(?=[类款项一二三四五六七八九十])/g, '（'],
  // 〈 〉 are no marks of a disclosure: OCR's reading of （ ） (「因公出国〈境)费」, 「〈不含车辆)」).
  // 《 is the title mark (《预算法》) and is put back only before the words above.
  [/〈+/g, '（'],
  [/〉/g, '）'],
  [/(?<=[\u3400-\u9fff])\s*[a-zA-Z]{2,}$/, ''],
  // 「三、」 with its thin numeral lost: the label is known without it.
  [/^、/, ''],
  // 合 is the character OCR loses most in a ruled total row (「音计」「和谷计」); no other short word ends so.
  [/^[^合总小共累会统设审\d]{1,2}计$/, '合计'],
];

function cleanRun(text: string): string {
  for (const [from, to] of CONFUSIONS) text = text.replace(from, to);
  return text;
}

/** A table's rule as OCR reads it: bars, brackets, and quotes beside them. */
const RULE = /^[|｜\[\]【】“”"'‘’]*[|｜\[\]【】][|｜\[\]【】“”"'‘’]*$/;

/**
 * A speck or the crossing of two rules, not a character: punctuation alone read at no confidence, or
 * a character a third of the page's usual height (「网」 6 pixels tall in a header's rules). The flat
 * strokes (一, the dash) are that thin and are kept, and so is the 元 after 万, 千 or 亿: Tesseract
 * boxes it by its last stroke (6 × 10 pixels in a line 35 high).
 */
function isSpeck(w: OcrWord, typical: number, before: OcrWord | undefined): boolean {
  if (w.confidence < 30 && /^[，,。.“”"'‘’]+$/.test(w.text)) return true;
  if (w.text === '元' && before && /[万千亿]$/.test(before.text)) return false;
  return w.box[3] - w.box[1] < typical * 0.3 && CJK.test(w.text) && !/^[一二三]+$/.test(w.text);
}

function medianHeight(words: readonly OcrWord[]): number {
  return median(words.map((w) => w.box[3] - w.box[1]));
}

/** A word with a table's rule read inside it (「00|1,」: two cells' ends) → the pieces either side, boxes shared by characters. */
function splitAtRules(w: OcrWord): OcrWord[] {
  const parts = w.text.split(/([|｜])/);
  if (parts.length < 2) return [w];
  const per = (w.box[2] - w.box[0]) / w.text.length;
  const out: OcrWord[] = [];
  let at = 0;
  for (const part of parts) {
    if (part) out.push({ ...w, text: part, box: [w.box[0] + at * per, w.box[1], w.box[0] + (at + part.length) * per, w.box[3]] });
    at += part.length;
  }
  return out;
}

/**
 * An amount read in pieces (「371,」「514,」「655.」「00」: printed with wide separators, each gap a
 * word break to OCR) → one word. Pieces run on where a separator stands at the join and the gap is
 * under a character's height; two amounts side by side never meet at a separator. A piece may start
 * inside the box of the one before it: the Chinese model's boxes of digits in running text reach over
 * their neighbours (「121.」 boxed over the 「42」 and 「万」 after it).
 */
function joinPieces(words: readonly OcrWord[]): OcrWord[] {
  const piece = /^[\d.,]+$/;
  const sorted = [...words].sort((a, b) => a.box[0] - b.box[0]);
  const out: OcrWord[] = [];
  const open: OcrWord[] = [];
  for (const w of sorted) {
    if (!piece.test(w.text)) {
      out.push(w);
      continue;
    }
    const height = w.box[3] - w.box[1];
    const mid = (w.box[1] + w.box[3]) / 2;
    const left = open.find((o) => mid > o.box[1] && mid < o.box[3] && w.box[0] - o.box[2] < height && w.box[0] > o.box[0] && /[.,]$|^\d+$/.test(o.text) && (/[.,]$/.test(o.text) || /^[.,]/.test(w.text)));
    if (left) {
      left.text += w.text;
      left.box = [left.box[0], Math.min(left.box[1], w.box[1]), Math.max(left.box[2], w.box[2]), Math.max(left.box[3], w.box[3])];
      continue;
    }
    const own = { ...w, box: [...w.box] as OcrWord['box'] };
    open.push(own);
    out.push(own);
  }
  return out;
}

/**
 * Whether w holds digits on a's line less than one and a half of a's height away on either side (a
 * quote's gap: 「）”10.00」, the quote read 「7」 32 pixels before the 10 in a line 30 high). Two cells'
 * amounts stand further apart; were they closer, an amount is missed, never made.
 */
function touchesDigits(a: OcrWord, w: OcrWord): boolean {
  const height = a.box[3] - a.box[1];
  const overlap = Math.min(a.box[3], w.box[3]) - Math.max(a.box[1], w.box[1]);
  const gap = Math.max(w.box[0] - a.box[2], a.box[0] - w.box[2]);
  return overlap >= Math.min(height, w.box[3] - w.box[1]) / 2 && gap < height * 1.5 && /\d/.test(w.text);
}

/** Intersection over union: 1 for one box, 0 for boxes apart. */
function sameness(a: OcrWord, b: OcrWord): number {
  const inter = covered(a, b) * area(a);
  return inter ? inter / (area(a) + area(b) - inter) : 0;
}

function area(w: OcrWord): number {
  return (w.box[2] - w.box[0]) * (w.box[3] - w.box[1]);
}

/** The share of a's box that b's covers (boxes of neighbours touch: a pixel's overlap is no overlap). */
function covered(a: OcrWord, b: OcrWord): number {
  const w = Math.min(a.box[2], b.box[2]) - Math.max(a.box[0], b.box[0]);
  const h = Math.min(a.box[3], b.box[3]) - Math.max(a.box[1], b.box[1]);
  return w > 0 && h > 0 && area(a) > 0 ? (w * h) / area(a) : 0;
}

