/**
 * Whether decoded text is an Excel 2003 XML workbook (SpreadsheetML). Kept apart from its reader, with
 * no imports: file.ts asks every text file, and the reader itself loads with the office chunk only.
 */
export function looksLikeSpreadsheetMl(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\uFEFF?\s*<\?xml/.test(head) && head.includes('urn:schemas-microsoft-com:office:spreadsheet') && /<(?:ss:)?Workbook[\s>]/.test(head);
}
