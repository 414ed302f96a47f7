import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { openPdfNode } from '../../../../src/lib/ingest/pdf/node';
import { readPdf } from '../../../../src/lib/ingest/pdf/read';
import type { PdfOpen } from '../../../../src/lib/ingest/pdf/types';
import { corpusBytes, corpusDir, mismatches, shanghaiGold } from './corpus';
import { printPdfs } from './print';

const FILE = 'putuo-qzfb-2025-department.pdf';
const open = { openPdf: openPdfNode };
let scanned: Uint8Array;
let novel: Uint8Array;
const tmp = mkdtempSync(path.join(tmpdir(), 'budget-lens-pdf-'));

beforeAll(async () => {
  // A scan: a page that is one picture (a canvas, printed as an image), no text layer.
  const scan = `<canvas id="c" width="600" height="300"></canvas><script>
    const g = document.getElementById('c').getContext('2d');
    g.fillStyle = '#eee'; g.fillRect(0, 0, 600, 300); g.fillStyle = '#000'; g.font = '40px sans-serif';
    g.fillText('2023 budget 1441.70', 20, 150);</script>`;
  const prose = '<meta charset="utf-8"><h1>春游记</h1><p>春天来了，我们去公园散步，看见很多花。</p><p>中午在湖边吃了饭，下午回家。</p>';
  [scanned, novel] = await printPdfs([scan, prose]);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('bad PDFs: a clear message naming the file, nothing imported', () => {
  it('a scan with no text layer', async () => {
    const r = await importFile(scanned, 'scan.pdf', open);
    expect(r.ok ? 'imported' : r.error).toContain('「scan.pdf」此PDF为扫描件，没有文字层，无法读取');
  });

  it('a password-protected PDF (encrypted with qpdf)', async () => {
    const out = path.join(tmp, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', path.join(corpusDir, FILE), out]);
    const r = await importFile(new Uint8Array(readFileSync(out)), 'locked.pdf', open);
    expect(r.ok ? 'imported' : r.error).toMatch(/^「locked\.pdf」是加密（有密码保护）的 PDF/);
  });

  it.each([0.2, 0.6, 0.97])('a file cut off at %s of its length', async (fraction) => {
    const bytes = corpusBytes(FILE);
    const r = await importFile(bytes.slice(0, Math.floor(bytes.length * fraction)), 'cut.pdf', open);
    expect(r.ok ? 'imported' : r.error).toMatch(/^「cut\.pdf」不是完整有效的 PDF/);
  });

  it('garbage after a PDF header', async () => {
    const r = await importFile(new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(500)), 'junk.pdf', open);
    expect(r.ok ? 'imported' : r.error).toMatch(/^「junk\.pdf」不是完整有效的 PDF/);
  });

  it('a PDF that is not a disclosure', async () => {
    const r = await importFile(novel, 'novel.pdf', open);
    expect(r.ok ? 'imported' : r.error).toMatch(/^「novel\.pdf」不像是部门预算或决算公开文件/);
  });

  it('a PDF where no reader was given', async () => {
    const r = await importFile(corpusBytes(FILE), FILE, {});
    expect(r.ok ? 'imported' : r.error).toContain('PDF');
  });
});

describe('pages that cannot be read', () => {
  /** The Node opener, with page `broken` throwing as a damaged page would. */
  const breaking = (broken: number): PdfOpen => async (bytes) => {
    const o = await openPdfNode(bytes);
    if (!o.ok) return o;
    const inner = o.source;
    return { ok: true, source: { pageCount: inner.pageCount, close: () => inner.close(), page: (n) => (n === broken ? Promise.reject(new Error('bad stream')) : inner.page(n)) } };
  };

  it('become warnings and the rest imports', { timeout: 60_000 }, async () => {
    const gold = shanghaiGold().find((g) => g.file === FILE)!;
    // Page 21 holds the narrative (情况说明 of 三公 and 机关运行经费), no table.
    const r = await readPdf(corpusBytes(FILE), FILE, breaking(21));
    if (!r.ok) throw new Error(r.error);
    const [doc] = r.docs;
    expect(doc.warnings.map((w) => w.message)).toContain('第 21 页无法读取（bad stream），已跳过');
    expect(mismatches(gold.figures.filter((f) => f[0] !== 'facts'), doc.figures)).toEqual([]);
  });

  it('a blank page among pages of text is named in a warning', { timeout: 60_000 }, async () => {
    const file = 'putuo-czj-2024-department-final.pdf';
    const r = await importFile(corpusBytes(file), file, open);
    if (!r.ok) throw new Error(r.error);
    expect(r.docs[0].warnings.map((w) => w.message)).toContain('第 14 页没有文字（空白页或扫描页），其内容未导入');
  });
});

describe('progress and cancel', () => {
  it('reports every page and stops when cancelled, importing nothing', { timeout: 60_000 }, async () => {
    const seen: [number, number][] = [];
    const r = await readPdf(corpusBytes(FILE), FILE, openPdfNode, {
      onPage: (done, total) => seen.push([done, total]),
      cancelled: () => seen.length >= 3,
    });
    expect(r.ok ? 'imported' : r.error).toBe(`已取消导入「${FILE}」，没有导入任何数据。`);
    expect(seen).toEqual([[1, 22], [2, 22], [3, 22]]);
  });

  it('reports pages 1..n when not cancelled', { timeout: 60_000 }, async () => {
    const seen: number[] = [];
    const r = await readPdf(corpusBytes(FILE), FILE, openPdfNode, { onPage: (done) => seen.push(done) });
    expect(r.ok).toBe(true);
    expect(seen).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });
});

