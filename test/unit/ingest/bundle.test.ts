import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_LIMITS, isBundle, readBundle } from '../../../src/lib/ingest/bundle';
import { importFile } from '../../../src/lib/ingest/file';
import { writeXlsx } from '../../../src/lib/ingest/office/write';
import { mismatches } from './pdf/corpus';
import { gold, seedBytes, seedFiles, seedText } from './seeds';
import { rowsOf, sheetsOf } from './office/fixtures';
import { storedZip } from './bundle/storedZip';

/**
 * A ZIP of disclosures, as sites offer a year's departments for download. Before, it was refused
 * (「是 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）或 Word 文档（.docx）」). The fixtures were written by
 * Python's zipfile (scripts/bundle-fixtures.ts), not by our code.
 */
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, 'bundle', name)));

describe('a bundle of disclosures', () => {
  const bytes = fixture('bundle.zip');

  it('is told from an Office file by its directory', () => {
    expect(isBundle(bytes)).toBe(true);
    expect(isBundle(writeXlsx(sheetsOf(rowsOf(seedText(seedFiles[0])), { perTable: true, noise: false })))).toBe(false);
    expect(isBundle(seedBytes(seedFiles[0]))).toBe(false);
  });

  it('gives its files, folders kept, and says what it leaves: a picture; the Mac and Windows litter is nobody\'s', () => {
    const read = readBundle(bytes, '2023年预算.zip');
    if (!read.ok) throw new Error(read.error);
    expect(read.members.map((m) => m.path)).toEqual([
      '2023年部门预算/000_90f61d72552513ea.txt', '2023年部门预算/001_0e01da1d0149c9a7.txt', '2023年部门预算/002_64e98bfc144ba4c8.txt',
      '2023年部门预算/003_3753cf426c7ec0a0.xls', '其他/更多.zip',
    ]);
    expect(read.notes).toEqual(['1 个图片、音视频或程序文件不是公开文件，未读取：「封面.png」']);
    // Exactly the bytes that were zipped.
    expect(read.members[0].bytes).toEqual(seedBytes('000_90f61d72552513ea.txt'));
  });

  it('gives every gold figure of the five seeds, each file through the one way in (the ZIP inside it too)', { timeout: 120_000 }, async () => {
    const files: { name: string; bytes: Uint8Array }[] = [];
    const open = (b: Uint8Array, name: string) => {
      const read = readBundle(b, name);
      if (!read.ok) throw new Error(read.error);
      for (const m of read.members) {
        if (isBundle(m.bytes)) open(m.bytes, m.path);
        else files.push({ name: m.path, bytes: m.bytes });
      }
    };
    open(bytes, 'a.zip');
    expect(files.map((f) => path.basename(f.name).slice(0, 3)).sort()).toEqual(['000', '001', '002', '003', '004']);
    for (const f of files) {
      const read = await importFile(f.bytes, f.name);
      if (!read.ok) throw new Error(read.error);
      const seed = seedFiles.find((s) => s.slice(0, 3) === path.basename(f.name).slice(0, 3))!;
      const expected = gold.documents.filter((d) => d.file === seed);
      expect(read.docs.map((d) => [d.meta.unitName, d.meta.year]), f.name).toEqual(expected.map((g) => [g.unit_name, g.year]));
      expected.forEach((g, i) => expect(mismatches(g.figures, read.docs[i].figures), `${f.name} document ${i + 1}`).toEqual([]));
    }
  });
});

describe('names', () => {
  it('reads GBK names written without the UTF-8 flag, as Windows\' 「压缩(zipped)文件夹」 writes them', () => {
    const read = readBundle(fixture('gbk-names.zip'), 'a.zip');
    if (!read.ok) throw new Error(read.error);
    expect(read.members.map((m) => m.path)).toEqual(['预算公开/财政局.txt', '预算公开/信访局.txt']);
    expect(read.members[1].bytes).toEqual(seedBytes('003_3753cf426c7ec0a0.txt'));
  });

  it('reads a name that is valid UTF-8 without the flag as UTF-8', () => {
    const read = readBundle(storedZip([{ name: new TextEncoder().encode('部门/a.txt'), data: seedBytes(seedFiles[0]) }]), 'a.zip');
    expect(read.ok && read.members[0].path).toBe('部门/a.txt');
  });
});

describe('what a bundle cannot give', () => {
  const text = (s: string) => new TextEncoder().encode(s);
  const seed = seedBytes(seedFiles[0]);

  it('a file with a password or an unknown compression is named; the others are read', () => {
    const read = readBundle(storedZip([
      { name: text('a.txt'), data: seed },
      { name: text('密码.txt'), data: seed, flags: 1 },
      { name: text('b.txt'), data: seed, method: 14 },
    ]), 'a.zip');
    if (!read.ok) throw new Error(read.error);
    expect(read.members.map((m) => m.path)).toEqual(['a.txt']);
    expect(read.notes).toHaveLength(1);
    expect(read.notes[0]).toMatch(/^2 个文件无法从压缩包中取出：「密码\.txt」文件有密码保护.*；「b\.txt」使用了不支持的压缩方式（14）$/);
  });

  it('past the total a bundle may unpack, the files left are counted and named, not dropped', () => {
    const read = readBundle(storedZip([0, 1, 2, 3].map((i) => ({ name: text(`${i}.txt`), data: seed }))), 'a.zip', { ...BUNDLE_LIMITS, maxTotal: 2.5 * seed.length });
    if (!read.ok) throw new Error(read.error);
    expect(read.members.map((m) => m.path)).toEqual(['0.txt', '1.txt']);
    expect(read.notes).toEqual([expect.stringMatching(/之后的 2 个文件未读取（「2\.txt」、「3\.txt」）：请解压后分批导入$/)]);
  });

  it('more files than a bundle may hold: the first are read and the rest said', () => {
    const read = readBundle(storedZip([0, 1, 2].map((i) => ({ name: text(`${i}.txt`), data: text('x') }))), 'a.zip', { ...BUNDLE_LIMITS, maxMembers: 2 });
    expect(read.ok && read.members.length).toBe(2);
    expect(read.ok && read.notes).toEqual(['压缩包内文件过多（3 个），只读取了前 2 个：请解压后分批导入']);
  });

  it('nothing readable: a message naming the bundle and why', () => {
    const read = readBundle(storedZip([{ name: text('封面.jpg'), data: text('x') }]), '空.zip');
    expect(read).toEqual({ ok: false, error: '「空.zip」是 ZIP 压缩包，但其中没有可读取的文件（1 个图片、音视频或程序文件不是公开文件，未读取：「封面.jpg」）。' });
  });

  it('RAR, 7z and gz are refused by name, with what to do', async () => {
    for (const [magic, what] of [[[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0], 'RAR 压缩包'], [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0], '7z 压缩包'], [[0x1f, 0x8b, 8, 0], 'gz 压缩文件']] as const) {
      const read = await importFile(new Uint8Array([...magic, 1, 2, 3]), '预算.rar');
      expect(read).toEqual({ ok: false, error: `「预算.rar」是${what}：本应用只直接读取 ZIP 压缩包，请先解压，再导入解压出的文件或文件夹。` });
    }
  });

  it('an OpenDocument file is named as such, with what to do', async () => {
    const ods = storedZip([{ name: text('mimetype'), data: text('application/vnd.oasis.opendocument.spreadsheet') }, { name: text('content.xml'), data: text('<x/>') }]);
    expect(isBundle(ods)).toBe(false);
    const read = await importFile(ods, '预算.ods');
    expect(read.ok ? '' : read.error).toBe('「预算.ods」是 OpenDocument 表格（.ods），本应用不读取：请用 WPS、LibreOffice 或 Office 打开后另存为 Excel 工作簿（.xlsx）再导入。');
  });

  it('damaged anywhere: a reading or a message naming the bundle, never an exception', () => {
    const bytes = fixture('bundle.zip');
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) >>> 0);
    for (let n = 0; n < 150; n++) {
      const damaged = bytes.slice(0, n % 10 === 0 ? next() % bytes.length : bytes.length);
      for (let k = 0; k < 4; k++) damaged[next() % damaged.length] = next() & 0xff;
      const read = readBundle(damaged, '坏.zip');
      if (!read.ok) expect(read.error).toMatch(/^「坏\.zip」/);
      else for (const m of read.members) expect(m.bytes).toBeInstanceOf(Uint8Array);
    }
  });
});
