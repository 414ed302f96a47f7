import { parseAmountCell } from '../amounts';
import type { Row } from '../lines';
import { compact } from '../normalize';
import { isCountLabel, threePublicLabel } from './labels';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';
import { THREE_PUBLIC_PARTS, THREE_PUBLIC_ROWS, threePublicKeys, VEHICLE_PARTS, type ThreePublicItem } from '../../model/tables/threePublic';
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
 * The items of a row's amounts (assign), or, where the sums do not close and a table of 三公, 会议费 and
 * 培训费 names no 三公 小计, with a 小计 after 合计: its head broken past reading (pdftotext prints
 * 「小计」 as 「小」 and 「计」 on two lines, apart). That 小计 is taken only where both its sums, 小计
 * and 合计, close with it. Otherwise, amounts right of every head are kept out of the choice
 * (assignBesideHeads). `named`: the items the choice is among.
 */
function assignOrLostSubtotal(items: readonly HeaderItem[], values: readonly Value[]): { choice: ReturnType<typeof assign>; named: readonly HeaderItem[] } {
  const choice = assign(items, values);
  const has = (k: ThreePublicItem) => items.some((i) => i.key === k);
  if (choice.closes) return { choice, named: items };
  if (!has('total') || has('subtotal') || !(has('meeting') || has('training'))) return { choice: assignBesideHeads(items, values) ?? choice, named: items };
  const at = items.findIndex((i) => i.key === 'total');
  const fuller = [...items.slice(0, at + 1), { key: 'subtotal' as const, col: items[at].col }, ...items.slice(at + 1)];
  const tried = assign(fuller, values);
  const placed = (k: ThreePublicItem) => tried.items.some((i, v) => i?.key === k && values[v].fen !== null);
  return tried.closes && placed('total') && placed('subtotal') ? { choice: tried, named: fuller } : { choice, named: items };
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

interface HeaderItem {
  key: ThreePublicItem;
  col: number;
}

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
    if (/购置费?$|购置费/.test(text)) put('vehicle_purchase', col);
    if (/运行(?:维护)?费/.test(text)) put('vehicle_operation', col);
    if (/会议费/.test(text)) put('meeting', col);
    if (/培训费/.test(text)) put('training', col);
    // A 公务用车购置及运行费 column of its own (no 小计 under it) is the 公务用车 item.
    if (group && !found.has('vehicle') && !/购置|运行/.test(text)) put('vehicle', col);
  });
  return [...found].map(([key, col]) => ({ key, col })).sort((a, b) => a.col - b.col || TEMPLATE.indexOf(a.key) - TEMPLATE.indexOf(b.key));
}


/**
 * The items of the printed amounts, in order: every order-keeping choice is tried (at most 10 items,
 * so a few hundred), those whose sums close are kept, and the one nearest the header's columns wins.
 */
function assign(items: readonly HeaderItem[], values: readonly Value[]): { items: (HeaderItem | null)[]; closes: boolean; distance: number } {
  const n = items.length;
  const m = Math.min(values.length, n);
  let best: { pick: number[]; closes: boolean; distance: number } | null = null;
  const pick: number[] = [];
  const visit = (from: number) => {
    if (pick.length === m) {
      const closes = sumsClose(items, values, pick);
      const distance = pick.reduce((d, item, v) => d + Math.abs(items[item].col - values[v].col), 0);
      if (!best || (closes && !best.closes) || (closes === best.closes && distance < best.distance)) best = { pick: [...pick], closes, distance };
      return;
    }
    for (let i = from; i <= n - (m - pick.length); i++) {
      pick.push(i);
      visit(i + 1);
      pick.pop();
    }
  };
  visit(0);
  const chosen = best as { pick: number[]; closes: boolean; distance: number } | null;
  const out = values.map((_, v) => (chosen && v < chosen.pick.length ? items[chosen.pick[v]] : null));
  return { items: out, closes: chosen?.closes ?? false, distance: chosen?.distance ?? 0 };
}

/**
 * Where no choice closes, an amount right of every head the header gave (OCR's 「四行经费斋预径」 for
 * 机关运行经费, the template's last column) may be what keeps the sums open: the choice that closes
 * without it is taken, and that amount is said, not put under a head it does not belong to. Where
 * none closes even so, the amounts under the heads are read by position and those right of them all
 * are said: an amount under a head that was read and breaks a sum is the document's, for the audit.
 */
function assignBesideHeads(items: readonly HeaderItem[], values: readonly Value[]): ReturnType<typeof assign> | null {
  const lastHead = Math.max(...items.map((i) => i.col));
  const beyond = values.filter((v) => v.col > lastHead);
  if (!beyond.length || values.length < 2) return null;
  const without = (out: readonly Value[]) => {
    const tried = assign(items, values.filter((v) => !out.includes(v)));
    const placed: (HeaderItem | null)[] = [];
    let at = 0;
    for (const v of values) placed.push(out.includes(v) ? null : tried.items[at++]);
    return { items: placed, closes: tried.closes, distance: tried.distance };
  };
  let best: ReturnType<typeof assign> | null = null;
  for (const out of beyond) {
    const tried = without([out]);
    if (tried.closes && (!best || tried.distance < best.distance)) best = tried;
  }
  return best ?? without(beyond);
}

/** Whether every sum the chosen items allow checking closes (blank parts count as 0). */
function sumsClose(items: readonly HeaderItem[], values: readonly Value[], pick: readonly number[]): boolean {
  const at = new Map<ThreePublicItem, number | null>();
  pick.forEach((item, v) => at.set(items[item].key, values[v].fen));
  const has = (k: ThreePublicItem) => items.some((i) => i.key === k);
  // 公务用车 left blank while its parts are printed (or the amount taken for a part) is their sum: a
  // 运行费 that is no part of the 合计 is no 运行费.
  const val = (k: ThreePublicItem): number => (k === 'vehicle' && !at.has('vehicle') ? VEHICLE_PARTS.reduce((s, p) => s + val(p), 0) : (at.get(k) ?? 0));
  const checks: [ThreePublicItem, readonly ThreePublicItem[]][] = [['vehicle', VEHICLE_PARTS]];
  const parts = THREE_PUBLIC_PARTS;
  if (has('subtotal')) {
    checks.push(['subtotal', parts], ['total', ['subtotal', 'meeting', 'training']]);
  } else if (at.get('total') != null && (at.has('meeting') || at.has('training')) && val('total') === parts.reduce((s, k) => s + val(k), 0)) {
    // A 合计 beside 会议费 and 培训费 with no 三公 小计 may be the 三公's alone (totalIsThreeOnly).
  } else {
    checks.push(['total', [...parts, 'meeting', 'training']]);
  }
  // Amounts printed make the 合计 one (blank cells are zeros): a choice that gives the header's 合计
  // none closes no sum (0.95 | 0.95 | 229.43 read as 公务用车 | 运行费 | 接待 with 合计 left out). A
  // lone amount (a 「0」 wrapped onto a line of its own) is placed by its column.
  if (pick.length > 1 && has('total') && !at.has('total')) return false;
  for (const [whole, of] of checks) {
    if (!at.has(whole) || at.get(whole) === null) continue;
    if (!of.some(has)) continue;
    // 公务用车 printed alone, without its parts, is no sum to check.
    if (whole === 'vehicle' && !of.some((k) => at.has(k))) continue;
    if (of.some((k) => at.has(k) && at.get(k) === null)) return false;
    if (val(whole) !== of.reduce((s, k) => s + val(k), 0)) return false;
  }
  return true;
}

/**
 * Whether the 合计 of a table that prints 会议费 and 培训费 beside the 三公 but no 三公 小计 is the 三公
 * alone. Templates differ: Jiangsu's 合计 takes 会议费 and 培训费 in, other 决算 templates
 * (「“三公”经费及会议费、培训费支出决算表」) total the 三公 only. The header can't tell them apart;
 * the amounts do: a 合计 equal to 出国 + 用车 + 接待 while 会议费 and 培训费 are not both 0 is the 三公's.
 */
function totalIsThreeOnly(chosen: readonly (HeaderItem | null)[], values: readonly Value[]): boolean {
  const at = new Map<ThreePublicItem, number | null>();
  chosen.forEach((item, v) => item && at.set(item.key, values[v].fen));
  if (at.has('subtotal') || at.get('total') == null) return false;
  const extra = (at.get('meeting') ?? 0) + (at.get('training') ?? 0);
  if (extra === 0) return false;
  return at.get('total') === THREE_PUBLIC_PARTS.reduce((s, k) => s + (at.get(k) ?? 0), 0);
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
