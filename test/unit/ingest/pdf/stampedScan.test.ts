import { describe, expect, it } from 'vitest';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';

/**
 * Which pages go to OCR (pdf/load.ts): a page with no text and a picture, and a picture of the whole
 * page with a few words stamped over it (a page number); not a page of text with a picture under a
 * short title (a cover), nor a page of text with a picture covering it whole.
 */

/** One A4 page: a grey picture covering `share` of the page, centred, and `text` in Helvetica over it. */
function pagePdf(share: number, text: string, size = 10): Uint8Array {
  const [w, h] = [595, 842];
  const side = Math.sqrt(share);
  const [iw, ih] = [w * side, h * side];
  const pixels = 'f'.repeat(2 * 200 * 200);
  const draw = `q ${iw.toFixed(2)} 0 0 ${ih.toFixed(2)} ${((w - iw) / 2).toFixed(2)} ${((h - ih) / 2).toFixed(2)} cm /Im0 Do Q`
    + (text ? ` BT /F1 ${size} Tf 200 60 Td (${text}) Tj ET` : '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> /Font << /F1 5 0 R >> >> /Contents 6 0 R >>`,
    `<< /Type /XObject /Subtype /Image /Width 200 /Height 200 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${pixels.length + 1} >>\nstream\n${pixels}>\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

async function firstPage(bytes: Uint8Array) {
  const opened = await openPdfNode(bytes);
  if (!opened.ok) throw new Error(opened.reason);
  try {
    return await opened.source.page(1);
  } finally {
    await opened.source.close();
  }
}

describe('a page that is a picture of itself goes to OCR, a stamp on it or not', () => {
  it('a whole-page picture with its page number stamped over it is a scan; the number stays with the page', async () => {
    const page = await firstPage(pagePdf(1, '- 9 -'));
    expect(page.scan?.images).toHaveLength(1);
    expect(page.items.map((i) => i.str).join('')).toContain('9');
  });

  it('a whole-page picture and no text is a scan, as before', async () => {
    expect((await firstPage(pagePdf(0.95, ''))).scan?.images).toHaveLength(1);
  });

  it('a cover: a title over a picture of half the page is a page of text', async () => {
    const page = await firstPage(pagePdf(0.54, 'Jiangsu 2017', 28));
    expect(page.scan).toBeUndefined();
    expect(page.items.map((i) => i.str).join('')).toContain('2017');
  });

  it('a page of text over a whole-page picture (a letterhead) is a page of text', async () => {
    const page = await firstPage(pagePdf(1, 'x'.repeat(60)));
    expect(page.scan).toBeUndefined();
  });
});
