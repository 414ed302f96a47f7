/**
 * Office files in: .xlsx/.xlsm and legacy .xls (cell values → the table readers) and .docx/.docm
 * and legacy .doc (paragraphs and tables → the text reader). Loaded by dynamic import from file.ts
 * only when such a file arrives, so the first visit does not carry it. A password-protected file,
 * Excel 95 and Word 95 are refused with what to do. Nothing here
 * throws: every failure is a Chinese message naming the file.
 */
import type { ImportWarning, ParsedDocument, StoredDocument } from '../../model/document';
import { FORMAT_COLUMNS, rowsToDocuments, type CsvRowError } from '../../model/formatCsv';
import { readDisclosureRows, readDisclosureText } from '../index';
import { DocError, docText } from './doc';
import { docxText } from './docx';
import { oleKind } from './ole';
import { sheetRows } from './sheetRows';
import { readSpreadsheetMl } from './spreadsheetMl';
import { readXlsWorkbook, XlsError } from './xls';
import { mainPart, readWorkbook, type Sheet, type SheetLimits, SHEET_LIMITS, type Workbook } from './xlsx';
import { XmlError } from './xml';
import { isZip, openZip, ZipError, ZIP_LIMITS, type ZipLimits } from './zip';

import type { OfficeFormat } from '../file';

/** `formatRows`: the workbook was a sheet of FORMAT figures (the app's own library export), read as a FORMAT CSV is. */
export type OfficeRead =
  | { ok: true; format: OfficeFormat; docs: ParsedDocument[]; text: string; formatRows?: { docs: StoredDocument[]; errors: CsvRowError[] } }
  | { ok: false; error: string };

export interface OfficeLimits {
  zip: ZipLimits;
  sheet: SheetLimits;
}

export const OFFICE_LIMITS: OfficeLimits = { zip: ZIP_LIMITS, sheet: SHEET_LIMITS };

const CONVERT_XLS = '请用 Excel 或 WPS 打开后「另存为」Excel 工作簿（.xlsx）再导入';
const CONVERT_DOC = '请用 Word 或 WPS 打开后「另存为」Word 文档（.docx）再导入';

export function readOffice(bytes: Uint8Array, fileName: string, limits: OfficeLimits = OFFICE_LIMITS): OfficeRead {
  const fail = (why: string): OfficeRead => ({ ok: false, error: `「${fileName}」${why}。` });
  const ole = oleKind(bytes);
  if (ole === 'encrypted') return fail('文件有密码保护，无法读取：请在 Excel/WPS/Word 中取消密码（文件→信息→保护→用密码进行加密，清空密码）后另存再导入');
  if (ole === 'xls') return readXls(bytes, fileName, limits.sheet);
  if (ole === 'doc') return readDoc(bytes, fileName);
  if (ole === 'other') return fail(`是旧版 Office 二进制文件，本应用不读取：${CONVERT_XLS}，或 ${CONVERT_DOC}`);
  if (!isZip(bytes)) return fail('不是 Office 文件');
  try {
    const zip = openZip(bytes, limits.zip);
    const decoder = new TextDecoder('utf-8');
    const read = (path: string) => {
      const data = zip.read(path);
      return data ? decoder.decode(data) : null;
    };
    const main = mainPart(read);
    const notes: string[] = [];
    if (zip.entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) notes.push('文件含有宏（VBA）：宏不会运行，只读取文件中保存的内容');
    if (main && /(^|\/)workbook\.xml$/.test(main)) return readXlsx(read, main, fileName, notes, limits.sheet);
    if (main && /(^|\/)document\.xml$/.test(main)) return readDocx(read, main, fileName, notes);
    const odf = /opendocument\.(spreadsheet|text)/.exec(read('mimetype') ?? '');
    if (odf) return fail(`是 OpenDocument ${odf[1] === 'text' ? '文档（.odt）' : '表格（.ods）'}，本应用不读取：请用 WPS、LibreOffice 或 Office 打开后另存为 ${odf[1] === 'text' ? 'Word 文档（.docx）' : 'Excel 工作簿（.xlsx）'}再导入`);
    return fail('是 ZIP 压缩包，但不是 Excel 工作簿（.xlsx）或 Word 文档（.docx）');
  } catch (e) {
    if (e instanceof ZipError) return fail(e.message);
    if (e instanceof XmlError) return fail(`的内容（XML）损坏：${e.message}`);
    return fail(`读取失败：${e instanceof Error ? e.message : String(e)}`);
  }
}

function readXlsx(read: (p: string) => string | null, main: string, fileName: string, notes: string[], limits: SheetLimits): OfficeRead {
  return readBook(readWorkbook(read, main, limits), 'xlsx', fileName, notes);
}

function readXls(bytes: Uint8Array, fileName: string, limits: SheetLimits): OfficeRead {
  try {
    return readBook(readXlsWorkbook(bytes, limits), 'xls', fileName, []);
  } catch (e) {
    if (e instanceof XlsError) return { ok: false, error: `「${fileName}」是旧版 Excel 文件（.xls），但${e.message}。${CONVERT_XLS}。` };
    return { ok: false, error: `「${fileName}」读取失败：${e instanceof Error ? e.message : String(e)}。` };
  }
}

function readDoc(bytes: Uint8Array, fileName: string): OfficeRead {
  let text: string;
  try {
    text = docText(bytes);
  } catch (e) {
    if (e instanceof DocError) return { ok: false, error: `「${fileName}」是旧版 Word 文件（.doc），但${e.message}。${CONVERT_DOC}。` };
    return { ok: false, error: `「${fileName}」读取失败：${e instanceof Error ? e.message : String(e)}。` };
  }
  return readWordText(text, 'doc', fileName, []);
}

/** An Excel 2003 XML workbook (its text already decoded): read as an .xlsx's sheets are. */
export function readSpreadsheetXml(text: string, fileName: string, limits: SheetLimits = SHEET_LIMITS): OfficeRead {
  try {
    return readBook(readSpreadsheetMl(text, limits), 'xml', fileName, []);
  } catch (e) {
    if (e instanceof XmlError) return { ok: false, error: `「${fileName}」是 Excel 2003 XML 表格，但内容（XML）损坏：${e.message}。` };
    return { ok: false, error: `「${fileName}」读取失败：${e instanceof Error ? e.message : String(e)}。` };
  }
}

/** A workbook's sheets (.xlsx, .xls or Excel 2003 XML): the library's own FORMAT export, or a disclosure's tables. */
function readBook(book: Workbook, format: 'xlsx' | 'xls' | 'xml', fileName: string, notes: string[]): OfficeRead {
  notes.push(...book.notes);
  const hidden = book.sheets.filter((s) => s.hidden).map((s) => s.name);
  if (hidden.length) notes.push(`隐藏的工作表未读取：${hidden.map((n) => `「${n}」`).join('、')}`);
  const sheets = book.sheets.filter((s) => !s.hidden);
  for (const s of sheets) notes.push(...s.notes.map((n) => `工作表「${s.name}」${n}`));
  if (!sheets.some((s) => s.cells.size)) return { ok: false, error: `「${fileName}」是 Excel 工作簿，但没有可读取的单元格${notes.length ? `（${notes.join('；')}）` : ''}。` };
  const figures = formatSheet(sheets);
  if (figures) {
    if (!figures.docs.length) return { ok: false, error: `「${fileName}」是预算数字表格（FORMAT 列），但没有可导入的行${figures.errors[0] ? `（第 ${figures.errors[0].line} 行：${figures.errors[0].message}）` : ''}。` };
    return { ok: true, format, docs: [], text: '', formatRows: figures };
  }
  const { rows, text } = sheetRows(sheets);
  const result = readDisclosureRows(rows, fileName);
  if (!result.ok) return result;
  return { ok: true, format, docs: withNotes(result.docs, notes), text };
}

function readDocx(read: (p: string) => string | null, main: string, fileName: string, notes: string[]): OfficeRead {
  return readWordText(docxText(read(main) ?? ''), 'docx', fileName, notes);
}

/** A Word document's text (.docx or .doc: a paragraph per line, a table row as tab-separated cells). */
function readWordText(text: string, format: 'docx' | 'doc', fileName: string, notes: string[]): OfficeRead {
  if (!text.trim()) return { ok: false, error: `「${fileName}」是 Word 文档，但没有文字。` };
  const result = readDisclosureText(text, fileName);
  if (!result.ok) return result;
  return { ok: true, format, docs: withNotes(result.docs, notes), text };
}

/** The first sheet whose first row is FORMAT's header, read as FORMAT rows (line = sheet row). */
function formatSheet(sheets: readonly Sheet[]): { docs: StoredDocument[]; errors: CsvRowError[] } | null {
  for (const sheet of sheets) {
    const first = Math.min(...sheet.cells.keys());
    const header = sheet.cells.get(first);
    if (!header) continue;
    const names = [...header.entries()];
    if (!FORMAT_COLUMNS.every((c) => names.some(([, v]) => v.trim() === c))) continue;
    const records: Record<string, string>[] = [];
    const rows = [...sheet.cells.keys()].filter((r) => r > first).sort((a, b) => a - b);
    for (const r of rows) {
      const line = sheet.cells.get(r)!;
      const record: Record<string, string> = {};
      for (const [c, name] of names) record[name.trim()] = line.get(c) ?? '';
      records.push(record);
    }
    return rowsToDocuments(records, first + 2);
  }
  return null;
}

function withNotes(docs: ParsedDocument[], notes: readonly string[]): ParsedDocument[] {
  const warnings: ImportWarning[] = notes.map((message) => ({ message }));
  for (const d of docs) d.warnings.unshift(...warnings.map((w) => ({ ...w })));
  return docs;
}
