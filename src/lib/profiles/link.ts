import { fromBase64Url, toBase64Url } from '../share/base64url';
import { deflateRaw, inflateRaw, TooLargeError } from '../share/compress';
import { LIMITS } from '../share/limits';
import { PROFILE_LIMITS, type LayoutProfile } from './types';
import { profilesFileText } from './validate';

/**
 * Profiles in a share link: the profiles file, deflated, in the fragment's `profiles` parameter
 * (never sent to a server). Decoding only unpacks, capped at the file's own size limit; the text
 * then goes through readProfilesFile in the worker like any profiles file.
 */
export async function encodeProfilesParam(profiles: readonly LayoutProfile[]): Promise<{ ok: true; data: string } | { ok: false; length: number }> {
  const data = toBase64Url(await deflateRaw(new TextEncoder().encode(profilesFileText(profiles))));
  return data.length > LIMITS.linkChars ? { ok: false, length: data.length } : { ok: true, data };
}

export async function decodeProfilesParam(data: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const bad = '链接中的版式配置已损坏，可能被截断或改动过。';
  if (data.length > LIMITS.linkChars * 2) return { ok: false, error: bad };
  const bytes = fromBase64Url(data);
  if (!bytes) return { ok: false, error: bad };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await inflateRaw(bytes, PROFILE_LIMITS.bytes));
    return { ok: true, text };
  } catch (e) {
    return { ok: false, error: e instanceof TooLargeError ? `链接中的版式配置过大（上限 ${PROFILE_LIMITS.bytes / 1024} KB），已拒绝。` : bad };
  }
}
