import type { TableKey } from '../../model/keys';
import { ECONOMIC_TABLES as ECONOMIC_TABLE_KEYS } from '../../model/economicTables';
import type { Row } from '../lines';
import { compact } from '../normalize';
import { listsUnits } from './byUnit';
import { BRACKET_OPEN, joinedCode } from './codes';
import type { TableTitle } from '../titles';

/**
 * A table's kind from its title and its content. The title proposes; the rows' codes decide between
 * the function-classified table and its economic counterpart, because titles often leave that to a
 * suffix (「（经济科目）」) or to the rows (「财政拨款支出预算表」 over rows coded 301, 302…). What the content contradicts and no counterpart explains is not mapped at all: a table of
 * the wrong kind under a national key would be compared and audited as something it is not.
 */
export type CodeKind = 'function' | 'economic' | 'none';

const TO_ECONOMIC: Partial<Record<TableKey, TableKey>> = {
  general_expense: 'basic_expense',
  fiscal_expense: 'fiscal_basic_expense',
};
const TO_FUNCTION: Partial<Record<TableKey, TableKey>> = {
  basic_expense: 'general_expense',
  general_economic: 'general_expense',
  fiscal_basic_expense: 'fiscal_expense',
};
/** Tables whose rows, when coded, carry 功能分类 codes (2xx) or 经济分类 codes (3xx, 5xx). */
const FUNCTION_TABLES = new Set<TableKey>(['income', 'expense', 'general_expense', 'fund_expense', 'soe_expense', 'fiscal_expense']);
const ECONOMIC_TABLES = new Set<TableKey>(ECONOMIC_TABLE_KEYS);

export interface KindChoice {
  table: TableKey | null;
  /** Why the title's kind was changed or dropped, for a warning; null when the title stands. */
  note: string | null;
  /** What the body's codes said (codeKind), when they were asked: readers need not ask again. */
  codes?: CodeKind;
}

export function chooseKind(title: TableTitle, body: readonly Row[]): KindChoice {
  const proposed = title.table;
  if (!proposed) return { table: null, note: null };
  // Rows by unit (单位编码 | 单位名称): their codes are no 科目 and say nothing of the kind (byUnit.ts).
  if (FUNCTION_TABLES.has(proposed) && listsUnits(body)) return { table: proposed, note: null, codes: 'none' };
  const codes = codeKind(body);
  // 「财政拨款收入支出决算表」「收入支出决算表」 (no 总) over 功能分类 rows: a table by 科目 (年初结转和结余 |
  // 本年收入 | 本年支出 | 年末结转和结余), not the summary such a name usually is.
  if (codes === 'function' && (proposed === 'fiscal_summary' || proposed === 'summary') && !title.core.includes('总')) {
    return { table: proposed === 'fiscal_summary' ? 'fiscal_expense' : 'expense', note: null, codes };
  }
  // Without codes (a table printed empty), the title's suffix, else the header's 功能/经济 words.
  const evidence: CodeKind = codes !== 'none' ? codes : (title.classification ?? headerKind(body));
  if (evidence === 'economic' && FUNCTION_TABLES.has(proposed)) {
    // A 一般公共预算支出表 by 经济分类 is the 基本支出表 only where neither its title (「一般公共预算支出经济分类
    // 情况表」, no 基本) nor a 项目支出 or 专项业务经费 column says it holds all the spending: Fujian and 西安
    // print both tables.
    const all = proposed === 'general_expense' && (title.classification === 'economic' || printsProject(body));
    const other = all ? 'general_economic' : TO_ECONOMIC[proposed];
    if (other) return { table: other, note: null, codes };
    return { table: null, note: '表中是经济分类科目，与表名所指的功能分类表不符', codes };
  }
  if (evidence === 'function' && ECONOMIC_TABLES.has(proposed)) {
    const other = TO_FUNCTION[proposed];
    if (other) return { table: other, note: null, codes };
    return { table: null, note: '表中是功能分类科目，与表名所指的经济分类表不符', codes };
  }
  return { table: proposed, note: null, codes };
}

/**
 * Which classification the rows' codes belong to: the first three digits of the code cells (a code
 * printed whole 「2080501」, spaced 「208 05 01」 or split over 类/款/项 columns starts with its 类).
 * 功能分类 类 are 201–234, 经济分类 类 301–399 and 501–599. A clear majority decides.
 */
export function codeKind(body: readonly Row[]): CodeKind {
  let fn = 0;
  let ec = 0;
  for (const row of body) {
    const cls = rowClass(row.cells);
    if (cls === '2') fn++;
    else if (cls) ec++;
  }
  if (fn + ec === 0) return 'none';
  if (fn >= 2 * ec) return 'function';
  if (ec >= 2 * fn) return 'economic';
  return 'none';
}

/** 「功能科目编码」「功能分类科目」 or 「经济科目」「部门预算经济分类科目」 in the rows above the data. */
function headerKind(body: readonly Row[]): CodeKind {
  let fn = false;
  let ec = false;
  for (const row of body) {
    if (row.cells.some((c) => /\d\.\d|\d,\d{3}/.test(c))) break;
    const text = row.cells.map(compact).join('|');
    fn ||= /功能(?:分类|科目)/.test(text);
    ec ||= /经济(?:分类|科目)/.test(text);
  }
  // A header naming both (西安's 政府性基金收支表: 支出功能分类 | 预算数 | 部门预算支出经济分类 | 预算数,
  // side by side) tells neither.
  return fn === ec ? 'none' : fn ? 'function' : 'economic';
}

/** A code in brackets in a cell of its own (「[2010101]」), as finance systems export it. */
const BRACKETED_CODE = /^[[【〔]\d+[\]】〕]$/;
const CODE_CELL = /^([235])\d{2}(?:\s?\d{1,2}){0,3}$/;
const CODE_AND_NAME = /^([235])\d{2}(?:\s?\d{1,2}){0,3}\s+[^\d\s]/;

/** The first digit of the row's 类 code, looked for in the cells before its name. */
function rowClass(cells: readonly string[]): string | null {
  for (const raw of cells) {
    const printed = raw.trim();
    if (!printed) continue;
    const c = unjoined(printed);
    // A code and a 序号 both start with a digit: a name or a blank-led label ends the search at once.
    const lead = c.charCodeAt(0);
    if (lead < 48 || lead > 57) return null;
    // A cell of digits only (most code cells: 「201」「2010101」, and 序号) is decided without the
    // patterns: CODE_CELL takes 3 to 9 digits led by 2, 3 or 5; CODE_AND_NAME needs a space.
    const digits = digitCount(c);
    if (digits === c.length) {
      if (digits >= 3 && digits <= 9 && (lead === 50 || lead === 51 || lead === 53)) return c.charAt(0);
      if (digits > 2) return null;
      continue;
    }
    const m = CODE_CELL.exec(c) ?? CODE_AND_NAME.exec(c);
    if (m) return m[1];
    // A 序号 before the code; anything else (a name, an amount) ends the search.
    if (!/^\d{1,2}$/.test(c)) return null;
  }
  return null;
}

/**
 * 「[2010101]行政运行」「2010101行政运行」 as if printed 「2010101 行政运行」, 「[2010101]」 as 「2010101」;
 * any other cell as it is. Most cells (a name, a number of digits only) are passed at their first
 * characters: this is asked of every cell before a row's name.
 */
function unjoined(cell: string): string {
  const lead = cell.charCodeAt(0);
  const digit = lead >= 48 && lead <= 57;
  if (digit ? digitCount(cell) === cell.length : !BRACKET_OPEN.includes(cell.charAt(0))) return cell;
  const joined = joinedCode(cell);
  if (joined) return `${joined[0]} ${joined[1]}`;
  return !digit && BRACKETED_CODE.test(cell) ? cell.slice(1, -1) : cell;
}

/** How many ASCII digits the text starts with. */
function digitCount(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return i;
}

/** A header cell 项目支出 or 专项业务经费(支出): the spending is not the 基本支出 alone. */
function printsProject(body: readonly Row[]): boolean {
  for (const row of body) {
    if (row.cells.some((c) => /\d\.\d/.test(c))) return false;
    if (row.cells.some((c) => PROJECT_HEAD.test(compact(c)))) return true;
  }
  return false;
}

const PROJECT_HEAD = /^(?:项目支出|专项业务经费(?:支出)?)$/;
