/**
 * A web page (.html/.htm, as a government site publishes a disclosure and a browser saves it) → the
 * text a disclosure saved from Word as plain text has, which the text reader knows (office/docx.ts
 * gives a .docx the same): each paragraph on its own line, a table row as one line of cells separated
 * by tabs. A cell spanning columns (colspan) is followed by blank cells, and a cell spanning rows
 * (rowspan) leaves a blank cell in its column in the rows below: the header bands the text reader
 * understands. Scripts, styles, comments and the head are no text; whitespace collapses as a browser
 * collapses it. A hand-written scanner (indexOf), no DOM: the app reads files in a worker.
 */

const CJK_CHARS = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const CJK = new RegExp(`[${CJK_CHARS}]`);

const BLOCK = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'section', 'article', 'blockquote', 'pre', 'hr', 'header', 'footer', 'center', 'dd', 'dt', 'dl', 'caption', 'form', 'title']);
/**
 * Elements whose content is never the document's text. A site's navigation and side bars (nav,
 * aside) name other years and stages (「2023年部门决算」) before the article does.
 */
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'textarea', 'select', 'iframe', 'object', 'svg', 'nav', 'aside']);

const NAMED: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×',
  divide: '÷', yen: '¥', permil: '‰', deg: '°', plusmn: '±', le: '≤', ge: '≥', bull: '•', laquo: '«', raquo: '»',
};

/** Text that reads as a sentence: it ends one, or is long enough to be more than a label and has a clause mark. */
const SENTENCE = /[。；;！？]$|^(?=.{16})[^]*[。；;，,：:]/;

/** Where each tag that bounds a cell starts, in order: found once, then searched (no scan per cell). */
const CELL_BOUNDS = ['</td', '</th', '<td', '<th', '<tr', '</tr'];

function positions(lower: string, tag: string): number[] {
  const out: number[] = [];
  for (let at = lower.indexOf(tag); at >= 0; at = lower.indexOf(tag, at + tag.length)) out.push(at);
  return out;
}

/** The first of the sorted `list` at or after `from`, or Infinity. */
function nextOf(list: readonly number[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo] : Infinity;
}

/**
 * Whether a cell opened at `from` holds a table: 「<table」 comes before the cell's end or the next
 * cell or row (end tags of cells and rows are optional in HTML).
 */
function cellHoldsTable(lower: string): (from: number) => boolean {
  const tables = positions(lower, '<table');
  const bounds = CELL_BOUNDS.map((tag) => positions(lower, tag));
  return (from) => {
    const table = nextOf(tables, from);
    return table !== Infinity && bounds.every((b) => nextOf(b, from) > table);
  };
}

/** Whether decoded text is a web page rather than a disclosure saved as text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && /<(?:html|body|table)[\s>]/.test(head) && /<\/(?:p|div|td|table|body)>/.test(text.slice(0, 20000).toLowerCase()));
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});?/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code === 0xa0 ? 0x20 : code) : all;
    }
    return NAMED[name.toLowerCase()] ?? all;
  });
}

interface Table {
  row: string[] | null;
  cell: string | null;
  /** Column → rows still covered by a rowspan above. */
  covered: Map<number, number>;
  span: number;
  rowspan: number;
  /**
   * The current row lays a page out (a cell of it holds a table: old sites build their pages of
   * tables): its cells' text flows as paragraphs, and the tables inside are tables of their own.
   */
  layout: boolean;
}

export function htmlText(html: string): string {
  const out: string[] = [];
  let para = '';
  const tables: Table[] = [];
  const cur = () => tables[tables.length - 1];
  const flush = () => {
    // Whitespace collapses as a browser shows it: a line break in the source is a space, also between
    // Chinese characters (an editor wraps its lines at a space: 「项 目」 saved as 「项\n目」).
    const text = para.replace(/[ \t\r\n\f\u00a0\u3000]+/g, (m) => (m.includes('\u3000') ? '\u3000' : ' ')).trim();
    para = '';
    if (!text) return;
    const t = cur();
    // A cell's lines (「一般公共服务<br>支出」) join as one: without a space between Chinese characters.
    if (t && t.cell !== null) t.cell += (t.cell && !(CJK.test(t.cell.slice(-1)) && CJK.test(text[0])) ? ' ' : '') + text;
    else out.push(text);
  };
  /** Blank cells for the columns a rowspan above still covers, at the row's current end. */
  const fillCovered = (t: Table) => {
    while (t.row && (t.covered.get(t.row.length) ?? 0) > 0) {
      t.covered.set(t.row.length, t.covered.get(t.row.length)! - 1);
      t.row.push('');
    }
  };
  const endCell = (t: Table) => {
    if (t.layout) {
      flush();
      return;
    }
    if (t.cell === null || !t.row) return;
    flush();
    fillCovered(t);
    const at = t.row.length;
    t.row.push(t.cell.trim());
    for (let k = 1; k < t.span; k++) t.row.push('');
    if (t.rowspan > 1) for (let k = 0; k < t.span; k++) t.covered.set(at + k, t.rowspan - 1);
    t.cell = null;
  };
  const endRow = (t: Table) => {
    endCell(t);
    if (t.layout) {
      t.layout = false;
      t.row = null;
      t.cell = null;
      return;
    }
    if (!t.row) return;
    fillCovered(t);
    // Columns covered beyond the row's last cell.
    for (const [c, n] of [...t.covered].sort((a, b) => a[0] - b[0])) if (n > 0 && c >= t.row.length) {
      while (t.row.length < c) t.row.push('');
      t.row.push('');
      t.covered.set(c, n - 1);
    }
    if (t.row.some((c) => c !== '')) {
      // A row whose only text is a sentence in its first cell (a sheet saved as a page prints every
      // paragraph of its 说明 so, blanks to the sheet's width) is a paragraph. A label with blank
      // amounts (「2、车辆（台、辆）」) stays a row of its table.
      const paragraph = t.row.every((c, k) => k === 0 || c === '') && SENTENCE.test(t.row[0]);
      out.push(paragraph ? t.row[0] : t.row.join('\t'));
    }
    t.row = null;
  };
  const endTable = () => endRow(tables.pop()!);

  const lower = html.toLowerCase();
  const holdsTable = cellHoldsTable(lower);
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      para += decodeEntities(html.slice(i));
      break;
    }
    if (lt > i) para += decodeEntities(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      para += html.slice(lt);
      break;
    }
    const raw = html.slice(lt + 1, gt);
    i = gt + 1;
    const m = /^(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(raw);
    if (!m) {
      // 「<」 that opens no tag (「收入<支出」), a doctype or a processing instruction.
      if (!/^[!?]/.test(raw)) para += decodeEntities(`<${raw}>`);
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (!closing && SKIP.has(name) && !raw.endsWith('/')) {
      const end = lower.indexOf(`</${name}`, i);
      i = end < 0 ? n : html.indexOf('>', end) + 1 || n;
      continue;
    }
    const t = cur();
    switch (name) {
      case 'table':
        flush();
        if (closing) {
          if (tables.length) endTable();
        } else tables.push({ row: null, cell: null, covered: new Map(), span: 1, rowspan: 1, layout: false });
        break;
      case 'tr':
        if (!t) break;
        flush();
        endRow(t);
        if (!closing) t.row = [];
        break;
      case 'td':
      case 'th':
        if (!t) break;
        endCell(t);
        if (!closing && !t.layout && holdsTable(i)) {
          // The row lays the page out: the cells before this one are paragraphs too.
          for (const c of t.row ?? []) if (c) out.push(c);
          t.layout = true;
          t.cell = null;
        }
        if (!closing && !t.layout) {
          t.row ??= [];
          t.cell = '';
          t.span = Math.min(Math.max(Number(/colspan\s*=\s*["']?(\d+)/i.exec(raw)?.[1] ?? 1) || 1, 1), 64);
          t.rowspan = Math.min(Math.max(Number(/rowspan\s*=\s*["']?(\d+)/i.exec(raw)?.[1] ?? 1) || 1, 1), 1000);
        }
        break;
      default:
        if (BLOCK.has(name)) flush();
    }
  }
  flush();
  while (tables.length) endTable();
  return out.join('\n');
}
