import type { PdfPageText, PdfTextItem } from '../../../../src/lib/ingest/pdf/types';

/**
 * Pages built by hand, item by item, for tests of the PDF reader's geometry: what a producer's text
 * runs would be, without printing a PDF. Widths follow the reader's own estimate (fragments.ts: CJK
 * one em, 「.,」 a quarter, the rest half), so a run's extent is what the reader would guess for it.
 */
export const SIZE = 9;

const WIDE = /[\u2E80-\u9FFF\uFF00-\uFF60\u3000-\u303F]/;
const em = (ch: string) => (WIDE.test(ch) ? 1 : /[.,:;]/.test(ch) ? 0.25 : 0.5);
export const widthOf = (text: string, size = SIZE) => [...text].reduce((w, ch) => w + em(ch) * size, 0);

/** One run. `x` is its left end; with `right`, `x` is its right end (an amount right-aligned in its cell). */
export function run(text: string, x: number, y: number, { right = false, size = SIZE } = {}): PdfTextItem {
  const width = widthOf(text, size);
  return { str: text, x: right ? x - width : x, y, width, size };
}

/**
 * The run cut into runs set edge to edge at the given character counts, as producers that write each
 * digit group as a run of its own do: 「1,237.14」 cut [1] → 「1」「,237.14」. `cuts` empty: one run per
 * character.
 */
export function pieces(item: PdfTextItem, cuts: readonly number[] = []): PdfTextItem[] {
  const chars = [...item.str];
  const sizes = cuts.length ? [...cuts, chars.length - cuts.reduce((a, b) => a + b, 0)] : chars.map(() => 1);
  const out: PdfTextItem[] = [];
  let at = 0;
  let x = item.x;
  for (const n of sizes) {
    if (n <= 0) continue;
    const str = chars.slice(at, at + n).join('');
    const width = widthOf(str, item.size);
    out.push({ str, x, y: item.y, width, size: item.size });
    x += width;
    at += n;
  }
  return out;
}

export function page(items: PdfTextItem[], n = 1): PdfPageText {
  return { page: n, width: 842, height: 595, items };
}
