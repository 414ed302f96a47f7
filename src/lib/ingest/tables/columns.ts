import type { Stage, TableKey } from '../../model/keys';
import type { Row } from '../lines';
import { compact } from '../normalize';
import { BASIC_COLUMNS, BUDGET_COLUMNS, EXPENSE_COLUMNS, INCOME_COLUMNS, type ColumnSpec } from './columnSpecs';

export { BASIC_COLUMNS, BUDGET_COLUMNS, EXPENSE_COLUMNS, INCOME_COLUMNS, isBudgetColumn, type ColumnSpec } from './columnSpecs';

/**
 * The national template's full column lists, used when a page's header lost a column name (seed 000
 * prints 「其他收入」 on the second page of 收入总表 only) but its rows still have the cells.
 */
const TEMPLATES: Partial<Record<TableKey, string[]>> = {
  income: ['total', 'current_subtotal', 'fiscal', 'special_account', 'business', 'operating', 'superior', 'subordinate', 'other', 'carryover'],
  expense: ['total', 'basic', 'project', 'operating', 'remit_superior', 'subsidy_subordinate'],
  fiscal_expense: ['total', 'basic', 'project'],
  general_expense: ['total', 'basic', 'project'],
  fund_expense: ['total', 'basic', 'project'],
  soe_expense: ['total', 'basic', 'project'],
  basic_expense: ['total', 'personnel', 'public'],
};

/** A 决算's lists: the budget columns lead (made once; callers only read them). */
const FINAL_COLUMNS = new Map([INCOME_COLUMNS, EXPENSE_COLUMNS, BASIC_COLUMNS].map((l) => [l, [...BUDGET_COLUMNS, ...l]]));

export function columnSpecs(table: TableKey, stage: Stage = 'budget'): readonly ColumnSpec[] {
  const specs = table === 'income' ? INCOME_COLUMNS : table === 'basic_expense' || table === 'fiscal_basic_expense' || table === 'operating_cost' ? BASIC_COLUMNS : EXPENSE_COLUMNS;
  // Only a 决算 prints budget columns beside its figures; a 预算's words are never read as them.
  return stage === 'final' ? FINAL_COLUMNS.get(specs)! : specs;
}

/**
 * Per list, one pattern that matches where any of its specs does: a header cell naming no column
 * (序号, 科目编码, 科目名称…) is ruled out by one test instead of one per spec.
 */
const ANY_SPEC = new Map<readonly ColumnSpec[], RegExp>(
  [INCOME_COLUMNS, EXPENSE_COLUMNS, BASIC_COLUMNS, ...FINAL_COLUMNS.values()].map((l) => [l, new RegExp(l.map((s) => `(?:${s.header.source})`).join('|'))]),
);

/**
 * What the header rows name, read once per table (each cell compacted and tested against the specs
 * once; issue 17: three passes did it three times): `found`, every key any cell names; `placed`,
 * column index → key where header words stand over their columns (a PDF's layout keeps them there,
 * blank columns included), empty when a header names one column twice (its words are not in place).
 */
export interface HeaderWords {
  found: Set<string>;
  placed: Map<number, string>;
}

export function readHeaderWords(table: TableKey, headerRows: readonly Row[], stage: Stage = 'budget', blocks: readonly (readonly Row[])[] = [headerRows]): HeaderWords {
  const specs = columnSpecs(table, stage);
  const found = new Set<string>();
  const placed = new Map<number, string>();
  const used = new Set<string>();
  /** Column → the key of a group's word over it that a head below took the column from. */
  const groups = new Map<number, string>();
  // A table over pages repeats its header row for row: a repeat names no column twice.
  const seen = new Set<string>();
  const pages = blocks.length > 1;
  for (const row of headerRows) {
    if (pages) {
      const printed = row.cells.join('\t');
      if (seen.has(printed)) continue;
      seen.add(printed);
    }
    for (let i = 0; i < row.cells.length; i++) {
      const two = twoHeads(specs, row.cells[i]);
      if (two) {
        // Two heads run together in one cell (a converter's text: 「合计 基本支出」 a space apart): both
        // are named, and the header's places are not to be trusted.
        for (const k of two) found.add(k);
        placed.set(-1, 'conflict');
        continue;
      }
      let keys = namedKeys(specs, row.cells[i]);
      if (!keys.length) continue;
      // A 小计 under 单位资金 (over 小计 | 事业收入 | …) is 单位资金's, not 本年收入's. Only that head:
      // the seeds' merged header cells stand a column off, over another head's 小计.
      if (placed.get(i) === 'unit_funds' && compact(row.cells[i]) === '小计') continue;
      // 「总计 | 合计 | 一般公共预算 …」 on a 收入总表 (西安's 部门综合预算: 合计 heads the 部门预算 group): the
      // second total is the 小计 of the sources under it, not a conflict that leaves every head unplaced.
      if (keys[0] === 'total' && table === 'income' && [...placed].some(([j, k]) => k === 'total' && j < i)) keys = ['current_subtotal', ...keys.slice(1)];
      for (const k of keys) found.add(k);
      const first = keys[0];
      if (used.has(first) && placed.get(i) !== first) placed.set(-1, 'conflict');
      used.add(first);
      const above = placed.get(i);
      if (above !== undefined && above !== first) groups.set(i, above);
      // 「基本支出人员经费」 (长春, 湖州): the group's word is in the head's own cell.
      else if (first in GROUP_OF && GROUP_RUN_IN.exec(compact(row.cells[i]))?.[1] === GROUP_OF[first]) groups.set(i, GROUP_KEY[GROUP_OF[first]]);
      placed.set(i, first);
    }
  }
  // A group's word centred over its heads (「基本支出」 over 小计 | 人员经费 | 公用经费, landing over
  // 人员经费) gave its column to the head below it: the 小计 a column left of it, with no key of its own,
  // is the group's. (A 小计 with a key of its own under a word is a merged header a column off.) On a
  // grid with a blank column between heads (湖州), the 小计 is the nearest worded column left of it.
  for (const [g, key] of groups) {
    if ([...placed.values()].includes(key)) continue;
    let j = g - 1;
    while (j >= 0 && headerRows.every((row) => !row.cells[j])) j--;
    if (j >= 0 && !placed.has(j) && headerRows.some((row) => compact(row.cells[j] ?? '') === '小计')) placed.set(j, key);
  }
  subtotalBesidePart(specs, headerRows, placed, groups, found);
  // A head wrapped in its cell over header rows (「单位预留机动经」 / 「费」), no piece naming a column:
  // the column's pieces read top to bottom are its head, within one page's header (`blocks`: a table
  // over two pages repeats its header, and 「基本支」 / 「出」 twice is no head).
  for (const [i, key] of blocks.flatMap((b) => wrappedHeads(specs, b, placed))) {
    if (placed.get(i) === key) continue;
    found.add(key);
    if (used.has(key)) placed.set(-1, 'conflict');
    used.add(key);
    placed.set(i, key);
  }
  return { found, placed: placed.has(-1) ? new Map() : placed };
}

/**
 * 「一般公共预算拨款」 centred over 小计 | 「其中：专项资金列入部门预算项目」 (西安's 收入总表 and 支出总表): the
 * source's own column is its 小计, and the 其中 beside it, naming no column, is a part of it. The word
 * lands over either: over the 小计, which took the column as the table's 小计 (本年收入); or over the
 * 其中, which would read the part's amounts as the source's.
 */
function subtotalBesidePart(specs: readonly ColumnSpec[], headerRows: readonly Row[], placed: Map<number, string>, groups: ReadonlyMap<number, string>, found: Set<string>): void {
  const width = Math.max(0, ...headerRows.map((r) => r.cells.length));
  const cellsOf = (i: number) => headerRows.map((r) => compact(r.cells[i] ?? ''));
  for (let k = 1; k < width; k++) {
    const part = cellsOf(k).find((c) => c.startsWith('其中'));
    if (!part || namedKeys(specs, part).length) continue;
    let j = k - 1;
    while (j > 0 && headerRows.every((r) => !r.cells[j])) j--;
    if (!cellsOf(j).includes('小计')) continue;
    const over = placed.get(k);
    const source = over !== undefined && !TOTALS.has(over) ? over : groups.get(j);
    if (source === undefined || TOTALS.has(source) || (placed.get(j) !== undefined && !TOTALS.has(placed.get(j)!))) continue;
    const was = placed.get(j);
    placed.set(j, source);
    if (over === source) placed.delete(k);
    if (was !== undefined && ![...placed.values()].includes(was)) found.delete(was);
  }
}

const TOTALS = new Set(['total', 'current_subtotal']);

function wrappedHeads(specs: readonly ColumnSpec[], headerRows: readonly Row[], placed: ReadonlyMap<number, string>): [number, string][] {
  if (headerRows.length < 2) return [];
  const out: [number, string][] = [];
  const width = Math.max(...headerRows.map((r) => r.cells.length));
  for (let i = 0; i < width; i++) {
    if (placed.has(i)) continue;
    // The 栏次 row's number under a head is no piece of it (「财政拨款收」 / 「入」 / 「5」).
    const pieces = headerRows.map((r) => r.cells[i] ?? '').filter((p) => p && !isDigits(compact(p)));
    if (pieces.length < 2 || pieces.some((p) => namedKeys(specs, p).length)) continue;
    const key = namedKeys(specs, pieces.join(''))[0];
    if (key) out.push([i, key]);
  }
  return out;
}

/**
 * The two keys of a header cell that is two heads run together (「合计基本支出」「项目支出经营支出」), or
 * null: a cut where both pieces name a column, of different keys, the second no 合计, and the cell as a
 * whole names none or only the second's (「…经营支出」 names 经营支出 as the end of a longer head).
 */
function twoHeads(specs: readonly ColumnSpec[], cell: string): [string, string] | null {
  const c = compact(cell);
  if (c.length < 4 || c.length > 24 || isDigits(c)) return null;
  const whole = namedKeys(specs, c);
  // A group's word run into its first part's head (namedKeys) is one head.
  if (whole.length && GROUP_RUN_IN.test(c)) return null;
  for (let k = 2; k <= c.length - 2; k++) {
    const a = namedKeys(specs, c.slice(0, k));
    if (!a.length) continue;
    const b = namedKeys(specs, c.slice(k));
    // 「人员经费合计」「一般公共预算拨款小计」: a 合计 or 小计 after a head is that head's total, one column.
    if (b.length && b[0] !== 'total' && c.slice(k) !== '小计' && a[0] !== b[0] && (!whole.length || whole[0] === b[0])) return [a[0], b[0]];
  }
  return null;
}

/** The first key a header cell names in `table`'s columns, or undefined. */
export function headerKey(table: TableKey, cell: string, stage: Stage = 'budget'): string | undefined {
  return namedKeys(columnSpecs(table, stage), cell)[0];
}

/**
 * The keys of the specs a header cell names, in the list's order, remembered by the cell's text per
 * list: the same few dozen header words come back in every table of every document, and each cost a
 * compact and up to twenty patterns. Bounded, so a file of distinct words cannot grow it without end.
 */
function namedKeys(specs: readonly ColumnSpec[], cell: string): readonly string[] {
  let memo = NAMED.get(specs);
  if (!memo) NAMED.set(specs, (memo = new Map()));
  let keys = memo.get(cell);
  if (keys) return keys;
  let c = compact(cell);
  // A group's word run into the first head under it (湖州's 支出总表: 「基本支出人员支出」, 基本支出 over
  // 人员支出 | 公用经费 with no 小计 of its own): the head's, where the rest is one of the group's parts.
  const group = GROUP_RUN_IN.exec(c);
  if (group && specs.some((s) => GROUP_OF[s.key] === group[1] && s.header.test(c.slice(group[0].length)))) c = c.slice(group[0].length);
  // 「一般公共预算拨款小计」 (西安, its 其中 beside it): a head's 小计 is that head's column.
  if (c.length > 2 && c.endsWith('小计') && specs.some((s) => s.header.test(c.slice(0, -2)))) c = c.slice(0, -2);
  // Every spec names a word: blank cells and 栏次 numbers (most of a header's cells) name none.
  if (isDigits(c) || !ANY_SPEC.get(specs)!.test(c)) keys = NONE;
  else {
    const named = specs.filter((s) => s.header.test(c)).map((s) => s.key);
    keys = named.length ? named : NONE;
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(cell, keys);
  return keys;
}

/**
 * A group's word run into the first head under it: 「基本支出人员支出」 (湖州's 支出总表: 基本支出 over 人员支出 |
 * 公用经费, no 小计), 「财政拨款政府性基金预算拨款」 (深圳's 收入总表: 财政拨款 centred over its three
 * budgets). The part's key, the group's word, and the key of the group's 小计.
 */
const GROUP_RUN_IN = /^(基本支出|财政拨款)(?=.)/;
const GROUP_OF: Record<string, string> = { personnel: '基本支出', public: '基本支出', general: '财政拨款', fund: '财政拨款', soe: '财政拨款' };
const GROUP_KEY: Record<string, string> = { 基本支出: 'basic', 财政拨款: 'fiscal' };
const NAMED = new Map<readonly ColumnSpec[], Map<string, readonly string[]>>();
const NONE: readonly string[] = [];
const MEMO_LIMIT = 5_000;

/** Empty, or ASCII digits only. */
function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}

/**
 * Column keys of a classified table from the header cells of all its pages. Header rows are
 * misaligned in the seeds (merged cells shift names by one), so positions are not trusted: the keys
 * named anywhere in the header are taken in template order.
 */
export function columnKeys(table: TableKey, headerRows: readonly Row[], widest: number, stage: Stage = 'budget', words?: HeaderWords): string[] {
  // FORMAT.md: where a table prints a single amount column (金额, 基本支出, 机关运行经费支出), it is total.
  if (widest <= 1) return ['total'];
  const specs = columnSpecs(table, stage);
  const found = (words ?? readHeaderWords(table, headerRows, stage)).found;
  let keys = specs.filter((s) => found.has(s.key)).map((s) => s.key);
  // A group printed over its parts with no 小计 beneath it heads no column of its own: 基本支出 over
  // 人员经费 | 公用经费, 单位资金 over 事业收入 | 经营收入 | 其他收入.
  const group = table === 'income' ? { key: 'unit_funds', parts: ['business', 'operating', 'superior', 'subordinate', 'other'] }
    : table === 'basic_expense' ? null : { key: 'basic', parts: ['personnel', 'public'] };
  if (group && keys.length === widest + 1 && found.has(group.key) && group.parts.filter((k) => found.has(k)).length >= 2) keys = keys.filter((k) => k !== group.key);
  const template = TEMPLATES[table];
  if (template && keys.length < widest && template.length >= widest) return template;
  return keys.length ? keys : (template ?? []);
}
