import { columnKeys, headerKey, isBudgetColumn, readHeaderWords } from './columns';
import { periodGroups, type PeriodColumns } from './periods';
import type { FigureSink } from './sink';
import { dropGhostColumns } from './ghostColumns';
import { alignOffsetHeads, nudgeTotal } from './offsetHeads';
import { spreadRunTogether } from './spreadHeads';
import { foldYearGroups } from './yearGroups';
import { generalAsBasic, readUnplacedHeads, unknownHead, warnUnknownHeads } from './unknownHeads';
import { noteColumns, periodPlaces, rowsClosing } from './columnPlaces';
import { cellFen } from '../amounts';
import { economicColumns } from './economicColumns';
import { carryoverGroup } from './carryoverGroup';
import type { ClassifiedRows } from './classifiedRows';

/** Which key each amount column of a classified table is read under (classified.ts reads the cells). */
export interface ColumnPlan {
  /** The key of the amount in column i of a row whose amounts start at `first`; undefined: no head is its. */
  keyAt(i: number, first: number): string | undefined;
  /** A column read by no key and said once for the table, not cell by cell. */
  skipped(i: number): boolean;
  /** Period columns (a year's, a change's), where the header has them; key null: a column left out. */
  periods: PeriodColumns | null;
  /** A 基本支出表 printed as a matrix of 功能分类 rows by 经济分类 columns (economicColumns.ts). */
  byClass: Map<number, { code: string; name: string }> | null;
  /** A 基本支出表 printed by 功能分类: its 合计 is the rows' 基本支出. */
  basicOnly: boolean;
  /** Amounts run together in cells: none of the table's is read by order (said once). */
  runTogether: boolean;
  /** 备注 columns: words there are a note on the row, not an amount. */
  notes: ReadonlySet<number>;
  /** Whether column i stands under words the reader does not know, said once after the rows (sayUnknown). */
  unknownColumn(i: number): boolean;
  sayUnknown(): void;
}

/**
 * Gives each amount column a key: by the header words over it where they place every filled column
 * (or the rows add up only that way), by period where the header has periods, else in the template's
 * order from the row's name. Headers are mended first (years grouped, heads moved over their amounts,
 * ghost columns dropped, heads run together split).
 */
export function planColumns({ t, data, headers, headerBlocks, unpaired }: ClassifiedRows, sink: FigureSink): ColumnPlan {
  const keyOf = (words: string) => headerKey(t.table, words, t.title.stage);
  foldYearGroups(t, headers, data, sink);
  alignOffsetHeads(headers, headerBlocks, data);
  dropGhostColumns(headers, headerBlocks, data);
  spreadRunTogether(headers, headerBlocks, keyOf);
  let widest = 0;
  for (const { row, first } of data) {
    let last = row.cells.length - 1;
    while (last >= first && row.cells[last] === '') last--;
    widest = Math.max(widest, last - first + 1);
  }
  const words = readHeaderWords(t.table, headers, t.title.stage, headerBlocks);
  const keys = columnKeys(t.table, headers, widest, t.title.stage, words);
  // One amount column with blank ones beside it (a header word that made a column of its own, as
  // 「科目编码 | | 科目名称 | 金额」 does): the filled one is the table's single amount column.
  const filled = new Set<number>();
  for (const { row, first } of data) for (let i = first; i < row.cells.length; i++) if (row.cells[i] !== '') filled.add(i);
  const single = filled.size === 1 && words.found.size <= 1 ? [...filled][0] : -1;
  // One amount head (「机关运行经费支出」, 「金额」) and one amount a row, but not all in one column: a
  // table printing its detail rows' amounts left of their head (a real 机关运行经费 table: 合计 and
  // 302 under the head, 办公费 … a column to the left). Each row's amount is its total.
  // Not where a code comes twice (two 合计): two tables run together where a title was lost (a page
  // turned sideways, through pdftotext), whose rows stand where their own tables put them.
  const lone = single < 0 && filled.size > 1 && [...words.found].every((k) => k === 'total')
    && new Set(data.map((d) => d.code)).size === data.length
    && data.every(({ row, first }) => {
      const cells = row.cells.slice(first).filter((c) => c !== '');
      return cells.length <= 1 && cells.every((c) => typeof cellFen(c, t.fenPerUnit) === 'number');
    });
  // Header words over their columns, when every filled cell has one above it, place the cells
  // (blank columns between them kept); else the keys go in template order after the name.
  const placed = nudgeTotal(words.placed, filled);
  const firstFilled = Math.min(...filled);
  // In template order the keys go from a row's first cell after its name, or from the next where
  // that one is blank in every row (a converter's text puts a blank cell between 「201 一般公共服务支出」
  // and its amounts). Not further: amounts left in the name's cell leave many blank (pdftotext).
  const orderKey = (i: number, first: number) => keys[i - (firstFilled === first + 1 ? firstFilled : first)];
  const leading = placed.get(firstFilled);
  const everyPlaced = single < 0 && placed.size > 1 && [...filled].every((i) => placed.has(i));
  // Merged header cells can stand a column off (the seeds): words over their columns are trusted
  // where the first is 合计 (or a 决算's budget), or where the rows add up only that way (a table
  // printing 合计 last: 基本支出 | 项目支出 | 合计, read in template order, put 合计 under 项目支出).
  const byPosition = everyPlaced && ((leading === 'total' || (leading !== undefined && isBudgetColumn(leading)))
    || rowsClosing(t, data, (i) => placed.get(i)) > rowsClosing(t, data, orderKey));
  // Panels' headers (paired.ts) stand one after another, a part word above each panel's 决算数: no
  // periods over parts.
  const grouped = single < 0 && !lone && !unpaired ? periodGroups(headers, t, [...filled].sort((a, b) => a - b)) : null;
  const periods = single < 0 && !lone ? (grouped ?? carryoverGroup(t, headerBlocks, filled, keyOf) ?? periodPlaces(t, headers, words.found, filled)) : null;
  // Keys in template order where the header words do not place every filled cell. A key whose word
  // stands over an empty column two or more right of the cell is not this cell's: a head the reader
  // could not read (「财政拨款收」) left its cell to the next key named, 上年结转 printed far right.
  // Merged header cells stand a column off either way (the seeds), and the order is right there.
  // Such a cell is reported, not read under a wrong head.
  const notes = noteColumns(headers);
  // Words over their columns, but over some filled ones no word the reader places: those read by
  // their own words or said (unknownHeads.ts), the others by the words over them.
  const unplaced = !byPosition && !periods && single < 0 && !lone && placed.size >= 2 && leading === 'total'
    ? readUnplacedHeads(headers, filled, placed, notes, keyOf)
    : null;
  const byWords = unplaced ? new Map([...placed, ...unplaced.known]) : null;
  if (unplaced) warnUnknownHeads(t, unplaced.unknown, headers[0]?.line ?? t.line, sink);
  const misplaced = byPosition || byWords || periods || single >= 0 || lone ? null : new Map<number, boolean>();
  // Amounts run together in a cell (「174,900.641 01,833.84」, columns printed too close for the page
  // to part them): the text has fewer columns than the table, and keys in template order would go a
  // column or more off, silently. Such a table is said once, its amounts not read by order.
  const runTogether = misplaced !== null && data.some(({ row, first }) => row.cells.some((c, i) => i >= first && isRunTogether(c, t.fenPerUnit)));
  if (runTogether) sink.warn(`${t.where}有几列的金额挤在同一格中（如「${data.flatMap(({ row }) => row.cells).find((c) => isRunTogether(c, t.fenPerUnit))}」），各数无法对应到表头的列，未导入`, t.line, { kind: 'unread_cell' });
  const isMisplaced = (i: number, first: number) => {
    if (runTogether) return true;
    const at = i * 256 + first;
    let m = misplaced!.get(at);
    if (m === undefined) {
      const k = orderKey(i, first);
      m = false;
      for (const [j, pk] of placed) if (pk === k && j - i >= 2 && !filled.has(j)) m = true;
      misplaced!.set(at, m);
    }
    return m;
  };
  // A 基本支出表 printed by 功能分类 (kind.ts reads it as the function table): its 合计 is the rows'
  // 基本支出, unless its own heads name 基本支出 or 项目支出 (a function table titled so by mistake).
  const basicOnly = BY_FUNCTION_OF_BASIC[t.title.table ?? ''] === t.table && !words.found.has('basic') && !words.found.has('project');
  // Such a table printed as a matrix, its columns 经济分类 (economicColumns.ts): the 合计 row gives each
  // class's 基本支出; a function row's cell under a class is said, once for the table.
  const byClass = basicOnly ? economicColumns(headers, filled, placed) : null;
  // A 基本支出表 by fund: its 一般公共预算 column is the table's 合计 (unknownHeads.ts generalAsBasic).
  // In template order the 合计 is the first filled column.
  const byFund = t.table === 'basic_expense' && !periods && single < 0 && !lone && !runTogether
    ? generalAsBasic(t, byPosition ? placed : byWords ?? new Map([[firstFilled, 'total']]), filled, headers, sink)
    : null;
  const unknownColumns = new Map<number, boolean>();
  /** The columns so found, said together after the rows (several in one warning). */
  const unknownSaid = new Map<number, string>();
  return {
    periods, byClass, basicOnly, runTogether, notes,
    keyAt: (i, first) => periods ? periods.key.get(i) ?? undefined
      : single >= 0 ? (i === single ? 'total' : undefined)
      : lone ? 'total'
      : i === byFund?.general ? 'total'
      : byPosition ? placed.get(i)
      : byWords ? byWords.get(i)
      : isMisplaced(i, first) ? undefined : orderKey(i, first),
    skipped: (i) => i === byFund?.total || unplaced?.unknown.has(i) === true,
    unknownColumn: (i) => {
      let said = unknownColumns.get(i);
      if (said === undefined) {
        // A number in a 备注 column is no column's amount: each is said where it stands.
        const head = notes.has(i) ? null : unknownHead(headers, i, keyOf);
        said = head !== null;
        if (head !== null) unknownSaid.set(i, head);
        unknownColumns.set(i, said);
      }
      return said;
    },
    sayUnknown: () => {
      if (unknownSaid.size) warnUnknownHeads(t, new Map([...unknownSaid].sort((a, b) => a[0] - b[0])), headers[0]?.line ?? t.line, sink);
    },
  };
}

/** Two amounts or more in one cell, which reads as none. */
function isRunTogether(cell: string, fenPerUnit: number): boolean {
  return RUN_TOGETHER.test(cell) && cellFen(cell, fenPerUnit) === 'bad';
}
const RUN_TOGETHER = /\d\.\d[\s\S]*\d\.\d/;

/** The function table a 基本支出表 is read as where its rows carry 功能分类 codes (kind.ts). */
const BY_FUNCTION_OF_BASIC: Record<string, string> = { basic_expense: 'general_expense', fiscal_basic_expense: 'fiscal_expense' };
