import type { StoredDocument } from '../model/document';
import { fromBase64Url, toBase64Url } from './base64url';
import { deflateRaw, inflateRaw, TooLargeError } from './compress';
import { LIMITS } from './limits';
import { fromPayload, toPayload } from './payload';

/**
 * Share links: the view's state and, optionally, the figures it needs, in the URL fragment (never
 * sent to any server). `#view=yoy&unit=202&data=<deflate-raw+base64url JSON>` carries the data;
 * `#…&data=catalog:<id>` names a dataset of the site's catalog instead.
 */
export type EncodeResult = { ok: true; fragment: string } | { ok: false; reason: 'too_long'; length: number };

export async function encodeShareFragment(params: Record<string, string>, docs: readonly StoredDocument[]): Promise<EncodeResult> {
  const json = new TextEncoder().encode(JSON.stringify(toPayload(docs)));
  const data = toBase64Url(await deflateRaw(json));
  const sp = new URLSearchParams(params);
  sp.delete('data');
  const fragment = `${sp.toString()}&data=${data}`;
  if (fragment.length > LIMITS.linkChars) return { ok: false, reason: 'too_long', length: fragment.length };
  return { ok: true, fragment };
}

export type DataRef =
  | { kind: 'none' }
  | { kind: 'catalog'; id: string }
  | { kind: 'inline'; docs: StoredDocument[] }
  | { kind: 'invalid'; error: string };

/** Reads the `data` parameter of a fragment. Never throws; anything odd is 'invalid' with a reason. */
export async function decodeShareData(data: string | undefined): Promise<DataRef> {
  if (!data) return { kind: 'none' };
  if (data.startsWith('catalog:')) {
    const id = data.slice('catalog:'.length);
    return /^[a-z0-9][a-z0-9_-]{0,63}$/i.test(id) ? { kind: 'catalog', id } : { kind: 'invalid', error: '分享链接中的数据集名称无效。' };
  }
  if (data.length > LIMITS.linkChars * 2) return { kind: 'invalid', error: '分享链接过长，可能已被篡改。' };
  const bytes = fromBase64Url(data);
  if (!bytes) return { kind: 'invalid', error: '分享链接已损坏（编码无效），可能被截断或改动过。' };
  let json: Uint8Array;
  try {
    json = await inflateRaw(bytes, LIMITS.inflatedBytes);
  } catch (e) {
    return { kind: 'invalid', error: e instanceof TooLargeError ? `分享链接中的数据${e.message}，已拒绝打开。` : '分享链接已损坏（无法解压），可能被截断或改动过。' };
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { kind: 'invalid', error: '分享链接已损坏（内容不是有效的数据）。' };
  }
  const checked = fromPayload(value);
  return checked.ok ? { kind: 'inline', docs: checked.docs } : { kind: 'invalid', error: checked.error };
}
