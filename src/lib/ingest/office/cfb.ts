/**
 * The streams of an OLE compound file (MS-CFB): a legacy .xls keeps its workbook in the stream
 * 「Workbook」. The file is a FAT of sectors; a stream is a chain through it, or, under the header's
 * cutoff (4,096 bytes), a chain of 64-byte mini sectors inside the root entry's stream. Every chain is
 * bounded by the file's own size, so a looped or out-of-range chain is an error, never a hang.
 */

export class CfbError extends Error {}

const END = 0xfffffffe;
const FREE = 0xffffffff;

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

export interface CompoundFile {
  /** The stream named `name` (case-insensitive, anywhere in the tree), or null. */
  stream(name: string): Uint8Array | null;
}

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512) throw new CfbError('文件头不完整');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => {
    if (at + 4 > bytes.length) throw new CfbError('文件被截断');
    return view.getUint32(at, true);
  };
  const sectorShift = view.getUint16(30, true);
  const miniShift = view.getUint16(32, true);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw new CfbError('文件头的扇区大小无效');
  const size = 1 << sectorShift;
  const sectors = Math.floor((bytes.length - size) / size) + 1;
  const offset = (s: number) => (s + 1) * size;

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = u32(44);
  if (fatCount > sectors) throw new CfbError('文件头的 FAT 扇区数无效');
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(76 + i * 4));
  for (let s = u32(68), guard = 0; s !== END && s !== FREE && fatSectors.length < fatCount; guard++) {
    if (s >= sectors || guard > sectors) throw new CfbError('DIFAT 链无效');
    const per = size / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < fatCount; i++) fatSectors.push(u32(offset(s) + i * 4));
    s = u32(offset(s) + per * 4);
  }
  const fat = new Uint32Array(fatSectors.length * (size / 4));
  fatSectors.forEach((s, k) => {
    if (s >= sectors) throw new CfbError('FAT 扇区超出文件范围');
    for (let i = 0; i < size / 4; i++) fat[k * (size / 4) + i] = u32(offset(s) + i * 4);
  });

  /** A chain's sectors, in order; each at most once. */
  const chain = (first: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let s = first; s !== END; s = table[s]) {
      if (s >= limit || s >= table.length || out.length >= limit) throw new CfbError('扇区链无效（越界或循环）');
      out.push(s);
    }
    return out;
  };
  const read = (first: number, length: number): Uint8Array => {
    const out = new Uint8Array(length);
    let at = 0;
    for (const s of chain(first, fat, sectors)) {
      if (at >= length) break;
      const from = offset(s);
      const n = Math.min(size, length - at, bytes.length - from);
      if (n <= 0) throw new CfbError('文件被截断');
      out.set(bytes.subarray(from, from + n), at);
      at += n;
    }
    if (at < length) throw new CfbError('数据流比其扇区链长，文件可能被截断');
    return out;
  };

  const dirChain = chain(u32(48), fat, sectors);
  const entries: Entry[] = [];
  for (const s of dirChain) {
    for (let k = 0; k < size / 128; k++) {
      const at = offset(s) + k * 128;
      if (at + 128 > bytes.length) break;
      const nameLength = view.getUint16(at + 64, true);
      const type = bytes[at + 66];
      let name = '';
      for (let i = 0; i + 2 < nameLength && i < 64; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
      entries.push({ name, type, start: view.getUint32(at + 116, true), size: view.getUint32(at + 120, true) });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new CfbError('找不到根目录项');
  const cutoff = u32(56);
  let mini: { stream: Uint8Array; fat: Uint32Array } | null = null;
  const miniStreams = () => {
    if (mini) return mini;
    const miniFatFirst = u32(60);
    const miniFatCount = u32(64);
    if (miniFatCount > sectors) throw new CfbError('Mini FAT 扇区数无效');
    const miniFatBytes = miniFatCount ? read(miniFatFirst, miniFatCount * size) : new Uint8Array(0);
    const table = new Uint32Array(miniFatBytes.length / 4);
    const dv = new DataView(miniFatBytes.buffer);
    for (let i = 0; i < table.length; i++) table[i] = dv.getUint32(i * 4, true);
    if (root.size > bytes.length) throw new CfbError('Mini 数据流超出文件大小');
    mini = { stream: read(root.start, root.size), fat: table };
    return mini;
  };

  return {
    stream(name) {
      const e = entries.find((x) => x.type === 2 && x.name.toLowerCase() === name.toLowerCase());
      if (!e) return null;
      if (e.size > bytes.length) throw new CfbError(`数据流「${e.name}」的大小超出文件`);
      if (e.size >= cutoff) return read(e.start, e.size);
      const m = miniStreams();
      const out = new Uint8Array(e.size);
      let at = 0;
      for (const s of chain(e.start, m.fat, m.fat.length)) {
        if (at >= e.size) break;
        const from = s * 64;
        const n = Math.min(64, e.size - at);
        if (from + n > m.stream.length) throw new CfbError('Mini 扇区超出范围');
        out.set(m.stream.subarray(from, from + n), at);
        at += n;
      }
      if (at < e.size) throw new CfbError(`数据流「${e.name}」不完整`);
      return out;
    },
  };
}
