/**
 * Bytes → text without asking the user which encoding a file uses. Disclosures arrive as UTF-8 (with or
 * without BOM), as UTF-16 saved by Windows tools, and as GBK/GB18030 from older systems. TextDecoder
 * knows all of them in both the browser and Node ≥ 20, so this module needs no Node API.
 */

/**
 * `replaced`: bytes that could not be decoded and became U+FFFD (a damaged file: a flipped bit, a NUL
 * in a multi-byte character, a file cut in the middle of a character). The rest is read, and the
 * importer warns (index.ts).
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: string; replaced?: number }
  | { ok: false; reason: string };

/** Refuse anything this large: no disclosure comes near it, and decoding it would stall the tab. */
export const MAX_BYTES = 64 * 1024 * 1024;

const UNPACK = '本应用只直接读取 ZIP 压缩包，请先解压，再导入解压出的文件或文件夹';

/** `archive`: the message is what to do with it, not that it is no text. */
const SIGNATURES: { bytes: number[]; what: string; archive?: true }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件（请使用 PDF 导入）' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP 压缩包或 Word/Excel 文件（请先另存为文本）' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: '旧版 Word/Excel 文件（请先另存为文本）' },
  // Archives other than ZIP (which is opened: ingest/bundle.ts): said by name, with what to do.
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'RAR 压缩包', archive: true },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7z 压缩包', archive: true },
  { bytes: [0x1f, 0x8b], what: 'gz 压缩文件', archive: true },
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/**
 * The strict UTF-8 decoder, made once (most files are UTF-8): decode() without `stream` starts afresh
 * each call, also after an error. The other encodings get a decoder per call, as ICU's may keep an
 * error's state.
 */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    const decoder = label === 'utf-8' ? STRICT_UTF8 : new TextDecoder(label, { fatal: true, ignoreBOM: false });
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without BOM shows itself by NUL bytes: every ASCII digit, tab and newline has a zero high
 * byte, and a disclosure is full of those. The zeros sit on odd offsets for LE, even for BE.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  // No NUL at all (every UTF-8 or GB18030 text): nothing to count, and indexOf finds that natively.
  if (bytes.subarray(0, n).indexOf(0) < 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.05 && even < odd * 0.1) return 'utf-16le';
  if (even > pairs * 0.05 && odd < even * 0.1) return 'utf-16be';
  return null;
}

/** Share of characters that no text file contains (C0 controls other than tab/newline/CR/FF, DEL, and U+FFFD). */
export function controlRatio(text: string): number {
  if (!text.length) return 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const bad = sample.match(CONTROL)?.length ?? 0;
  return bad / sample.length;
}

/** The characters controlRatio counts, as the body of a character class. */
export const CONTROL_CHARS = '\\u0000-\\u0008\\u000B\\u000E-\\u001F\\u007F\\uFFFD';
const CONTROL = new RegExp(`[${CONTROL_CHARS}]`, 'g');

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: '文件是空的' };
  if (bytes.length > MAX_BYTES) return { ok: false, reason: `文件过大（${Math.round(bytes.length / 1048576)} MB），不像是预算公开文本` };
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) return { ok: false, reason: sig.archive ? `是${sig.what}：${UNPACK}` : `这是${sig.what}，不是文本文件` };
  }

  let text: string | null = null;
  let encoding = '';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    text = tryDecode('utf-8', bytes);
    encoding = 'utf-8 (BOM)';
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    text = tryDecode('utf-16le', bytes);
    encoding = 'utf-16le (BOM)';
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = tryDecode('utf-16be', bytes);
    encoding = 'utf-16be (BOM)';
  } else {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      text = tryDecode(utf16, bytes);
      encoding = utf16;
    }
    if (text === null) {
      text = tryDecode('utf-8', bytes);
      encoding = 'utf-8';
    }
    if (text === null) {
      // GB18030 is a superset of GBK and GB2312, so one decoder covers all three.
      text = tryDecode('gb18030', bytes);
      encoding = 'gb18030';
    }
  }
  if (text === null) return lenient(bytes);
  // Whether the text is text at all (controlRatio) is judged once, by readDisclosureText.
  return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding };
}

/** At most this share of characters may be undecodable: more is not a damaged text but another encoding, or no text. */
const MAX_REPLACED = 0.001;

/**
 * No encoding decodes every byte: a damaged file (issue 14: one NUL or one flipped bit made a whole
 * disclosure 「unknown encoding」). Each candidate is decoded with replacement characters, and the one
 * with the fewest wins when they are few (UTF-8 first on a tie).
 */
function lenient(bytes: Uint8Array): DecodeResult {
  let best: { text: string; encoding: string; replaced: number } | null = null;
  for (const encoding of ['utf-8', 'gb18030']) {
    const text = new TextDecoder(encoding, { fatal: false }).decode(bytes);
    const replaced = countReplaced(text);
    if (!best || replaced < best.replaced) best = { text, encoding, replaced };
  }
  if (!best || best.replaced > Math.max(2, best.text.length * MAX_REPLACED)) {
    return { ok: false, reason: '无法识别文件编码（不是 UTF-8、UTF-16 或 GBK/GB18030 文本）' };
  }
  return { ok: true, text: best.text.replace(/^\uFEFF/, ''), encoding: `${best.encoding}（有 ${best.replaced} 处无法解码）`, replaced: best.replaced };
}

function countReplaced(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
