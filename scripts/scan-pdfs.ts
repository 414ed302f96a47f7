/**
 * Writes a PDF as a scanner gives it: every page an image and nothing else (no text layer), made
 * from a PDF that has text, so what OCR reads back can be compared with what the text layer says.
 * Not run by CI (its outputs are committed where tests use them: test/unit/ingest/ocr/scans); needs
 * Debian's poppler-utils (`pdftoppm`) and, for --skew/--noise, ImageMagick (`convert`):
 *
 *   npx tsx scripts/scan-pdfs.ts IN.pdf OUT.pdf [--pages 9-12] [--dpi 150] [--quality 70] [--skew 0.4] [--noise] [--stamp]
 *
 * --stamp writes each page's number (「- 9 -」) as text over the image, as the tool that put the scans
 * together stamps it: a text layer of a few characters over a picture of the page.
 *
 * The pages are grey JPEGs (DCTDecode), at the size of the page they were made from, as a scanner's
 * software writes them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
// The first two arguments are the files; the rest are options.
const [input, output] = args;
if (!input || !output || input.startsWith('--') || output.startsWith('--')) throw new Error('usage: scan-pdfs.ts IN.pdf OUT.pdf [--pages A-B] [--dpi N] [--quality N] [--skew DEG] [--noise]');
const dpi = Number(opt('--dpi') ?? 150);
const quality = opt('--quality') ?? '70';
const [first, last] = (opt('--pages') ?? '').split('-');
const work = mkdtempSync(path.join(tmpdir(), 'scan-'));
try {
  const range = first ? ['-f', first, '-l', last || first] : [];
  execFileSync('pdftoppm', [...range, '-r', String(dpi), '-gray', '-jpeg', '-jpegopt', `quality=${quality}`, input, path.join(work, 'p')]);
  const pages = readdirSync(work).filter((f) => f.endsWith('.jpg')).sort();
  for (const f of pages) {
    const skew = opt('--skew');
    const ops = [...(skew ? ['-background', 'white', '-rotate', skew] : []), ...(args.includes('--noise') ? ['-attenuate', '0.3', '+noise', 'Gaussian'] : [])];
    if (ops.length) execFileSync('convert', [path.join(work, f), ...ops, '-quality', quality, path.join(work, f)]);
  }
  const stampFrom = args.includes('--stamp') ? Number(first || 1) : null;
  writeFileSync(output, imagePdf(pages.map((f) => readFileSync(path.join(work, f))), dpi, stampFrom));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * JPEG bytes → a PDF of one page per image, each page the image's size at `dpi`; with `stampFrom`,
 * each page's number from there printed at its foot in Helvetica (no font to embed).
 */
function imagePdf(jpegs: Buffer[], dpi: number, stampFrom: number | null): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body) && objects.length;
  const pagesRef = 2;
  const kids: number[] = [];
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('');
  const font = stampFrom === null ? 0 : add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (const [i, jpeg] of jpegs.entries()) {
    const { width, height } = jpegSize(jpeg);
    const w = (width * 72) / dpi;
    const h = (height * 72) / dpi;
    const image = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, 'latin1'), jpeg, Buffer.from('\nendstream', 'latin1')]));
    const stamp = stampFrom === null ? '' : ` BT /F1 10 Tf ${(w / 2 - 12).toFixed(2)} 20 Td (- ${stampFrom + i} -) Tj ET`;
    const draw = `q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q${stamp}`;
    const content = add(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}] /Resources << /XObject << /Im0 ${image} 0 R >>${font ? ` /Font << /F1 ${font} 0 R >>` : ''} >> /Contents ${content} 0 R >>`));
  }
  objects[pagesRef - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref, 'latin1')]);
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let i = 2;
  while (i < jpeg.length) {
    const marker = jpeg[i + 1];
    const length = jpeg.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) };
    i += 2 + length;
  }
  throw new Error('not a JPEG');
}
