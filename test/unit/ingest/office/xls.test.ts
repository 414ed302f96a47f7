import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/lib/ingest/file';
import { readOffice } from '../../../../src/lib/ingest/office/read';
import { readXlsWorkbook } from '../../../../src/lib/ingest/office/xls';
import { colName } from '../../../../src/lib/ingest/office/xlsx';
import { writeXlsx } from '../../../../src/lib/ingest/office/write';
import { mismatches } from '../pdf/corpus';
import { gold, seedFiles, seedText } from '../seeds';
import { compoundFile, sstOf, workbookStream, type BiffSheet } from './biff';
import { rowsOf, sheetsOf, withMerges } from './fixtures';

/**
 * Legacy .xls (BIFF8). The fixtures in xls/ were written by LibreOffice from the same workbooks the
 * .xlsx tests build (scripts/xls-fixtures.ts): each Hebei seed, a sheet per table, merged titles and
 * header cells. Before, every .xls was refused (「本应用不读取这种二进制格式」).
 */
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, 'xls', name)));

describe.each(seedFiles)('%s as a legacy .xls', (file) => {
  const bytes = fixture(file.replace(/\.txt$/, '.xls'));

  it('gives every gold figure, through the one way in', { timeout: 60_000 }, async () => {
    const result = await importFile(bytes, file.replace(/\.txt$/, '.xls'));
    if (!result.ok) throw new Error(result.error);
    expect(result.office).toBe('xls');
    const expected = gold.documents.filter((d) => d.file === file);
    expect(result.docs.map((d) => [d.meta.unitName, d.meta.scope, d.meta.year])).toEqual(expected.map((g) => [g.unit_name, g.scope, g.year]));
    expected.forEach((g, i) => expect(mismatches(g.figures, result.docs[i].figures), `document ${i + 1}`).toEqual([]));
  });

  it('reads every cell as the .xlsx it was saved from', () => {
    // Shared strings over CONTINUE records, RK, MULRK and NUMBER cells, merged ranges, sheet names.
    const xlsx = readOffice(writeXlsx(withMerges(sheetsOf(rowsOf(seedText(file)), { perTable: true, noise: false }))), 'a.xlsx');
    const xls = readOffice(bytes, 'a.xls');
    if (!xlsx.ok || !xls.ok) throw new Error('unread');
    expect(xls.text).toBe(xlsx.text);
  });
});

describe('formulas', () => {
  it('a formula\'s cached number is its value: seed 003\'s 一般公共预算支出表 with every sum a formula', async () => {
    const seed = await importFile(new TextEncoder().encode(seedText('003_3753cf426c7ec0a0.txt')), 'seed.txt');
    const read = await importFile(fixture('formulas.xls'), 'formulas.xls');
    if (!seed.ok || !read.ok) throw new Error('unread');
    const general = (docs: typeof seed.docs) => docs[0].figures.filter((f) => f.table === 'general_expense').map((f) => `${f.rowCode}/${f.column}=${f.amount}`).sort();
    // The .xls prints 0.00 where the seed leaves a cell blank.
    const printed = general(read.docs).filter((f) => !f.endsWith('=0'));
    expect(printed).toEqual(general(seed.docs).filter((f) => !f.endsWith('=0')));
    expect(read.docs[0].warnings).toEqual([]);
  });
});

/** A built workbook's cells, sheet by sheet: 「sheet!A1 text」 lines. */
const cells = (bytes: Uint8Array) =>
  readXlsWorkbook(bytes).sheets.flatMap((s) => [...s.cells].flatMap(([r, line]) => [...line].map(([c, text]) => `${s.name}${s.hidden ? '(hidden)' : ''}!${colName(c)}${r + 1} ${text}`)));
const built = (sheets: BiffSheet[], strings: string[] = []) => cells(compoundFile(workbookStream(sheets, sstOf(strings))));

describe('records LibreOffice does not write', () => {
  it('a string formula\'s STRING, booleans, LABEL, and RK numbers (integer, ×100, double)', () => {
    expect(built([{ name: '表1', cells: [
      { kind: 'formulaString', row: 0, col: 0, text: '一般公共服务支出' },
      { kind: 'formulaBool', row: 0, col: 1, value: true },
      { kind: 'bool', row: 0, col: 2, value: false },
      { kind: 'label', row: 1, col: 0, text: '行政运行' },
      { kind: 'rk', row: 1, col: 1, rk: (155013 << 2) | 3 },
      { kind: 'rk', row: 1, col: 2, rk: (42 << 2) | 2 },
      { kind: 'rk', row: 1, col: 3, rk: 0x3ff00000 },
      { kind: 'number', row: 1, col: 4, value: 1237.14 },
      { kind: 'sst', row: 2, col: 0, index: 1 },
    ] }], ['合计', '其他信访事务支出'])).toEqual([
      '表1!A1 一般公共服务支出', '表1!B1 TRUE', '表1!C1 FALSE',
      '表1!A2 行政运行', '表1!B2 1550.13', '表1!C2 42', '表1!D2 1', '表1!E2 1237.14', '表1!A3 其他信访事务支出',
    ]);
  });

  it('a shared string split over a CONTINUE, its characters compressed before and UTF-16 after', () => {
    const le16 = (n: number) => [n & 0xff, n >> 8];
    // 「ABC部门」: A, B compressed in the SST record; C, 部, 门 in UTF-16 after the CONTINUE's flag byte.
    const first = [1, 0, 0, 0, 1, 0, 0, 0, ...le16(5), 0, 0x41, 0x42];
    const second = [1, ...le16(0x43), ...le16(0x90e8), ...le16(0x95e8)];
    expect(cells(compoundFile(workbookStream([{ name: '表1', cells: [{ kind: 'sst', row: 0, col: 0, index: 0 }] }], [first, second])))).toEqual(['表1!A1 ABC部门']);
  });

  it('a workbook naming one sheet 300 times reads 256 of them, and says so', () => {
    const sheets = Array.from({ length: 300 }, (_, k) => ({ name: `表${k}`, cells: [{ kind: 'label' as const, row: 0, col: 0, text: '甲' }] }));
    const book = readXlsWorkbook(compoundFile(workbookStream(sheets)));
    expect(book.sheets.length).toBe(256);
    expect(book.notes).toEqual(['工作簿有 300 个工作表，只读取了前 256 个']);
  });

  it('a hidden sheet is marked hidden (the reader then leaves it, as an .xlsx\'s)', () => {
    expect(built([{ name: '表1', cells: [{ kind: 'label', row: 0, col: 0, text: '公开' }] }, { name: '底稿', hidden: true, cells: [{ kind: 'label', row: 0, col: 0, text: '不公开' }] }])).toEqual(['表1!A1 公开', '底稿(hidden)!A1 不公开']);
  });
});

describe('a .xls the reader cannot read says why, naming the file', () => {
  const refused = (bytes: Uint8Array, name: string) => {
    const r = readOffice(bytes, name);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.error;
  };

  it('password-protected, Excel 95, or not a BIFF8 workbook', () => {
    expect(refused(compoundFile(workbookStream([{ name: '表1', cells: [] }], [], { encrypted: true })), '加密.xls')).toMatch(/^「加密\.xls」.*密码保护/);
    expect(refused(compoundFile(workbookStream([{ name: '表1', cells: [] }]), 'Book'), 'old95.xls')).toMatch(/^「old95\.xls」.*Excel 5\.0\/95/);
    expect(refused(compoundFile(new Uint8Array([1, 2, 3, 4, 5, 6])), 'junk.xls')).toMatch(/^「junk\.xls」是旧版 Excel 文件（\.xls），但.*另存为」Excel 工作簿（\.xlsx）/);
  });

  it('truncated, or with bytes flipped anywhere: a message or a reading, never an exception', () => {
    const bytes = fixture('003_3753cf426c7ec0a0.xls');
    for (const cut of [600, 1500, bytes.length >> 2, bytes.length >> 1, bytes.length - 700]) {
      const r = readOffice(bytes.slice(0, cut), 'cut.xls');
      if (!r.ok) expect(r.error).toMatch(/^「cut\.xls」/);
    }
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 200; k++) {
      const damaged = bytes.slice();
      for (let i = 0; i < 8; i++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const r = readOffice(damaged, 'flipped.xls');
      expect(r.ok || /^「flipped\.xls」/.test(r.error)).toBe(true);
    }
  });
});
