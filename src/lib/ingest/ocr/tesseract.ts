/**
 * The OCR engine: tesseract.js (Tesseract's LSTM recogniser compiled to WebAssembly), the only file
 * that knows its API. It is handed where its worker script, its WebAssembly core and its language
 * data are (node.ts for Node; browser.ts for the app, from our own build: nothing is fetched from a
 * CDN), and reads each image twice: with the simplified-Chinese model, and with the English model
 * allowed only what an amount is made of (ocr/types.ts OcrRead says why).
 */
import type * as Tesseract from 'tesseract.js';
import type { GrayImage, OcrEngine, OcrRead, OcrWord } from './types';

/** The library, handed in: its CommonJS build in Node, its own ES module build in the app (browser.ts). */
export type TesseractModule = Pick<typeof Tesseract, 'createWorker' | 'OEM' | 'PSM'>;

export interface TesseractPaths {
  /** tesseract.js's worker script; absent: the library's own default (Node). */
  workerPath?: string;
  /** The folder of tesseract.js-core's builds. */
  corePath: string;
  /** Folders holding chi_sim.traineddata.gz and eng.traineddata.gz. */
  chinese: string;
  english: string;
}

/** The amount characters the digits model may read. */
const DIGITS = '0123456789,.- ';

export async function startTesseract(tesseract: TesseractModule, paths: TesseractPaths): Promise<OcrEngine> {
  const { createWorker, OEM, PSM } = tesseract;
  const options = (langPath: string) => ({
    langPath,
    corePath: paths.corePath,
    ...(paths.workerPath ? { workerPath: paths.workerPath } : {}),
    workerBlobURL: false,
    gzip: true,
    // Never written anywhere by tesseract.js: the app's service worker keeps the data for offline use.
    cacheMethod: 'none',
  });
  const [chinese, digits] = await Promise.all([createWorker('chi_sim', OEM.LSTM_ONLY, options(paths.chinese)), createWorker('eng', OEM.LSTM_ONLY, options(paths.english))]);
  // Automatic page segmentation finds a table's cells as blocks of their own; spaces between CJK
  // characters are left out of words (items.ts joins words by their gaps).
  await chinese.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1' });
  await digits.setParameters({ tessedit_pageseg_mode: PSM.AUTO, tessedit_char_whitelist: DIGITS, preserve_interword_spaces: '1' });
  return {
    async read(image: GrayImage): Promise<OcrRead> {
      // Both builds take a file's bytes as a Uint8Array (their loadImage copies it), which the typings
      // leave out of ImageLike.
      const file = toPgm(image) as unknown as Buffer;
      const dpi = { user_defined_dpi: String(Math.round(image.dpi ?? 0)) };
      await Promise.all([chinese.setParameters(dpi), digits.setParameters(dpi)]);
      const [zh, en] = await Promise.all([chinese.recognize(file, {}, { blocks: true, text: false }), digits.recognize(file, {}, { blocks: true, text: false })]);
      return { words: wordsOf(zh.data.blocks), digits: wordsOf(en.data.blocks), skew: skewOf(zh.data.blocks) };
    },
    async close() {
      await Promise.all([chinese.terminate(), digits.terminate()]);
    },
  };
}

type Blocks = Tesseract.Page['blocks'];

function wordsOf(blocks: Blocks): OcrWord[] {
  const words: OcrWord[] = [];
  for (const b of blocks ?? [])
    for (const p of b.paragraphs)
      for (const l of p.lines)
        for (const w of l.words) words.push({ text: w.text, box: [w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1], confidence: w.confidence });
  return words;
}

/** The median slope of the page's lines wider than a fifth of the widest, longest first. */
function skewOf(blocks: Blocks): number {
  const lines = (blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines)).filter((l) => l.baseline);
  const widest = Math.max(0, ...lines.map((l) => l.baseline.x1 - l.baseline.x0));
  const slopes = lines
    .filter((l) => l.baseline.x1 - l.baseline.x0 > widest / 5)
    .map((l) => Math.atan2(l.baseline.y1 - l.baseline.y0, l.baseline.x1 - l.baseline.x0))
    .sort((a, b) => a - b);
  return slopes.length ? slopes[slopes.length >> 1] : 0;
}

/** Grey pixels as a binary PGM file, which Tesseract's image library reads as it is. */
function toPgm(image: GrayImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const file = new Uint8Array(head.length + image.data.length);
  file.set(head);
  file.set(image.data, head.length);
  return file;
}
