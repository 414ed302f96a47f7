/**
 * A check after reading: did a table's rows stop before they add up? A file cut short, a page lost,
 * tabs turned into spaces or a damaged font can drop rows without any single line looking wrong
 * (issue 14: a PDF without its last page lost 8 figures, a text whose tabs became spaces 277 of 295,
 * all silently). The tables that print a 合计 say what their rows should come to: when the rows read
 * come to less, or the last group of rows stops short of its own figure, the document gets a warning.
 *
 * Only shortfalls count: rows that add up to more than their 合计 are a defect of the publication,
 * which the audit (勾稽) reports. Pure: one ParsedDocument in, warnings out.
 */
import { formatWan, type Fen } from '../model/amount';
import type { Figure, ImportWarning, ParsedDocument } from '../model/document';
import { expectedStandardTables, STANDARD_TABLES, TABLE_NAMES, type TableKey } from '../model/keys';
import type { Row } from './lines';
import { compact } from './normalize';

/** Tables of coded rows (类 3 digits, 款 5, 项 7) under a 合计 row `total`. */
const CLASSIFIED: readonly TableKey[] = ['income', 'expense', 'general_expense', 'fund_expense', 'soe_expense', 'basic_expense'];
/** The 三公 parts that make up its total (公务用车 is itself 购置 + 运行维护). */
const THREE_PUBLIC_PARTS = ['overseas', 'vehicle', 'reception'];
const VEHICLE_PARTS = ['vehicle_purchase', 'vehicle_operation'];
/** The kinds of fixed assets that make up 资产总额 (办公用房 is part of 房屋). */
const ASSET_PARTS = ['buildings', 'vehicles', 'major_equipment', 'other'];
/** 0.01 万元 per addend: printed figures are rounded, so sums may fall short by that much. */
const ROUNDING: Fen = 10_000;

const CUT = '表中的行可能没有读全（文件可能被截断、缺页或损坏）';

export function truncationWarnings(doc: ParsedDocument): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const byTable = new Map<TableKey, Figure[]>();
  for (const f of doc.figures) {
    const list = byTable.get(f.table);
    if (list) list.push(f);
    else byTable.set(f.table, [f]);
  }
  for (const table of CLASSIFIED) {
    const figures = byTable.get(table);
    if (figures) warnings.push(...classified(table, figures));
  }
  const three = byTable.get('three_public');
  if (three) warnings.push(...threePublic(three));
  const assets = byTable.get('assets');
  if (assets) warnings.push(...partsOfTotal('assets', assets, ASSET_PARTS));
  // A table whose title and layout were recognized but whose rows gave no figure at all.
  for (const t of doc.tables) {
    if (t.status === 'present' && t.table !== 'facts' && !byTable.has(t.table)) {
      warnings.push({ message: `「${TABLE_NAMES[t.table]}」没有读到任何数字：${CUT}`, source: { line: t.source.line } });
    }
  }
  // A document that prints several of the nine standard tables prints all of them (empty ones as
  // 「空表列示」): the missing ones were on pages or lines that did not arrive, or were not recognized.
  const seen = new Set(doc.tables.map((t) => t.table));
  const expected = expectedStandardTables(seen);
  const missing = expected.filter((t) => !seen.has(t));
  if (missing.length && expected.length - missing.length >= 3) {
    warnings.push({ message: `没有找到标准表${missing.map((t) => `「${TABLE_NAMES[t]}」`).join('')}：文件可能缺页或被截断，或这些表的标题无法识别` });
  }
  return warnings;
}

/** The document with its truncation warnings added (the importer calls this once per document). */
export function withTruncationWarnings<T extends ParsedDocument>(doc: T): T {
  const found = truncationWarnings(doc);
  if (found.length) doc.warnings.push(...found);
  return doc;
}

type Cells = Map<string, Map<string, Fen>>;

function cellsOf(figures: readonly Figure[]): Cells {
  const cells: Cells = new Map();
  for (const f of figures) {
    let row = cells.get(f.rowCode);
    if (!row) cells.set(f.rowCode, (row = new Map()));
    row.set(f.column, f.amount);
  }
  return cells;
}

const isCode = (code: string) => /^\d{3}(\d{2}){0,2}$/.test(code);
const isChild = (parent: string, code: string) => code.length === parent.length + 2 && code.startsWith(parent);

function classified(table: TableKey, figures: readonly Figure[]): ImportWarning[] {
  const cells = cellsOf(figures);
  // Print order: the first line each coded row was read from.
  const coded = [...new Set(figures.filter((f) => isCode(f.rowCode)).map((f) => f.rowCode))];
  if (!coded.length) return [];
  const name = TABLE_NAMES[table];
  const line = figures.find((f) => f.rowCode === 'total')?.source.line ?? figures[0].source.line;
  const total = cells.get('total');
  // Without a 合计 row there is nothing to add up to; a table of several coded rows always prints one.
  if (!total) {
    if (coded.length < 2) return [];
    const last = figures[figures.length - 1];
    return [{ message: `「${name}」有分类行但没有读到合计行，${CUT}`, source: { line: last.source.line } }];
  }
  // A blank cell with printed parts counts as the sum of its parts (blank is not zero).
  const value = (code: string, column: string): Fen | null => {
    const own = cells.get(code)?.get(column);
    if (own !== undefined) return own;
    const parts = coded.filter((c) => isChild(code, c)).map((c) => value(c, column)).filter((v): v is Fen => v !== null);
    return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  };
  // One column is judged, the table's own 合计 column: a misprinted cell in another column is a
  // defect of the publication (the audit's business), while lost rows are missing from all columns.
  const column = total.has('total') ? 'total' : [...total.keys()][0];
  const amount = total.get(column)!;
  const out: ImportWarning[] = [];
  const classes = coded.filter((c) => c.length === 3);
  const sum = sumOf(classes.map((c) => value(c, column)));
  if (sum !== null && sum < amount - ROUNDING * (classes.length + 1)) {
    out.push({ message: `「${name}」各类之和 ${formatWan(sum)} 小于合计 ${formatWan(amount)}，${CUT}`, source: { line } });
    return out;
  }
  // The rows stop inside their last group: its last 类 (or 款) comes to more than the rows under it,
  // or, where every other 类 has 款 under it, the last one has none.
  for (const level of [3, 5]) {
    const atLevel = coded.filter((c) => c.length === level);
    const last = atLevel.at(-1);
    const own = last === undefined ? undefined : cells.get(last)?.get(column);
    if (last === undefined || own === undefined) continue;
    const children = coded.filter((c) => isChild(last, c));
    if (!children.length) {
      if (level === 3 && atLevel.length > 1 && atLevel.slice(0, -1).every((c) => coded.some((d) => isChild(c, d)))) {
        out.push({ message: `「${name}」最后一类 ${last} 下面没有读到任何款，${CUT}`, source: { line: lineOf(figures, last) } });
      }
      continue;
    }
    const below = sumOf(children.map((c) => value(c, column)));
    if (below !== null && below < own - ROUNDING * (children.length + 1)) {
      out.push({ message: `「${name}」最后的 ${last} 下各行之和 ${formatWan(below)} 小于 ${formatWan(own)}，${CUT}`, source: { line: lineOf(figures, last) } });
      return out;
    }
  }
  return out;
}

/** The sum, or null when a part is blank (a blank cell beside printed ones can't be judged). */
function sumOf(parts: readonly (Fen | null)[]): Fen | null {
  if (!parts.length || parts.some((p) => p === null)) return null;
  return (parts as Fen[]).reduce((a, b) => a + b, 0);
}

function threePublic(figures: readonly Figure[]): ImportWarning[] {
  const cells = cellsOf(figures);
  // 小计 is the three parts; a 合计 may also carry 会议费 and 培训费 (Jiangsu), so only 小计 is judged.
  const subtotal = cells.get('subtotal');
  const amount = subtotal?.get('total') ?? (subtotal ? [...subtotal.values()][0] : undefined);
  if (!subtotal || amount === undefined) return [];
  const column = subtotal.has('total') ? 'total' : [...subtotal.keys()][0];
  const part = (code: string): Fen | null => {
    const own = cells.get(code)?.get(column);
    if (own !== undefined) return own;
    if (code !== 'vehicle') return null;
    return sumOf(VEHICLE_PARTS.map((c) => cells.get(c)?.get(column) ?? null).filter((v) => v !== null));
  };
  const parts = THREE_PUBLIC_PARTS.map(part).filter((v): v is Fen => v !== null);
  const sum = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  if (sum === null || sum >= amount - ROUNDING * (parts.length + 1)) return [];
  const line = figures.find((f) => f.rowCode === 'subtotal')?.source.line ?? figures[0].source.line;
  return [{ message: `「${TABLE_NAMES.three_public}」各项之和 ${formatWan(sum)} 小于小计 ${formatWan(amount)}，${CUT}`, source: { line } }];
}

/** A table whose `total` row is the sum of some of its other rows: their sum falls short of it. */
function partsOfTotal(table: TableKey, figures: readonly Figure[], parts: readonly string[]): ImportWarning[] {
  const cells = cellsOf(figures);
  const total = cells.get('total')?.get('total');
  const values = parts.map((p) => cells.get(p)?.get('total')).filter((v): v is Fen => v !== undefined);
  if (total === undefined || !values.length) return [];
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum >= total - ROUNDING * (values.length + 1)) return [];
  return [{ message: `「${TABLE_NAMES[table]}」各项之和 ${formatWan(sum)} 小于合计 ${formatWan(total)}，${CUT}`, source: { line: lineOf(figures, 'total') } }];
}

function lineOf(figures: readonly Figure[], code: string): number {
  return figures.find((f) => f.rowCode === code)?.source.line ?? figures[0].source.line;
}

/**
 * A text file that stops in the middle. A whole file ends with prose, a date or a closing mark, or
 * with a whole row and a blank line; a file cut short ends
 *  - on a table title with nothing after it, or a table's header row;
 *  - without a line end inside a cell of the cell-line layout, or inside prose (mid-sentence);
 *  - with a row that has fewer cells (or cell lines) than the row before it, or a table's first row.
 * Returns the warning for the document the last line belongs to, or null.
 */
export function cutMidRow(text: string): ImportWarning | null {
  // The line ends at the end, counted by hand: a regular expression over them backtracks badly.
  let cut0 = text.length;
  while (cut0 > 0 && (text[cut0 - 1] === '\n' || text[cut0 - 1] === '\r')) cut0--;
  const ends = text.slice(cut0);
  // Two line ends or more: whoever wrote the file finished the last row.
  if (ends.replace(/\r\n/g, '\n').length > 1) return null;
  const lines = text.slice(0, text.length - ends.length).split(/\r\n|\r|\n/);
  const blank = (line: string) => !line.includes('\t') && line.trim() === '';
  let lastAt = lines.length - 1;
  while (lastAt > 0 && blank(lines[lastAt])) lastAt--;
  const last = lines[lastAt] ?? '';
  const ended = ends.length > 0 || lastAt < lines.length - 1;
  let cut: boolean;
  if (/表$/.test(last.trim()) && last.trim().length <= 80) {
    cut = true;
  } else if (!last.includes('\t')) {
    const words = last.trim();
    cut = !ended && words.length > 0 && !/[。！？!?；;」』）)\]】”’"'…%日年月号]$/.test(words);
  } else if (/^\t[^\t]*$/.test(last)) {
    // Cell lines: this row's lines since the last blank line, against the row before.
    let k = lastAt;
    while (k > 0 && !blank(lines[k - 1])) k--;
    let j = k - 1;
    while (j > 0 && blank(lines[j])) j--;
    let before = 0;
    while (j >= 0 && !blank(lines[j])) (before++, j--);
    cut = !ended || (before > 0 && lastAt - k + 1 < before);
  } else {
    let j = lastAt - 1;
    while (j >= 0 && blank(lines[j])) j--;
    const header = !/\d/.test(last);
    cut = header || j < 0 || !lines[j].includes('\t') || last.split('\t').length < lines[j].split('\t').length;
  }
  if (!cut) return null;
  return { message: '文件在中间结束（最后一行或最后一张表不完整），文件可能被截断：之后的内容没有读到', source: { line: lastAt + 1 } };
}

/**
 * Rows of a text table with fewer cells than the rows on both sides (which agree): a tab lost to
 * damage merges two cells, and the row's figures shift or vanish. A table written by a program never
 * has such a row (none in the seeds). Text only: a PDF's rows are rebuilt from positions.
 */
export function shortRows(rows: readonly Row[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  for (let i = 1; i < rows.length - 1; i++) {
    const [a, b, c] = [rows[i - 1].cells.length, rows[i].cells.length, rows[i + 1].cells.length];
    if (a >= 3 && a === c && b < a && b >= 2) {
      out.push({ message: `第 ${rows[i].line} 行的格子比上下两行少（文件可能损坏），这一行的数字可能错位或缺失`, source: { line: rows[i].line } });
    }
  }
  return out;
}

/**
 * A 目录 lists the document's parts; when its last entries never appear after it, the document stops
 * before them (a PDF that lost its last pages still has its table of contents). Entries are compared
 * by their words (numbering and page numbers left out). Returns the warning, or null when there is no
 * 目录 or its last entry is found.
 */
export function missingTocEnd(rows: readonly Row[]): ImportWarning | null {
  const text = rows.map((r) => compact(r.cells.join('')));
  const start = text.findIndex((t) => t === '目录');
  if (start < 0) return null;
  // The entries are the numbered lines under 目录 (一、 1. （二） 第三部分); the body starts at the first
  // line without a number.
  const entries: string[] = [];
  const styles: string[] = [];
  const first = NUMBERED.exec(text[start + 1] ?? '')?.[1];
  let k = start + 1;
  let repeated = false;
  for (; k < text.length && NUMBERED.test(text[k]); k++) {
    const words = tocWords(text[k]);
    // The body's first heading repeats the first entry's number, or an entry's words.
    if (entries.length && (NUMBERED.exec(text[k])?.[1] === first || entries.includes(words))) {
      repeated = true;
      break;
    }
    entries.push(words);
    styles.push(numberStyle(text[k]));
  }
  // A 目录 of tables only (一、…十二、) followed by the body's own heading in another numbering
  // (「第二部分 2017年度部门预算表」) and then a table: that heading is the body's, not an entry.
  if (!repeated && entries.length > 1 && styles[styles.length - 1] === 'part' && !styles.slice(0, -1).includes('part')) {
    entries.pop();
    k--;
  }
  if (entries.length < 3) return null;
  const body = text.slice(k).join('\n');
  // Found when its words are printed, or their last four characters (「单位主要职能」 is printed as
  // 「上海市普陀区某某局主要职能」).
  const found = (words: string) => body.includes(words) || (words.length > 4 && body.includes(words.slice(-4)));
  const missing: string[] = [];
  for (let i = entries.length - 1; i >= 0 && !found(entries[i]); i--) missing.unshift(entries[i]);
  // Every entry missing means the body words differ from the 目录's, not that the file stops.
  if (!missing.length || missing.length === entries.length) return null;
  return {
    message: `目录列出的「${missing.join('」「')}」在文件中没有找到：文件可能缺页或被截断，这些部分的内容没有读到`,
    source: { line: rows[start].line },
  };
}

const NUMBERED = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|第[一二三四五六七八九十]+部分)./;

/** Which kind of numbering a line starts with: 一、 （一） 1. 第一部分. */
function numberStyle(t: string): string {
  return /^[一二三四五六七八九十]+、/.test(t) ? 'cn' : /^[（(]/.test(t) ? 'paren' : /^\d/.test(t) ? 'digit' : 'part';
}

/** An entry's own words: without its numbering (一、 1. （二）) and its page number or dot leader. */
function tocWords(t: string): string {
  return t.replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|第[一二三四五六七八九十]+部分)/, '').replace(/[.．…·\-—_]*\d*$/, '');
}

/**
 * A file of several documents (a 部门 and its 单位) prints the same standard tables for each: a later
 * document without tables an earlier one has stops early (the file was cut inside it). Warnings for
 * the documents, in order.
 */
export function siblingGaps(docs: readonly ParsedDocument[]): (ImportWarning | null)[] {
  const seenBefore = new Set<TableKey>();
  return docs.map((doc, i) => {
    const own = new Set(doc.tables.map((t) => t.table));
    const missing = i === 0 ? [] : STANDARD_TABLES.filter((t) => seenBefore.has(t) && !own.has(t));
    for (const t of own) seenBefore.add(t);
    return missing.length ? { message: `这份文档没有前一份文档都有的${missing.map((t) => `「${TABLE_NAMES[t]}」`).join('')}：文件可能在这里被截断或缺页，或这些表没有被识别` } : null;
  });
}
