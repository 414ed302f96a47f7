import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isBundle } from '../../../src/lib/ingest/bundle';
import { importFile } from '../../../src/lib/ingest/file';
import { isOfd, openOfd } from '../../../src/lib/ingest/ofd';
import { deltas } from '../../../src/lib/ingest/ofdPage';
import { openPdfNode } from '../../../src/lib/ingest/pdf/node';
import type { PdfPageText } from '../../../src/lib/ingest/pdf/types';
import { corpusBytes, mismatches, shanghaiGold } from './pdf/corpus';
import { ofdOf, type OfdStyle } from './ofd/write';

/**
 * OFD (GB/T 33190), the national fixed-layout format. Before, an .ofd was a ZIP that was no Office
 * file: refused. Its pages now go through the PDF reader. The test packages are a real Shanghai
 * disclosure's pages as pdf.js reads them, written as OFD writers set text (ofd/write.ts).
 */
async function pagesOf(file: string): Promise<PdfPageText[]> {
  const opened = await openPdfNode(corpusBytes(file));
  if (!opened.ok) throw new Error(opened.reason);
  const pages: PdfPageText[] = [];
  try {
    for (let n = 1; n <= opened.source.pageCount; n++) pages.push(await opened.source.page(n));
  } finally {
    await opened.source.close();
  }
  return pages;
}

const FILE = 'putuo-czj-2025-department.pdf';
const pages = pagesOf(FILE);

describe('a real disclosure as an OFD', () => {
  it.each<[string, string, OfdStyle[]]>([
    [FILE, 'each page in another style (runs, glyphs under a CTM, one object per page), footers in templates', ['run', 'glyph', 'page']],
    [FILE, 'every character its own object under a CTM, as PDF-to-OFD converters write', ['glyph']],
    ['putuo-czj-2024-department-final.pdf', 'a 决算, each page in another style', ['glyph', 'page', 'run']],
    ['putuo-sww-2025-unit.pdf', 'a unit\'s 预算, each page in another style', ['page', 'run', 'glyph']],
    [FILE, 'every page set a quarter turn on a portrait sheet by a CTM', ['sideways']],
  ])('%s gives every gold figure, on its page: %s', { timeout: 120_000 }, async (file, _, styles) => {
    const gold = shanghaiGold().find((g) => g.file === file)!;
    const ofd = ofdOf(await (file === FILE ? pages : pagesOf(file)), { styles });
    expect(isOfd(ofd)).toBe(true);
    if (styles.includes('sideways')) {
      // Read turned back: the page's text runs down the sheet, and the page reads a quarter turn from it.
      const opened = await openOfd(ofd);
      if (!opened.ok) throw new Error(opened.reason);
      const third = await opened.source.page(3);
      expect([third.turn, Math.round(third.width), Math.round(third.height)]).toEqual([90, Math.round((await pages)[2].width), Math.round((await pages)[2].height)]);
    }
    expect(isBundle(ofd)).toBe(false);
    const read = await importFile(ofd, '财政局2025年部门预算.ofd');
    if (!read.ok) throw new Error(read.error);
    // Kept as its rebuilt text, for the source view (the page view draws PDFs only); every figure keeps its page.
    expect(read.kind).toBe('text');
    expect(read.text).toContain('一般公共服务支出');
    expect(read.docs).toHaveLength(1);
    const [doc] = read.docs;
    expect(doc.meta).toEqual({ unitCode: gold.unit_code, unitName: gold.unit_name, scope: gold.scope, stage: gold.stage, year: gold.year });
    expect(mismatches(gold.figures, doc.figures)).toEqual([]);
    // The same page for every figure as the PDF gives.
    const pdf = await importFile(corpusBytes(file), file, { openPdf: openPdfNode });
    if (!pdf.ok) throw new Error(pdf.error);
    const pageOf = (figures: typeof doc.figures) => new Map(figures.map((f) => [`${f.table}|${f.rowCode}|${f.column}`, f.source.page]));
    const want = pageOf(pdf.docs[0].figures);
    const got = pageOf(doc.figures);
    expect([...want].filter(([k, p]) => got.get(k) !== p)).toEqual([]);
  });

  it('reports its pages as it reads them, and stops when cancelled', { timeout: 120_000 }, async () => {
    const ofd = ofdOf(await pages);
    const seen: number[] = [];
    const read = await importFile(ofd, 'a.ofd', { onPage: (done) => seen.push(done) });
    expect(read.ok).toBe(true);
    expect(seen).toEqual((await pages).map((p) => p.page));
    const stopped = await importFile(ofd, 'a.ofd', { cancelled: () => true });
    expect(stopped).toEqual({ ok: false, error: '已取消导入「a.ofd」，没有导入任何数据。' });
  });
});

describe('what an OFD can hold', () => {
  const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const pkg = (page: string, extra: Record<string, string> = {}) => zipSync(Object.fromEntries(Object.entries({
    'OFD.xml': `<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    'Doc_0/Document.xml': `<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
    'Doc_0/Pages/Page_0/Content.xml': page,
    ...extra,
  }).map(([k, v]) => [k, strToU8(v)])));

  it('DeltaX: numbers, 「g N d」 standing for N times d', () => {
    expect(deltas('g 3 1.5 2 g 2 0.5')).toEqual([1.5, 1.5, 1.5, 2, 0.5, 0.5]);
    expect(deltas(undefined)).toEqual([]);
  });

  it('a run of one TextCode is split where the gap to the next character is wider than a character: a row set in one code', async () => {
    const opened = await openOfd(pkg(`<ofd:Page ${NS}><ofd:Content><ofd:Layer><ofd:TextObject Boundary="20 50 170 6" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="4 4 40 2 2 2">合计合1,234</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`));
    if (!opened.ok) throw new Error(opened.reason);
    const page = await opened.source.page(1);
    expect(page.items.map((i) => i.str)).toEqual(['合计合', '1,234']);
    const mm = 72 / 25.4;
    expect(page.items[0].x).toBeCloseTo(20 * mm, 3);
    expect(page.items[1].x).toBeCloseTo((20 + 48) * mm, 3);
    expect(page.items[0].y).toBeCloseTo((297 - 54) * mm, 3);
    expect(page.items[0].size).toBeCloseTo(4 * mm, 3);
  });

  it('text a writer could not map back to characters is said, as a PDF\'s broken font map is', async () => {
    const read = await importFile(pkg(`<ofd:Page ${NS}><ofd:Content><ofd:Layer><ofd:TextObject Boundary="20 50 170 6" Size="4"><ofd:CGTransform CodePosition="0" CodeCount="3" GlyphCount="3"><ofd:Glyphs>4460 12 13</ofd:Glyphs></ofd:CGTransform><ofd:TextCode X="0" Y="4">\uE001\uE002\uE003</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`), '乱码.ofd');
    expect(read.ok ? '' : read.error).toBe('「乱码.ofd」可能已损坏（第 1 页有 3 个字符无法识别（字体或文件可能损坏），这一页的数字可能不全或有误），读到的内容中没有找到预算公开表，没有导入任何数据。');
  });

  it('a TextCode without X or Y takes the previous code\'s: a wrapped cell\'s second line', async () => {
    const opened = await openOfd(pkg(`<ofd:Page ${NS}><ofd:Content><ofd:Layer><ofd:TextObject Boundary="20 50 40 12" Size="4"><ofd:TextCode X="2" Y="4">一般公共</ofd:TextCode><ofd:TextCode Y="9">服务支出</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`));
    if (!opened.ok) throw new Error(opened.reason);
    const items = (await opened.source.page(1)).items;
    expect(items.map((i) => i.str)).toEqual(['一般公共', '服务支出']);
    expect(items[1].x).toBeCloseTo(items[0].x, 6);
    expect(items[0].y - items[1].y).toBeCloseTo(5 * (72 / 25.4), 3);
  });

  it('a page of pictures only is a scan, said as such', async () => {
    const read = await importFile(pkg(`<ofd:Page ${NS}><ofd:Content><ofd:Layer><ofd:ImageObject ID="3" Boundary="0 0 210 297" ResourceID="9"/></ofd:Layer></ofd:Content></ofd:Page>`), '扫描.ofd');
    expect(read).toEqual({ ok: false, error: '「扫描.ofd」此OFD为扫描件，没有文字层，无法读取（此处没有文字识别）。' });
  });

  it('a missing page or document is said with the file\'s name', async () => {
    const noPage = unzipSync(pkg(''));
    delete noPage['Doc_0/Pages/Page_0/Content.xml'];
    const read = await importFile(zipSync(noPage), '缺页.ofd');
    expect(read.ok ? '' : read.error).toBe('「缺页.ofd」的页面都无法读取：第 1 页无法读取（缺少页面文件 Doc_0/Pages/Page_0/Content.xml），已跳过。');
    const noDoc = unzipSync(pkg(''));
    delete noDoc['Doc_0/Document.xml'];
    const read2 = await importFile(zipSync(noDoc), '缺文档.ofd');
    expect(read2.ok ? '' : read2.error).toBe('「缺文档.ofd」不是完整有效的 OFD 版式文件（缺少文档文件 Doc_0/Document.xml），无法读取。请重新下载，或用 OFD 阅读器另存为 PDF 后再导入。');
  });

  it('an encrypted package is refused as such', async () => {
    const files = unzipSync(pkg(''));
    files['OFD.xml'] = strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Encryptions>Encryptions.xml</ofd:Encryptions></ofd:DocBody></ofd:OFD>`);
    const read = await importFile(zipSync(files), '加密.ofd');
    expect(read.ok ? '' : read.error).toMatch(/^「加密\.ofd」是加密（有密码保护）的 OFD，无法读取/);
  });

  it('damaged anywhere: a reading or a message naming the file, never an exception', { timeout: 120_000 }, async () => {
    const bytes = ofdOf((await pages).slice(0, 3));
    let state = 11;
    const next = () => (state = (state * 1103515245 + 12345) >>> 0);
    for (let k = 0; k < 60; k++) {
      const damaged = bytes.slice(0, k % 6 === 0 ? next() % bytes.length : bytes.length);
      for (let j = 0; j < 3; j++) damaged[next() % damaged.length] = next() & 0xff;
      const read = await importFile(damaged, '坏.ofd');
      if (!read.ok) expect(read.error).toMatch(/「坏\.ofd」/);
    }
  });
});
