import { describe, expect, it } from 'vitest';
import { decodeShareData, encodeShareFragment } from '../../../src/lib/share/link';
import { toBase64Url, fromBase64Url } from '../../../src/lib/share/base64url';
import { deflateRaw } from '../../../src/lib/share/compress';
import type { StoredDocument } from '../../../src/lib/model/document';

function doc(n: number, figures = 3): StoredDocument {
  return {
    docId: `abc${n}`, fileName: 'x', tables: [], projects: [], warnings: [],
    meta: { unitCode: String(200 + n), unitName: `<img src=x onerror=alert(1)>单位${n}`, scope: 'department', stage: 'budget', year: 2023 },
    figures: Array.from({ length: figures }, (_, i) => ({
      table: 'expense' as const, rowCode: `2010${i}`, rowName: '行政运行', column: 'total', amount: (i + 1) * 1_234_567 - 5, source: { line: i },
    })),
  };
}

async function linkData(value: unknown): Promise<string> {
  return toBase64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(value))));
}

describe('share links', () => {
  it('round-trips the view state and the figures', async () => {
    const r = await encodeShareFragment({ view: 'peers', year: '2023' }, [doc(1), doc(2)]);
    if (!r.ok) throw new Error('too long');
    const sp = new URLSearchParams(r.fragment);
    expect(sp.get('view')).toBe('peers');
    const back = await decodeShareData(sp.get('data') ?? undefined);
    if (back.kind !== 'inline') throw new Error(JSON.stringify(back));
    expect(back.docs.map((d) => d.meta.unitName)).toEqual([doc(1).meta.unitName, doc(2).meta.unitName]);
    expect(back.docs[1].figures.map((f) => f.amount)).toEqual(doc(2).figures.map((f) => f.amount));
  });

  it('refuses to produce a link over the safe length', async () => {
    // Varied amounts, as real figures are: repetitive ones would compress far below the limit.
    let x = 12345;
    const many = Array.from({ length: 60 }, (_, i) => {
      const d = doc(i, 300);
      for (const f of d.figures) f.amount = x = (x * 1103515245 + 12345) % 2147483648;
      return d;
    });
    const r = await encodeShareFragment({ view: 'peers' }, many);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.length).toBeGreaterThan(32 * 1024);
  });

  it('names a catalog dataset instead of carrying data', async () => {
    expect(await decodeShareData('catalog:seeds')).toEqual({ kind: 'catalog', id: 'seeds' });
    expect((await decodeShareData('catalog:../../etc')).kind).toBe('invalid');
  });

  it.each([
    ['bad base64', '!!!not-base64***'],
    ['truncated', 'q1YqS8wpTVWyUjIyMDJQ'],
    ['one stray char', 'A'],
  ])('rejects %s', async (_, data) => {
    const r = await decodeShareData(data);
    expect(r.kind).toBe('invalid');
  });

  it('rejects a zip bomb without inflating it all', async () => {
    const bomb = await deflateRaw(new Uint8Array(16 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(32 * 1024);
    const r = await decodeShareData(toBase64Url(bomb));
    expect(r).toMatchObject({ kind: 'invalid' });
    if (r.kind === 'invalid') expect(r.error).toContain('MB');
  });

  it.each([
    ['wrong version', { v: 2, docs: [] }],
    ['not an object', [1, 2, 3]],
    ['wrong types', { v: 1, docs: [{ id: 'a', code: 1, name: 'x', scope: 'unit', stage: 'budget', year: 2023, f: [] }] }],
    ['unknown table', { v: 1, docs: [{ id: 'a', code: '', name: 'x', scope: 'unit', stage: 'budget', year: 2023, f: [['evil', 'r', '', 'c', 1]] }] }],
    ['huge number', { v: 1, docs: [{ id: 'a', code: '', name: 'x', scope: 'unit', stage: 'budget', year: 2023, f: [['expense', 'r', '', 'c', 1e300]] }] }],
    ['fractional fen', { v: 1, docs: [{ id: 'a', code: '', name: 'x', scope: 'unit', stage: 'budget', year: 2023, f: [['expense', 'r', '', 'c', 0.5]] }] }],
    ['odd year', { v: 1, docs: [{ id: 'a', code: '', name: 'x', scope: 'unit', stage: 'budget', year: 99999, f: [] }] }],
    ['bad id', { v: 1, docs: [{ id: '<script>', code: '', name: 'x', scope: 'unit', stage: 'budget', year: 2023, f: [] }] }],
  ])('rejects a payload with %s', async (_, value) => {
    const r = await decodeShareData(await linkData(value));
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.error).toMatch(/分享链接/);
  });

  it('keeps HTML in names as plain text (it is never rendered as HTML)', async () => {
    const r = await encodeShareFragment({}, [doc(1)]);
    if (!r.ok) throw new Error();
    const back = await decodeShareData(new URLSearchParams(r.fragment).get('data')!);
    if (back.kind !== 'inline') throw new Error();
    expect(back.docs[0].meta.unitName).toBe('<img src=x onerror=alert(1)>单位1');
  });

  it('base64url round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });
});
