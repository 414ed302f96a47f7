/**
 * What the PDF reader needs from a PDF engine, and nothing more: per page, its size and its text
 * items with their positions. The engine (pdf.js) sits behind `PdfSource` (load.ts), so everything
 * from items to figures is pure code that runs the same in the browser and in Node.
 */
import type { OcrStart, ScanImage } from '../ocr/types';

/** One run of text as the engine gives it. PDF user space: origin bottom left, y up, in points. */
export interface PdfTextItem {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface PdfPageText {
  /** 1-based page number. */
  page: number;
  /** Size in the reading orientation (orient.ts). */
  width: number;
  height: number;
  items: PdfTextItem[];
  /** What could not be read on the page (a damaged file), for the document's warnings. */
  notes?: string[];
  /** Clockwise quarter turns from the reading orientation to the page as displayed (absent: 0). */
  turn?: 0 | 90 | 180 | 270;
  /**
   * A page with no text but images (a scan): the images, and the page's displayed size, for OCR
   * (ocr/page.ts). Only given when the page has no text.
   */
  scan?: { width: number; height: number; images: ScanImage[] };
  /** The items were read by OCR from the page's images (ocr/page.ts). */
  ocr?: true;
  /** Its text was left out, and said so, by whoever made the page (spacedRead.ts): no 「blank page」. */
  left?: true;
}

/** A box in PDF user space: [x0, y0, x1, y1], y up. */
export type Box = [number, number, number, number];

/** An opened PDF: its pages are read one at a time, so a long file can report progress and stop. */
export interface PdfSource {
  readonly pageCount: number;
  page(n: number): Promise<PdfPageText>;
  close(): Promise<void>;
}

/** Why a PDF could not be opened; each becomes a message naming the file (messages.ts). */
export type PdfOpenFailure = 'encrypted' | 'corrupt' | 'unavailable';

export type PdfOpen = (bytes: Uint8Array) => Promise<{ ok: true; source: PdfSource } | { ok: false; reason: PdfOpenFailure; detail?: string }>;

export interface PdfReadOptions {
  /** Called after each page is read: pages read so far, and the page count. */
  onPage?: (done: number, total: number) => void;
  /**
   * Reads a scanned page (images, no text) by OCR; without it a file of scans is refused with a
   * message. Started on the first such page only.
   */
  ocr?: OcrStart;
  /** Checked between pages; when it returns true the import stops and nothing is imported. */
  cancelled?: () => boolean;
}

/** Whether the bytes are a PDF: 「%PDF-」 within the first 1024 bytes, as readers accept it. */
export function isPdf(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - 4, 1024);
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}
