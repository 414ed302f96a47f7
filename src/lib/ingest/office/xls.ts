/**
 * A legacy .xls workbook (BIFF8, Excel 97–2003, as Excel, WPS and LibreOffice still save it and as
 * many counties publish their tables) → the same sheets of display strings as an .xlsx (xlsx.ts), so
 * the same readers follow. Only cell values are read: strings (shared table, inline), numbers (NUMBER,
 * RK, MULRK) shown as their number format prints them (number.ts), a formula's cached result (never
 * evaluated), booleans; and merged ranges. Records are bounded by the stream; a record that runs past
 * its end is an error.
 */
import { CfbError, openCompoundFile } from './cfb';
import { displayNumber, GENERAL, numberFormat, type NumberFormat } from './number';
import { SHEET_LIMITS, sheetCells, type Sheet, type SheetLimits, type Workbook } from './xlsx';

export class XlsError extends Error {}

const MAX_SHEETS = 256;

const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const CONTINUE = 0x003c;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const FORMAT = 0x041e;
const XF = 0x00e0;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BOOLERR = 0x0205;
const MERGECELLS = 0x00e5;
const SHRFMLA = 0x04bc;
const ARRAY = 0x0221;
const TABLE = 0x0236;

interface Record {
  type: number;
  /** The record's data, and the data of the CONTINUE records after it, each on its own. */
  parts: Uint8Array[];
  /** Offset of the record in the stream. */
  at: number;
}

/**
 * The stream's records from `from` up to the EOF that closes the substream begun there (a chart
 * embedded in a sheet nests a BOF … EOF of its own).
 */
function* records(s: Uint8Array, from: number): Generator<Record> {
  let at = from;
  let depth = 0;
  while (at + 4 <= s.length) {
    const type = s[at] | (s[at + 1] << 8);
    const length = s[at + 2] | (s[at + 3] << 8);
    if (at + 4 + length > s.length) throw new XlsError('记录超出数据流末尾，文件可能被截断');
    const rec: Record = { type, parts: [s.subarray(at + 4, at + 4 + length)], at };
    at += 4 + length;
    // CONTINUE records carry the rest of a long record (the shared strings above all).
    while (at + 4 <= s.length && (s[at] | (s[at + 1] << 8)) === CONTINUE) {
      const n = s[at + 2] | (s[at + 3] << 8);
      if (at + 4 + n > s.length) throw new XlsError('记录超出数据流末尾，文件可能被截断');
      rec.parts.push(s.subarray(at + 4, at + 4 + n));
      at += 4 + n;
    }
    yield rec;
    if (type === BOF) depth++;
    else if (type === EOF && --depth <= 0) return;
  }
}

/** Reads across a record and its CONTINUE parts; a string's characters restart with a flags byte in each new part. */
class Cursor {
  private part = 0;
  private at = 0;
  constructor(private readonly parts: Uint8Array[]) {}

  private ensure(n: number): Uint8Array {
    while (this.part < this.parts.length && this.at >= this.parts[this.part].length) {
      this.part++;
      this.at = 0;
    }
    const p = this.parts[this.part];
    if (!p || this.at + n > p.length) throw new XlsError('记录内容不完整');
    return p;
  }
  u8(): number {
    const p = this.ensure(1);
    return p[this.at++];
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  advance(n: number): void {
    for (let left = n; left > 0; ) {
      const p = this.ensure(1);
      const k = Math.min(left, p.length - this.at);
      this.at += k;
      left -= k;
    }
  }
  /** `count` characters, compressed (one byte each) or UTF-16LE by `high`, crossing CONTINUE parts. */
  chars(count: number, high: boolean): string {
    let out = '';
    let wide = high;
    for (let left = count; left > 0; ) {
      if (this.part < this.parts.length && this.at >= this.parts[this.part].length) {
        this.part++;
        this.at = 0;
        if (this.part >= this.parts.length) throw new XlsError('字符串不完整');
        wide = (this.parts[this.part][this.at++] & 1) === 1;
      }
      const p = this.ensure(wide ? 2 : 1);
      const room = Math.floor((p.length - this.at) / (wide ? 2 : 1));
      const k = Math.min(left, room);
      if (k <= 0) throw new XlsError('字符串不完整');
      const codes = new Array<number>(k);
      for (let i = 0; i < k; i++) codes[i] = wide ? p[this.at + 2 * i] | (p[this.at + 2 * i + 1] << 8) : p[this.at + i];
      out += String.fromCharCode(...codes);
      this.at += k * (wide ? 2 : 1);
      left -= k;
    }
    return out;
  }
  /** XLUnicodeRichExtendedString (the shared strings; LABEL and STRING use its plain form). */
  richString(lengthBytes: 1 | 2 = 2): string {
    const count = lengthBytes === 1 ? this.u8() : this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.advance(runs * 4 + ext);
    return text;
  }
}

const bytesOf = (r: Record) => r.parts[0];
const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const f64 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset + at, 8).getFloat64(0, true);

/** An RK number: a 30-bit integer or the high 30 bits of a double, either divided by 100 if flagged. */
function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const d = new DataView(new ArrayBuffer(8));
    d.setUint32(4, rk & 0xfffffffc, true);
    v = d.getFloat64(0, true);
  }
  return rk & 1 ? v / 100 : v;
}

/** BIFF8's built-in number formats are xlsx's (number.ts numberFormat); FORMAT records add the rest. */
export function readXlsWorkbook(bytes: Uint8Array, limits: SheetLimits = SHEET_LIMITS): Workbook {
  let stream: Uint8Array | null;
  try {
    const file = openCompoundFile(bytes);
    stream = file.stream('Workbook');
    if (!stream && file.stream('Book')) throw new XlsError('是 Excel 5.0/95 格式，本应用只读取 Excel 97–2003（.xls）及以后的格式');
  } catch (e) {
    if (e instanceof CfbError) throw new XlsError(`文件结构损坏（${e.message}）`);
    throw e;
  }
  if (!stream) throw new XlsError('文件中没有工作簿数据');

  const first = records(stream, 0).next().value;
  if (!first || first.type !== BOF) throw new XlsError('工作簿数据不以 BOF 记录开头');
  if (u16(bytesOf(first), 0) !== 0x0600) throw new XlsError('不是 Excel 97–2003（BIFF8）格式');

  const strings: string[] = [];
  const codes = new Map<number, string>();
  const xfFormats: number[] = [];
  const list: { name: string; at: number; hidden: boolean; worksheet: boolean }[] = [];
  for (const r of records(stream, 0)) {
    const b = bytesOf(r);
    if (r.type === FILEPASS) throw new XlsError('文件有密码保护，无法读取：请在 Excel/WPS 中取消密码后另存再导入');
    if (r.type === BOUNDSHEET) {
      const c = new Cursor(r.parts);
      const at = c.u32();
      const state = c.u8();
      const kind = c.u8();
      list.push({ at, hidden: (state & 3) !== 0, worksheet: kind === 0, name: c.richString(1) });
    } else if (r.type === SST) {
      const c = new Cursor(r.parts);
      c.advance(4);
      const unique = c.u32();
      for (let i = 0; i < unique; i++) strings.push(c.richString());
    } else if (r.type === FORMAT) {
      const c = new Cursor(r.parts);
      const id = c.u16();
      codes.set(id, c.richString());
    } else if (r.type === XF) {
      xfFormats.push(u16(b, 2));
    }
  }
  const formats: NumberFormat[] = xfFormats.map((id) => numberFormat(id, codes.get(id)));
  const sheets: Sheet[] = [];
  const notes: string[] = [];
  // A workbook of more sheets than any disclosure has (each BOUNDSHEET may name the same sheet
  // again): the rest is said, not read.
  if (list.length > MAX_SHEETS) notes.push(`工作簿有 ${list.length} 个工作表，只读取了前 ${MAX_SHEETS} 个`);
  for (const s of list.slice(0, MAX_SHEETS)) {
    // Chart sheets and macro sheets hold no table.
    if (!s.worksheet) continue;
    if (s.at >= stream.length) {
      notes.push(`工作表「${s.name}」在文件中缺失`);
      continue;
    }
    sheets.push({ ...readSheet(stream, s.at, strings, formats, limits), name: s.name, hidden: s.hidden });
  }
  return { sheets, notes };
}

function readSheet(stream: Uint8Array, at: number, strings: readonly string[], formats: readonly NumberFormat[], limits: SheetLimits): Omit<Sheet, 'name' | 'hidden'> {
  const sheet = sheetCells(limits);
  const merges: Sheet['merges'] = [];
  const put = (r: number, c: number, text: string) => {
    if (text !== '') sheet.put(r, c, text);
  };
  const number = (v: number, xf: number) => {
    const text = String(v);
    return displayNumber(text, formats[xf] ?? GENERAL) ?? text;
  };
  /** A formula whose result is a string: its text is in the STRING record that follows. */
  let pending: [number, number] | null = null;
  const recs = records(stream, at);
  const head = recs.next().value;
  if (!head || head.type !== BOF) throw new XlsError('工作表数据不以 BOF 记录开头');
  for (const r of recs) {
    const b = bytesOf(r);
    // Between a formula and its STRING may stand the formula's shared or array definition.
    if (r.type !== STRING && r.type !== SHRFMLA && r.type !== ARRAY && r.type !== TABLE) pending = null;
    switch (r.type) {
      case LABELSST:
        if (b.length >= 10) put(u16(b, 0), u16(b, 2), strings[u32(b, 6)] ?? '');
        break;
      case LABEL:
      case RSTRING: {
        const c = new Cursor(r.parts);
        const row = c.u16();
        const col = c.u16();
        c.advance(2);
        put(row, col, c.richString());
        break;
      }
      case NUMBER:
        if (b.length >= 14) put(u16(b, 0), u16(b, 2), number(f64(b, 6), u16(b, 4)));
        break;
      case RK:
        if (b.length >= 10) put(u16(b, 0), u16(b, 2), number(rkValue(u32(b, 6)), u16(b, 4)));
        break;
      case MULRK: {
        const row = u16(b, 0);
        const colFirst = u16(b, 2);
        const n = Math.floor((b.length - 6) / 6);
        for (let i = 0; i < n; i++) put(row, colFirst + i, number(rkValue(u32(b, 4 + i * 6 + 2)), u16(b, 4 + i * 6)));
        break;
      }
      case FORMULA: {
        if (b.length < 14) break;
        const row = u16(b, 0);
        const col = u16(b, 2);
        if (b[12] === 0xff && b[13] === 0xff) {
          const kind = b[6];
          if (kind === 0) pending = [row, col];
          else if (kind === 1) put(row, col, b[8] ? 'TRUE' : 'FALSE');
        } else put(row, col, number(f64(b, 6), u16(b, 4)));
        break;
      }
      case STRING:
        if (pending) put(pending[0], pending[1], new Cursor(r.parts).richString());
        pending = null;
        break;
      case BOOLERR:
        if (b.length >= 8 && b[7] === 0) put(u16(b, 0), u16(b, 2), b[6] ? 'TRUE' : 'FALSE');
        break;
      case MERGECELLS: {
        const n = u16(b, 0);
        for (let i = 0; i < n && 2 + i * 8 + 8 <= b.length; i++) {
          const p = 2 + i * 8;
          merges.push({ r0: u16(b, p), r1: u16(b, p + 2), c0: u16(b, p + 4), c1: u16(b, p + 6) });
        }
        break;
      }
    }
  }
  return { cells: sheet.cells, merges, notes: sheet.notes() };
}
