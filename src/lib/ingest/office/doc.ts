/**
 * A legacy .doc (Word 97–2003) → the text docx.ts gives a .docx: a paragraph per line, a table row as
 * tab-separated cells. The text lives in the WordDocument stream as pieces (the piece table in the
 * 0Table/1Table stream's Clx, each piece 8-bit or UTF-16); a table cell ends with \x07 and so does its
 * row, told apart by the paragraph properties (PAPX, sprmPFTtp) of the FKP run the mark falls in.
 * Field instructions (「PAGEREF _Toc… \h」) are left out, their results kept. Every offset is checked
 * against its stream; a bad one is a message.
 */
import { CfbError, openCompoundFile } from './cfb';
import { onTableGrid, type DocRow } from './docGrid';

export class DocError extends Error {}

/** cp1252's 0x80–0x9F, which an 8-bit piece maps as Word does (the rest is Latin-1). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  fc: number;
  compressed: boolean;
}

export function docText(bytes: Uint8Array): string {
  let word: Uint8Array | null;
  let file;
  try {
    file = openCompoundFile(bytes);
    word = file.stream('WordDocument');
  } catch (e) {
    if (e instanceof CfbError) throw new DocError(`文件结构损坏（${e.message}）`);
    throw e;
  }
  if (!word || word.length < 0x1a6) throw new DocError('文件中没有可读的 Word 文档数据');
  const w = new DataView(word.buffer, word.byteOffset, word.byteLength);
  if (w.getUint16(0, true) !== 0xa5ec) throw new DocError('Word 文档的文件头无效');
  if (w.getUint16(2, true) < 0xc1) throw new DocError('是 Word 6.0/95 格式，本应用只读取 Word 97–2003（.doc）及以后的格式');
  const flags = w.getUint16(0x0a, true);
  if (flags & 0x0100) throw new DocError('文件有密码保护，无法读取：请在 Word/WPS 中取消密码后另存再导入');
  const table = file.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new DocError('文件中缺少 Word 的表格数据流');
  const t = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const ccpText = w.getUint32(0x4c, true);
  const fcClx = w.getUint32(0x1a2, true);
  const lcbClx = w.getUint32(0x1a6, true);
  const fcBtePapx = w.getUint32(0x102, true);
  const lcbBtePapx = w.getUint32(0x106, true);
  if (fcClx + lcbClx > table.length || fcBtePapx + lcbBtePapx > table.length) throw new DocError('Word 文档的索引超出数据流');

  const pieces = readPieces(t, fcClx, lcbClx);
  const rowEnds = rowEndRuns(word, w, t, fcBtePapx, lcbBtePapx, file.stream('Data'));
  let out = '';
  // Where the current line starts and its number: a row's cells are the line's text when Word ends it.
  let lineStart = 0;
  let lineNo = 0;
  const rows: DocRow[] = [];
  const newline = () => {
    out += '\n';
    lineStart = out.length;
    lineNo++;
  };
  let fieldDepth = 0;
  /** Per open field: whether its result (after \x14) has begun. */
  const inResult: boolean[] = [];
  for (const p of pieces) {
    if (p.cpStart >= ccpText) break;
    const end = Math.min(p.cpEnd, ccpText);
    for (let cp = p.cpStart; cp < end; cp++) {
      const k = cp - p.cpStart;
      const fc = p.compressed ? p.fc + k : p.fc + 2 * k;
      if (fc + (p.compressed ? 1 : 2) > word.length) throw new DocError('文字超出数据流，文件可能被截断');
      let code = p.compressed ? word[fc] : w.getUint16(fc, true);
      if (p.compressed && code >= 0x80 && code <= 0x9f) code = CP1252.charCodeAt(code - 0x80);
      if (code === 0x13) {
        fieldDepth++;
        inResult.push(false);
        continue;
      }
      if (code === 0x14 && fieldDepth) {
        inResult[inResult.length - 1] = true;
        continue;
      }
      if (code === 0x15 && fieldDepth) {
        fieldDepth--;
        inResult.pop();
        continue;
      }
      // Inside a field's instruction: not text.
      if (fieldDepth && !inResult[inResult.length - 1]) continue;
      if (code === 0x0d || code === 0x0b || code === 0x0c || code === 0x0e) newline();
      else if (code === 0x07) {
        const end = rowEnds(fc);
        if (end) {
          out = out.replace(/\t$/, '');
          const cells = out.slice(lineStart).split('\t');
          // A row whose cells the edges count (a cell of two paragraphs spans two lines: left as it is).
          if (end.edges && end.edges.length === cells.length + 1) rows.push({ line: lineNo, cells, edges: end.edges });
          newline();
        } else out += '\t';
      } else if (code === 0xa0) out += ' ';
      else if (code === 0x1e) out += '-';
      else if (code >= 0x20 || code === 0x09) out += String.fromCharCode(code);
    }
  }
  return onTableGrid(out, rows);
}

function readPieces(t: DataView, fcClx: number, lcbClx: number): Piece[] {
  let at = fcClx;
  const end = fcClx + lcbClx;
  while (at < end) {
    const clxt = t.getUint8(at);
    if (clxt === 0x01) {
      // A Prc (formatting of a fast save): skipped.
      at += 3 + t.getInt16(at + 1, true);
      continue;
    }
    if (clxt !== 0x02) throw new DocError('Word 文档的文字索引无效');
    const lcb = t.getUint32(at + 1, true);
    const start = at + 5;
    if (start + lcb > end || (lcb - 4) % 12) throw new DocError('Word 文档的文字索引无效');
    const n = (lcb - 4) / 12;
    const pieces: Piece[] = [];
    for (let i = 0; i < n; i++) {
      const cpStart = t.getUint32(start + i * 4, true);
      const cpEnd = t.getUint32(start + (i + 1) * 4, true);
      const raw = t.getUint32(start + (n + 1) * 4 + i * 8 + 2, true);
      const compressed = (raw & 0x40000000) !== 0;
      const fc = raw & 0x3fffffff;
      if (cpEnd < cpStart) throw new DocError('Word 文档的文字索引无效');
      pieces.push({ cpStart, cpEnd, fc: compressed ? fc / 2 : fc, compressed });
    }
    return pieces;
  }
  throw new DocError('Word 文档中找不到文字索引');
}

/**
 * Whether the paragraph whose mark is at byte `fc` ends a table row: the FKP run holding `fc`, its
 * PAPX, a sprmPFTtp (0x2417) or sprmPFInnerTtp (0x244B) set.
 */
function rowEndRuns(word: Uint8Array, w: DataView, t: DataView, fcBte: number, lcbBte: number, data: Uint8Array | null): (fc: number) => RowEnd | null {
  const runs: { from: number; to: number; ttp: RowEnd | null }[] = [];
  const n = lcbBte >= 12 ? (lcbBte - 4) / 8 : 0;
  for (let i = 0; i < n; i++) {
    const pn = t.getUint32(fcBte + (n + 1) * 4 + i * 4, true) & 0x3fffff;
    const page = pn * 512;
    if (page + 512 > word.length) throw new DocError('Word 文档的段落格式超出数据流');
    const crun = word[page + 511];
    for (let r = 0; r < crun; r++) {
      const from = w.getUint32(page + r * 4, true);
      const to = w.getUint32(page + (r + 1) * 4, true);
      const bOffset = word[page + 4 * (crun + 1) + r * 13];
      runs.push({ from, to, ttp: bOffset ? papxTtp(word, page + bOffset * 2, page + 511, data) : null });
    }
  }
  runs.sort((a, b) => a.from - b.from);
  return (fc) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid].to <= fc) lo = mid + 1;
      else if (runs[mid].from > fc) hi = mid - 1;
      else return runs[mid].ttp;
    }
    return null;
  };
}

/** A table row's end: its cells' edges (twips) where its properties define the row (sprmTDefTable). */
interface RowEnd {
  edges: number[] | null;
}

/**
 * The PapxInFkp at `at` (within its page up to `limit`): does its grpprl set a table-row end? A
 * PAPX too large for its page (a wide table's row end, with every column's definition) is in the
 * Data stream, named by sprmPHugePapx.
 */
function papxTtp(b: Uint8Array, at: number, limit: number, data: Uint8Array | null): RowEnd | null {
  let cb = b[at];
  let p = at + 1;
  let size: number;
  if (cb === 0) {
    cb = b[at + 1];
    p = at + 2;
    size = 2 * cb;
  } else size = 2 * cb - 1;
  // After the style index (istd).
  return grpprlTtp(b, p + 2, Math.min(p + size, limit), data);
}

function grpprlTtp(b: Uint8Array, from: number, end: number, data: Uint8Array | null): RowEnd | null {
  let p = from;
  let ttp = false;
  let edges: number[] | null = null;
  while (p + 2 <= end) {
    const sprm = b[p] | (b[p + 1] << 8);
    p += 2;
    if ((sprm === 0x2417 || sprm === 0x244b) && p < end && b[p] === 1) ttp = true;
    if (sprm === 0x6646 || sprm === 0x6645) {
      // Only an FKP's PAPX points into the Data stream (`data` is null inside it: no chain of them).
      if (!data || p + 4 > end) return null;
      const at = (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
      return at + 2 <= data.length ? grpprlTtp(data, at + 2, Math.min(at + 2 + (data[at] | (data[at + 1] << 8)), data.length), null) : null;
    }
    const spra = sprm >> 13;
    if (spra === 6) {
      if (sprm === 0xd608 || sprm === 0xd606) {
        // sprmTDefTable: its size, the count of cells (itcMac), then itcMac + 1 edges in twips.
        if (sprm === 0xd608 && p + 3 <= end) edges = cellEdges(b, p + 2, end);
        p += (b[p] | (b[p + 1] << 8)) + 1;
      } else p += b[p] + 1;
    } else p += [1, 1, 2, 4, 2, 2, 0, 3][spra];
  }
  return ttp ? { edges } : null;
}

function cellEdges(b: Uint8Array, at: number, end: number): number[] | null {
  const count = b[at];
  if (!count || at + 1 + 2 * (count + 1) > end) return null;
  const edges: number[] = [];
  for (let i = 0; i <= count; i++) edges.push(((b[at + 1 + 2 * i] | (b[at + 2 + 2 * i] << 8)) << 16) >> 16);
  return edges;
}
