/**
 * What an OLE compound file (D0 CF 11 E0 …) holds, by its directory entries' names: a password-
 * protected .xlsx/.docx is one (「EncryptionInfo」 + 「EncryptedPackage」), as are legacy .xls
 * (「Workbook」/「Book」) and .doc (「WordDocument」). Directory entries are 128 bytes, always at a
 * multiple of 128 from the start of the file, name (UTF-16LE) first, its byte length at 64, its
 * type at 66; looking at every such slot finds them without following the sector chains.
 */
export type OleKind = 'encrypted' | 'xls' | 'doc' | 'other' | null;

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && MAGIC.every((b, i) => bytes[i] === b);
}

export function oleNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = bytes[at + 64] | (bytes[at + 65] << 8);
    const type = bytes[at + 66];
    // A name is 2..64 bytes with its terminating NUL; a stream (2) or storage (1).
    if (length < 4 || length > 64 || length % 2 || (type !== 1 && type !== 2)) continue;
    if (bytes[at + length - 2] !== 0 || bytes[at + length - 1] !== 0) continue;
    let name = '';
    for (let k = 0; k < length - 2; k += 2) name += String.fromCharCode(bytes[at + k] | (bytes[at + k + 1] << 8));
    names.add(name);
  }
  return names;
}

export function oleKind(bytes: Uint8Array): OleKind {
  if (!isOle(bytes)) return null;
  const names = oleNames(bytes);
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  if (names.has('WordDocument')) return 'doc';
  return 'other';
}
