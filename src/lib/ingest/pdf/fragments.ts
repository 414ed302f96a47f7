import type { PdfTextItem } from './types';
import { foldRadicals } from '../normalize';

/**
 * A piece of text between spaces, with its estimated extent on the baseline. pdf.js joins the glyphs
 * of one text run into one item and turns a wide gap into a single space, so a row such as
 * 「91,016,775.35 一、一般公共服务支出」 arrives as one item spanning two table columns. Splitting at
 * the spaces and estimating where each piece lies (CJK and full-width glyphs are one em wide, others
 * half an em, and what the glyphs do not fill is the gap) puts each piece back into its column.
 */
export interface Fragment {
  text: string;
  x0: number;
  x1: number;
  /** Baseline. */
  y: number;
  size: number;
}

const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u3000-\u303F\u201C\u201D\u2018\u2019\u2026\u2014]/;

/** Narrow punctuation in amounts (「86,959,408.34」) is about a quarter em in the fonts disclosures use. */
const NARROW = /[.,:;'!|]/;

function em(ch: string): number {
  return WIDE.test(ch) ? 1 : NARROW.test(ch) ? 0.25 : 0.5;
}

export function toFragments(item: PdfTextItem): Fragment[] {
  const { x, y, width, size } = item;
  const str = foldRadicals(item.str);
  if (!str.trim()) return [];
  const pieces: { text: string; start: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(str); m; m = re.exec(str)) pieces.push({ text: m[0], start: m.index });
  if (pieces.length === 1 && !/^\s|\s$/.test(str)) return [{ text: str, x0: x, x1: x + width, y, size }];

  // Glyph widths in em for every character, spaces excluded; the spaces share what is left.
  let glyphs = 0;
  let spaces = 0;
  for (const ch of str) {
    if (/\s/.test(ch)) spaces++;
    else glyphs += em(ch);
  }
  const unit = size > 0 ? size : width / Math.max(glyphs, 1);
  let scale = 1;
  let space = spaces ? (width - glyphs * unit) / spaces : 0;
  if (space < 0) {
    // A narrower font than estimated: shrink the glyphs to fit and give the spaces nothing.
    scale = glyphs ? width / (glyphs * unit) : 1;
    space = 0;
  }
  const out: Fragment[] = [];
  let pos = x;
  let i = 0;
  for (const p of pieces) {
    for (; i < p.start; i++) pos += /\s/.test(str[i]) ? space : em(str[i]) * unit * scale;
    let w = 0;
    for (const ch of p.text) w += em(ch) * unit * scale;
    const last = out[out.length - 1];
    // A narrow space between Chinese words is a space inside one cell (「一般公共预算 财政拨款」), not
    // a gap pdf.js turned into a space between cells: those are at least a cell's padding wide.
    if (last && pos - last.x1 < 0.6 * unit && /[\u2E80-\u9FFF]$/.test(last.text) && /^[\u2E80-\u9FFF]/.test(p.text)) {
      last.text += ' ' + p.text;
      last.x1 = pos + w;
    } else {
      out.push({ text: p.text, x0: pos, x1: pos + w, y, size });
    }
    pos += w;
    i = p.start + p.text.length;
  }
  return out;
}
