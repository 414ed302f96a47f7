/**
 * OCR's words placed on the page and gathered into lines and runs (items.ts decides what the words
 * say; this file, where they stand): a scan laid askew is straightened, lines are found by the words'
 * overlap and given one baseline, a line's words close together run on as a printed cell does, and
 * each run is placed on the displayed page through its image's matrix.
 */
import type { DisplayedRun } from '../pdf/orient';
import type { OcrWord, ScanImage } from './types';

/** A word or a run in the straightened image's pixels (y down); an amount always stands alone as a run. */
export interface Placed {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  amount: boolean;
}

/** Punctuation: a wider gap beside it still runs on (「单位」 「；」 「元」 each in a box of its own). */
const PUNCTUATION = /^[，,。、:：;；]+$/;

export function median(values: number[]): number {
  const sorted = values.sort((a, b) => a - b);
  return sorted.length ? sorted[sorted.length >> 1] : 0;
}

/** Turns a point of the image by -skew about its centre: the page as if laid straight. */
export function straighten(image: ScanImage, skew: number): (x: number, y: number) => [number, number] {
  const cx = image.width / 2;
  const cy = image.height / 2;
  const cos = Math.cos(-skew);
  const sin = Math.sin(-skew);
  return (x, y) => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos];
}

export function place(w: OcrWord, amount: boolean, straight: (x: number, y: number) => [number, number]): Placed {
  const [x0, y0, x1, y1] = w.box;
  const [cx, cy] = straight((x0 + x1) / 2, (y0 + y1) / 2);
  const hw = (x1 - x0) / 2;
  const hh = (y1 - y0) / 2;
  return { text: w.text, x0: cx - hw, x1: cx + hw, top: cy - hh, bottom: cy + hh, amount };
}

/**
 * Words that share at least half the height of the lower of them with a line's first word, top to
 * bottom, each line left to right. Lines are started by words of at least half the usual height; a
 * flatter mark (一, a dash, 元 boxed by a stroke or two) then goes to the line it overlaps most, so
 * a line is not drawn through 一's thin box, nor a 元 made a line of its own.
 */
export function toLines(words: Placed[]): Placed[][] {
  const sorted = [...words].sort((a, b) => a.top + a.bottom - b.top - b.bottom);
  const usual = median(words.map((w) => w.bottom - w.top));
  const lines: { top: number; bottom: number; words: Placed[] }[] = [];
  const flat: Placed[] = [];
  const overlap = (l: { top: number; bottom: number }, w: Placed) => Math.min(l.bottom, w.bottom) - Math.max(l.top, w.top);
  for (const w of sorted) {
    if (w.bottom - w.top < usual / 2) {
      flat.push(w);
      continue;
    }
    const line = lines.find((l) => overlap(l, w) >= Math.min(l.bottom - l.top, w.bottom - w.top) / 2);
    // The line keeps its first word's height: a word made tall by a rule read with it (「“事业」)
    // would otherwise reach the line below (a head's second line).
    if (line) {
      line.words.push(w);
      continue;
    }
    lines.push({ top: w.top, bottom: w.bottom, words: [w] });
  }
  for (const w of flat) {
    let best: (typeof lines)[number] | null = null;
    for (const l of lines) if (overlap(l, w) > 0 && (!best || overlap(l, w) > overlap(best, w))) best = l;
    if (best) best.words.push(w);
    else lines.push({ top: w.top, bottom: w.bottom, words: [w] });
  }
  return lines.map((l) => l.words.sort((a, b) => a.x0 - b.x0));
}

/** A line's words → runs: text closer than `join` × the line's height runs on; an amount stands alone. */
export function joinWords(line: Placed[], size: number, edges: readonly Placed[]): Placed[] {
  const runs: Placed[] = [];
  const ruled = (a: Placed, b: Placed) => edges.some((e) => e.x0 >= a.x1 - size / 4 && e.x1 <= b.x0 + size / 4 && e.bottom > b.top && e.top < b.bottom);
  for (const w of line) {
    const last = runs[runs.length - 1];
    // Punctuation sits in a wide box of its own (「单位」 「；」 「元」): a wider gap still runs on.
    const gap = PUNCTUATION.test(w.text[0]) || PUNCTUATION.test(last?.text.slice(-1) ?? '') ? 1.5 : 0.9;
    if (last && !last.amount && !w.amount && w.x0 - last.x1 < size * gap && !ruled(last, w)) {
      last.text += w.text;
      last.x1 = Math.max(last.x1, w.x1);
      last.top = Math.min(last.top, w.top);
      last.bottom = Math.max(last.bottom, w.bottom);
      continue;
    }
    runs.push({ ...w });
  }
  return runs;
}

/**
 * A run in the straightened image → its baseline on the displayed page, through the image's
 * placement (its unit square, v up). Left straight: rows must read as rows; a box drawn on the page
 * view is off by at most the skew's drift (a few points at a page's edge).
 */
export function toDisplayed(run: Placed, size: number, image: ScanImage): DisplayedRun {
  const [a, b, c, d, e, f] = image.matrix;
  const onPage = (x: number, y: number): [number, number] => {
    const u = x / image.width;
    const v = 1 - y / image.height;
    return [a * u + c * v + e, b * u + d * v + f];
  };
  const [x0, y0] = onPage(run.x0, run.bottom);
  const [x1, y1] = onPage(run.x1, run.bottom);
  const [tx, ty] = onPage(run.x0, run.bottom - size);
  return { str: run.text, x0, y0, x1, y1, size: Math.hypot(tx - x0, ty - y0) };
}
