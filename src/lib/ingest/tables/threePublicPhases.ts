import { parseAmountCell } from '../amounts';
import { compact } from '../normalize';
import { threePublicLabel } from './labels';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';
import { isAmountRow } from './threePublicColumns';
import { THREE_PUBLIC_ROWS, type ThreePublicItem } from '../../model/tables/threePublic';

/**
 * A 决算 三公 table printed across splits each item into 预算数 | 决算数 (or 年初预算数 | 全年预算数 |
 * 决算数). The 决算数 is the figure (FORMAT.md: 决算 figures are the actuals, column `total`); the
 * budget columns go to our keys `initial_budget` (预算数, 年初预算数) and `full_year_budget`
 * (全年预算数, 调整预算数), as in the classified tables (columns.ts). An item's name printed over any
 * column of its group names the whole group. A 预算 reads its 预算数 as `total`. Returns false when
 * the header has no such phases.
 */
export function readThreePublicPhases(t: MappedTable, sink: FigureSink, dataAt: number): boolean {
  const header = t.body.slice(0, dataAt);
  const width = Math.max(...t.body.map((r) => r.cells.length));
  const phase = (i: number) => header.map((r) => compact(r.cells[i] ?? '')).find((c) => PHASE.test(c) || BOTH.test(c)) ?? null;
  const phases = Array.from({ length: width }, (_, i) => phase(i));
  if (!phases.some((p) => p !== null)) return false;
  const keys = Array.from({ length: width }, (_, i) => columnKey(header, i));
  spreadPhases(phases, keys);
  // A group runs from its first budget column to its 决算数 and shares the item printed over any of them.
  for (let i = 0; i < width; i++) {
    if (!phases[i] || phases[i] === '决算数' || BOTH.test(phases[i]!)) continue;
    let end = i;
    while (end + 1 < width && phases[end + 1] && phases[end + 1] !== phases[i] && phases[end] !== '决算数' && !BOTH.test(phases[end + 1]!)) end++;
    const key = keys.slice(i, end + 1).find((k) => k !== null) ?? null;
    for (let j = i; j <= end; j++) keys[j] = keys[j] ?? key;
    i = end;
  }
  const final = t.title.stage === 'final';
  const columnOf = (p: string | null): string | null => {
    if (!p || BOTH.test(p)) return null;
    if (final) return p === '决算数' ? 'total' : /全年|调整/.test(p) ? 'full_year_budget' : 'initial_budget';
    return p === '预算数' ? 'total' : null;
  };
  for (const row of t.body.slice(dataAt)) {
    if (!isAmountRow(row.cells, t.fenPerUnit)) continue;
    const cells: PhaseCell[] = [];
    row.cells.forEach((text, i) => {
      if (text === '') return;
      const key = keys[i];
      if (!key) {
        sink.warn(`${t.where}第 ${i + 1} 列的数「${text}」没有可对应的项目`, row.lines[i], { kind: 'unread_cell' });
        return;
      }
      const both = phases[i] !== null && BOTH.test(phases[i]!);
      cells.push({ i, text, key, column: both ? null : columnOf(phases[i]), fen: fenOf(text, t.fenPerUnit), line: row.lines[i] });
    });
    if (final) placeMerged(cells);
    for (const c of cells) {
      if (c.column) sink.addCell('three_public', c.key, THREE_PUBLIC_ROWS[c.key], c.column, c.text, c.line, t.fenPerUnit, t.where);
      // A 预算's cells under a 决算数 are not its figures; a 决算's cell that no sum places is said.
      else if (final) {
        const why = BOTH.test(phases[c.i] ?? '') ? '印在「预算数」与「决算数」之间，按合计也无法判断属于哪一栏' : '上方没有「预算数」或「决算数」';
        sink.warn(`${t.where}第 ${c.i + 1} 列的数「${c.text}」${why}，未导入`, c.line, { kind: 'unread_cell' });
      }
    }
  }
  return true;
}

/**
 * The other way round: 预算数 | 决算数 over the items (the national template's 决算: 预算数 over 合计,
 * 出国, 用车 小计/购置/运行, 接待, then 决算数 over the same), each phase a merged cell whose word
 * stands over one column of its group (the first in a spreadsheet's text, a middle one in a PDF).
 * A group ends where an item comes again; the one phase word printed over a group names its columns
 * that have none.
 */
function spreadPhases(phases: (string | null)[], keys: readonly (ThreePublicItem | null)[]): void {
  let start = 0;
  const close = (end: number) => {
    const words = new Set(phases.slice(start, end).filter((p): p is string => p !== null));
    if (words.size === 1) {
      const [word] = words;
      for (let j = start; j < end; j++) phases[j] ??= word;
    }
  };
  const seen = new Set<ThreePublicItem>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null) continue;
    if (seen.has(k)) {
      close(i);
      start = i;
      seen.clear();
    }
    seen.add(k);
  }
  close(keys.length);
}

interface PhaseCell {
  i: number;
  text: string;
  key: ThreePublicItem;
  /** `initial_budget`, `full_year_budget` or `total`; null while the column is undecided. */
  column: string | null;
  fen: number;
  line: number;
}

/**
 * A PDF's layout joins an item's 预算数 | 决算数 into one column when only one of them holds a number
 * (a blank cell leaves no trace). Which one it is follows from the table's sums: the 合计's 预算数 and
 * 决算数 are each the sum of their parts (出国 + 用车 + 接待), so of the ways to place the undecided
 * cells, the one where both sums close is taken; none or several: left undecided (reported).
 */
function placeMerged(cells: PhaseCell[]): void {
  const open = cells.filter((c) => c.column === null);
  if (!open.length || open.length > 8) return;
  let found: string[] | null = null;
  let count = 0;
  for (let mask = 0; mask < 1 << open.length; mask++) {
    const choice = open.map((_, k) => (mask & (1 << k) ? 'total' : 'initial_budget'));
    open.forEach((c, k) => (c.column = choice[k]));
    if (sumsClose(cells, 'initial_budget') && sumsClose(cells, 'total')) {
      count++;
      found = choice;
    }
  }
  open.forEach((c, k) => (c.column = count === 1 && found ? found[k] : null));
}

function sumsClose(cells: readonly PhaseCell[], column: string): boolean {
  const of = (key: ThreePublicItem) => cells.find((c) => c.key === key && c.column === column)?.fen;
  const whole = of('total') ?? 0;
  const vehicle = of('vehicle') ?? (of('vehicle_purchase') ?? 0) + (of('vehicle_operation') ?? 0);
  return whole === (of('overseas') ?? 0) + vehicle + (of('reception') ?? 0);
}

function fenOf(text: string, fenPerUnit: number): number {
  const p = parseAmountCell(text, fenPerUnit);
  return p.kind === 'value' ? p.fen : 0;
}

const PHASE = /^(?:(?:年初|全年|调整后?)?预算数|决算数)$/;
/** 预算数 and 决算数 read as one header cell: the layout joined two columns (placeMerged). */
const BOTH = /^预算数决算数$/;

/** The item a column holds: its lowest header word that names one. Under 公务用车, 小计/购置费/运行费 are its parts. */
function columnKey(header: MappedTable['body'], i: number): ThreePublicItem | null {
  for (let r = header.length - 1; r >= 0; r--) {
    const c = compact(header[r].cells[i] ?? '');
    if (!c) continue;
    if (PHASE.test(c)) continue;
    // A word wrapped in a narrow column (「小」 / 「计」, 「公务用车购置」 / 「费」) is read whole.
    const above = r > 0 ? compact(header[r - 1].cells[i] ?? '') : '';
    const k = itemOf(c) ?? (above && !PHASE.test(above) ? itemOf(above + c) : undefined);
    if (k !== undefined) return k;
  }
  return null;
}

/** The item a header word names (null: the 三公 小计, no item of its own); undefined: none. */
function itemOf(c: string): ThreePublicItem | null | undefined {
  if (/^小计$/.test(c)) return 'vehicle';
  if (/^(?:公务用车)?购置费$/.test(c)) return 'vehicle_purchase';
  if (/^(?:公务用车)?运[行维]*护?费$/.test(c)) return 'vehicle_operation';
  const k = threePublicLabel(c.replace(/(?:年初|全年|调整后?)?预算数$|决算数$/, ''));
  return k ? (k === 'subtotal' ? null : k) : undefined;
}
