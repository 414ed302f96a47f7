import { toRows } from '../../../src/lib/ingest/lines';
import { normalizeText } from '../../../src/lib/ingest/normalize';
import { withPrinter } from '../../../scripts/print-pdf';

const FURNITURE = /预算年度|^(?:金额)?(?:单位|部门)：/;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A seed disclosure as the HTML a department might print to PDF: the importer's rows of the text,
 * runs of rows with several cells as a bordered table (one <tr> per row, blank cells kept), rows of
 * one cell as paragraphs. Labels may wrap; amounts do not.
 */
export function seedHtml(text: string): string {
  const rows = toRows(normalizeText(text));
  const parts: string[] = [];
  let table: string[][] = [];
  const flush = () => {
    // Every row as wide as the widest: cells keep the column index they have in the text.
    const width = Math.max(0, ...table.map((r) => r.length));
    if (table.length) parts.push(`<table>${table.map((r) => `<tr>${[...r, ...Array(width - r.length).fill('<td></td>')].join('')}</tr>`).join('')}</table>`);
    table = [];
  };
  for (const row of rows) {
    const cells = row.cells.filter((c) => c.trim());
    // Page furniture (unit, 预算年度, 单位：万元) is printed above a table, not as a row of it: in the
    // table it would widen the first column far beyond 序号 and the numbers under it.
    if (row.cells.length < 2 || cells.some((c) => FURNITURE.test(c))) {
      flush();
      parts.push(`<p>${cells.map(escape).join('　　')}</p>`);
    } else {
      const cells = row.cells.map((c) => `<td${/^[\d,.\s-]+$/.test(c) ? ' class="n"' : ''}>${escape(c)}</td>`);
      table.push(cells);
    }
  }
  flush();
  return `<!doctype html><meta charset="utf-8"><style>
    body { font: 9pt "Noto Sans CJK SC", sans-serif; }
    p { margin: 4pt 0; }
    table { border-collapse: collapse; margin: 6pt 0; }
    td { border: 0.5pt solid #000; padding: 2pt 4pt; white-space: nowrap; }
    td.n { text-align: right; }
  </style>${parts.join('\n')}`;
}

/** Prints each HTML page to an A4 landscape PDF with Debian's Chromium (scripts/print-pdf.ts). */
export function printPdfs(htmls: readonly string[]): Promise<Uint8Array[]> {
  return withPrinter(async (printer) => {
    const out: Uint8Array[] = [];
    for (const html of htmls) out.push(await printer.print(html, { format: 'A4', landscape: true }));
    return out;
  });
}
