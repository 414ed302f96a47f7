/**
 * The disclosure text importer: bytes or text of a 部门预算/决算 disclosure → one ParsedDocument per
 * unit in the file. Pure TypeScript with no DOM or Node API, so the browser worker and the command
 * line (scripts/convert.ts) share it. Nothing here throws: every failure comes back as a value with a
 * message in Chinese that names the file.
 */
import type { ParsedDocument } from '../model/document';
import { controlRatio, decodeBytes } from './decode';
import { toRows, type Row } from './lines';
import { normalizeText } from './normalize';
import { looksLikeDisclosure, readDocument } from './readDocument';
import { segment } from './segment';
import { splitDocuments } from './split';
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
    return result.ok ? { ...result, encoding: decoded.encoding } : result;
  } catch (e) {
    return internalError(fileName, e);
  }
}

export function readDisclosureText(text: string, fileName: string): ReadResult {
  try {
    if (!text.trim()) return { ok: false, error: `「${fileName}」是空文件，没有可读取的内容。` };
    if (controlRatio(text) > 0.01) return { ok: false, error: `「${fileName}」含有大量控制字符，像是二进制文件而不是文本。` };
    return readDisclosureRows(toRows(normalizeText(text)), fileName);
  } catch (e) {
    return internalError(fileName, e);
  }
}

/** Rows of cells, from text or rebuilt from a PDF's layout (pdf/layout.ts) → documents. */
export function readDisclosureRows(rows: readonly Row[], fileName: string): ReadResult {
  try {
    const sections = prepareSections(segment(rows));
    const docs = splitDocuments(sections).map(readDocument).filter(looksLikeDisclosure);
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

function internalError(fileName: string, e: unknown): ReadResult {
  const detail = e instanceof Error ? e.message : String(e);
  return { ok: false, error: `「${fileName}」读取时发生内部错误（${detail}），请把此文件报告给开发者。` };
}
