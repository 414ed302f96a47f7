import { describe, expect, it } from 'vitest';
import { ocrPage } from '../../../../src/lib/ingest/ocr/page';
import { readingScore, readsDown, turnImage, type ImageTurn } from '../../../../src/lib/ingest/ocr/turn';
import type { OcrEngine, OcrRead, OcrWord, ScanImage } from '../../../../src/lib/ingest/ocr/types';
import type { PdfPageText } from '../../../../src/lib/ingest/pdf/types';

const word = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 95): OcrWord => ({ text, box: [x0, y0, x1, y1], confidence });

/** Where the centre of pixel (x, y) of an image is drawn on the page: its matrix applied to its unit square. */
function drawnAt(image: ScanImage, x: number, y: number): [number, number] {
  const [a, b, c, d, e, f] = image.matrix;
  const u = (x + 0.5) / image.width;
  const v = 1 - (y + 0.5) / image.height;
  return [a * u + c * v + e, b * u + d * v + f];
}

describe('turnImage: the pixels turned, each drawn where it was', () => {
  // 4 × 3 pixels, each its own value, drawn 40 × 30 points at (100, 200), y down.
  const image: ScanImage = { width: 4, height: 3, data: Uint8Array.from({ length: 12 }, (_, i) => i * 10), matrix: [40, 0, 0, -30, 100, 230] };

  it.each([90, 180, 270] as ImageTurn[])('turned %i°', (turn) => {
    const turned = turnImage(image, turn);
    expect([turned.width, turned.height]).toEqual(turn === 180 ? [4, 3] : [3, 4]);
    for (let y = 0; y < turned.height; y++) {
      for (let x = 0; x < turned.width; x++) {
        const value = turned.data[y * turned.width + x];
        const from = image.data.indexOf(value);
        const [px, py] = drawnAt(turned, x, y);
        const [ox, oy] = drawnAt(image, from % image.width, Math.floor(from / image.width));
        expect(px).toBeCloseTo(ox);
        expect(py).toBeCloseTo(oy);
      }
    }
  });

  it('turns clockwise: the top-left pixel goes to the top right', () => {
    expect(turnImage(image, 90).data[2]).toBe(0);
    expect(turnImage(image, 270).data[9]).toBe(0);
  });
});

describe('readsDown and readingScore', () => {
  it('tells columns of vertical reading from lines', () => {
    const tall = Array.from({ length: 6 }, (_, i) => word('收支预算', 100 + 40 * i, 100, 130 + 40 * i, 220));
    const long = Array.from({ length: 6 }, (_, i) => word('收支预算', 100, 100 + 40 * i, 220, 130 + 40 * i));
    expect(readsDown(tall)).toBe(true);
    expect(readsDown(long)).toBe(false);
    // Single characters and digits say nothing: a column of 「1」s is no vertical text.
    expect(readsDown(Array.from({ length: 9 }, (_, i) => word('1', 100, 40 * i, 110, 40 * i + 30)))).toBe(false);
  });

  it('counts the CJK characters read with confidence', () => {
    expect(readingScore([word('收支预算', 0, 0, 1, 1, 96), word('总表', 0, 0, 1, 1, 40), word('2025', 0, 0, 1, 1, 96)])).toBe(4);
  });
});

/**
 * The turning decision with an engine that reads only what stands upright, as Tesseract does: for an
 * image a quarter turn from upright it answers columns of vertical text, for one upside down a few
 * low guesses, and the real lines only for the image turned back.
 */
function engineFor(upright: ScanImage): { engine: OcrEngine; reads: number[] } {
  const reads: number[] = [];
  const lines = [word('收支预算总表', 100, 20, 280, 50), ...Array.from({ length: 12 }, (_, i) => word('一般公共服务支出', 40, 80 + 40 * i, 280, 110 + 40 * i))];
  const engine: OcrEngine = {
    async read(image): Promise<OcrRead> {
      const same = image.width === upright.width && image.data.every((v, i) => v === upright.data[i]);
      reads.push(image.width);
      if (same) return { words: lines, digits: [], skew: 0 };
      // Read turned: a quarter as columns, a half as a few low guesses.
      const columns = image.width !== upright.width;
      const words = columns ? lines.map((w, i) => word(w.text, 20 + 30 * i, 40, 45 + 30 * i, 280, 90)) : [word('囗', 10, 10, 20, 20, 20)];
      return { words, digits: [], skew: 0 };
    },
    async close() {},
  };
  return { engine, reads };
}

describe('ocrPage: a page scanned turned is turned back before it is read', () => {
  // Upright: 300 wide, 600 high (lines across); its pixels each their own value, so a turn is seen.
  const uprightImage: ScanImage = { width: 300, height: 600, data: Uint8Array.from({ length: 300 * 600 }, (_, i) => i % 251), matrix: [300, 0, 0, -600, 0, 600] };

  it.each([90, 270, 180] as ImageTurn[])('scanned turned %i°: its lines read across, in the page’s reading turn', async (scanned) => {
    const image = turnImage(uprightImage, scanned);
    const { engine, reads } = engineFor(uprightImage);
    const page: PdfPageText = { page: 1, width: 600, height: 600, items: [], scan: { width: 600, height: 600, images: [image] } };
    const read = await ocrPage(page, engine);
    expect(read.items.map((i) => i.str).slice(0, 2)).toEqual(['收支预算总表', '一般公共服务支出']);
    expect(read.items).toHaveLength(13);
    // Read as scanned, then turned: sideways, both quarters (the better kept); upside down, until upright.
    expect(reads).toHaveLength(scanned === 180 ? 4 : 3);
  });

  it('reads a page read well upright once', async () => {
    const { engine, reads } = engineFor(uprightImage);
    const page: PdfPageText = { page: 1, width: 600, height: 600, items: [], scan: { width: 600, height: 600, images: [uprightImage] } };
    const read = await ocrPage(page, engine);
    expect(read.items).toHaveLength(13);
    expect(reads).toHaveLength(1);
  });
});
