/**
 * A web page saved as one file (MHTML: .mht/.mhtml, 「单个文件网页」 as Word saves a document and
 * 「网页，单个文件」 as a browser saves a page): a MIME message whose first text/html part is the page,
 * quoted-printable or base64, in the charset its header names (gb2312 as often as utf-8). Its other
 * parts (images, styles) are not text. The page then goes to html.ts.
 */

/** Whether decoded text is an MHTML file. */
export function looksLikeMhtml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^[\w-]+:/.test(head) && /^MIME-Version:/im.test(head) && /Content-Type:\s*multipart\/related/i.test(head);
}

/** The page an MHTML file holds, decoded to text; null when it has no text/html part. */
export function mhtmlPage(text: string): string | null {
  const boundary = /boundary\s*=\s*"?([^"\r\n;]+)"?/i.exec(text.slice(0, 8192))?.[1];
  if (!boundary) return null;
  const parts = text.split(`--${boundary}`);
  for (const part of parts.slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/Content-Type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers)?.[1].toLowerCase() ?? '7bit';
    const charset = (/charset\s*=\s*"?([\w-]+)"?/i.exec(headers)?.[1] ?? /charset\s*=\s*"?([\w-]+)/i.exec(body.slice(0, 2048))?.[1] ?? 'utf-8').toLowerCase();
    const bytes = encoding === 'quoted-printable' ? quotedPrintable(body) : encoding === 'base64' ? base64(body) : null;
    if (!bytes) return body;
    try {
      // GB2312 and GBK pages are decoded as GB18030, their superset.
      return new TextDecoder(/^(?:gb2312|gbk|x-gbk|gb_2312-80)$/.test(charset) ? 'gb18030' : charset).decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
  return null;
}

function quotedPrintable(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61 /* = */) {
      // A soft line break: 「=」 at a line's end.
      if (s[i + 1] === '\r' && s[i + 2] === '\n') {
        i += 2;
        continue;
      }
      if (s[i + 1] === '\n') {
        i += 1;
        continue;
      }
      const hex = s.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out[n++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

function base64(s: string): Uint8Array | null {
  try {
    const bin = atob(s.replace(/[^A-Za-z0-9+/=]/g, ''));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
