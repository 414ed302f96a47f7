/**
 * OFD (GB/T 33190, 开放版式文档), the national fixed-layout format some offices publish instead of a
 * PDF: a ZIP of XML whose pages place each run of text at a position in millimetres. Read here into
 * the same page texts pdf.js gives (pdf/types.ts PdfSource), so that everything from there on (rows,
 * columns, tables, the page's turn) is the PDF reader's: an OFD table is read as its PDF would be.
 *
 * What is read: the first document (OFD.xml → DocRoot), its pages in order, each page's template
 * pages (headers, footers) and content layers, page blocks nested in them, and every TextObject's
 * TextCodes, placed by the object's Boundary and CTM and each code's X, Y and DeltaX (「g 5 3.5」
 * repeats 3.5 five times). Pictures, paths and annotations are not text. A page whose text cannot
 * be placed (positions that are not numbers) is said in a note, as a damaged PDF page is.
 */
import { openZip } from './office/zip';
import { readXml } from './office/xml';
import { boxOf, joinGlyphs, pageContent, PT_PER_MM, type Box } from './ofdPage';
import { toReading, type DisplayedRun } from './pdf/orient';
import type { PdfOpen, PdfPageText, PdfSource } from './pdf/types';

const UNREADABLE = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD\uE000-\uF8FF]/g;
/** A page's size when neither the page nor the document states one: A4 portrait. */
const A4: Box = [0, 0, 210, 297];

/** Whether a ZIP's bytes are an OFD package: its root holds OFD.xml. */
export function isOfd(bytes: Uint8Array): boolean {
  try {
    return openZip(bytes).entries.some((e) => e.name.toLowerCase() === 'ofd.xml');
  } catch {
    return false;
  }
}

/** Opens an OFD as pdf.js opens a PDF (the PdfOpen contract): pages read one at a time. */
export const openOfd: PdfOpen = async (bytes) => {
  try {
    const zip = openZip(bytes);
    const text = (path: string) => {
      const data = zip.read(path) ?? zip.read(zip.entries.find((e) => e.name.toLowerCase() === path.toLowerCase())?.name ?? '');
      return data ? new TextDecoder('utf-8').decode(data) : null;
    };
    const root = text('OFD.xml');
    if (root === null) return { ok: false, reason: 'corrupt', detail: '缺少 OFD.xml' };
    const body = docBody(root);
    if (body.encrypted) return { ok: false, reason: 'encrypted' };
    if (!body.docRoot) return { ok: false, reason: 'corrupt', detail: 'OFD.xml 没有指明文档（DocRoot）' };
    const docPath = resolve('', body.docRoot);
    const docXml = text(docPath);
    if (docXml === null) return { ok: false, reason: 'corrupt', detail: `缺少文档文件 ${docPath}` };
    return { ok: true, source: sourceOf(text, docPath, documentOf(docXml)) };
  } catch (e) {
    // A damaged package (ZipError) or XML (XmlError): their messages say what, in Chinese.
    return { ok: false, reason: 'corrupt', detail: e instanceof Error ? e.message : String(e) };
  }
};

/** A path in the package: absolute (「/Doc_0/…」) from the root, else relative to the folder of `from`. */
function resolve(from: string, path: string): string {
  const p = path.trim().replace(/\\/g, '/');
  const parts = p.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

function docBody(xml: string): { docRoot: string | null; encrypted: boolean } {
  const found = { docRoot: null as string | null, encrypted: false };
  let inRoot = false;
  let bodies = 0;
  readXml(xml, {
    open(name) {
      if (name === 'DocBody') bodies++;
      // The first document only: a package may hold several (rare), each a disclosure of its own.
      if (name === 'DocRoot' && bodies === 1 && found.docRoot === null) inRoot = true;
      if (name === 'Encryptions') found.encrypted = true;
    },
    text(t) {
      if (inRoot) found.docRoot = (found.docRoot ?? '') + t;
    },
    close(name) {
      if (name === 'DocRoot') inRoot = false;
    },
  });
  return { docRoot: found.docRoot?.trim() || null, encrypted: found.encrypted };
}

interface OfdDocument {
  box: Box;
  pages: string[];
  templates: Map<string, string>;
}

function documentOf(xml: string): OfdDocument {
  let box: Box = A4;
  let inPageArea = false;
  let inBox = false;
  let boxText = '';
  const pages: string[] = [];
  const templates = new Map<string, string>();
  readXml(xml, {
    open(name, a) {
      if (name === 'PageArea') inPageArea = true;
      else if (name === 'PhysicalBox' && inPageArea) (inBox = true), (boxText = '');
      else if (name === 'Page' && a.BaseLoc) pages.push(a.BaseLoc);
      else if (name === 'TemplatePage' && a.ID && a.BaseLoc) templates.set(a.ID, a.BaseLoc);
    },
    text(t) {
      if (inBox) boxText += t;
    },
    close(name) {
      if (name === 'PhysicalBox' && inBox) {
        inBox = false;
        box = boxOf(boxText) ?? box;
      }
      if (name === 'PageArea') inPageArea = false;
    },
  });
  return { box, pages, templates };
}

function sourceOf(text: (path: string) => string | null, docPath: string, doc: OfdDocument): PdfSource {
  return {
    pageCount: doc.pages.length,
    async page(n) {
      const path = resolve(docPath, doc.pages[n - 1]);
      const xml = text(path);
      if (xml === null) throw new Error(`缺少页面文件 ${path}`);
      const page = pageContent(xml);
      const runs: DisplayedRun[] = [];
      let unplaced = 0;
      // Templates first, as they are drawn beneath the page (their ZOrder is not needed for text).
      for (const id of page.templates) {
        const loc = doc.templates.get(id);
        const tpl = loc ? text(resolve(docPath, loc)) : null;
        if (tpl !== null) unplaced += pageContent(tpl).runs(runs);
      }
      unplaced += page.runs(runs);
      const box = page.box ?? doc.box;
      const read = toReading(joinGlyphs(runs), box[2] * PT_PER_MM, box[3] * PT_PER_MM);
      const out: PdfPageText = { page: n, width: read.width, height: read.height, items: read.items, turn: read.turn };
      const notes: string[] = [];
      if (unplaced) notes.push(`第 ${n} 页有 ${unplaced} 段文字的位置无法确定（文件可能损坏），已略去，这一页的数字可能不全`);
      // Text a writer could not map back to characters (its glyphs only in CGTransform) comes out as
      // private-use or replacement characters, as a PDF's broken font map does (pdf/load.ts).
      const unreadable = runs.reduce((k, r) => k + (r.str.match(UNREADABLE)?.length ?? 0), 0);
      if (unreadable) notes.push(`第 ${n} 页有 ${unreadable} 个字符无法识别（字体或文件可能损坏），这一页的数字可能不全或有误`);
      if (notes.length) out.notes = notes;
      return out;
    },
    close: async () => undefined,
  };
}
