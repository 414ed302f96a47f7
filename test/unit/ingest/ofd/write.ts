import { strToU8, zipSync } from 'fflate';
import type { PdfPageText } from '../../../../src/lib/ingest/pdf/types';

/**
 * A PDF's pages written as an OFD package, the way OFD writers set text (no such writer runs here,
 * and none is on npm): the positions are a real document's, as pdf.js reads them; only the
 * encoding is ours. Each page is written in one of three styles, by page number:
 *  - `run`: a TextObject per run, its Boundary around it, one TextCode with DeltaX (「g n d」), in a
 *    PageBlock on every other page (as a word processor's export writes them);
 *  - `glyph`: a TextObject per character, in points under a CTM that scales them to millimetres
 *    (as PDF-to-OFD converters write them);
 *  - `page`: one TextObject for the whole page (one per font size), each run a TextCode at its own
 *    X and Y;
 *  - `sideways` (only when asked): `page`, set a quarter turn on a portrait sheet by a CTM, as an A3
 *    or landscape table is printed on a portrait page; its footer stays on the page, turned too.
 * Each page's last run (its page number, at the foot) is written in a template page of its own,
 * referred to by an absolute path.
 */
export type OfdStyle = 'run' | 'glyph' | 'page' | 'sideways';
const STYLES: OfdStyle[] = ['run', 'glyph', 'page'];
const MM = 25.4 / 72;
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const n = (v: number) => String(Math.round(v * 1000) / 1000);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F“”‘’…—]/;

/**
 * Each character's advance across a run of `width`, as a writer with the font's metrics sets them:
 * Chinese one em, narrow punctuation a quarter, other characters half; spaces share what is left.
 */
function advances(chars: readonly string[], width: number, size: number): number[] {
  const em = (ch: string) => (WIDE.test(ch) ? 1 : /[.,:;'!|]/.test(ch) ? 0.25 : 0.5);
  const glyphs = chars.reduce((w, ch) => w + (ch.trim() ? em(ch) * size : 0), 0);
  const spaces = chars.filter((ch) => !ch.trim()).length;
  const scale = glyphs > width || !spaces ? width / Math.max(glyphs, 1e-9) : 1;
  const space = spaces ? Math.max(0, width - glyphs) / spaces : 0;
  return chars.map((ch) => (ch.trim() ? em(ch) * size * scale : space));
}

/** DeltaX of a run: the steps between its characters, equal ones written 「g N d」. */
function steps(chars: readonly string[], width: number, size: number): string {
  const d = advances(chars, width, size).slice(0, -1).map(n);
  if (!d.length) return '';
  const out: string[] = [];
  for (let i = 0; i < d.length;) {
    let j = i;
    while (j < d.length && d[j] === d[i]) j++;
    out.push(j - i > 2 ? `g ${j - i} ${d[i]}` : d.slice(i, j).join(' '));
    i = j;
  }
  return ` DeltaX="${out.join(' ')}"`;
}

function objects(page: PdfPageText, items: PdfPageText['items'], style: OfdStyle, id: { next: number }): string {
  const h = page.height;
  if (style === 'page' || style === 'sideways') {
    // One object per font size: a TextObject has one Size. Sideways: the landscape page set turned
    // a quarter clockwise on a portrait sheet by the CTM (x' = h − y, y' = x).
    const turn = style === 'sideways' ? ` CTM="0 1 -1 0 ${n(h * MM)} 0"` : '';
    const sizes = [...new Set(items.map((it) => n(it.size * MM)))];
    return sizes.map((size) => {
      const codes = items.filter((it) => n(it.size * MM) === size)
        .map((it) => `<ofd:TextCode X="${n(it.x * MM)}" Y="${n((h - it.y) * MM)}"${steps([...it.str], it.width * MM, it.size * MM)}>${esc(it.str)}</ofd:TextCode>`).join('');
      return `<ofd:TextObject ID="${id.next++}" Boundary="0 0 ${n(page.width * MM)} ${n(h * MM)}"${turn} Font="2" Size="${size}">${codes}</ofd:TextObject>`;
    }).join('');
  }
  if (style === 'glyph') {
    return items.flatMap((it) => {
      const chars = [...it.str];
      const step = advances(chars, it.width, it.size);
      let x = it.x;
      return chars.map((ch, i) => {
        const at = x;
        x += step[i];
        return ch.trim()
          ? `<ofd:TextObject ID="${id.next++}" Boundary="0 0 ${n(page.width * MM)} ${n(h * MM)}" CTM="${n(MM)} 0 0 ${n(MM)} 0 0" Font="2" Size="${n(it.size)}"><ofd:FillColor Value="0 0 0"/><ofd:TextCode X="${n(at)}" Y="${n(h - it.y)}">${esc(ch)}</ofd:TextCode></ofd:TextObject>`
          : '';
      });
    }).join('');
  }
  const runs = items.map((it) => {
    const size = it.size * MM;
    const top = (h - it.y) * MM - size;
    return `<ofd:TextObject ID="${id.next++}" Boundary="${n(it.x * MM)} ${n(top)} ${n(it.width * MM + size)} ${n(size * 1.3)}" Font="2" Size="${n(size)}"><ofd:TextCode X="0" Y="${n(size)}"${steps([...it.str], it.width * MM, size)}>${esc(it.str)}</ofd:TextCode></ofd:TextObject>`;
  }).join('');
  return page.page % 2 ? `<ofd:PageBlock ID="${id.next++}">${runs}</ofd:PageBlock>` : runs;
}

export function ofdOf(pages: readonly PdfPageText[], opts: { styles?: OfdStyle[] } = {}): Uint8Array {
  const styles = opts.styles ?? STYLES;
  const files: Record<string, Uint8Array> = {};
  const id = { next: 10 };
  const tpls: string[] = [];
  const pageRefs: string[] = [];
  for (const [i, page] of pages.entries()) {
    const style = styles[i % styles.length];
    const sideways = style === 'sideways';
    const foot = sideways ? null : page.items.reduce<PdfPageText['items'][number] | null>((low, it) => (!low || it.y < low.y ? it : low), null);
    const body = page.items.filter((it) => it !== foot);
    const [w, h] = sideways ? [page.height, page.width] : [page.width, page.height];
    const area = `<ofd:Area><ofd:PhysicalBox>0 0 ${n(w * MM)} ${n(h * MM)}</ofd:PhysicalBox></ofd:Area>`;
    let template = '';
    if (foot) {
      const tplId = id.next++;
      tpls.push(`<ofd:TemplatePage ID="${tplId}" Name="页脚${i + 1}" BaseLoc="/Doc_0/Tpls/Tpl_${i}/Content.xml"/>`);
      files[`Doc_0/Tpls/Tpl_${i}/Content.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="${id.next++}">${objects(page, [foot], 'run', id)}</ofd:Layer></ofd:Content></ofd:Page>`);
      template = `<ofd:Template TemplateID="${tplId}" ZOrder="Background"/>`;
    }
    files[`Doc_0/Pages/Page_${i}/Content.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page ${NS}>${template}${area}<ofd:Content><ofd:Layer ID="${id.next++}" Type="Body"><ofd:PathObject ID="${id.next++}" Boundary="10 10 100 0.5"><ofd:AbbreviatedData>M 0 0 L 100 0</ofd:AbbreviatedData></ofd:PathObject>${objects(page, body, style, id)}</ofd:Layer></ofd:Content></ofd:Page>`);
    pageRefs.push(`<ofd:Page ID="${id.next++}" BaseLoc="Pages/Page_${i}/Content.xml"/>`);
  }
  const first = pages[0];
  files['Doc_0/Document.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>${id.next}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${n((first?.width ?? 595) * MM)} ${n((first?.height ?? 842) * MM)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${tpls.join('')}</ofd:CommonData><ofd:Pages>${pageRefs.join('')}</ofd:Pages></ofd:Document>`);
  files['Doc_0/PublicRes.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`);
  files['OFD.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID><ofd:Creator>测试</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  return zipSync(files);
}
