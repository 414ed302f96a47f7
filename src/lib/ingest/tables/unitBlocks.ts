import type { Row } from '../lines';
import { cellFen, printFen } from '../amounts';
import type { MappedTable } from './prepare';
import type { DataRow } from './rowCodes';
import type { FigureSink } from './sink';

/**
 * A department's table by 科目 printed unit by unit (西安's 部门综合预算: 合计, then 「125001 西安市安全生产
 * 监督管理局」 and its 类, 款 and 项, then the next unit and its own): each 科目 comes once per unit. Read
 * as they stood, every 科目 after the first unit's said 「重复出现且金额不同」 and the first unit's amount was
 * kept as the department's. Beijing prints the same blocks with no unit row at all: its 一般公共预算支出表
 * lists 「2010501 行政运行」 and the other 项 twenty times over, 248 rows under one 合计 (675 warnings, and
 * the first block's 5,193.32 kept where the rows make 19,000.01).
 *
 * Rows of one code are added up, exactly in 分, where that is what the table itself says: the 类 so
 * added make its 合计 in every column it prints. Null where they do not (or it prints no 合计): the rows
 * are read as before, and the unit rows said. Without unit rows nothing says the repeats are parts, so
 * the arithmetic must: the 科目 no other printed one holds, added up, make the 合计 in every column, and
 * as first printed they do not (a row printed twice over a page break is no part, and adding it would
 * break a 合计 the first reading keeps).
 */
export function foldUnitBlocks(t: MappedTable, data: readonly DataRow[], units: readonly Row[], sink: FigureSink): DataRow[] | null {
  const total = data.find((d) => d.code === 'total');
  if (!total || (units.length === 0 && !repeatsCode(data))) return null;
  const sums = new Map<string, CodeSum>();
  let blocks = 1;
  let block = new Set<string>();
  for (const d of data) {
    let entry = sums.get(d.code);
    if (!entry) sums.set(d.code, (entry = { first: d, fen: new Map(), firstFen: new Map(), bad: false }));
    else if (d.code === 'total') return null;
    if (block.has(d.code)) {
      blocks++;
      block = new Set();
    }
    block.add(d.code);
    const isFirst = entry.first === d;
    for (let i = d.first; i < d.row.cells.length; i++) {
      const fen = d.row.cells[i] === '' ? 'blank' : cellFen(d.row.cells[i], t.fenPerUnit);
      if (fen === 'bad') entry.bad = true;
      if (typeof fen !== 'number') continue;
      entry.fen.set(i, (entry.fen.get(i) ?? 0) + fen);
      if (isFirst) entry.firstFen.set(i, fen);
    }
  }
  if ([...sums.values()].some((s) => s.bad) || sums.size === data.length) return null;
  const totals = sums.get('total')!.fen;
  if (units.length) {
    if (!makesTotal([...sums].filter(([code]) => code.length === 3).map(([, s]) => s.fen), totals)) return null;
    sink.warn(`${t.where}按单位分列（${units.length} 个单位，如「${units[0].cells.filter(Boolean).slice(0, 2).join(' ')}」），各单位的同一科目已相加为部门的数`, units[0].line, { table: undefined });
  } else {
    const roots = [...sums].filter(([code]) => code !== 'total' && !heldBy(code, sums)).map(([, s]) => s);
    if (!makesTotal(roots.map((r) => r.fen), totals) || makesTotal(roots.map((r) => r.firstFen), totals)) return null;
    sink.warn(`${t.where}的科目分 ${blocks} 组重复列示（未印各组名称，如各单位），同一科目的 ${data.length - 1} 行已相加为 ${sums.size - 1} 个科目的数：相加后与合计行相符`, t.line, { table: undefined });
  }
  // In code order, the 合计 first: a 科目 a later unit has and the first does not would stand under
  // the first unit's last 类, and the audit read it as that 类's.
  const ordered = [...sums.values()].sort((a, b) => (a.first.code === 'total' ? -1 : b.first.code === 'total' ? 1 : a.first.code < b.first.code ? -1 : a.first.code > b.first.code ? 1 : 0));
  return ordered.map(({ first, fen }) => {
    const cells = first.row.cells.map((c, i) => (i < first.first ? c : fen.has(i) ? printFen(fen.get(i)!, t.fenPerUnit) : ''));
    return { ...first, row: { ...first.row, cells } };
  });
}

interface CodeSum {
  first: DataRow;
  /** Each column's amount over every row of the code, in 分. */
  fen: Map<number, number>;
  /** The first row's own, as a reader keeping the first printed takes it. */
  firstFen: Map<number, number>;
  bad: boolean;
}

function repeatsCode(data: readonly DataRow[]): boolean {
  // 科目 in code order (a 类 before its 款, each a prefix of the next) repeat none: most tables.
  let last = '';
  let ordered = true;
  for (const d of data) {
    if (d.code === 'total') continue;
    if (d.code <= last) ordered = false;
    last = d.code;
  }
  if (ordered) return false;
  const seen = new Set<string>();
  for (const d of data) {
    if (seen.has(d.code)) return true;
    seen.add(d.code);
  }
  return false;
}

/** A 科目 whose 类 or 款 is printed too: part of that one's amount, not beside it. */
function heldBy(code: string, sums: ReadonlyMap<string, unknown>): boolean {
  for (let n = 3; n < code.length; n += 2) if (sums.has(code.slice(0, n))) return true;
  return false;
}

/** The rows' amounts, added in 分, equal the 合计's in every column it prints. */
function makesTotal(rows: readonly ReadonlyMap<number, number>[], totals: ReadonlyMap<number, number>): boolean {
  for (const [i, fen] of totals) {
    if (rows.reduce((sum, r) => sum + (r.get(i) ?? 0), 0) !== fen) return false;
  }
  return true;
}

/** A unit's row among the 科目: its code of six digits or more (a 科目's has three, five or seven), then its name. */
export function isUnitRow(row: Row): boolean {
  const filled = row.cells.filter((c) => c !== '');
  const joined = UNIT_JOINED.exec(filled[0] ?? '');
  if (joined) return true;
  return UNIT_CODE.test(filled[0] ?? '') && UNIT_NAME.test(filled[1] ?? '');
}

const UNIT_CODE = /^\d{6}(?:\d{1,6})?$/;
const UNIT_NAME = /^[\u4e00-\u9fff（）()]{3,}/;
const UNIT_JOINED = /^\d{6,12}\s*[\u4e00-\u9fff（）()]{3,}/;
