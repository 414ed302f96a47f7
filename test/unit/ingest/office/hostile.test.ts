import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { OFFICE_LIMITS, readOffice } from '../../../../src/lib/ingest/office/read';
import { seedFiles, seedText } from '../seeds';
import { xlsxOf } from './fixtures';

const seed = seedText(seedFiles[0]);
const base = xlsxOf(seed);

/** The workbook with parts replaced, added or (null) removed. */
function patched(changes: Record<string, string | Uint8Array | null>, from = base): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(from);
  for (const [name, data] of Object.entries(changes)) {
    if (data === null) delete files[name];
    else files[name] = typeof data === 'string' ? strToU8(data) : data;
  }
  return zipSync(files);
}

function text(bytes: Uint8Array, part: string): string {
  return new TextDecoder().decode(unzipSync(bytes)[part]);
}

/** Sets the uncompressed size an entry's headers declare (local and central), as a forger would. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    const at = sig === 0x04034b50 ? 30 : sig === 0x02014b50 ? 46 : 0;
    if (!at) continue;
    const length = view.getUint16(i + (sig === 0x04034b50 ? 26 : 28), true);
    if (length !== nameBytes.length || !nameBytes.every((b, k) => out[i + at + k] === b)) continue;
    view.setUint32(i + (sig === 0x04034b50 ? 22 : 24), size, true);
  }
  return out;
}

async function refused(bytes: Uint8Array, name: string): Promise<string> {
  const result = await importFile(bytes, name);
  if (result.ok) throw new Error(`${name} was read`);
  expect(result.error.startsWith(`「${name}」`)).toBe(true);
  return result.error;
}

async function read(bytes: Uint8Array, name: string) {
  const result = await importFile(bytes, name);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const sheet = (cells: string, extra = '') =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra}<sheetData>${cells}</sheetData></worksheet>`;

describe('hostile and unusual office files: a clear Chinese message naming the file, or the values with a warning', () => {
  it('a zip bomb whose header understates its size is stopped at the declared size', { timeout: 60_000 }, async () => {
    const huge = strToU8(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${' '.repeat(40 * 1024 * 1024)}</t></is></c></row>`));
    const bomb = declareSize(patched({ 'xl/worksheets/sheet2.xml': huge }), 'xl/worksheets/sheet2.xml', 4096);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refused(bomb, 'bomb.xlsx')).toMatch(/压缩炸弹/);
  });

  it('an entry declaring more than the per-entry cap, and entries over the total cap, are refused before inflating', async () => {
    const big = declareSize(base, 'xl/worksheets/sheet2.xml', 1_000_000_000);
    expect(await refused(big, 'big.xlsx')).toMatch(/解压后过大/);
    const small = readOffice(base, 'total.xlsx', { ...OFFICE_LIMITS, zip: { ...OFFICE_LIMITS.zip, maxTotal: 2000 } });
    expect(small.ok ? '' : small.error).toMatch(/^「total\.xlsx」解压后总大小超过/);
  });

  it('too many entries is refused', () => {
    const files: Record<string, Uint8Array> = unzipSync(base);
    for (let i = 0; i < 60; i++) files[`junk/${i}.bin`] = new Uint8Array(1);
    const result = readOffice(zipSync(files), 'many.xlsx', { ...OFFICE_LIMITS, zip: { ...OFFICE_LIMITS.zip, maxEntries: 50 } });
    expect(result.ok ? '' : result.error).toMatch(/^「many\.xlsx」压缩包内的文件过多/);
  });

  it('huge declared dimensions are not allocated; cells far out beyond the caps are left out, with a warning', async () => {
    const sheet2 = text(base, 'xl/worksheets/sheet2.xml')
      .replace('<sheetData>', '<dimension ref="A1:XFD1048576"/><sheetData>')
      .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
    const result = await read(patched({ 'xl/worksheets/sheet2.xml': sheet2 }), 'wide.xlsx');
    expect(result.docs[0].figures.length).toBeGreaterThan(50);
    expect(result.docs[0].warnings.map((w) => w.message).join('\n')).toMatch(/工作表「表1」有 1 个单元格超出读取范围/);
  });

  it('formulas: the cached value is read, never computed; a formula without one is blank, with a warning', async () => {
    const original = await read(base, 'plain.xlsx');
    const total = original.docs[0].figures.find((f) => f.table === 'income' && f.rowCode === 'total' && f.column === 'total')!;
    const line = original.text!.split('\n')[total.source.line - 1];
    const [sheetName, ref] = line.split('\t')[0].split('!');
    const part = sheetName === '说明' ? 'xl/worksheets/sheet1.xml' : `xl/worksheets/sheet${Number(sheetName.slice(1)) + 1}.xml`;
    const xml = text(base, part);
    const withFormula = xml.replace(new RegExp(`<c r="${ref}" s="(\\d)"><v>`), `<c r="${ref}" s="$1"><f>SUM(1,2)</f><v>`);
    expect(withFormula).not.toBe(xml);
    const cached = await read(patched({ [part]: withFormula }), 'formula.xlsx');
    expect(cached.docs[0].figures.find((f) => f.table === 'income' && f.rowCode === 'total' && f.column === 'total')?.amount).toBe(total.amount);
    const uncached = withFormula.replace(new RegExp(`(<c r="${ref}" s="\\d"><f>SUM\\(1,2\\)</f>)<v>[^<]*</v>`), '$1');
    const blank = await read(patched({ [part]: uncached }), 'uncached.xlsx');
    expect(blank.docs[0].warnings.map((w) => w.message).join('\n')).toMatch(/1 个公式单元格没有保存计算结果/);
  });

  it('external links are ignored, with a warning', async () => {
    const wb = text(base, 'xl/workbook.xml').replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rId99"/></externalReferences>');
    const result = await read(patched({ 'xl/workbook.xml': wb }), 'links.xlsx');
    expect(result.docs[0].warnings[0].message).toMatch(/外部链接，已忽略/);
  });

  it('a macro workbook (.xlsm): values read, the macros never run, and it says so', async () => {
    const result = await read(patched({ 'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) }), 'macros.xlsm');
    expect(result.docs[0].figures.length).toBeGreaterThan(50);
    expect(result.docs[0].warnings[0].message).toMatch(/宏不会运行/);
  });

  it('a corrupt or truncated zip', async () => {
    expect(await refused(base.slice(0, Math.floor(base.length / 2)), 'cut.xlsx')).toMatch(/ZIP 结构损坏/);
    const damaged = base.slice();
    const at = damaged.length >> 2;
    for (let i = at; i < at + 200; i++) damaged[i] ^= 0x5a;
    expect(await refused(damaged, 'flipped.xlsx')).toMatch(/损坏/);
  });

  it('a ZIP that is not an office file, and an encrypted ZIP entry', async () => {
    expect(await refused(zipSync({ 'a.txt': strToU8('hello') }), 'a.zip')).toMatch(/不是 Excel 工作簿（\.xlsx）或 Word 文档（\.docx）/);
    const encrypted = base.slice();
    const view = new DataView(encrypted.buffer);
    for (let i = 0; i + 4 < encrypted.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
    expect(await refused(encrypted, 'locked.xlsx')).toMatch(/密码保护/);
  });

  it('OLE files: password-protected OOXML, a legacy .xls with no readable workbook, a .doc: each with what to do', async () => {
    expect(await refused(ole(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'secret.xlsx')).toMatch(/文件有密码保护/);
    expect(await refused(ole(['Root Entry', 'Workbook']), 'old.xls')).toMatch(/旧版 Excel 文件（\.xls）.*另存为」Excel 工作簿（\.xlsx）/);
    expect(await refused(ole(['Root Entry', 'WordDocument']), 'old.doc')).toMatch(/旧版 Word 文件（\.doc）.*另存为」Word 文档（\.docx）/);
  });

  it('cell text that looks like a formula or markup stays text', async () => {
    const cells = `<row r="1"><c r="A1" t="inlineStr"><is><t>=HYPERLINK("http://x","&lt;b&gt;点我")</t></is></c></row>`;
    const result = readOffice(patched({ 'xl/worksheets/sheet1.xml': sheet(cells) }), 'text.xlsx');
    expect(result.ok && result.text).toContain('说明!A1\t=HYPERLINK("http://x","<b>点我")');
  });
});

/** A minimal OLE compound file: header, then one directory sector naming `names`. */
function ole(names: string[]): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  names.forEach((name, i) => {
    const at = 512 + i * 128;
    for (let k = 0; k < name.length; k++) bytes[at + 2 * k] = name.charCodeAt(k);
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}
