/**
 * A page scanned sideways or upside down (an A3 table fed into the scanner turned, a page the wrong
 * way up): its image is turned before OCR, since Tesseract reads only upright lines. Tesseract's own
 * orientation detection needs its legacy engine and a model of its own, neither of which the app
 * bundles; the page's own reading says instead whether it was upright: read as columns (readsDown)
 * or read poorly (readingScore), the image is turned and read again (ocr/page.ts).
 *
 * The turned image keeps its place on the page: its matrix is the original's composed with the turn,
 * so the words it gives land where they stand on the displayed page, running up or down it, as
 * pdf.js's text of a page drawn turned does, and pdf/orient.ts turns the page to read it.
 */
import type { OcrWord, ScanImage } from './types';

/** Clockwise quarter turns applied to the image before it is read. */
export type ImageTurn = 90 | 180 | 270;

export function turnImage(image: ScanImage, turn: ImageTurn): ScanImage {
  const { width: w, height: h, data } = image;
  const [a, b, c, d, e, f] = image.matrix;
  const out = new Uint8Array(data.length);
  if (turn === 180) {
    for (let i = 0, n = data.length; i < n; i++) out[n - 1 - i] = data[i];
    // (u, v) of the turned image is (1 - u, 1 - v) of the original.
    return { ...image, data: out, matrix: [-a, -b, -c, -d, a + c + e, b + d + f] };
  }
  // Turned a quarter, the image is h wide and w high.
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      // Clockwise: the original's (x, y) goes to (h - 1 - y, x); counter-clockwise to (y, w - 1 - x).
      const at = turn === 90 ? x * h + (h - 1 - y) : (w - 1 - x) * h + y;
      out[at] = data[row + x];
    }
  }
  // In unit coordinates, clockwise: u = 1 - v', v = u'; counter-clockwise: u = v', v = 1 - u'.
  const matrix: ScanImage['matrix'] = turn === 90 ? [c, d, -a, -b, a + e, b + f] : [-c, -d, a, b, c + e, d + f];
  return { ...image, width: h, height: w, data: out, matrix };
}

/**
 * How well a reading went: the CJK characters read with confidence. A page read upright gives
 * hundreds at 90 and more; read sideways, Tesseract gives a few dozen guesses at low confidence.
 */
export function readingScore(words: readonly OcrWord[]): number {
  let score = 0;
  for (const w of words) if (w.confidence >= CONFIDENT) for (const ch of w.text) if (/[\u3400-\u9fff]/.test(ch)) score++;
  return score;
}

const CONFIDENT = 80;

/**
 * Whether the words were read as columns: more of the words of two CJK characters or more stand tall
 * (half again as high as wide) than lie long. Upright, such a word is a line's piece, wider than high.
 */
export function readsDown(words: readonly OcrWord[]): boolean {
  let tall = 0;
  let long = 0;
  for (const w of words) {
    if (w.text.length < 2 || !/[\u3400-\u9fff]{2}/.test(w.text)) continue;
    const width = w.box[2] - w.box[0];
    const height = w.box[3] - w.box[1];
    if (height > width * 1.5) tall++;
    else if (width > height * 1.5) long++;
  }
  return tall > long && tall >= 5;
}
