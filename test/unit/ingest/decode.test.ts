import { describe, expect, it } from 'vitest';
import { readDisclosure } from '../../../src/lib/ingest';
import { decodeBytes } from '../../../src/lib/ingest/decode';
import { parseDecimal } from '../../../src/lib/model/amount';
import { tabRows } from './fixtures';

/**
 * Encodings are built by hand: Node's TextEncoder only writes UTF-8, and the tests may not call a
 * system iconv. GBK codes for the few characters of the fixture come from this table (checked
 * against TextDecoder('gb18030') below).
 */
const GBK: Record<string, number> = {
  '、': 0xa1a2, 一: 0xd2bb, 万: 0xcdf2, 位: 0xcebb, 元: 0xd4aa, 入: 0xc8eb, 公: 0xb9ab, 共: 0xb9b2,
  出: 0xb3f6, 务: 0xcef1, 单: 0xb5a5, 号: 0xbac5, 合: 0xbacf, 局: 0xbed6, 年: 0xc4ea, 序: 0xd0f2,
  度: 0xb6c8, 总: 0xd7dc, 拨: 0xb2a6, 支: 0xd6a7, 收: 0xcad5, 数: 0xcafd, 服: 0xb7fe, 本: 0xb1be,
  栏: 0xc0b8, 次: 0xb4ce, 款: 0xbfee, 测: 0xb2e2, 目: 0xc4bf, 算: 0xcbe3, 般: 0xb0e3, 表: 0xb1ed,
  计: 0xbcc6, 试: 0xcad4, 部: 0xb2bf, 门: 0xc3c5, 项: 0xcfee, 预: 0xd4a4, '：': 0xa3ba,
  '０': 0xa3b0, '１': 0xa3b1, '４': 0xa3b4, '７': 0xa3b7, '．': 0xa3ae,
};

function gbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else if (GBK[ch] !== undefined) out.push(GBK[ch] >> 8, GBK[ch] & 0xff);
    else throw new Error(`fixture character ${ch} missing from the GBK table`);
  }
  return new Uint8Array(out);
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = u & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = u >> 8;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A tiny disclosure using only characters of the GBK table. */
const TEXT = [
  '部门预算收支总表',
  '101 测试局',
  '预算年度：2023',
  '单位：万元',
  tabRows([
    ['序号', '收入', '', '支出', ''],
    ['', '项目', '预算数', '项目', '预算数'],
    ['栏次', '1', '2', '3', '4'],
    ['1', '一、一般公共预算拨款收入', '1,441.70', '一、一般公共服务支出', '１４４１．７０'],
    ['2', '本年收入合计', '1441.70 ', '本年支出合计', '1441.70'],
    ['3', '收入总计', '1441.70', '支出总计', '1441.70'],
  ]),
  '',
].join('\n');

const EXPECTED = parseDecimal('1441.70');

function readsTheFixture(bytes: Uint8Array, encoding: string) {
  const r = readDisclosure(bytes, 'fixture.txt');
  expect(r.ok ? r.encoding : r.error).toBe(encoding);
  if (!r.ok) return;
  const [doc] = r.docs;
  expect(doc.meta).toMatchObject({ unitCode: '101', unitName: '测试局', year: 2023 });
  const get = (row: string) => doc.figures.find((f) => f.table === 'summary' && f.rowCode === row)?.amount;
  expect(get('income.general')).toBe(EXPECTED);
  expect(get('expense.201')).toBe(EXPECTED);
  expect(get('income.current_total')).toBe(EXPECTED);
  expect(get('expense.grand_total')).toBe(EXPECTED);
}

describe('encodings', () => {
  it('the GBK table agrees with TextDecoder("gb18030")', () => {
    const text = Object.keys(GBK).join('');
    expect(new TextDecoder('gb18030').decode(gbk(text))).toBe(text);
    expect(new TextDecoder('gb18030').decode(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toBe('中文');
  });

  it('UTF-8 without BOM', () => readsTheFixture(utf8(TEXT), 'utf-8'));
  it('UTF-8 with BOM', () => readsTheFixture(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), 'utf-8 (BOM)'));
  it('UTF-8 with CRLF line ends', () => readsTheFixture(utf8(TEXT.replace(/\n/g, '\r\n')), 'utf-8'));
  it('UTF-16 LE with BOM', () => readsTheFixture(utf16(TEXT, true, true), 'utf-16le (BOM)'));
  it('UTF-16 BE with BOM', () => readsTheFixture(utf16(TEXT, false, true), 'utf-16be (BOM)'));
  it('UTF-16 LE without BOM (found by its NUL bytes)', () => readsTheFixture(utf16(TEXT, true, false), 'utf-16le'));
  it('UTF-16 BE without BOM', () => readsTheFixture(utf16(TEXT, false, false), 'utf-16be'));
  it('GBK / GB18030', () => readsTheFixture(gbk(TEXT), 'gb18030'));
  it('GBK with CRLF', () => readsTheFixture(gbk(TEXT.replace(/\n/g, '\r\n')), 'gb18030'));

  it('keeps line numbers under CRLF', () => {
    const r = readDisclosure(utf8(TEXT.replace(/\n/g, '\r\n')), 'crlf.txt');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.docs[0].figures.find((x) => x.rowCode === 'income.general')!;
    expect(f.source.line).toBe(TEXT.split('\n').findIndex((l) => l.includes('1,441.70')) + 1);
  });

  it('decodeBytes refuses what is not text', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: false });
    expect(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatchObject({ ok: false, reason: expect.stringContaining('PNG') });
    expect(decodeBytes(utf8('%PDF-1.7\n'))).toMatchObject({ ok: false, reason: expect.stringContaining('PDF') });
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ ok: false, reason: expect.stringContaining('Word') });
  });
});

describe('the strict UTF-8 decoder is made once (issue 17)', () => {
  it('reads a file correctly after one it could not read', () => {
    const enc = new TextEncoder();
    const bad = new Uint8Array([...enc.encode('收支总表'), 0xe5, 0x8f, ...enc.encode('合计')]);
    const good = enc.encode('\uFEFF收支总表\n合计\t1.00');
    // Not UTF-8 (the strict decoder threw on it); GB18030 reads any bytes.
    expect(decodeBytes(bad)).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(decodeBytes(good)).toEqual({ ok: true, text: '收支总表\n合计\t1.00', encoding: 'utf-8 (BOM)' });
    expect(decodeBytes(enc.encode('合计'))).toEqual({ ok: true, text: '合计', encoding: 'utf-8' });
  });
});
