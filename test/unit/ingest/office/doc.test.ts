import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { readOffice } from '../../../../src/lib/ingest/office/read';
import { mismatches } from '../pdf/corpus';
import { gold, seedText } from '../seeds';
import { docxOf } from './fixtures';

/**
 * Legacy .doc (Word 97–2003). The fixtures in doc/ were written by LibreOffice from the .docx the
 * office tests build of seeds 001 and 003 (scripts/office-fixtures.ts); 003's has a PAGE field in its
 * table of contents. Before, every .doc was refused (「本应用不读取这种二进制格式」).
 */
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, 'doc', name)));
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

async function goldOf(bytes: Uint8Array, seed: string) {
  const result = await importFile(bytes, `${seed}.doc`);
  if (!result.ok) throw new Error(result.error);
  expect(result.office).toBe('doc');
  const expected = gold.documents.filter((d) => d.file === seed);
  expect(result.docs.map((d) => [d.meta.unitName, d.meta.year])).toEqual(expected.map((g) => [g.unit_name, g.year]));
  expected.forEach((g, i) => expect(mismatches(g.figures, result.docs[i].figures)).toEqual([]));
}

describe('a legacy .doc', () => {
  it('seed 001: every gold figure, and the text of the .docx it was saved from, paragraph by paragraph and row by row', { timeout: 60_000 }, async () => {
    const bytes = fixture('001_0e01da1d0149c9a7.doc');
    await goldOf(bytes, '001_0e01da1d0149c9a7.txt');
    const doc = readOffice(bytes, 'a.doc');
    const docx = readOffice(docxOf(seedText('001_0e01da1d0149c9a7.txt')), 'a.docx');
    if (!doc.ok || !docx.ok) throw new Error('unread');
    expect(lines(doc.text)).toEqual(lines(docx.text));
  });

  it('seed 003, whose wide tables keep their row ends in the Data stream: every gold figure; a field gives its result, not its code', { timeout: 60_000 }, async () => {
    const bytes = fixture('fields.doc');
    await goldOf(bytes, '003_3753cf426c7ec0a0.txt');
    const doc = readOffice(bytes, 'a.doc');
    const docx = readOffice(docxOf(seedText('003_3753cf426c7ec0a0.txt')), 'a.docx');
    if (!doc.ok || !docx.ok) throw new Error('unread');
    expect(doc.text).not.toMatch(/PAGE/);
    const withField = lines(docx.text).map((l) => (l.startsWith('部门预算收支总表 .....\t') ? l.replace('\t', '1\t') : l));
    expect(lines(doc.text)).toEqual(withField);
  });
});

describe('a .doc the reader cannot read says why, naming the file', () => {
  /** The fixture with its FIB patched: the WordDocument stream starts a sector with 0xA5EC. */
  const patched = (patch: (bytes: Uint8Array, fib: number) => void) => {
    const bytes = fixture('001_0e01da1d0149c9a7.doc');
    let fib = -1;
    for (let at = 512; at + 2 < bytes.length; at += 512) if (bytes[at] === 0xec && bytes[at + 1] === 0xa5) { fib = at; break; }
    expect(fib).toBeGreaterThan(0);
    patch(bytes, fib);
    return bytes;
  };
  const refused = (bytes: Uint8Array, name: string) => {
    const r = readOffice(bytes, name);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.error;
  };

  it('password-protected, or Word 6.0/95', () => {
    expect(refused(patched((b, fib) => (b[fib + 0x0b] |= 0x01)), '加密.doc')).toMatch(/^「加密\.doc」.*密码保护/);
    expect(refused(patched((b, fib) => ((b[fib + 2] = 0x68), (b[fib + 3] = 0))), 'word95.doc')).toMatch(/^「word95\.doc」.*Word 6\.0\/95/);
  });

  it('truncated, or with bytes flipped anywhere: a message or a reading, never an exception', () => {
    const bytes = fixture('001_0e01da1d0149c9a7.doc');
    for (const cut of [600, 5000, bytes.length >> 2, bytes.length >> 1, bytes.length - 700]) {
      const r = readOffice(bytes.slice(0, cut), 'cut.doc');
      if (!r.ok) expect(r.error).toMatch(/^「cut\.doc」/);
    }
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 100; k++) {
      const damaged = bytes.slice();
      for (let i = 0; i < 8; i++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const r = readOffice(damaged, 'flipped.doc');
      expect(r.ok || /^「flipped\.doc」/.test(r.error)).toBe(true);
    }
  });
});
