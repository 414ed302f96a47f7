/**
 * An OFD page's text (ofd.ts opens the package): its TextObjects and TextCodes placed on the page,
 * in points with y down, as runs for the PDF reader's orientation step (pdf/orient.ts). Boundary,
 * CTM, X, Y and DeltaX decide where each character stands; characters set one object each are
 * joined back into runs.
 */
import { readXml, type Attrs } from './office/xml';
import type { DisplayedRun } from './pdf/orient';

export const PT_PER_MM = 72 / 25.4;

export type Box = [number, number, number, number];
type Matrix = [number, number, number, number, number, number];

function numbers(s: string | undefined): number[] {
  return s ? s.trim().split(/[\s,]+/).filter(Boolean).map(Number) : [];
}

/** A box attribute (「x y w h」, millimetres), or null unless it is four numbers of positive size. */
export function boxOf(s: string | undefined): Box | null {
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

interface TextObject {
  boundary: Box;
  ctm: Matrix | null;
  size: number;
  codes: { x: number; y: number; dx: number[]; text: string }[];
}

/** A page's (or a template's) size, template ids and text objects; `runs` places the text into `out`, returning how many codes could not be placed. */
export function pageContent(xml: string): { box: Box | null; templates: string[]; runs(out: DisplayedRun[]): number } {
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
export function joinGlyphs(runs: readonly DisplayedRun[]): DisplayedRun[] {
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
