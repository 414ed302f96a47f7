import { parseAmountCell } from '../amounts';
import type { Row } from '../lines';
import { compact, stripEnumeration } from '../normalize';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';
import { codeParts } from './codes';
import { CodeResolver } from './codeResolver';

/**
 * 政府采购预算表. Its header has two rows; the second names the money columns from 合计 on, aligned
 * with the data cells in every seed. Rows: 合计 → total, each unit's 「…小计」 → subtotal.N, each
 * purchase → item.N (row_name keeps what is bought, from the column its header names 品目 or 物品),
 * each 科目 of a table by 功能分类 → its code, so the audit can add them up (check 16).
 */
const MONEY_COLUMNS: [RegExp, string][] = [
  [/^(?:合计|总计)$/, 'total'],
  [/一般公共预算/, 'general'],
  [/政府性?基金/, 'fund'],
  [/国有资本/, 'soe'],
  [/财政专户/, 'special_account'],
  [/^(?:单位|部门)资金$/, 'unit_funds'],
  [/非财政拨款结转/, 'other_carryover'],
  [/财政拨款结转/, 'fiscal_carryover'],
  // 单位资金's sources, where a layout prints them in its place (重庆: 事业收入 | … | 其他收入).
  [/^事业收入/, 'business'],
  [/经营收入/, 'operating'],
  [/^上级补助/, 'superior'],
  [/^附属单位上缴/, 'subordinate'],
  [/^其他收入/, 'other'],
];

export function readProcurement(t: MappedTable, sink: FigureSink): void {
  if (readByCategory(t, sink)) return;
  let columns: (string | null)[] | null = null;
  // What is bought, named beside the project (采购物品名称, 采购品目): part of an item's name.
  let boughtAt = -1;
  let items = 0;
  let subtotals = 0;
  let firstMoney = 0;
  // Heads over money columns the reader does not know, said once each where an amount stands under one.
  let unknownHeads = new Map<number, string>();
  // A table by 功能分类 (科目编码 | 类 | 款 | 项 | 科目名称 | 合计 …, 烟台): its rows are 科目, keyed by
  // their codes, not purchases (a 类, its 款 and its 项 are one amount three times, not three).
  let coded: CodeResolver | null = null;
  for (const row of t.body) {
    const cells = row.cells.map(compact);
    if (!columns) {
      if (cells.includes('科目编码') || (cells.includes('类') && cells.includes('款'))) coded = new CodeResolver();
      // The money columns open with 合计, or 总计 in some templates.
      const total = cells.findIndex((c) => c === '合计' || c === '总计');
      if (total >= 0 && cells.slice(total + 1).some((c) => /一般公共预算/.test(c))) {
        columns = cells.map((c, i) => (i < total ? null : (MONEY_COLUMNS.find(([re]) => re.test(c))?.[1] ?? null)));
        firstMoney = total;
        unknownHeads = new Map(cells.flatMap((c, i) => (i > total && c !== '' && !columns![i] ? [[i, c] as [number, string]] : [])));
        // Else the national template's third column: its 采购物品名称 stands on the row above, where
        // the merged 政府采购项目来源 over two columns puts it a column off.
        boughtAt = cells.findIndex((c, i) => i > 0 && i < total && /品目|物品/.test(c));
        if (boughtAt < 0 && total > 2) boughtAt = 2;
      }
      continue;
    }
    const values = row.cells.map((c, i) => (columns![i] ? parseAmountCell(c, t.fenPerUnit) : null));
    if (!values.some((v) => v?.kind === 'value')) {
      const misprint = values.findIndex((v, i) => v?.kind === 'bad' && /\d/.test(row.cells[i]));
      if (misprint >= 0) sink.warn(`${t.where}「${row.cells[0]}」的金额「${row.cells[misprint]}」无法读取`, row.lines[misprint], { kind: 'unread_cell' });
      continue;
    }
    let rowCode: string;
    let rowName = row.cells[0];
    let code: [string, string] | null;
    // 「合 | 计」 letter-spaced over the cells before the money (重庆), as well as in one.
    const label = cells.slice(0, firstMoney).join('');
    if (label === '合计' || label === '总计') {
      rowCode = 'total';
      rowName = '合计';
    } else if (/小计$/.test(cells[0])) rowCode = `subtotal.${++subtotals}`;
    else if (coded && (code = subjectCode(row, coded))) [rowCode, rowName] = code;
    else {
      rowCode = `item.${++items}`;
      rowName = [row.cells[0], boughtAt > 0 ? row.cells[boughtAt] : ''].filter(Boolean).join(' / ');
    }
    row.cells.forEach((c, i) => {
      const column = columns![i];
      if (column) sink.addCell('procurement', rowCode, rowName, column, c, row.lines[i], t.fenPerUnit, t.where);
      else if (unknownHeads.has(i) && parseAmountCell(c, t.fenPerUnit).kind === 'value') {
        sink.warn(`${t.where}的列「${unknownHeads.get(i)}」不是可识别的列名，该列的数未导入`, row.lines[i], { kind: 'unread_cell' });
        unknownHeads.delete(i);
      }
    });
  }
  if (!columns && t.body.some((r) => r.cells.some((c) => /\d\.\d/.test(c)))) {
    sink.warn(`${t.where}找不到「合计」等金额列的表头，表中金额未导入`, t.line, { kind: 'unread_table' });
  }
}

/** A row's 科目 code and name, in a table by 功能分类; null for a row printing none. */
function subjectCode(row: Row, codes: CodeResolver): [string, string] | null {
  const read = codeParts(row.cells, false);
  if (!read || read === 'unreadable' || read.parts.every((p) => p === '')) return null;
  const resolved = codes.resolve(read.parts);
  return resolved ? [resolved.code, read.name] : null;
}

const CATEGORIES: [RegExp, string][] = [[/^(?:合计|总计)$/, 'total'], [/^货物/, 'goods'], [/^工程/, 'works'], [/^服务/, 'services']];

/**
 * Jiangsu's 政府采购(支出)预算表: one money column (总计), rows by 采购品目大类 — 合计, 一、货物 A,
 * 二、工程 B, 三、服务 C — each followed by its projects and purchases, whose cells wrap over several
 * lines. The category rows are read (total, goods, works, services); the lines under them are their
 * detail, reported once, not read as figures. Returns false for the national layout (money columns
 * by fund under 合计).
 */
function readByCategory(t: MappedTable, sink: FigureSink): boolean {
  // The header's cells wrap over up to three lines (「采购品目大」 / 「总计」 / 「类」): 品目 or 采购 may
  // stand on a line beside the money head's.
  const names = (r: Row | undefined) => r !== undefined && r.cells.some((c) => /品目|采购/.test(c));
  const headerAt = t.body.findIndex((r, i) => r.cells.some((c) => /^(?:总计|合计|金额)$/.test(compact(c)))
    && (names(r) || names(t.body[i - 1]) || names(t.body[i + 1])));
  if (headerAt < 0 || t.body.slice(0, headerAt + 1).some((r) => r.cells.some((c) => /一般公共预算/.test(c)))) return false;
  if (readCategoryColumns(t, sink, headerAt)) return true;
  let detail = 0;
  for (const row of t.body.slice(headerAt + 1)) {
    const at = row.cells.findLastIndex((c) => c !== '' && parseAmountCell(c, t.fenPerUnit).kind === 'value');
    if (at < 0) continue;
    // The category is in the first column, its letter (A, B, C) sometimes in a column of its own.
    const label = stripEnumeration(compact(row.cells.slice(0, 2).join(''))).replace(/[A-Z]$/, '');
    const key = CATEGORIES.find(([re]) => re.test(label))?.[1];
    if (!key || row.cells[0] === '') {
      detail++;
      continue;
    }
    sink.addCell('procurement', key, label, 'total', row.cells[at], row.lines[at], t.fenPerUnit, t.where);
  }
  // Left by design, as a by-unit table's rows are: not tied to the table, so the audit still judges
  // 合计 = 货物 + 工程 + 服务 (a warning with a table and no row marks the whole table unread).
  if (detail) sink.warn(`${t.where}中类别（货物、工程、服务）以下的 ${detail} 行明细未作为数字导入，只导入了合计和各类别`, t.line, { table: undefined });
  return true;
}

/**
 * The categories as columns (项目 | 采购品目 | 合计 | 货物 | 工程 | 服务), each purchase a row: the 合计
 * row gives the table's total and each category's, as the category rows do in Jiangsu's layout; the
 * purchases are its detail, reported once. Before, the row's last amount (服务) was read as its total.
 * False where fewer than two category heads stand over columns, on the header's row or next to it.
 */
function readCategoryColumns(t: MappedTable, sink: FigureSink, headerAt: number): boolean {
  const columns = new Map<number, string>();
  let lastHead = headerAt;
  for (let r = Math.max(0, headerAt - 1); r <= Math.min(t.body.length - 1, headerAt + 1); r++) {
    // A row with an amount is the first purchase or the 合计, no head.
    if (t.body[r].cells.some((c) => parseAmountCell(c, t.fenPerUnit).kind === 'value')) continue;
    t.body[r].cells.forEach((c, i) => {
      const key = CATEGORIES.find(([re]) => re.test(stripEnumeration(compact(c))))?.[1];
      if (!key || columns.has(i)) return;
      columns.set(i, key);
      if (key !== 'total') lastHead = Math.max(lastHead, r);
    });
  }
  if ([...columns.values()].filter((k) => k !== 'total').length < 2) return false;
  let detail = 0;
  for (const row of t.body.slice(lastHead + 1)) {
    if (!row.cells.some((c) => parseAmountCell(c, t.fenPerUnit).kind === 'value')) continue;
    const label = compact(row.cells.slice(0, 2).join(''));
    if (!/^(?:合计|总计)$/.test(label)) {
      detail++;
      continue;
    }
    for (const [i, key] of columns) if (row.cells[i]) sink.addCell('procurement', key, key === 'total' ? '合计' : CATEGORY_NAMES[key], 'total', row.cells[i], row.lines[i], t.fenPerUnit, t.where);
  }
  if (detail) sink.warn(`${t.where}中各项采购的 ${detail} 行明细未作为数字导入，只导入了合计和各类别`, t.line, { table: undefined });
  return true;
}

const CATEGORY_NAMES: Record<string, string> = { goods: '货物', works: '工程', services: '服务' };
