import { describe, expect, it } from 'vitest';
import { decodeProfilesParam, encodeProfilesParam } from '../../../src/lib/profiles/link';
import { readProfilesFile } from '../../../src/lib/profiles/validate';
import { toBase64Url } from '../../../src/lib/share/base64url';
import { deflateRaw } from '../../../src/lib/share/compress';
import type { LayoutProfile } from '../../../src/lib/profiles/types';

const profile: LayoutProfile = {
  version: 1, name: '县级版式·支出表', kind: 'expense',
  signature: { title: '经费丙类明细表', header: ['序号|功能分类科目||合计|基本支出|项目支出'], columns: 6 },
  columns: ['skip', 'code', 'name', 'total', 'basic', 'project'], rows: [],
};

describe('profiles in a share link', () => {
  it('round-trip through the fragment parameter', async () => {
    const enc = await encodeProfilesParam([profile]);
    expect(enc.ok).toBe(true);
    if (!enc.ok) return;
    expect(enc.data).toMatch(/^[A-Za-z0-9_-]+$/);
    const dec = await decodeProfilesParam(enc.data);
    expect(dec.ok && readProfilesFile(dec.text, '分享链接')).toEqual({ ok: true, profiles: [profile] });
  });

  it('refuses a damaged link and one that unpacks beyond the file cap', async () => {
    await expect(decodeProfilesParam('!!notbase64')).resolves.toEqual({ ok: false, error: expect.stringMatching(/已损坏/) });
    await expect(decodeProfilesParam('AAAA')).resolves.toEqual({ ok: false, error: expect.stringMatching(/已损坏/) });
    const bomb = toBase64Url(await deflateRaw(new TextEncoder().encode(' '.repeat(2 * 1024 * 1024))));
    await expect(decodeProfilesParam(bomb)).resolves.toEqual({ ok: false, error: expect.stringMatching(/过大/) });
  });
});
