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
import { readXml, type Attrs } from './office/xml';
import { toReading, type DisplayedRun } from './pdf/orient';
import type { PdfOpen, PdfPageText, PdfSource } from './pdf/types';

const PT_PER_MM = 72 / 25.4;
const UNREADABLE = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD\uE000-\uF8FF]/g;
/** A page's size when neither the page nor the document states one: A4 portrait. */
const A4: Box = [0, 0, 210, 297];

type Box = [number, number, number, number];
type Matrix = [number, number, number, number, number, number];

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

function numbers(s: string | undefined): number[] {
  return s ? s.trim().split(/[\s,]+/).filter(Boolean).map(Number) : [];
}

function boxOf(s: string | undefined): Box | null {
  const n = numbers(s);
  return n.length === 4 && n.every(Number.isFinite) && n[2] > 0 && n[3] > 0 ? [n[0], n[1], n[2], n[3]] : null;
}

/** DeltaX/DeltaY: numbers, where 「g N d」 stands for N times d. */
export function deltas(s: string | undefined): number[] {
  if (!s) return [];
  const t = s.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'g' && i + 2 < t.length) {
      const n = Math.min(Number(t[i + 1]), 100_000);
      const d = Number(t[i + 2]);
      for (let k = 0; k < n; k++) out.push(d);
      i += 2;
    } else out.push(Number(t[i]));
  }
  return out;
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

interface TextObject {
  boundary: Box;
  ctm: Matrix | null;
  size: number;
  codes: { x: number; y: number; dx: number[]; text: string }[];
}

/** A page's (or a template's) size, template ids and text objects; `runs` places the text into `out`, returning how many codes could not be placed. */
function pageContent(xml: string): { box: Box | null; templates: string[]; runs(out: DisplayedRun[]): number } {
  let box: Box | null = null;
  let inArea = false;
  let inBox = false;
  let boxText = '';
  const templates: string[] = [];
  const objects: TextObject[] = [];
  let object: TextObject | null = null;
  let code: TextObject['codes'][number] | null = null;
  readXml(xml, {
    open(name, a: Attrs) {
      if (name === 'Area') inArea = true;
      else if (name === 'PhysicalBox' && inArea) (inBox = true), (boxText = '');
      else if (name === 'Template' && a.TemplateID) templates.push(a.TemplateID);
      else if (name === 'TextObject') {
        const ctm = numbers(a.CTM);
        object = { boundary: boxOf(a.Boundary) ?? [NaN, NaN, 0, 0], ctm: ctm.length === 6 ? (ctm as Matrix) : null, size: Number(a.Size ?? NaN), codes: [] };
        objects.push(object);
      } else if (name === 'TextCode' && object) {
        // X and Y may be left out after an object's first TextCode: they are then the previous code's
        // (GB/T 33190), as a wrapped cell's lines keep their X and step down in Y.
        const prev = object.codes[object.codes.length - 1];
        code = { x: a.X !== undefined ? Number(a.X) : (prev?.x ?? 0), y: a.Y !== undefined ? Number(a.Y) : (prev?.y ?? 0), dx: deltas(a.DeltaX), text: '' };
        object.codes.push(code);
      }
    },
    text(t) {
      if (code) code.text += t;
      else if (inBox) boxText += t;
    },
    close(name) {
      if (name === 'TextCode') code = null;
      else if (name === 'TextObject') object = null;
      else if (name === 'PhysicalBox' && inBox) {
        inBox = false;
        box = boxOf(boxText) ?? box;
      } else if (name === 'Area') inArea = false;
    },
  });
  return {
    box,
    templates,
    runs(out) {
      let unplaced = 0;
      for (const o of objects) for (const c of o.codes) unplaced += placeCode(o, c, out);
      return unplaced;
    },
  };
}

/**
 * A TextCode's characters as runs on the page (points, y down). Characters are split into runs
 * where the gap to the next is wider than a character: a writer may set a whole table row in one
 * code, its cells apart by their DeltaX.
 */
function placeCode(o: TextObject, c: TextObject['codes'][number], out: DisplayedRun[]): number {
  const chars = [...c.text];
  if (!chars.some((ch) => ch.trim())) return 0;
  const [a, b, cc, d, e, f] = o.ctm ?? [1, 0, 0, 1, 0, 0];
  const scale = Math.sqrt(Math.abs(a * d - b * cc)) || 1;
  // The font size in the object's own space (before the CTM), and on the page.
  const own = Number.isFinite(o.size) && o.size > 0 ? o.size : 3.5 / scale;
  const size = own * scale * PT_PER_MM;
  const glyph = (i: number) => (wide(chars[i]) ? own : own / 2);
  // DeltaX gives the step from each character to the next; where it stops, characters are set at their width.
  const step = (i: number) => (Number.isFinite(c.dx[i]) ? c.dx[i] : glyph(i));
  const toPage = (x: number): [number, number] => [(o.boundary[0] + a * x + cc * c.y + e) * PT_PER_MM, (o.boundary[1] + b * x + d * c.y + f) * PT_PER_MM];
  let unplaced = 0;
  const emit = (from: number, to: number, left: number, right: number) => {
    const str = chars.slice(from, to).join('');
    if (!str.trim()) return;
    const [x0, y0] = toPage(left);
    const [x1, y1] = toPage(right);
    if (![x0, y0, x1, y1, size].every(Number.isFinite)) unplaced++;
    else out.push({ str, x0, y0, x1, y1, size });
  };
  let from = 0;
  let runLeft = c.x;
  let x = c.x;
  for (let i = 0; i < chars.length; i++) {
    const last = i === chars.length - 1;
    // A gap wider than a character after this one: the run ends here.
    if (last || step(i) > glyph(i) + own) {
      emit(from, i + 1, runLeft, x + glyph(i));
      from = i + 1;
      runLeft = x + step(i);
    }
    x += step(i);
  }
  return unplaced;
}

/**
 * Characters set one object each (as PDF-to-OFD converters write them), joined back into runs as
 * pdf.js joins a PDF's glyphs: the next in the stream on the same baseline, of the same size, that
 * starts where the last ends (our estimate of where a character ends is within half a character).
 * Apart by more than a third of a character, they stay apart, each at its own place, which the PDF
 * reader's columns need.
 */
function joinGlyphs(runs: readonly DisplayedRun[]): DisplayedRun[] {
  const out: DisplayedRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    const flat = Math.abs(r.y1 - r.y0) < 0.01 * r.size && r.x1 > r.x0;
    if (last && flat && Math.abs(last.y1 - last.y0) < 0.01 * last.size && Math.abs(r.y0 - last.y0) <= 0.1 * r.size
      && Math.abs(r.size - last.size) <= 0.01 * r.size && r.x0 - last.x1 >= -0.6 * r.size && r.x0 - last.x1 < 0.3 * r.size) {
      out[out.length - 1] = { ...last, str: last.str + r.str, x1: r.x1 };
    } else out.push(r);
  }
  return out;
}

/** A character set full width (CJK, full-width forms): as wide as the font size. */
function wide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2e80;
}
