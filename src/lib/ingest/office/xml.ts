/**
 * A small streaming XML reader for the OOXML parts we read (workbook, sheets, shared strings,
 * styles, word/document.xml). Written by hand rather than taken from npm: the app's worker has no
 * DOMParser, the subset is tiny, and this one can be read in full. It scans with indexOf only (no
 * regular expression runs over the document, so no ReDoS), never expands entities beyond the five
 * predefined ones and numeric references (a DTD is skipped, never read: no entity bombs), and gives
 * attributes as a prototype-free object keyed by local name (no prototype pollution).
 */

export type Attrs = Record<string, string>;

export interface XmlHandler {
  open?(name: string, attrs: Attrs, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export class XmlError extends Error {}

/** The local name: 「x:c」 → 「c」 (some writers prefix the main namespace). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NAMED: Record<string, string> = Object.assign(Object.create(null), { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const amp = s.indexOf('&', i);
    if (amp < 0) break;
    const semi = s.indexOf(';', amp);
    out += s.slice(i, amp);
    if (semi < 0 || semi - amp > 10) {
      out += '&';
      i = amp + 1;
      continue;
    }
    const name = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      ch = Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
    } else ch = NAMED[name];
    if (ch === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += ch;
      i = semi + 1;
    }
  }
  return out + s.slice(i);
}

function parseAttrs(s: string): Attrs {
  const attrs: Attrs = Object.create(null);
  let i = 0;
  while (i < s.length) {
    const eq = s.indexOf('=', i);
    if (eq < 0) break;
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < s.length && (s[q] === ' ' || s[q] === '\t' || s[q] === '\n' || s[q] === '\r')) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") throw new XmlError('属性缺少引号');
    const end = s.indexOf(quote, q + 1);
    if (end < 0) throw new XmlError('属性没有结束');
    if (name) attrs[local(name)] = decodeEntities(s.slice(q + 1, end));
    i = end + 1;
  }
  return attrs;
}

const NO_ATTRS: Attrs = Object.freeze(Object.create(null)) as Attrs;

/**
 * Reads `xml`, calling the handler for each element and text run (entities decoded). `attrsOf`:
 * the only elements whose attributes are read (a document.xml has millions of run properties
 * nobody needs); without it, every element's.
 */
export function readXml(xml: string, handler: XmlHandler, attrsOf?: ReadonlySet<string>): void {
  let i = 0;
  const n = xml.length;
  let depth = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (handler.text && depth > 0) handler.text(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i && handler.text && depth > 0) handler.text(decodeEntities(xml.slice(i, lt)));
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) i = after(xml, '-->', lt);
      else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt);
        if (end < 0) throw new XmlError('CDATA 没有结束');
        if (handler.text && depth > 0) handler.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else i = skipDoctype(xml, lt);
      continue;
    }
    if (c === 63 /* ? */) {
      i = after(xml, '?>', lt);
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (c === 47 /* / */) {
      depth--;
      handler.close?.(local(xml.slice(lt + 2, gt).trim()));
      i = gt + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    let sp = 0;
    while (sp < body.length && !isSpace(body.charCodeAt(sp))) sp++;
    const name = local(body.slice(0, sp));
    if (!name) throw new XmlError('标签没有名称');
    const wanted = sp < body.length && (!attrsOf || attrsOf.has(name));
    handler.open?.(name, wanted ? parseAttrs(body.slice(sp)) : NO_ATTRS, selfClosing);
    if (selfClosing) handler.close?.(name);
    else depth++;
    i = gt + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function after(xml: string, end: string, from: number): number {
  const at = xml.indexOf(end, from);
  if (at < 0) throw new XmlError('XML 结构不完整');
  return at + end.length;
}

/** The `>` ending a tag, skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let k = lt + 1; k < xml.length; k++) {
    const ch = xml.charCodeAt(k);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return k;
  }
  throw new XmlError('XML 标签没有结束');
}

/** A DOCTYPE (with an internal subset in brackets) is skipped unread: its entities are never defined. */
function skipDoctype(xml: string, lt: number): number {
  const bracket = xml.indexOf('[', lt);
  const gt = xml.indexOf('>', lt);
  if (gt < 0) throw new XmlError('XML 结构不完整');
  if (bracket >= 0 && bracket < gt) return after(xml, ']>', bracket);
  return gt + 1;
}
