import type { Row } from '../lines';
import { compact } from '../normalize';
import { economicItemByName } from '../../model/classification';
import { warnUnitRows, withoutUnitRows } from './byUnit';
import type { MappedTable } from './prepare';
import { readPartTotal, unpairRows } from './paired';
import type { FigureSink } from './sink';
import { classCodeByName } from './labels';
import { SKIP, TOTAL_ROW, codeParts, columnNumbers } from './codes';
import { CodeResolver } from './codeResolver';
import { confirmRepairs, isEconomic, placeRelative, type DataRow } from './rowCodes';
import { withWrappedName } from './wrappedName';
import { reportCrowded } from './crowded';
import { repairMisreadParts } from './misreadRepair';
import { foldCrossCodes } from './crossCodes';
import { foldUnitBlocks, isUnitRow } from './unitBlocks';

/** A classified table's rows, read into 科目 before any column is given a key (columnPlan.ts). */
export interface ClassifiedRows {
  /** The table as read: units' rows and cross-coded rows folded away. */
  t: MappedTable;
  /** The rows of amounts, each with its 科目 code (or 'total'). */
  data: DataRow[];
  /** Rows without a code nor amounts: the header, page by page. */
  headers: Row[];
  /** Each page's header rows apart (their heads are read down a column within one page: columns.ts). */
  headerBlocks: Row[][];
  /** Whether the rows came from a paired table's panels (paired.ts unpairRows). */
  unpaired: boolean;
}

/**
 * Reads each row's 科目 code (or its name where the code is left out), reports the rows it cannot
 * place, and folds units' blocks (unitBlocks.ts). The header rows are kept for the columns' keys.
 */
export function readClassifiedRows(table: MappedTable, sink: FigureSink): ClassifiedRows {
  const unitless = withoutUnits(table, sink);
  const t = foldCrossCodes(unitless, sink) ?? unitless;
  const data: DataRow[] = [];
  const headers: Row[] = [];
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
  // The table's own unit named over its 科目 (深圳: 「深圳市交通运输局（本级） | | | 388,763.56」 where others
  // print 合计): the table's 合计, where no 合计 row is printed (else said as any row without a code).
  let ownRow: DataRow | null = null;
  const units: Row[] = [];
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
        // (西安 prints its 类 and 款 in one column and its 项 in the next: 「03 | | 职业教育」.)
        else if (/^\d{1,2}$/.test(read.parts[0]) && read.parts.every((p, k) => k === 0 || p === '')) found = { row, code: '', relative: read.parts[0], name: read.name, first: read.first };
        // 「201 | 到 | | 商贸事务」: a 款 read as a word, taken from the 项 under it once they are read.
        else if (isMisreadClause(read.parts)) found = { row, code: '', misread: { class: read.parts[0], printed: read.parts.join(' ').trim() }, name: read.name, first: read.first };
      }
    }
    if (!found) {
      // Header rows carry no numbers past their first cell (栏次 rows aside); a row with amounts but
      // no code must not vanish silently.
      const furniture = SKIP.test(compact(row.cells.find(Boolean) ?? '')) || columnNumbers(row.cells);
      const numbers = row.cells.some((c, i) => i > 0 && c !== '' && /^[\d,.\s-]+$/.test(c) && /\d/.test(c));
      if (isUnitRow(row)) units.push(row);
      else if (!ownRow && !data.length && read && read !== 'unreadable' && numbers && isOwnUnit(t, read.name)) {
        ownRow = { row, code: 'total', name: '合计', first: read.first };
      } else if (read === 'unreadable') {
        if (!furniture) unlabelled.push(row);
      } else if (!furniture && numbers && read && read.parts.every((p) => p === '') && read.name !== '' && !isEconomic(t)) {
        namedOnly.push(row);
      } else if (!furniture && (numbers || row.cells.some((c) => /\d\.\d/.test(c)))) {
        warnUnread(t, row, sink);
      } else header(row, at);
      continue;
    }
    if (found.code === 'total' && !row.cells.slice(found.first).some((c) => /\d/.test(c))) {
      header(row, at);
      continue;
    }
    data.push(found);
  }
  if (ownRow && !data.some((d) => d.code === 'total')) data.unshift(ownRow);
  else if (ownRow) warnUnread(t, ownRow.row, sink);
  if (namedOnly.length >= 3 && classesByName >= 2) {
    sink.warn(`${t.where}的科目只印名称、未印编码：各类按名称读取，其下 ${namedOnly.length} 行（「${namedOnly[0].cells.find(Boolean)}」等）无法确定编码，未作为数字导入`, namedOnly[0].line, { kind: 'unread_row' });
  } else for (const row of namedOnly) warnUnread(t, row, sink);
  if (data.some((r) => r.misread !== undefined)) repairMisreadParts(t, data, sink);
  if (data.some((r) => r.relative !== undefined)) placeRelative(t, data, sink);
  // A table of one row of amounts and no label (Jiangsu's 支出预算总表: 合计 | 基本支出 | …) prints
  // its total; anywhere else an unlabelled row is reported.
  // Its amounts start at its first filled cell: the keys in template order go from there.
  if (!data.length && unlabelled.length === 1) data.push({ row: unlabelled[0], code: 'total', name: '合计', first: Math.max(0, unlabelled[0].cells.findIndex(Boolean)) });
  else for (const row of unlabelled) warnUnread(t, row, sink);
  confirmRepairs(t, data, sink);
  // Units' blocks of 科目 under the department's 合计, named or not (unitBlocks.ts): added up where the
  // 科目 then make the 合计, else the unit rows are said as any row without a code.
  const byUnit = foldUnitBlocks(t, data, units, sink);
  if (byUnit) data.splice(0, data.length, ...byUnit);
  else for (const row of units) warnUnread(t, row, sink);
  return { t, data, headers, headerBlocks, unpaired: rows !== t.body };
}

function warnUnread(t: MappedTable, row: Row, sink: FigureSink): void {
  sink.warn(`${t.where}有一行无法识别科目编码：「${row.cells.filter(Boolean).join(' ')}」`, row.line, { kind: 'unread_row' });
}

/** A table printed by unit (byUnit.ts) as its header and 合计 row, the units' rows reported. */
function withoutUnits(t: MappedTable, sink: FigureSink): MappedTable {
  const split = withoutUnitRows(t.body, t.unit?.name);
  if (!split) return t;
  warnUnitRows(t, split.units, sink);
  return { ...t, body: split.body };
}

/** Whether a row's name is the table's own unit, as its unit line names it. */
function isOwnUnit(t: MappedTable, name: string): boolean {
  return !!t.unit?.name && name !== '' && compact(name) === compact(t.unit.name);
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
