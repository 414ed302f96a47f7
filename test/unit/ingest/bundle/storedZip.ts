/**
 * A ZIP built byte by byte, for what no writer at hand produces on purpose: names in any bytes with
 * any flags (bit 0: encrypted), a compression method we do not read. Entries are stored as given
 * (`method` is only what the headers claim).
 */
export interface StoredEntry {
  name: Uint8Array;
  data: Uint8Array;
  flags?: number;
  method?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function storedZip(entries: readonly StoredEntry[]): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (out: number[], v: number) => out.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (out: number[], v: number) => out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const e of entries) {
    const offset = parts.length;
    const crc = crc32(e.data);
    const header = (out: number[], signature: number, centralRecord: boolean) => {
      u32(out, signature);
      if (centralRecord) u16(out, 20);
      u16(out, 20);
      u16(out, e.flags ?? 0);
      u16(out, e.method ?? 0);
      u16(out, 0);
      u16(out, 0x5821);
      u32(out, crc);
      u32(out, e.data.length);
      u32(out, e.data.length);
      u16(out, e.name.length);
      u16(out, 0);
      if (centralRecord) {
        u16(out, 0);
        u16(out, 0);
        u16(out, 0);
        u32(out, 0);
        u32(out, offset);
      }
      out.push(...e.name);
    };
    header(parts, 0x04034b50, false);
    for (const b of e.data) parts.push(b);
    header(central, 0x02014b50, true);
  }
  const at = parts.length;
  parts.push(...central);
  u32(parts, 0x06054b50);
  u16(parts, 0);
  u16(parts, 0);
  u16(parts, entries.length);
  u16(parts, entries.length);
  u32(parts, central.length);
  u32(parts, at);
  u16(parts, 0);
  return new Uint8Array(parts);
}
