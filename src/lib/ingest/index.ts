/**
 * The disclosure text importer: bytes or text of a 部门预算/决算 disclosure → one ParsedDocument per
 * unit in the file. Pure TypeScript with no DOM or Node API, so the browser worker and the command
 * line (scripts/convert.ts) share it. Nothing here throws: every failure comes back as a value with a
 * message in Chinese that names the file.
 */
import type { ParsedDocument } from '../model/document';
import { controlRatio, decodeBytes } from './decode';
import { toRows, toRowsIfPlain, type Row } from './lines';
import { normalizeText } from './normalize';
import { looksLikeDisclosure, readDocument } from './readDocument';
import { segment } from './segment';
import { splitDocuments } from './split';
import { cutMidRow, missingTocEnd, shortRows, siblingGaps } from './textDamage';
import { reversedMessage, reversedPages } from './reversedPages';
import { withTruncationWarnings } from './truncation';
import { prepareSections } from './tables/prepare';

/** `encoding` names the detected byte encoding (「utf-8」「utf-16le (BOM)」「gb18030」…), or 「text」 when text was given. */
export type ReadResult =
  | { ok: true; docs: ParsedDocument[]; encoding: string }
  | { ok: false; error: string };

export function readDisclosure(bytes: Uint8Array, fileName: string): ReadResult {
  try {
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return { ok: false, error: `「${fileName}」${decoded.reason}。` };
    const result = readDisclosureText(decoded.text, fileName);
    if (!result.ok) return result;
    if (decoded.replaced) {
      const message = `文件中有 ${decoded.replaced} 处字节无法解码（已显示为 �），文件可能损坏：这些地方的文字和数字可能缺失`;
      for (const doc of result.docs) doc.warnings.unshift({ message });
    }
    return { ...result, encoding: decoded.encoding };
  } catch (e) {
    return internalError(fileName, e);
  }
}

export function readDisclosureText(text: string, fileName: string): ReadResult {
  try {
    if (!text.trim()) return { ok: false, error: `「${fileName}」是空文件，没有可读取的内容。` };
    // Most texts hold neither a control character nor one that normalizeText changes: reading their
    // rows says so (toRowsIfPlain), where that took a scan of its own (isPlainText).
    let rows = toRowsIfPlain(text);
    if (!rows) {
      if (controlRatio(text) > 0.01) return { ok: false, error: `「${fileName}」含有大量控制字符，像是二进制文件而不是文本。` };
      rows = toRows(normalizeText(text));
    }
    const result = readDisclosureRows(rows, fileName);
    // Nothing read, and pages written backwards (spacedRead.ts leaves them out where a text is laid out
    // with spaces): that is why, not 「no disclosure」.
    const reversed = result.ok ? null : reversedPages(text);
    if (reversed) return { ok: false, error: reversedMessage(fileName, reversed) };
    // Damage a text shows in its shape: a row short of cells, a file that stops mid-row (truncation.ts).
    if (result.ok) for (const w of [...shortRows(rows), cutMidRow(text)]) if (w) docAt(result.docs, w.source?.line ?? Infinity).warnings.push(w);
    return result;
  } catch (e) {
    return internalError(fileName, e);
  }
}

/** Rows of cells, from text or rebuilt from a PDF's layout (pdf/layout.ts) → documents. */
export function readDisclosureRows(rows: readonly Row[], fileName: string): ReadResult {
  try {
    const sections = prepareSections(segment(rows));
    // Rows that stop before their 合计 adds up are reported, never dropped silently (truncation.ts).
    const docs = splitDocuments(sections).map(readDocument).filter(looksLikeDisclosure).map(withTruncationWarnings);
    const toc = docs.length ? missingTocEnd(rows) : null;
    if (toc) docs[docs.length - 1].warnings.push(toc);
    siblingGaps(docs).forEach((w, i) => w && docs[i].warnings.push(w));
    if (!docs.length) {
      return {
        ok: false,
        error: `「${fileName}」不像是部门预算或决算公开文件：没有找到预算公开表（如「部门预算收支总表」）、情况说明中的预算数字或绩效目标表。`,
      };
    }
    return { ok: true, docs, encoding: 'text' };
  } catch (e) {
    return internalError(fileName, e);
  }
}

/** The document a line belongs to: the last one that starts at or before it. */
function docAt(docs: readonly ParsedDocument[], line: number): ParsedDocument {
  let at = docs[0];
  for (const d of docs) {
    const first = Math.min(...d.tables.map((t) => t.source.line), ...d.figures.slice(0, 1).map((f) => f.source.line));
    if (first <= line) at = d;
  }
  return at;
}

function internalError(fileName: string, e: unknown): ReadResult {
  const detail = e instanceof Error ? e.message : String(e);
  return { ok: false, error: `「${fileName}」读取时发生内部错误（${detail}），请把此文件报告给开发者。` };
}
