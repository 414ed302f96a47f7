import { describe, expect, it } from 'vitest';
import { readDisclosure, type ReadResult } from '../../../src/lib/ingest';
import { decodeBytes } from '../../../src/lib/ingest/decode';
import { gold, seedBytes, seedFiles } from './seeds';

/**
 * Issue 14 finding 6: damaged text files. What can be read is read, and figures are never lost
 * silently: fewer figures than the whole file gives always come with a warning.
 */
const enc = new TextEncoder();
const figures = (r: ReadResult) => (r.ok ? r.docs.reduce((n, d) => n + d.figures.length, 0) : 0);
const warnings = (r: ReadResult) => (r.ok ? r.docs.flatMap((d) => d.warnings.map((w) => w.message)) : []);
const key = (f: { table: string; rowCode: string; column: string }) => `${f.table} ${f.rowCode} ${f.column}`;

/** Every gold figure of the seed's documents is in the result (by key). */
function goldKept(file: string, r: ReadResult): string[] {
  if (!r.ok) return ['not read'];
  const read = new Set(r.docs.flatMap((d) => d.figures.map(key)));
  return gold.documents.filter((d) => d.file === file).flatMap((d) => d.figures.map(([t, row, col]) => `${t} ${row} ${col}`)).filter((k) => !read.has(k));
}

describe('tabs turned into two spaces', () => {
  it.each(['000_90f61d72552513ea.txt', '002_64e98bfc144ba4c8.txt', '003_3753cf426c7ec0a0.txt'])('%s (tab rows) reads every gold figure again', (file) => {
    const whole = readDisclosure(seedBytes(file), file);
    const spaced = readDisclosure(enc.encode(new TextDecoder().decode(seedBytes(file)).replace(/\t/g, '  ')), file);
    expect(goldKept(file, spaced)).toEqual([]);
    // 295 → 18 figures, exit 0 and no warning, before.
    expect(figures(spaced)).toBeGreaterThanOrEqual(figures(whole) - 2);
    if (figures(spaced) < figures(whole)) expect(warnings(spaced).length).toBeGreaterThan(0);
  });

  it.each(['001_0e01da1d0149c9a7.txt', '004_4e927ba8514049a8.txt'])('%s (one cell per line) warns about what it loses', (file) => {
    const whole = readDisclosure(seedBytes(file), file);
    const spaced = readDisclosure(enc.encode(new TextDecoder().decode(seedBytes(file)).replace(/\t/g, '  ')), file);
    expect(figures(spaced)).toBeLessThan(figures(whole));
    const before = new Set(warnings(whole));
    expect(warnings(spaced).filter((w) => !before.has(w))).not.toEqual([]);
  });

  it('leaves prose with a double space alone', () => {
    const text = '部门预算收支总表\n这是一段  说明文字。\n';
    expect(readDisclosure(enc.encode(text), 'x.txt')).toEqual(readDisclosure(enc.encode(text.replace('  ', ' ')), 'x.txt'));
  });
});

describe('damaged bytes', () => {
  const file = '000_90f61d72552513ea.txt';

  it.each([
    ['one NUL byte in the middle', (b: Uint8Array) => ((b[Math.floor(b.length / 2)] = 0), b)],
    ['one flipped bit', (b: Uint8Array) => ((b[Math.floor(b.length / 3)] ^= 0x40), b)],
  ])('%s: the file is read, with a warning naming what could not be decoded', (_, damage) => {
    const r = readDisclosure(damage(seedBytes(file).slice()), file);
    expect(r.ok ? '' : r.error).toBe('');
    expect(goldKept(file, r)).toEqual([]);
    expect(warnings(r).some((w) => w.includes('无法解码'))).toBe(true);
  });

  it('a GBK file with a flipped bit is read as GBK', () => {
    const gbk = new Uint8Array([0xb2, 0xbf, 0xc3, 0xc5, 0xd4, 0xa4, 0xcb, 0xe3, 0x0a].flatMap((b) => b === 0x0a ? [b] : [b]));
    const many = new Uint8Array(Array.from({ length: 200 }, () => [...gbk]).flat());
    many[50] = 0xff;
    const d = decodeBytes(many);
    expect(d.ok && d.encoding).toMatch(/^gb18030/);
    expect(d.ok && d.text).toContain('部门预算');
  });

  it('still refuses what is not text in any encoding', () => {
    const junk = new Uint8Array(4000).map((_, i) => (i * 7919) % 256);
    expect(decodeBytes(junk).ok ? readDisclosure(junk, 'junk.bin').ok : false).toBe(false);
  });
});

describe('a file cut short', () => {
  it.each(seedFiles.map((f) => [f]))('%s cut inside its tables: what is lost is warned about', (file) => {
    const bytes = seedBytes(file);
    const whole = readDisclosure(bytes, file);
    for (const at of [0.3, 0.5, 0.7, 0.8, 0.9]) {
      const cut = readDisclosure(bytes.slice(0, Math.floor(bytes.length * at)), file);
      if (!cut.ok) continue;
      const before = new Set(warnings(whole));
      if (figures(cut) < figures(whole)) expect(warnings(cut).filter((w) => !before.has(w)), `${file} at ${at}`).not.toEqual([]);
    }
  });

  it('a file that ends on a 绩效目标表\'s indicator with a word for its value is whole; on the indicators\' header, cut', () => {
    const form = [
      '乡村道路养护绩效目标表',
      '项目名称\t乡村道路养护',
      '一级指标\t二级指标\t三级指标\t指标值',
      '产出指标\t数量指标\t养护里程\t≥120公里',
    ];
    const read = (lines: string[]) => warnings(readDisclosure(new TextEncoder().encode(`${lines.join('\n')}\n`), 'form.txt')).filter((w) => w.includes('截断'));
    // The last row names its level, or a row of its block above does.
    expect(read([...form, '效益指标\t可持续影响指标\t道路使用年限\t长期'])).toEqual([]);
    expect(read([...form, '\t\t道路通行条件\t改善'])).toEqual([]);
    expect(read(form.slice(0, 3))).toHaveLength(1);
  });

  it('a whole file that ends with a table row and no line end is not called cut', () => {
    for (const file of seedFiles) {
      const whole = readDisclosure(seedBytes(file), file);
      expect(warnings(whole).filter((w) => w.includes('截断'))).toEqual([]);
    }
  });
});
