import type { Row } from '../lines';
import { compact } from '../normalize';
import { columnKeys, headerKey, isBudgetColumn, readHeaderWords } from './columns';
import { economicItemByName } from '../../model/classification';
import { withoutUnitRows } from './byUnit';
import { LEFT_COLUMN, leftColumn, periodGroups } from './periods';
import type { MappedTable } from './prepare';
import { readPartTotal, unpairRows } from './paired';
import type { FigureSink } from './sink';
import { classCodeByName } from './labels';
import { SKIP, TOTAL_ROW, codeParts } from './codes';
import { CodeResolver } from './codeResolver';
import { confirmRepairs, isEconomic, placeRelative, type DataRow } from './rowCodes';
import { withWrappedName } from './wrappedName';
import { reportCrowded } from './crowded';
import { dropGhostColumns } from './ghostColumns';
import { alignOffsetHeads, nudgeTotal } from './offsetHeads';
import { spreadRunTogether } from './spreadHeads';
import { foldYearGroups } from './yearGroups';
import { generalAsBasic, readUnplacedHeads, unknownHead, warnUnknownHeads } from './unknownHeads';
import { noteColumns, periodPlaces, rowsClosing } from './columnPlaces';
import { repairMisreadParts } from './misreadRepair';
import { cellFen } from '../amounts';
import { economicColumns } from './economicColumns';
import { foldCrossCodes } from './crossCodes';
import { carryoverGroup } from './carryoverGroup';
import { foldUnitBlocks, isUnitRow } from './unitBlocks';
import type { TableKey } from '../../model/keys';

/**
 * Tables whose rows are classified by a code: 收入总表, 支出总表, the 一般公共预算 / 政府性基金 /
 * 国有资本经营 支出表 (功能分类) and the 基本支出表 (经济分类). Row key = the code's digits joined
 * (「208 05 01」 → 2080501), 合计 → total.
 */

export function readClassified(table: MappedTable, sink: FigureSink): void {
  const unitless = withoutUnits(table, sink);
  const t = foldCrossCodes(unitless, sink) ?? unitless;
  const data: DataRow[] = [];
  const headers: Row[] = [];
  // Each page's header rows apart (their heads are read down a column within one page: columns.ts).
  const headerBlocks: Row[][] = [];
  let lastHeader = -2;
  const header = (row: Row, at: number) => {
    if (at === lastHeader + 1) headerBlocks[headerBlocks.length - 1].push(row);
    else headerBlocks.push([row]);
    lastHeader = at;
    headers.push(row);
  };
  const unlabelled: Row[] = [];
  // A 功能分类 table printing its 科目 by name alone (杭州: 「公共安全支出」 「公安」 「行政运行」, no code): its
  // 类 are read by their names; the rows under them, whose names alone give no code (the same 项 name
  // stands under many 款), are said once, not each (26 warnings in one table).
  const namedOnly: Row[] = [];
  let classesByName = 0;
  const units: Row[] = [];
  let widest = 0;
  const codes = new CodeResolver();
  const rows = unpairRows(t.body);
  for (let at = 0; at < rows.length; at++) {
    let row = rows[at];
    if (readPartTotal(t, row, sink)) continue;
    let read = codeParts(row.cells, t.hasSeq);
    if (read === 'unreadable') {
      const named = withWrappedName(rows, at);
      const again = named ? codeParts(named.row.cells, t.hasSeq) : null;
      if (named && again && again !== 'unreadable') {
        [row, read] = [named.row, again];
        if (named.below) at++;
      }
    }
    if (read && read !== 'unreadable' && read.crowded) {
      reportCrowded(t, read, codes, row.line, sink);
      continue;
    }
    let found: DataRow | null = null;
    if (read && read !== 'unreadable') {
      if (read.parts.every((p) => p === '')) {
        if (TOTAL_ROW.test(compact(read.name))) found = { row, code: 'total', name: '合计', first: read.first };
        else {
          // A 类 printed by name alone (a table by name, or one row whose code was left out); in a table
          // by 经济分类, a 款 by its national name, under the 类 printed above it if any.
          const economic = isEconomic(t);
          const code = classCodeByName(read.name, economic) ?? (economic ? economicItemByName(read.name, classAbove(data)) : undefined);
          if (code) {
            found = { row, code, name: read.name, first: read.first };
            if (code.length === 3) classesByName++;
          }
        }
      } else {
        const resolved = codes.resolve(read.parts);
        if (resolved) found = { row, code: resolved.code, name: read.name, first: read.first, repaired: resolved.repaired };
        // A 款 or 项 printed by its own two digits: placed once the rows around it are read.
        else if (read.parts.length === 1 && /^\d{1,2}$/.test(read.parts[0])) found = { row, code: '', relative: read.parts[0], name: read.name, first: read.first };
        // 「201 | 到 | | 商贸事务」: a 款 read as a word, taken from the 项 under it once they are read.
        else if (isMisreadClause(read.parts)) found = { row, code: '', misread: { class: read.parts[0], printed: read.parts.join(' ').trim() }, name: read.name, first: read.first };
      }
    }
    if (!found) {
      // Header rows carry no numbers past their first cell (栏次 rows aside); a row with amounts but
      // no code must not vanish silently.
      const furniture = SKIP.test(compact(row.cells.find(Boolean) ?? '')) || columnNumbers(row);
      const numbers = row.cells.some((c, i) => i > 0 && c !== '' && /^[\d,.\s-]+$/.test(c) && /\d/.test(c));
      if (isUnitRow(row)) units.push(row);
      else if (read === 'unreadable') {
        if (!furniture) unlabelled.push(row);
      } else if (!furniture && numbers && read && read.parts.every((p) => p === '') && read.name !== '' && !isEconomic(t)) {
        namedOnly.push(row);
      } else if (!furniture && (numbers || row.cells.some((c) => /\d\.\d/.test(c)))) {
        sink.warn(`${t.where}有一行无法识别科目编码：「${row.cells.filter(Boolean).join(' ')}」`, row.line, { kind: 'unread_row' });
      } else header(row, at);
      continue;
    }
    if (found.code === 'total' && !row.cells.slice(found.first).some((c) => /\d/.test(c))) {
      header(row, at);
      continue;
    }
    data.push(found);
  }
  if (namedOnly.length >= 3 && classesByName >= 2) {
    sink.warn(`${t.where}的科目只印名称、未印编码：各类按名称读取，其下 ${namedOnly.length} 行（「${namedOnly[0].cells.find(Boolean)}」等）无法确定编码，未作为数字导入`, namedOnly[0].line, { kind: 'unread_row' });
  } else for (const row of namedOnly) sink.warn(`${t.where}有一行无法识别科目编码：「${row.cells.filter(Boolean).join(' ')}」`, row.line, { kind: 'unread_row' });
  if (data.some((r) => r.misread !== undefined)) repairMisreadParts(t, data, sink);
  if (data.some((r) => r.relative !== undefined)) placeRelative(t, data, sink);
  // A table of one row of amounts and no label (Jiangsu's 支出预算总表: 合计 | 基本支出 | …) prints
  // its total; anywhere else an unlabelled row is reported.
  // Its amounts start at its first filled cell: the keys in template order go from there.
  if (!data.length && unlabelled.length === 1) data.push({ row: unlabelled[0], code: 'total', name: '合计', first: Math.max(0, unlabelled[0].cells.findIndex(Boolean)) });
  else for (const row of unlabelled) sink.warn(`${t.where}有一行无法识别科目编码：「${row.cells.filter(Boolean).join(' ')}」`, row.line, { kind: 'unread_row' });
  confirmRepairs(t, data, sink);
  // Units' blocks of 科目 under the department's 合计, named or not (unitBlocks.ts): added up where the
  // 科目 then make the 合计, else the unit rows are said as any row without a code.
  const byUnit = foldUnitBlocks(t, data, units, sink);
  if (byUnit) data.splice(0, data.length, ...byUnit);
  else for (const row of units) sink.warn(`${t.where}有一行无法识别科目编码：「${row.cells.filter(Boolean).join(' ')}」`, row.line, { kind: 'unread_row' });
  const keyOf = (words: string) => headerKey(t.table, words, t.title.stage);
  foldYearGroups(t, headers, data, sink);
  alignOffsetHeads(headers, headerBlocks, data);
  dropGhostColumns(headers, headerBlocks, data);
  spreadRunTogether(headers, headerBlocks, keyOf);
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
  const grouped = single < 0 && !lone && rows === t.body ? periodGroups(headers, t, [...filled].sort((a, b) => a - b)) : null;
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
  const basicTable = t.title.table as TableKey;
  // A 基本支出表 by fund: its 一般公共预算 column is the table's 合计 (unknownHeads.ts generalAsBasic).
  // In template order the 合计 is the first filled column.
  const byFund = t.table === 'basic_expense' && !periods && single < 0 && !lone && !runTogether
    ? generalAsBasic(t, byPosition ? placed : byWords ?? new Map([[firstFilled, 'total']]), filled, headers, sink)
    : null;
  const unknownColumns = new Map<number, boolean>();
  /** The columns so found, said together after the rows (several in one warning). */
  const unknownSaid = new Map<number, string>();
  const unknownColumn = (i: number): boolean => {
    let said = unknownColumns.get(i);
    if (said === undefined) {
      // A number in a 备注 column is no column's amount: each is said where it stands.
      const head = notes.has(i) ? null : unknownHead(headers, i, keyOf);
      said = head !== null;
      if (head !== null) unknownSaid.set(i, head);
      unknownColumns.set(i, said);
    }
    return said;
  };
  let crossCells = 0;
  const left = new Set<number>();
  for (const { row, code, name, first } of data) {
    for (let i = first; i < row.cells.length; i++) {
      const economic = byClass?.get(i);
      if (economic) {
        if (code === 'total') sink.addCell(basicTable, economic.code, economic.name, 'total', row.cells[i], row.lines[i], t.fenPerUnit, t.where);
        else if (row.cells[i] !== '') crossCells++;
        continue;
      }
      if (periods?.key.get(i) === null) {
        if (row.cells[i] !== '' && !left.has(i)) {
          left.add(i);
          sink.warn(periods.said?.get(i) ?? leftColumn(t, periods.words.get(i)!), periods.lines.get(i), LEFT_COLUMN);
        }
        continue;
      }
      if (i === byFund?.total) continue;
      const key = periods ? periods.key.get(i) : single >= 0 ? (i === single ? 'total' : undefined) : lone ? 'total' : i === byFund?.general ? 'total' : byPosition ? placed.get(i) : byWords ? byWords.get(i) : isMisplaced(i, first) ? undefined : orderKey(i, first);
      if (unplaced?.unknown.has(i)) continue;
      if (!key) {
        if (runTogether) continue;
        // Words in a 备注 column (「含2023年结转10万元」) are a note on the row, not an amount.
        if (row.cells[i] !== '' && !(notes.has(i) && cellFen(row.cells[i], t.fenPerUnit) === 'bad')) {
          // A column under words the reader does not know (Beijing's 「扣除基建项目后预算数」, right of
          // 项目支出总数) is said once, by its words, not on each of its rows.
          if (unknownColumn(i)) continue;
          sink.warn(`${t.where}「${name}」行多出一列无法对应表头的数「${row.cells[i]}」`, row.lines[i], { kind: 'unread_cell', rowCode: code });
        }
        continue;
      }
      sink.addCell(t.table, code, name, basicOnly && key === 'total' ? 'basic' : key, row.cells[i], row.lines[i], t.fenPerUnit, t.where);
      // The matrix's 合计 of 合计 is the 经济分类 table's too.
      if (byClass && code === 'total' && key === 'total') sink.addCell(basicTable, 'total', name, 'total', row.cells[i], row.lines[i], t.fenPerUnit, t.where);
    }
  }
  if (unknownSaid.size) warnUnknownHeads(t, new Map([...unknownSaid].sort((a, b) => a[0] - b[0])), headers[0]?.line ?? t.line, sink);
  if (crossCells) sink.warn(`${t.where}各功能科目按经济分类分列的 ${crossCells} 个金额未作为数字导入，只导入了各行合计和合计行的各经济分类`, t.line, { table: undefined });
}

/** Two amounts or more in one cell, which reads as none. */
function isRunTogether(cell: string, fenPerUnit: number): boolean {
  return RUN_TOGETHER.test(cell) && cellFen(cell, fenPerUnit) === 'bad';
}
const RUN_TOGETHER = /\d\.\d[\s\S]*\d\.\d/;

/** A 栏次 row without its label (its 「**」 marks lost with a text's markdown): 1, 2, 3 … in order. */
function columnNumbers(row: Row): boolean {
  const filled = row.cells.filter((c) => c !== '');
  return filled.length >= 2 && filled.every((c, i) => c === String(i + 1));
}

/** A table printed by unit (byUnit.ts) as its header and 合计 row, the units' rows reported. */
function withoutUnits(t: MappedTable, sink: FigureSink): MappedTable {
  const split = withoutUnitRows(t.body);
  if (!split) return t;
  if (split.units.length) {
    const name = (r: Row) => r.cells.filter((c) => c !== '' && !/\d[.,]\d/.test(c)).join(' ');
    sink.warn(`${t.where}按单位列示，只导入合计行；${split.units.length} 个单位的行（「${name(split.units[0])}」等）未作为科目导入，各单位的数见其单位预算`, split.units[0].line,
      // Not tied to the table: its 合计 row and the checks on it stand whatever the units' rows say.
      { kind: 'unread_row', table: undefined });
  }
  return { ...t, body: split.body };
}

/** A 类's three digits, then a word of one or two characters where the 款's digits stand, no 项. */
function isMisreadClause(parts: readonly string[]): boolean {
  return parts.length >= 2 && /^\d{3}$/.test(parts[0]) && /^[\u4e00-\u9fff]{1,2}$/.test(parts[1]) && parts.slice(2).every((p) => p === '');
}

/** The 类 of the last row read with a code: the class a 款 printed by name alone stands under. */
function classAbove(data: readonly DataRow[]): string | undefined {
  for (let i = data.length - 1; i >= 0; i--) if (/^\d{3}/.test(data[i].code)) return data[i].code.slice(0, 3);
  return undefined;
}

/** The function table a 基本支出表 is read as where its rows carry 功能分类 codes (kind.ts). */
const BY_FUNCTION_OF_BASIC: Record<string, string> = { basic_expense: 'general_expense', fiscal_basic_expense: 'fiscal_expense' };
