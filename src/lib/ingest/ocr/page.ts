/**
 * A scanned page (a page with images and no text, pdf/load.ts) → a page with text, by OCR: each
 * image large enough to hold text is read (tesseract.ts) and its words become runs on the page
 * (items.ts), turned into the page's reading orientation as pdf.js text is (pdf/orient.ts).
 */
import { toReading } from '../pdf/orient';
import type { PdfPageText } from '../pdf/types';
import type { OcrEngine, OcrRead, ScanImage } from './types';
import { scanRuns } from './items';
import { readingScore, readsDown, turnImage, type ImageTurn } from './turn';

export async function ocrPage(page: PdfPageText, engine: OcrEngine): Promise<PdfPageText> {
  if (!page.scan) return page;
  const { width, height, images } = page.scan;
  const runs = [];
  for (const image of images) {
    const [a, b] = image.matrix;
    const dpi = (image.width * 72) / Math.hypot(a, b);
    const { read, turned } = await readUpright(image, dpi, engine);
    runs.push(...scanRuns(read, turned));
  }
  const read = toReading(runs, width, height);
  // The few words stamped over the picture (a page number) stand with what OCR read, where both
  // are read the same way up: in one frame, the page's.
  const stamped = page.items.length && (page.turn ?? 0) === (read.turn ?? 0) ? page.items : [];
  return { page: page.page, width: read.width, height: read.height, items: [...read.items, ...stamped], turn: read.turn, ocr: true, ...(page.notes ? { notes: page.notes } : {}) };
}

/**
 * The image read as it stands and, where that reading is not of upright lines, turned (turn.ts):
 * - read as columns (readsDown: Tesseract takes a page scanned sideways for vertical CJK text, and
 *   its words, a line each, are tall and narrow): turned a quarter each way, the better reading kept;
 * - read poorly: turned a quarter each way and upside down, a turned reading kept only where it is
 *   far better.
 * A page read well upright (most are) is read once.
 */
async function readUpright(image: ScanImage, dpi: number, engine: OcrEngine): Promise<{ read: OcrRead; turned: ScanImage }> {
  const read = await engine.read({ ...image, dpi });
  const sideways = readsDown(read.words);
  let best = { read, turned: image, score: sideways ? -1 : readingScore(read.words) };
  if (best.score >= GOOD_READING) return best;
  for (const turn of sideways ? QUARTERS : TURNS) {
    const turned = turnImage(image, turn);
    const again = await engine.read({ ...turned, dpi });
    // Read as columns again (a page upside down turned a quarter is sideways): no upright reading.
    const score = readsDown(again.words) ? -1 : readingScore(again.words);
    // Twice as many, and some: a page of little text read a little better turned, or noise read as a
    // few characters, is no turned page.
    if (sideways ? score > best.score : score > Math.max(best.score * 2, GOOD_READING / 4)) best = { read: again, turned, score };
    if (!sideways && best.score >= GOOD_READING) break;
  }
  return best;
}

/** CJK characters read with confidence that say a page was read the right way up. */
const GOOD_READING = 60;

const TURNS: readonly ImageTurn[] = [90, 270, 180];
const QUARTERS: readonly ImageTurn[] = [90, 270];
