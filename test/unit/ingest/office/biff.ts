/**
 * A minimal BIFF8 workbook in a compound file, built record by record: for the records LibreOffice
 * does not write (a string formula's STRING, booleans, LABEL, a FILEPASS) and for damaged files. The
 * main .xls tests read LibreOffice's own files (xls/, scripts/xls-fixtures.ts).
 */

export type Cell =
  | { kind: 'sst'; row: number; col: number; index: number }
  | { kind: 'label'; row: number; col: number; text: string }
  | { kind: 'number'; row: number; col: number; value: number }
  | { kind: 'rk'; row: number; col: number; rk: number }
  | { kind: 'formulaString'; row: number; col: number; text: string }
  | { kind: 'formulaBool'; row: number; col: number; value: boolean }
  | { kind: 'bool'; row: number; col: number; value: boolean };

export interface BiffSheet {
  name: string;
  hidden?: boolean;
  cells: Cell[];
}

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const record = (type: number, data: number[]) => [...le16(type), ...le16(data.length), ...data];
/** UTF-16LE characters, or one byte each when every code is below 256 and `compress`. */
const chars = (s: string, wide: boolean) => [...s].flatMap((c) => (wide ? le16(c.charCodeAt(0)) : [c.charCodeAt(0)]));
const isWide = (s: string) => [...s].some((c) => c.charCodeAt(0) > 0xff);
const xlString = (s: string) => [...le16(s.length), isWide(s) ? 1 : 0, ...chars(s, isWide(s))];

const BOF = (dt: number) => record(0x0809, [...le16(0x0600), ...le16(dt), ...le16(0x0dbb), ...le16(0x07cc), ...le32(0), ...le32(0x06)]);
const EOF = record(0x000a, []);

function cellRecord(c: Cell): number[] {
  const head = [...le16(c.row), ...le16(c.col), ...le16(0)];
  switch (c.kind) {
    case 'sst': return record(0x00fd, [...head, ...le32(c.index)]);
    case 'label': return record(0x0204, [...head, ...xlString(c.text)]);
    case 'number': {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, c.value, true);
      return record(0x0203, [...head, ...b]);
    }
    case 'rk': return record(0x027e, [...head, ...le32(c.rk)]);
    case 'formulaString': return [...record(0x0006, [...head, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...le16(0), ...le32(0), ...le16(0)]), ...record(0x0207, xlString(c.text))];
    case 'formulaBool': return record(0x0006, [...head, 1, 0, c.value ? 1 : 0, 0, 0, 0, 0xff, 0xff, ...le16(0), ...le32(0), ...le16(0)]);
    case 'bool': return record(0x0205, [...head, c.value ? 1 : 0, 0]);
  }
}

/**
 * The workbook stream: globals (BOF, a FILEPASS if `encrypted`, the SST as `sst` parts — the first
 * holds the counts — each later part a CONTINUE, BOUNDSHEETs, EOF), then each sheet (BOF, cells, EOF).
 */
export function workbookStream(sheets: readonly BiffSheet[], sst: number[][] = [], options: { encrypted?: boolean } = {}): Uint8Array {
  const globalsHead = [...BOF(0x0005), ...(options.encrypted ? record(0x002f, [0, 0]) : [])];
  const sstRecords = sst.flatMap((part, i) => record(i === 0 ? 0x00fc : 0x003c, part));
  const bound = (s: BiffSheet, at: number) => record(0x0085, [...le32(at), s.hidden ? 1 : 0, 0, s.name.length, isWide(s.name) ? 1 : 0, ...chars(s.name, isWide(s.name))]);
  const boundLength = sheets.reduce((a, s) => a + bound(s, 0).length, 0);
  let at = globalsHead.length + sstRecords.length + boundLength + EOF.length;
  const bodies = sheets.map((s) => [...BOF(0x0010), ...s.cells.flatMap(cellRecord), ...EOF]);
  const bounds = sheets.flatMap((s, i) => {
    const r = bound(s, at);
    at += bodies[i].length;
    return r;
  });
  return new Uint8Array([...globalsHead, ...sstRecords, ...bounds, ...EOF, ...bodies.flat()]);
}

/** SST parts for `strings`, all in one record (counts first). */
export function sstOf(strings: readonly string[]): number[][] {
  return [[...le32(strings.length), ...le32(strings.length), ...strings.flatMap(xlString)]];
}

/** `stream` as the one stream (named `name`) of a version-3 compound file, 512-byte sectors, no mini stream. */
export function compoundFile(stream: Uint8Array, name = 'Workbook'): Uint8Array {
  // At least the mini-stream cutoff: a stream below it would live in the mini stream.
  const data = new Uint8Array(Math.max(4096, Math.ceil(stream.length / 512) * 512));
  data.set(stream);
  const sectors = data.length / 512;
  const out = new Uint8Array(512 * (3 + sectors));
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(24, 0x3e, true);
  v.setUint16(26, 3, true);
  v.setUint16(28, 0xfffe, true);
  v.setUint16(30, 9, true);
  v.setUint16(32, 6, true);
  v.setUint32(44, 1, true); // FAT sectors
  v.setUint32(48, 1, true); // first directory sector
  v.setUint32(56, 4096, true);
  v.setUint32(60, 0xfffffffe, true);
  v.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0): itself, the directory (1), the stream's chain (2 …).
  const fat = 512;
  for (let i = 0; i < 128; i++) v.setUint32(fat + i * 4, 0xffffffff, true);
  v.setUint32(fat, 0xfffffffd, true);
  v.setUint32(fat + 4, 0xfffffffe, true);
  for (let s = 0; s < sectors; s++) v.setUint32(fat + (2 + s) * 4, s === sectors - 1 ? 0xfffffffe : 3 + s, true);
  const entry = (k: number, entryName: string, type: number, start: number, size: number, child: number) => {
    const at = 1024 + k * 128;
    [...entryName].forEach((c, i) => v.setUint16(at + i * 2, c.charCodeAt(0), true));
    v.setUint16(at + 64, (entryName.length + 1) * 2, true);
    out[at + 66] = type;
    v.setUint32(at + 68, 0xffffffff, true);
    v.setUint32(at + 72, 0xffffffff, true);
    v.setUint32(at + 76, child, true);
    v.setUint32(at + 116, start, true);
    v.setUint32(at + 120, size, true);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0, 1);
  entry(1, name, 2, 2, data.length, 0xffffffff);
  out.set(data, 512 * 3);
  return out;
}
