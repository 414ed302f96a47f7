import type { Row } from './lines';
import { unitOfMeasure } from './amounts';
import { isCutoffCell, isNoteCell, isPageNumber, isUnitLabelAlone, isUnitRest, moneyUnitAlone, unitLine, yearCell } from './meta';
import { compact } from './normalize';
import { isBareHeading, isSectionHeading, projectTitle } from './headings';
import { hasTitleWord, isTitleNumber, procurementAcross, singleText, titleBesideUnit, titleOf, wrappedTitleOf, type TableTitle } from './titles';

/** A stretch of rows that belongs to one thing: a table, one performance-target table, or narrative. */
export type Section =
  | { kind: 'table'; title: TableTitle; line: number; rows: Row[] }
  | { kind: 'project'; name: string; line: number; rows: Row[] }
  | { kind: 'text'; rows: Row[] };

/**
 * Cuts the row stream at titles. A table runs until the next title or until a line of running text;
 * the lines a page break repeats (unit, year, money unit, headers, 栏次) stay inside it, and a title
 * repeated on the next page continues the same table instead of opening a new one.
 */
export function segment(rows: readonly Row[]): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  const text = (): Section => {
    if (current?.kind !== 'text') {
      current = { kind: 'text', rows: [] };
      sections.push(current);
    }
    return current;
  };

  // A row's single text and whether it holds a title's word (表, 政府采购) are found once: the row
  // is asked as a title, as the first line of a wrapped title and as its second line (the next row's
  // look is kept for it), and as a project's title.
  let nextKnown = false;
  let nextSingle: string | null = null;
  let nextHint = false;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const single = nextKnown ? nextSingle : singleText(row.cells);
    const hint = nextKnown ? nextHint : single !== null && hasTitleWord(single);
    nextKnown = false;
    let table = hint ? titleOf(single!) : single === null ? titleBesideUnit(row.cells) : null;
    const amid = table ? null : single === null ? titleAmidMeta(row.cells) : hint ? titleBeforeMeta(single) : null;
    if (amid) {
      current = { kind: 'table', title: amid.title, line: row.line, rows: [{ ...row, cells: amid.rest }] };
      sections.push(current);
      continue;
    }
    let titleRows = 1;
    const next = rows[i + 1];
    // A title wrapped over two lines (「…培训费支」 / 「出预算表」), or its number on a line above it. Its
    // lines stand alone on their rows; a row of a grid's width holds one only where its text has a
    // title's word (a centred title the layout put in a middle column: 「| | 政府采购支出」 / 「| | 预算表」,
    // 「| | …功能分类预算」 / 「| | 表」).
    if (!table && single !== null && next) {
      const b = singleText(next.cells);
      const hintB = b !== null && hasTitleWord(b);
      const alone = row.cells.length <= 2 && next.cells.length <= 2;
      const wrapped = b !== null && (alone || hint || hintB) && (hint || hintB || procurementAcross(single, b)) ? wrappedTitleOf(single, b) : null;
      // A title and its furniture in one cell (titleBeforeMeta) that wrapped in a narrow column: a
      // spreadsheet's PDF prints 「部门预算收入总表 100000 某某单位预算年度」 / 「：2019单位：万元」.
      const joined = !wrapped && hint && b !== null && alone ? titleBeforeMeta(single + b) : null;
      if (joined) {
        current = { kind: 'table', title: joined.title, line: row.line, rows: [{ ...next, cells: joined.rest }] };
        sections.push(current);
        i++;
        continue;
      }
      if (wrapped) {
        table = wrapped;
        titleRows = 2;
      } else {
        nextSingle = b;
        nextHint = hintB;
        nextKnown = true;
      }
    }
    if (table) {
      // 「（经济科目）」 on the title's next line, as a web page or a Word file breaks it: the title's.
      const after = rows[i + titleRows];
      const qualifier = after ? qualifierOf(after.cells, table) : null;
      if (qualifier) {
        table = qualifier;
        titleRows++;
        nextKnown = false;
      }
      i += titleRows - 1;
      // The same title again on the next page is a section of its own here: prepareSections joins it
      // to the table it continues unless it names another unit.
      current = { kind: 'table', title: table, line: row.line, rows: [] };
      sections.push(current);
      continue;
    }
    // Every project title holds 表: a row without a title's word is none.
    const project = hint ? projectTitle(row.cells) : null;
    if (project !== null) {
      current = { kind: 'project', name: project, line: row.line, rows: [] };
      sections.push(current);
      continue;
    }
    const cur = current as Section | null;
    if (cur?.kind === 'table') {
      // 「部门：中国共产党江苏省委员会办」 / 「公厅」: a unit name wrapped onto the next line.
      const prev = cur.rows[cur.rows.length - 1];
      // isUnitRest first: it rules out nearly every row, and spares a unitLine test of each cell above.
      const unitRest = prev !== undefined && isUnitRest(row.cells) && prev.cells.some((c) => unitLine(c) !== null);
      if (unitRest || !endsTable(row)) cur.rows.push(row);
      else if (metaHalves(row, next)) {
        // One meta line broken over two (「单位：万」 / 「元」, 「部门名称：」 / 「某某法院」) where a text kept
        // no layout: either half alone is no meta line, the two joined are.
        cur.rows.push({ cells: [row.cells[0] + next!.cells[0]], lines: [...row.lines, ...next!.lines], line: row.line });
        i++;
        nextKnown = false;
      } else text().rows.push(row);
    } else if (cur?.kind === 'project') {
      if (isSectionHeading(row.cells) || isBareHeading(row.cells, next?.cells)) text().rows.push(row);
      else cur.rows.push(row);
    } else {
      text().rows.push(row);
    }
  }
  return withoutBareTitles(sections);
}

/**
 * 「部门：某某办公厅 | 收支预算总表 | 单位：万元」: a title printed on the unit's line (a spreadsheet's PDF
 * sets it large, a few points over that line, so the two are one line). It opens its table, and the
 * rest of the line (unit, year, money unit, the table's number: 「公开05表」) stays the table's first
 * row, as it would be on a line of its own. Any other cell beside a title (an amount, a label, a page
 * number) makes the line no title.
 */
export function titleAmidMeta(cells: readonly string[]): { title: TableTitle; rest: string[] } | null {
  // Asked of every row of several cells (issue 17): a search for 表 rules out a data row's cells,
  // without a regular expression each (hasTitleWord's words: 表, 政府采购).
  let at = -1;
  let filled = 0;
  for (let i = 0; i < cells.length; i++) {
    if (!cells[i]) continue;
    if (++filled > 4) return null;
    if ((cells[i].indexOf('表') < 0 && cells[i].indexOf('政府采购') < 0) || isTitleNumber(cells[i])) continue;
    if (at >= 0) return null;
    at = i;
  }
  if (at < 0 || filled < 2) return null;
  for (let i = 0; i < cells.length; i++) if (i !== at && cells[i] && !isMetaCell(cells[i]) && !isTitleNumber(cells[i])) return null;
  const title = titleOf(cells[at]);
  if (!title) return null;
  const money = cells.find((c, i) => i !== at && c && unitOfMeasure(c) !== null);
  const fenPerUnit = money === undefined ? undefined : unitOfMeasure(money)!;
  const rest = cells.map((c, i) => (i === at ? '' : c));
  return { title: title.fenPerUnit === undefined && fenPerUnit !== undefined ? { ...title, fenPerUnit } : title, rest };
}

const FURNITURE_WORD = /\s\S*(?:单位|部门|年度)/;

/**
 * A title and its page furniture in one cell, a space apart: 「部门预算收入总表 100000 某某单位预算年度：
 * 2019单位：万元」 (a web page's text between two tables as a spreadsheet imports it, or a Word
 * paragraph that sets the unit beside the title with spaces). The title opens its table and the rest,
 * every word of it furniture, stays the table's first row, as titleAmidMeta leaves it.
 */
export function titleBeforeMeta(text: string): { title: TableTitle; rest: string[] } | null {
  // Asked of every line with a title's word that is no title (notes and sentences naming a table):
  // furniture names its unit, year or money unit, and most such lines name none.
  if (!FURNITURE_WORD.test(text)) return null;
  for (const gap of text.matchAll(/\s+/g)) {
    const head = text.slice(0, gap.index).trim();
    const tail = text.slice(gap.index + gap[0].length).trim();
    if (!tail || !hasTitleWord(head)) continue;
    const amid = titleAmidMeta([head, tail]);
    if (amid) return amid;
  }
  return null;
}

/**
 * A title with nothing under it is no table: a table of contents lists the titles one under the
 * other (「一、收支预算总表」「二、收入预算总表」…). Its lines go back to the text around it.
 */
function withoutBareTitles(sections: Section[]): Section[] {
  const out: Section[] = [];
  for (const s of sections) {
    // A page's number under the last title of a page of contents (「— 1 —」) is no row either; a bare
    // 「8」 may be a table's one amount, so only a number printed as a page's (dashes, 第…页). Nor is
    // the table's number beside its title (「表1 | 部门综合预算收支总表」, a contents table's row).
    if (s.kind === 'table' && !s.rows.some((r) => r.cells.some((c) => c !== '' && !isTitleNumber(c)) && !isPrintedPageNumber(r))) {
      const titleRow: Row = { cells: [s.title.title], lines: [s.line], line: s.line };
      const last = out[out.length - 1];
      if (last?.kind === 'text') last.rows.push(titleRow);
      else out.push({ kind: 'text', rows: [titleRow] });
      continue;
    }
    const last = out[out.length - 1];
    if (s.kind === 'text' && last?.kind === 'text') last.rows.push(...s.rows);
    else out.push(s);
  }
  return out;
}

function isPrintedPageNumber(row: Row): boolean {
  const text = singleText(row.cells);
  return text !== null && /\D/.test(text.trim()) && isPageNumber(text);
}

/**
 * Whether two titles are printed the same way (「（续）」 aside), or name the same table the same way
 * but for the number before it (「表十二 2017年政府采购预算表」, on the next page 「2017年政府采购预算
 * 表」): a table going on over a page.
 */
export function sameTitle(a: TableTitle, b: TableTitle): boolean {
  if (titleWithoutContinued(a) === titleWithoutContinued(b)) return true;
  return a.core === b.core && a.year === b.year && a.unit === b.unit && a.classification === b.classification && a.stage === b.stage && a.scope === b.scope;
}

function titleWithoutContinued(t: TableTitle): string {
  return compact(t.title).replace(/[（(]?(?:金额)?单位[：:][万千亿]?元[)）]?$/, '').replace(/[（(]续表?[)）]$/, '');
}

/** Running text after a table: one cell of words that is none of the lines a table page repeats. */
/**
 * A title's bracketed qualifier on a line of its own (「一般公共预算基本支出预算表」 / 「（经济科目）」,
 * 「（按功能分类）」): the title read with it, else null. Any other line after a title opens its table
 * or ends it.
 */
function qualifierOf(cells: readonly string[], title: TableTitle): TableTitle | null {
  if (cells.length > 2) return null;
  const text = singleText(cells);
  if (text === null || !/^[（(][^（()）]{2,12}[)）]$/.test(text.trim())) return null;
  const t = titleOf(`${title.title}${text.trim()}`);
  return t && t.table === title.table ? { ...title, ...t } : null;
}

/**
 * The first half breaks off after its label or inside the money unit, and the two make a meta line. A
 * header's word under a label printed blank (「部门名称：」 / 「项目」) is no unit's name.
 */
function metaHalves(row: Row, next: Row | undefined): boolean {
  if (next?.cells.length !== 1 || !next.cells[0]) return false;
  const a = row.cells[0];
  const b = next.cells[0];
  return /[：:万千亿]\s*$/.test(a) && !/^\s*(?:合计|总计|项目|科目|金额|序号|栏次|收入|支出|单位|编码)/.test(b) && isMetaCell(a + b);
}

function endsTable(row: Row): boolean {
  // A row of several cells is part of a table even when only its label is filled in.
  if (row.cells.length !== 1) return false;
  const cell = singleText(row.cells);
  if (cell === null) return false;
  if (isSectionHeading(row.cells) || isTitleNumber(cell)) return true;
  if (!/[\u4e00-\u9fff]/.test(cell)) return false;
  if (isMetaCell(cell) || isNoteCell(cell)) return false;
  return true;
}

/**
 * What every meta line contains, when it has no whitespace: 单位/部门 (unit line 「单位：…」, money
 * unit), 年度, 截 (cut-off date), 栏次/档次, or three leading digits, bracketed or not (a coded unit
 * line: 「543 信访局」「[543]信访局」). A cell with
 * none of them is no meta line, which spares the five full tests on each data row; a cell with
 * whitespace takes the full tests, since they match its text with whitespace removed.
 */
const META_HINT = /\s|单位|部门|年度|截|栏次|档次|^[[【［]?\d{3}|^[万千亿]?元$/;

export function isMetaCell(cell: string): boolean {
  if (!META_HINT.test(cell) || isAllDigits(cell)) return false;
  return metaTests(cell);
}

/**
 * The five tests behind isMetaCell. A cell of digits only (a code: 「201」「2010101」, which META_HINT
 * lets through) passes none of them: a unit line has a name after its code, and the others need 年,
 * 元, 截 or 栏次/档次.
 */
export function metaTests(cell: string): boolean {
  return (
    unitLine(cell) !== null ||
    yearCell(cell) !== null ||
    unitOfMeasure(cell) !== null ||
    isUnitLabelAlone(cell) ||
    moneyUnitAlone(cell) !== null ||
    isCutoffCell(cell) ||
    /^(?:栏次|档次)$/.test(compact(cell))
  );
}

function isAllDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}
