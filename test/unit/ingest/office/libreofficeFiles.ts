/**
 * The layout variants kept as LibreOffice saved their web pages (scripts/libreoffice-office.ts writes
 * them; libreoffice.test.ts reads them): Jiangsu's twelve tables with numbered titles and Shanghai's
 * in 元 as Word documents (.docx and Word 97's .doc) and as workbooks, the national nine (flat and
 * merged headers) as workbooks.
 */
export const LIBREOFFICE_OFFICE_FILES: readonly { id: string; format: 'docx' | 'doc' | 'xlsx' }[] = [
  { id: 'jiangsu-numbered-titles', format: 'docx' },
  { id: 'national-flat-headers', format: 'xlsx' },
  { id: 'shanghai-yuan-a4-landscape', format: 'docx' },
  { id: 'national-merged-headers', format: 'xlsx' },
  { id: 'jiangsu-numbered-titles', format: 'xlsx' },
  { id: 'shanghai-yuan-a4-landscape', format: 'xlsx' },
  { id: 'jiangsu-numbered-titles', format: 'doc' },
  { id: 'shanghai-yuan-a4-landscape', format: 'doc' },
];
