/**
 * Printable pages as HTML strings: bordered tables with real multi-level headers (rowspan/colspan),
 * titles, page furniture and running text. Pure: a browser prints them (scripts/print-pdf.ts); this
 * module never touches one. Every text is escaped: labels are data, never markup.
 */

export type Paper = 'a4-portrait' | 'a4-landscape' | 'a3-landscape' | 'a3-portrait';

export const PAPER_CSS: Record<Paper, string> = {
  'a4-portrait': 'A4 portrait', 'a4-landscape': 'A4 landscape', 'a3-landscape': 'A3 landscape', 'a3-portrait': 'A3 portrait',
};

export interface Cell {
  text: string;
  rowspan?: number;
  colspan?: number;
  /** An amount: right-aligned, never wrapped. */
  num?: boolean;
  /** A label: left-aligned, wraps inside its column when the column is narrow. */
  label?: boolean;
}

export interface SheetTable {
  /** 「公开01表」: a line of its own above the title. */
  prefix?: string;
  /** The title as printed: one line, or two when it wraps. */
  title: string[];
  /** The furniture row between title and table (unit, 预算年度, 单位：万元), spread across the width. */
  meta: string[];
  /** Width of the furniture's first cell (a narrow cell wraps a long unit name, as Jiangsu's A3 tables do). */
  metaWidth?: string;
  header: Cell[][];
  body: Cell[][];
  /** Column widths (CSS), where a layout wants labels to wrap. */
  widths?: (string | null)[];
  /** Where amounts sit beside a wrapped label: its middle (default) or its last line. */
  valign?: 'middle' | 'bottom';
  note?: string;
  /** Start on a new page (default); false lets the table follow the previous one on the same page. */
  newPage?: boolean;
  /** No cell wraps (the table is as wide as its longest labels): the seeds' printed form. */
  nowrap?: boolean;
  /** Header words start at their cell's left edge (the seeds' printed form) instead of its centre. */
  headerLeft?: boolean;
}

export type Block =
  | { kind: 'cover'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; table: SheetTable }
  | { kind: 'pageBreak' };

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Header cells from header rows printed with blanks where cells merge (the text renderer's form): a
 * blank right of a word spans that word across when the row below names the columns under it
 * (「功能分类科目」 over 科目编码 | 科目名称); a blank under a word extends it down (「合计」).
 */
export function spanHeader(rows: readonly (readonly string[])[]): Cell[][] {
  const h = rows.length;
  const w = Math.max(0, ...rows.map((r) => r.length));
  const at = (r: number, c: number) => (rows[r]?.[c] ?? '').trim();
  const covered = rows.map(() => Array<boolean>(w).fill(false));
  const out: Cell[][] = rows.map(() => []);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (covered[r][c]) continue;
      let colspan = 1;
      if (at(r, c) && r + 1 < h) while (c + colspan < w && !at(r, c + colspan) && at(r + 1, c + colspan) && !covered[r][c + colspan]) colspan++;
      let rowspan = 1;
      if (at(r, c) && colspan === 1) while (r + rowspan < h && !at(r + rowspan, c) && !covered[r + rowspan][c] && !isNumbering(rows[r + rowspan])) rowspan++;
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) covered[r + dr][c + dc] = true;
      out[r].push({ text: at(r, c), ...(rowspan > 1 ? { rowspan } : {}), ...(colspan > 1 ? { colspan } : {}) });
    }
  }
  return out;
}

/** 「栏次 | 1 | 2 | …」: a row of its own, never merged into the words above it. */
function isNumbering(row: readonly string[] | undefined): boolean {
  return !!row && /^(?:栏次|档次)$/.test((row[0] ?? '').trim());
}

/** Words of up to four characters (序号, 栏次, 合计, codes) never wrap: no printed table breaks them. */
function classOf(c: Cell): string {
  const names = [c.num ? 'n' : c.label ? 'l' : '', [...c.text].length <= 4 ? 's' : ''].filter(Boolean);
  return names.length ? ` class="${names.join(' ')}"` : '';
}

const attrs = (c: Cell) => `${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}${classOf(c)}`;

function tableHtml(t: SheetTable): string {
  const cols = t.widths ? `<colgroup>${t.widths.map((w) => (w ? `<col style="width:${w}">` : '<col>')).join('')}</colgroup>` : '';
  const head = t.header.map((r) => `<tr>${r.map((c) => `<th${attrs(c)}>${escapeHtml(c.text)}</th>`).join('')}</tr>`).join('');
  const body = t.body.map((r) => `<tr>${r.map((c) => `<td${attrs(c)}>${escapeHtml(c.text)}</td>`).join('')}</tr>`).join('');
  const meta = t.meta.map((m, i) => `<span${i === 0 && t.metaWidth ? ` style="width:${t.metaWidth}"` : ''}>${escapeHtml(m)}</span>`).join('');
  return `<section class="${t.newPage === false ? 'sheet' : 'sheet page'}${t.valign === 'bottom' ? ' vb' : ''}">
${t.prefix ? `<div class="prefix">${escapeHtml(t.prefix)}</div>` : ''}<div class="title">${t.title.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>
<div class="meta">${meta}</div>
<table${t.nowrap || t.headerLeft ? ` class="${[t.nowrap ? 'nowrap' : '', t.headerLeft ? 'hl' : ''].filter(Boolean).join(' ')}"` : ''}>${cols}<thead>${head}</thead><tbody>${body}</tbody></table>
${t.note ? `<p class="note">${escapeHtml(t.note)}</p>` : ''}</section>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'cover': return `<section class="cover">${b.lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</section>`;
    case 'heading': return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'para': return `<p>${escapeHtml(b.text)}</p>`;
    case 'pageBreak': return '<div class="page"></div>';
    case 'table': return tableHtml(b.table);
  }
}

/** A whole printable document on one paper size; Chromium honours `@page` when asked to (preferCSSPageSize). */
export function pageHtml(blocks: readonly Block[], paper: Paper): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
@page { size: ${PAPER_CSS[paper]}; margin: 14mm 12mm; }
body { font: 9pt "Noto Sans CJK SC", sans-serif; margin: 0; }
.page { break-before: page; }
.cover { break-after: page; text-align: center; font-size: 22pt; padding-top: 50mm; }
.cover div { margin: 16pt 0; }
h2 { font-size: 12pt; margin: 10pt 0 4pt; }
p { margin: 3pt 0; line-height: 1.6; }
.prefix { font-size: 10pt; margin: 2pt 0 6pt; }
.title { text-align: center; font-size: 14pt; font-weight: bold; margin: 4pt 0 8pt; }
.meta { display: flex; justify-content: space-between; margin: 3pt 0; }
.sheet { margin-bottom: 14pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #000; padding: 2pt 3pt; text-align: center; vertical-align: middle; font-weight: normal; }
th.l, td.l { text-align: left; }
th.n, td.n { text-align: right; white-space: nowrap; }
.s, table.nowrap th, table.nowrap td { white-space: nowrap; }
table.nowrap { width: auto; }
table.hl th:not(.n) { text-align: left; }
.vb td { vertical-align: bottom; }
tr { break-inside: avoid; }
p.note { font-size: 8pt; }
</style><body>
${blocks.map(blockHtml).join('\n')}
</body></html>`;
}
