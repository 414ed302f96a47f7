/**
 * What a text's own shape says about damage, before any arithmetic (truncation.ts does the sums): a
 * file that ends mid-row or on a title, rows short of cells between rows that agree, a 目录 whose
 * last entries never arrive, a later document of a file lacking tables an earlier one has (issue 14:
 * these lost figures silently). Pure; text in, warnings out.
 */
import type { ImportWarning, ParsedDocument } from '../model/document';
import { STANDARD_TABLES, TABLE_NAMES, type TableKey } from '../model/keys';
import type { Row } from './lines';
import { compact, isSpaceCode } from './normalize';
import { isLevel } from './performanceIndicators';
import { tailLines, type TailLines } from './tailLines';

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
  while (cut0 > 0 && (text[cut0 - 1] === '\n' || text[cut0 - 1] === '\r' || text[cut0 - 1] === '\f')) cut0--;
  const ends = text.slice(cut0);
  // Two line ends or more, or a page end (pdftotext closes every page with a form feed): whoever wrote
  // the file finished the last row.
  if (ends.includes('\f') || ends.replace(/\r\n/g, '\n').length > 1) return null;
  const body = text.slice(0, text.length - ends.length);
  // Without CR the lines are cut out from the end only as far as they are looked at (tailLines.ts).
  const lines: TailLines = body.includes('\r') ? splitLines(body) : tailLines(body);
  // Lines are counted from the end: 0 is the last line of the body; `line(r)` is undefined before its first.
  const line = (r: number) => lines.fromEnd(r);
  let lastAt = 0;
  while (line(lastAt + 1) !== undefined && blank(line(lastAt)!)) lastAt++;
  const last = line(lastAt)!;
  const ended = ends.length > 0 || lastAt > 0;
  let cut: boolean;
  if (/表$/.test(last.trim()) && last.trim().length <= 80) {
    cut = true;
  } else if (!last.includes('\t')) {
    const words = last.trim();
    cut = !ended && words.length > 0 && !/[。！？!?；;」』）)\]】”’"'…%日年月号]$/.test(words);
  } else if (/^\t[^\t]*$/.test(last)) {
    // Cell lines: this row's lines since the last blank line, against the row before.
    let k = lastAt;
    while (line(k + 1) !== undefined && !blank(line(k + 1)!)) k++;
    let j = k + 1;
    while (line(j + 1) !== undefined && blank(line(j)!)) j++;
    let before = 0;
    while (line(j) !== undefined && !blank(line(j)!)) (before++, j++);
    cut = !ended || (before > 0 && k - lastAt + 1 < before);
  } else {
    let j = lastAt + 1;
    while (line(j) !== undefined && blank(line(j)!)) j++;
    const header = !/\d/.test(last) && !indicatorBody(lines, lastAt);
    const above = line(j);
    cut = header || above === undefined || !above.includes('\t') || last.split('\t').length < above.split('\t').length;
  }
  if (!cut) return null;
  return { message: '文件在中间结束（最后一行或最后一张表不完整），文件可能被截断：之后的内容没有读到', source: { line: lines.lineNumber(lastAt) } };
}

/**
 * Whether the last row is an indicator of a 绩效目标表 (「效益指标 | 可持续影响指标 | 长期运行 |
 * 长期」): it, or a row of as many cells within the ten above, names a level (产出指标, 数量指标…).
 * Such a row prints no digit where its value is a word, and was taken for a header with nothing
 * after it. A header names the columns (一级指标) instead.
 */
function indicatorBody(lines: TailLines, lastAt: number): boolean {
  const width = lines.fromEnd(lastAt)!.split('\t').length;
  for (let r = lastAt; r < lastAt + 10; r++) {
    const line = lines.fromEnd(r);
    if (line === undefined) return false;
    const cells = line.split('\t');
    if (cells.length !== width) continue;
    if (cells.some((c) => /^(?:一级|二级|三级)指标$/.test(compact(c)))) return false;
    if (cells.some((c) => isLevel(compact(c)))) return true;
  }
  return false;
}

/** A line of no cells: whitespace only, without a tab. */
function blank(line: string): boolean {
  return !line.includes('\t') && line.trim() === '';
}

/** Lines split at CR LF, CR or LF, as TailLines. */
function splitLines(text: string): TailLines {
  const all = text.split(/\r\n|\r|\n/);
  return { fromEnd: (r) => all[all.length - 1 - r], lineNumber: (r) => all.length - r };
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
  const start = tocHeading(rows);
  if (start < 0) return null;
  // Each row's words, compacted when first looked at: the body is searched row by row (below).
  const texts: string[] = [];
  const textAt = (i: number) => (texts[i] ??= compact(rows[i].cells.join('')));
  // The entries are the numbered lines under 目录 (一、 1. （二） 第三部分); the body starts at the first
  // line without a number.
  const entries: string[] = [];
  const styles: string[] = [];
  const first = NUMBERED.exec(start + 1 < rows.length ? textAt(start + 1) : '')?.[1];
  let k = start + 1;
  let repeated = false;
  for (; k < rows.length && NUMBERED.test(textAt(k)); k++) {
    const words = tocWords(textAt(k));
    // The body's first heading repeats the first entry's number, or an entry's words.
    if (entries.length && (NUMBERED.exec(textAt(k))?.[1] === first || entries.includes(words))) {
      repeated = true;
      break;
    }
    entries.push(words);
    styles.push(numberStyle(textAt(k)));
  }
  // A 目录 of tables only (一、…十二、) followed by the body's own heading in another numbering
  // (「第二部分 2017年度部门预算表」) and then a table: that heading is the body's, not an entry.
  if (!repeated && entries.length > 1 && styles[styles.length - 1] === 'part' && !styles.slice(0, -1).includes('part')) {
    entries.pop();
    k--;
  }
  if (entries.length < 3) return null;
  // In the body: words hold no whitespace, so they are in the rows joined by line ends only when they
  // are in one row; and only in a row with their first character in a cell (a cheap look first).
  const bodyFrom = k;
  const inBody = (words: string) => {
    // The empty string is in any text, as it was in the body joined.
    if (words === '') return true;
    for (let i = bodyFrom; i < rows.length; i++) if (rows[i].cells.some((c) => c.includes(words[0])) && textAt(i).includes(words)) return true;
    return false;
  };
  // Found when its words are printed, or their last four characters (「单位主要职能」 is printed as
  // 「上海市普陀区某某局主要职能」).
  const found = (words: string) => inBody(words) || (words.length > 4 && inBody(words.slice(-4)));
  const missing: string[] = [];
  for (let i = entries.length - 1; i >= 0 && !found(entries[i]); i--) missing.unshift(entries[i]);
  // Every entry missing means the body words differ from the 目录's, not that the file stops.
  if (!missing.length || missing.length === entries.length) return null;
  return {
    message: `目录列出的「${missing.join('」「')}」在文件中没有找到：文件可能缺页或被截断，这些部分的内容没有读到`,
    source: { line: rows[start].line },
  };
}

/** The first row that reads 「目录」 (its cells joined, whitespace taken out), or -1. */
export function tocHeading(rows: readonly Row[]): number {
  for (let i = 0; i < rows.length; i++) if (mayReadToc(rows[i].cells) && compact(rows[i].cells.join('')) === '目录') return i;
  return -1;
}

/**
 * Whether a row's cells could read 「目录」: each cell starts with whitespace, 目 or 录, or is empty.
 * One character of the first filled cell rules out nearly every row, where a search of each cell for
 * 「目」 looked at all of its characters.
 */
function mayReadToc(cells: readonly string[]): boolean {
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (c === '') continue;
    const first = c.charCodeAt(0);
    if (first !== 0x76ee && first !== 0x5f55 && !isSpaceCode(first)) return false;
  }
  return true;
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
