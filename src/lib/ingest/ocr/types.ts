/**
 * What the PDF reader needs from an OCR engine, and nothing more (as pdf/types.ts is for pdf.js):
 * a page's image in, words with their boxes out. The engine (tesseract.js, tesseract.ts) sits behind
 * `OcrEngine`, so turning words into a page's text (items.ts) is pure code tests can drive by hand.
 */

/** 8-bit grey pixels, row by row from the top, 0 black. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
  /** Pixels per inch as printed, when known: Tesseract's guess from the text's size can be far off. */
  dpi?: number;
}

/** A word as recognised: its text, its box in the image's pixels (y down), and the engine's confidence (0–100). */
export interface OcrWord {
  text: string;
  box: [x0: number, y0: number, x1: number, y1: number];
  confidence: number;
}

/**
 * One image read twice: `words` by the Chinese model (everything on the page), `digits` by a model
 * allowed only digits, commas, points and minus signs. The Chinese model misreads digits often
 * (5 as 3, 6 as 0: a table's sums would fail for the reading, not the document); the digits model
 * reads them well and is asked only where an amount stands.
 */
export interface OcrRead {
  words: OcrWord[];
  digits: OcrWord[];
  /** How far the page's lines fall to the right, in radians (a scan laid a little askew): the median of its long lines. */
  skew: number;
}

export interface OcrEngine {
  read(image: GrayImage): Promise<OcrRead>;
  close(): Promise<void>;
}

/** Starts an engine the first time a scanned page is met: most files never need one. */
export type OcrStart = () => Promise<OcrEngine>;

/**
 * An image drawn on a page with no text (a scan): its pixels, and where it stands on the page as
 * displayed. `matrix` maps the image's unit square (u right, v up, as PDF draws images) to displayed
 * coordinates (x right, y down, points).
 */
export interface ScanImage extends GrayImage {
  matrix: [a: number, b: number, c: number, d: number, e: number, f: number];
}
