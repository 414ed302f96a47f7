/**
 * The ZIP container of .xlsx/.docx, read defensively: these files come from strangers. The central
 * directory is read here (small, plain code), and only the entries the reader asks for are inflated,
 * by fflate's streaming Inflate in chunks, counting what comes out: an entry that inflates past its
 * own declared size, past the per-entry cap or past the total cap is stopped at once (a zip bomb
 * costs at most one chunk's worth of work beyond the cap), whatever its header claimed.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Uncompressed bytes of all entries read together. */
  maxTotal: number;
  /** Uncompressed bytes of one entry. */
  maxEntry: number;
  /** Uncompressed / compressed, for entries large enough for the ratio to mean something. */
  maxRatio: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotal: 200 * 1024 * 1024, maxEntry: 120 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  offset: number;
}

/** Why a ZIP could not be read, in Chinese, without the file name (the caller adds it). */
export class ZipError extends Error {
  /** `overTotal`: the entries read together passed the total limit (a bundle stops there; ingest/bundle.ts). */
  constructor(message: string, readonly overTotal = false) {
    super(message);
  }
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The central directory's entries. A name is UTF-8 when its entry says so (flag bit 11, which OOXML
 * writers set or do not need: their names are ASCII); without the flag it is in the writer's code
 * page, which for a ZIP made on a Chinese Windows (资源管理器「发送到 → 压缩文件夹」, older WinRAR and
 * 360压缩) is GBK: such a name is read as UTF-8 if it is valid UTF-8, else as GB18030.
 */
export function zipEntries(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  // The end-of-central-directory record is in the last 22 + 65535 bytes (its comment may be that long).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('ZIP 结构损坏（找不到目录），文件可能不完整');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('是 ZIP64 格式的超大压缩包，本应用不读取：请先解压，再导入解压出的文件或文件夹');
  if (count > limits.maxEntries) throw new ZipError(`压缩包内的文件过多（${count} 个，上限 ${limits.maxEntries}）`);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError('ZIP 目录损坏，文件可能不完整');
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    entries.push({
      name: entryName(bytes.subarray(at + 46, at + 46 + nameLength), (u16(bytes, at + 8) & 0x800) !== 0),
      method: u16(bytes, at + 10),
      encrypted: (u16(bytes, at + 8) & 1) === 1,
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const UTF8 = new TextDecoder('utf-8');
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function entryName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) return UTF8.decode(raw);
  try {
    return STRICT_UTF8.decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

const CHUNK = 64 * 1024;

export interface Zip {
  entries: ZipEntry[];
  /** An entry inflated, or null when absent; throws ZipError past a limit. */
  read(name: string): Uint8Array | null;
}

/**
 * The package, entries inflated on demand (only the parts a reader asks for: never the images, the
 * macros or embedded objects), every limit checked against the bytes really produced, the total
 * counted over everything read. Entries are kept in a Map: a name like 「__proto__」 stays a key.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Zip {
  const entries = zipEntries(bytes, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const done = new Map<string, Uint8Array>();
  let total = 0;
  return {
    entries,
    read(name) {
      const e = byName.get(name);
      if (!e) return null;
      const got = done.get(name);
      if (got) return got;
      if (e.encrypted) throw new ZipError('文件有密码保护（ZIP 内容已加密），请先取消密码再导入');
      if (e.size > limits.maxEntry) throw new ZipError(`压缩包内「${e.name}」解压后过大（${mb(e.size)}，上限 ${mb(limits.maxEntry)}）`);
      if (e.compressedSize > 1024 * 1024 && e.size / e.compressedSize > limits.maxRatio) throw bomb();
      total += e.size;
      if (total > limits.maxTotal) throw new ZipError(`解压后总大小超过 ${mb(limits.maxTotal)}，疑似“压缩炸弹”，已拒绝`, true);
      const data = inflateEntry(bytes, e, limits);
      done.set(name, data);
      return data;
    },
  };
}

function inflateEntry(bytes: Uint8Array, e: ZipEntry, limits: ZipLimits): Uint8Array {
  if (e.offset + 30 > bytes.length || u32(bytes, e.offset) !== 0x04034b50) throw new ZipError(`ZIP 内「${e.name}」的位置损坏`);
  const start = e.offset + 30 + u16(bytes, e.offset + 26) + u16(bytes, e.offset + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new ZipError(`ZIP 内「${e.name}」被截断，文件不完整`);
  const data = bytes.subarray(start, end);
  if (e.method === 0) return data.slice();
  if (e.method !== 8) throw new ZipError(`ZIP 内「${e.name}」使用了不支持的压缩方式（${e.method}）`);
  // Never more than the entry declared: a header that understates its size is a bomb, not a file.
  const cap = Math.min(e.size, limits.maxEntry);
  const out = new Uint8Array(cap);
  let length = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > cap) over = true;
    else out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let i = 0; i < data.length && !over; i += CHUNK) inflate.push(data.subarray(i, Math.min(i + CHUNK, data.length)), i + CHUNK >= data.length);
  } catch {
    throw new ZipError(`ZIP 内「${e.name}」的压缩数据损坏`);
  }
  if (over) throw bomb();
  if (length !== e.size) throw new ZipError(`ZIP 内「${e.name}」的压缩数据损坏（长度不符）`);
  return out;
}

function bomb(): ZipError {
  return new ZipError('解压后的大小与声明不符或压缩比异常，疑似“压缩炸弹”，已拒绝');
}

function mb(n: number): string {
  return `${Math.round(n / 1048576)} MB`;
}
