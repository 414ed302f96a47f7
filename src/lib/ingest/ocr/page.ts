/**
 * A scanned page (a page with images and no text, pdf/load.ts) → a page with text, by OCR: each
 * image large enough to hold text is read (tesseract.ts) and its words become runs on the page
 * (items.ts), turned into the page's reading orientation as pdf.js text is (pdf/orient.ts).
 */
import { toReading } from '../pdf/orient';
import type { PdfPageText } from '../pdf/types';
import type { OcrEngine } from './types';
import { scanRuns } from './items';

export async function ocrPage(page: PdfPageText, engine: OcrEngine): Promise<PdfPageText> {
  if (!page.scan) return page;
  const { width, height, images } = page.scan;
  const runs = [];
  for (const image of images) {
    const [a, b] = image.matrix;
    const dpi = (image.width * 72) / Math.hypot(a, b);
    runs.push(...scanRuns(await engine.read({ ...image, dpi }), image));
  }
  const read = toReading(runs, width, height);
  return { page: page.page, width: read.width, height: read.height, items: read.items, turn: read.turn, ocr: true, ...(page.notes ? { notes: page.notes } : {}) };
}
