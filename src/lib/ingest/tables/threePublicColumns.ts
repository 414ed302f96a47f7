import { parseAmountCell } from '../amounts';
import type { Row } from '../lines';
import { compact } from '../normalize';
import { isCountLabel, threePublicLabel } from './labels';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';
import { THREE_PUBLIC_ROWS, threePublicKeys, type ThreePublicItem } from '../../model/tables/threePublic';
import { assignOrLostSubtotal, totalIsThreeOnly, type HeaderItem } from './threePublicAssign';
import { CHANGE_WORD, LEFT_COLUMN, leftColumn, periodColumn } from './periods';
import { readThreePublicPhases } from './threePublicPhases';
import { columnNumbers } from './codes';
import { itemsByFund, type Value } from './threePublicFunds';
import { itemsByGroup } from './threePublicGroups';
import { periodBlocks } from './threePublicPeriods';
import { listsUnits, warnUnitRows } from './byUnit';

/**
 * The 三公 table printed across instead of down (Shanghai, Jiangsu): header rows name the items
 * (合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 over 小计 | 购置费 | 运行费 | 机关运行经费; Jiangsu
 * adds a 三公 小计, 会议费 and 培训费), and one row below holds their amounts.
 *
 * Header cells are merged and wrapped, and blank amount cells leave no trace in the layout, so the
 * header gives the items and their order, and the table's own arithmetic places the amounts: of the
 * ways to give the printed amounts to the items in order, the one whose sums close (小计 = 出国 + 用车
 * + 接待; 用车 = 购置 + 运行; 合计 = 小计 + 会议 + 培训) is taken, nearest to the header's columns
 * when several close. Where none closes, the amounts are read by position and a warning says so.
 * Returns false when the table is not printed this way.
 */
export function readThreePublicAcross(t: MappedTable, sink: FigureSink): boolean {
  // Printed across: one header row names two items or more, side by side.
  const labelled = t.body.findIndex((r) => new Set(r.cells.map(threePublicLabel).filter(Boolean)).size >= 2);
  if (labelled < 0) return false;
  const dataAt = t.body.findIndex((r, i) => i > labelled && amountCells(r.cells, t.fenPerUnit) !== null);
  if (dataAt < 0) return true;
  const header = t.body.slice(0, dataAt);
  const items = headerItems(header);
  if (items.length < 2) return false;
  if (readThreePublicPhases(t, sink, dataAt)) return true;
  // Columns of counts (团组数（个）, 保有量（辆）) beside the money: no item's amount.
  const counts = new Set<number>();
  for (const r of header) r.cells.forEach((c, i) => c && isCountLabel(c) && counts.add(i));
  // A table by unit (单位名称 | 合计 | 因公出国 …, 湖州): its 合计 row is the department's; the units'
  // rows (a name such as 「…预算审核中心」 would pass for a period) are said once. Not without a 合计
  // row: 深圳 prints 预算单位 | 年度, the department's own row a year.
  const units: Row[] = [];
  const said = new Set<string>();
  const byUnit = listsUnits(t.body) && t.body.some((r, i) => i >= dataAt && amountCells(r.cells, t.fenPerUnit)?.label === null);
  for (const row of t.body.slice(dataAt)) {
    const read = amountCells(row.cells, t.fenPerUnit);
    if (!read) continue;
    if (byUnit && read.label !== null) {
      units.push(row);
      continue;
    }
    if (read.other) {
      sink.warn(`${t.where}「${read.label}」一行不是可识别的行，其金额未导入`, row.line, { kind: 'unread_row' });
      continue;
    }
    let column = read.label === null ? 'total' : (periodColumn(read.label, t) ?? null);
    // A change only beside last year's row, as in the columns (periods.ts periodColumns).
    if (column === 'change' && !hasPriorRow(t)) column = null;
    if (!column) {
      sink.warn(`${t.where}「${read.label}」一行不是本年度${t.title.stage === 'final' ? '决算' : '预算'}的数，未导入`, row.line, { kind: 'unread_row' });
      continue;
    }
    const printed = row.cells.flatMap((c, col) => (c === '' || col <= read.labelAt || counts.has(col) ? [] : [{ col, text: c, fen: amountOf(c, t.fenPerUnit), line: row.lines[col] }]));
    // A row of the figures printed in period blocks (threePublicPeriods.ts): each block as a row of its period.
    const blocks = read.label === null ? periodBlocks(header, Math.min(...items.map((i) => i.col)), printed, t) : null;
    if (blocks) {
      for (const block of blocks) {
        if (block.key === null) {
          if (block.values.length && !said.has(block.words)) sink.warn(leftColumn(t, block.words), block.values[0].line, LEFT_COLUMN);
          said.add(block.words);
        } else readValues(t, sink, header, items, block.values, block.key, row.line);
      }
      continue;
    }
    readValues(t, sink, header, items, printed, column, row.line);
  }
  warnUnitRows(t, units, sink);
  return true;
}

/** One row's amounts under the header's items, as the figures of `column`. */
function readValues(t: MappedTable, sink: FigureSink, header: readonly Row[], items: readonly HeaderItem[], printed: readonly Value[], column: string, line: number): void {
  const values = itemsByFund(header, items.length, printed, t.fenPerUnit) ?? printed;
  const grouped = itemsByGroup(header, values, t.fenPerUnit);
  if (grouped) {
    const keys = threePublicKeys(grouped.map((g) => g.key));
    for (const { key: item, value } of grouped) {
      for (const key of keys.get(item) ?? []) sink.addCell('three_public', key, THREE_PUBLIC_ROWS[key], column, value.text, value.line, t.fenPerUnit, t.where);
    }
    return;
  }
  const { choice, named } = assignOrLostSubtotal(items, values);
  if (!choice.closes) sink.warn(`${t.where}各项金额与合计、小计对不上，按表头位置读取`, line, { kind: 'sums' });
  const keys = threePublicKeys(named.map((i) => i.key));
  if (choice.closes && totalIsThreeOnly(choice.items, values)) keys.set('total', ['total']);
  choice.items.forEach((item, v) => {
    const value = values[v];
    if (!item) {
      sink.warn(`${t.where}第 ${value.col + 1} 列的数「${value.text}」没有可对应的项目`, value.line, { kind: 'unread_cell' });
      return;
    }
    for (const key of keys.get(item.key) ?? []) sink.addCell('three_public', key, THREE_PUBLIC_ROWS[key], column, value.text, value.line, t.fenPerUnit, t.where);
  });
}

/**
 * A row of amounts, or one whose first filled cell says what its amounts are (「2024年预算数」「本年
 * 预算」「决算数」): the national template prints the 三公 across with a row per year or per phase.
 * `other`: a label over amounts that names no period, said unread by the caller. Null for a row
 * without amounts, and for a 栏次 row (it numbers the columns).
 */
function amountCells(cells: readonly string[], fenPerUnit: number): { label: string | null; labelAt: number; other?: true } | null {
  if (isAmountRow(cells, fenPerUnit)) return columnNumbers(cells) ? null : { label: null, labelAt: -1 };
  const at = cells.findIndex((c) => c !== '');
  const rest = cells.slice(at + 1);
  const label = compact(cells[at] ?? '');
  if (at < 0 || /^(?:栏次|序号|\*+)$/.test(label)) return null;
  // 预算单位 | 年度 (深圳): the unit's name, then the year its amounts are.
  const next = at + 1 + rest.findIndex((c) => c !== '');
  if (!isAmountRow(rest, fenPerUnit)) {
    return next > at && PERIOD.test(cells[next]) && isAmountRow(cells.slice(next + 1), fenPerUnit) ? { label: compact(cells[next]), labelAt: next } : null;
  }
  // 「金额」 or 「合计」 before the amounts names no period: the document's own figures.
  if (/^(?:金额|数额|合计|小计|总计)$/.test(label)) return { label: null, labelAt: at };
  // A period (2024年预算数, 本年, 决算数) or a change from one (增减额, 增长率): read or said by
  // periodColumn. Any other label over amounts is said unread.
  if (PERIOD.test(label) || CHANGE_WORD.test(label)) return { label, labelAt: at };
  return { label, labelAt: at, other: true };
}

const PERIOD = /预算|决算|执行|\d{4}\s*年|本年|上年/;

const TEMPLATE: ThreePublicItem[] = ['total', 'subtotal', 'overseas', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception', 'meeting', 'training', 'operating_cost'];

/** The items the header names, each at the first column that names it, in print order. */
export function headerItems(header: readonly Row[]): HeaderItem[] {
  const width = Math.max(0, ...header.map((r) => r.cells.length));
  const found = new Map<ThreePublicItem, number>();
  const put = (key: ThreePublicItem, col: number) => found.has(key) || found.set(key, col);
  let overseasAt = -1;
  const columns = Array.from({ length: width }, (_, i) => compact(header.map((r) => r.cells[i] ?? '').join('')));
  columns.forEach((text, i) => {
    if (/因公出国/.test(text) && overseasAt < 0) overseasAt = i;
  });
  columns.forEach((raw, col) => {
    let text = raw.replace(/[“"]?三公[”"]?经费(?:预算数|决算数)?/g, '');
    if (/机关运行经费/.test(text)) put('operating_cost', col);
    text = text.replace(/\d{4}年|机关运行经费(?:预算数|决算数)?/g, '');
    // 「“三公”经费财政拨款预算总额」 (Beijing): the 三公's total.
    if (/合计|总计|总额/.test(text)) put('total', col);
    // The 小计 left of 因公出国 is the 三公's; one right of it is 公务用车's.
    if (/小计/.test(text)) put(overseasAt >= 0 && col < overseasAt ? 'subtotal' : 'vehicle', col);
    const group = /公务用车购置(?:及|和)运行(?:维护)?费/.test(text);
    text = text.replace(/公务用车购置(?:及|和)运行(?:维护)?费/g, '').replace(/小计/g, '');
    if (/因公出国/.test(text)) put('overseas', col);
    if (/公务接待/.test(text)) put('reception', col);
    // 「购置经费」「公务用车运行维护」 (西安 2019) name the parts too.
    if (/购置(?:经)?费|购置$/.test(text)) put('vehicle_purchase', col);
    if (/运行(?:维护)?(?:经)?费|运行(?:维护)?$/.test(text)) put('vehicle_operation', col);
    if (/会议费/.test(text)) put('meeting', col);
    if (/培训费/.test(text)) put('training', col);
    // A 公务用车购置及运行费 column of its own (no 小计 under it) is the 公务用车 item.
    if (group && !found.has('vehicle') && !/购置|运行/.test(text)) put('vehicle', col);
  });
  return [...found].map(([key, col]) => ({ key, col })).sort((a, b) => a.col - b.col || TEMPLATE.indexOf(a.key) - TEMPLATE.indexOf(b.key));
}

function amountOf(cell: string, fenPerUnit: number): number | null {
  const p = parseAmountCell(cell, fenPerUnit);
  return p.kind === 'value' ? p.fen : null;
}

export function isAmountRow(cells: readonly string[], fenPerUnit: number): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => parseAmountCell(c, fenPerUnit).kind === 'value');
}

/** Whether a row of the table is last year's (上年预算数, 2024年预算数 in a 2025 预算). */
function hasPriorRow(t: MappedTable): boolean {
  return t.body.some((r) => {
    // The row's label as its amounts have it (深圳: the unit's name, then 2025 年).
    const label = amountCells(r.cells, t.fenPerUnit)?.label ?? '';
    return label !== '' && !CHANGE_WORD.test(label) && periodColumn(label, t) === 'prior_year';
  });
}
