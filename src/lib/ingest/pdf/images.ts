/**
 * The images a page draws, for a page with no text (a scan): pdf.js's operator list is walked for
 * its images and the transform each is drawn with, and each image large enough to hold text comes
 * back as grey pixels with where it stands on the displayed page (ocr/types.ts ScanImage). Knows
 * pdf.js's API, as load.ts does; used only by load.ts.
 */
import type * as PdfJs from 'pdfjs-dist';
import type { ScanImage } from '../ocr/types';

type Ops = (typeof PdfJs)['OPS'];
type Matrix = [number, number, number, number, number, number];

/** pdf.js's decoded image: `kind` 1 is 1 bit per pixel (rows padded to bytes, 1 white), 2 RGB, 3 RGBA. */
interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8ClampedArray | Uint8Array;
}

/** An image smaller than this share of the page is a logo or a seal, not a page of text. */
const MIN_SHARE = 0.05;
const MIN_PIXELS = 100;

export async function pageImages(page: PdfJs.PDFPageProxy, ops: Ops, vp: PdfJs.PageViewport): Promise<ScanImage[]> {
  const list = await page.getOperatorList();
  const found: { matrix: Matrix; image: Promise<DecodedImage | null> }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintImageXObject) found.push({ matrix: ctm, image: objectOf(page, args[0] as string) });
    else if (fn === ops.paintInlineImageXObject) found.push({ matrix: ctm, image: Promise.resolve(args[0] as DecodedImage) });
  }
  const pageArea = vp.width * vp.height;
  const images: ScanImage[] = [];
  for (const { matrix, image } of found) {
    const decoded = await image;
    if (!decoded?.data || decoded.width < MIN_PIXELS || decoded.height < MIN_PIXELS) continue;
    const shown = displayed(matrix, vp);
    if (Math.abs(shown[0] * shown[3] - shown[1] * shown[2]) < MIN_SHARE * pageArea) continue;
    const data = gray(decoded);
    if (data) images.push({ width: decoded.width, height: decoded.height, data, matrix: shown });
  }
  return images;
}

/** An image object once pdf.js has decoded it; null when it can't (the page goes without it). */
function objectOf(page: PdfJs.PDFPageProxy, id: string): Promise<DecodedImage | null> {
  // Images used on several pages live in the document's common objects (ids 「g_…」).
  const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    try {
      objs.get(id, (value: DecodedImage | null) => resolve(value ?? null));
    } catch {
      resolve(null);
    }
  });
}

/** The image's unit square in displayed coordinates: the drawing transform, then the viewport's. */
function displayed(ctm: Matrix, vp: PdfJs.PageViewport): Matrix {
  return multiply(vp.transform as Matrix, ctm);
}

/** m × n as PDF composes them: a point goes through n first, then m. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function gray(image: DecodedImage): Uint8Array | null {
  const { width, height, kind, data } = image;
  if (!data) return null;
  const out = new Uint8Array(width * height);
  if (kind === 1) {
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) out[y * width + x] = data[y * stride + (x >> 3)] & (0x80 >> (x & 7)) ? 255 : 0;
    }
    return out;
  }
  const step = kind === 3 ? 4 : kind === 2 ? 3 : 0;
  if (!step || data.length < width * height * step) return null;
  for (let i = 0, j = 0; i < out.length; i++, j += step) out[i] = (data[j] * 77 + data[j + 1] * 150 + data[j + 2] * 29) >> 8;
  return out;
}
