/**
 * Text clean-up shared by every reader. Only what cannot change a name is normalized globally
 * (full-width digits and spaces, line ends): full-width brackets stay, because unit names such as
 * 「信访局（市委群工部）」 must come out exactly as printed.
 */

/** Decoded text → text with LF line ends, ASCII digits, plain spaces, no zero-width characters. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2002-\u200A\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
}

/**
 * One cell's printed text: word-processor artefacts removed ([bookmark: _GoBack], markdown bold and
 * headings), whitespace collapsed.
 */
export function cleanCell(raw: string): string {
  // Fast path first: most cells are empty or plain, and this runs for every cell of the file.
  if (raw === '') return raw;
  let s = raw;
  if (s.includes('[bookmark:')) s = s.replace(/\[bookmark:[^\]]*\]/g, '');
  if (s.includes('**')) s = s.replace(/\*\*/g, '');
  if (WHITESPACE.test(s)) s = s.replace(/\s+/g, ' ').trim();
  if (s.charCodeAt(0) === 35) s = s.replace(/^#{1,6}\s*/, '');
  return s;
}

const WHITESPACE = /\s/;

/** The text with all whitespace removed, for matching labels that print with stray spaces (「项  目」). */
export function compact(s: string): string {
  return WHITESPACE.test(s) ? s.replace(/\s+/g, '') : s;
}

const CN = '零一二三四五六七八九十';
const ENUM_PATTERNS = [
  /^[-•·]\s+/,
  new RegExp(`^[（(][${CN}\\d]{1,3}[)）][、.．]?\\s*`),
  new RegExp(`^[${CN}]{1,3}[、.．]\\s*`),
  /^\d{1,3}[、．]\s*/,
  /^\d{1,2}\.(?!\d)\s*/,
];

/** Strips a leading enumeration: 「一、」「十二、」「1、」「（一）」「(2)」「- 」. */
export function stripEnumeration(s: string): string {
  for (const p of ENUM_PATTERNS) s = s.replace(p, '');
  return s;
}
