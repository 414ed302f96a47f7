import type { Row } from '../lines';
import { cellFen, printFen } from '../amounts';
import type { MappedTable } from './prepare';
import type { DataRow } from './rowCodes';
import type { FigureSink } from './sink';

/**
 * A department's table by 科目 printed unit by unit (西安's 部门综合预算: 合计, then 「125001 西安市安全生产
 * 监督管理局」 and its 类, 款 and 项, then the next unit and its own): each 科目 comes once per unit. Read
 * as they stood, every 科目 after the first unit's said 「重复出现且金额不同」 and the first unit's amount was
 * kept as the department's.
 *
 * Rows of one code are added up, exactly in 分, where that is what the table itself says: the 类 so
 * added make its 合计 in every column it prints. Null where they do not (or it prints no 合计): the rows
 * are read as before, and the unit rows said.
 */
export function foldUnitBlocks(t: MappedTable, data: readonly DataRow[], units: readonly Row[], sink: FigureSink): DataRow[] | null {
  const total = data.find((d) => d.code === 'total');
  if (!total || units.length === 0) return null;
  const sums = new Map<string, { first: DataRow; fen: Map<number, number>; bad: boolean }>();
  for (const d of data) {
    let entry = sums.get(d.code);
    if (!entry) sums.set(d.code, (entry = { first: d, fen: new Map(), bad: false }));
    else if (d.code === 'total') return null;
    for (let i = d.first; i < d.row.cells.length; i++) {
      const fen = d.row.cells[i] === '' ? 'blank' : cellFen(d.row.cells[i], t.fenPerUnit);
      if (fen === 'bad') entry.bad = true;
      if (typeof fen === 'number') entry.fen.set(i, (entry.fen.get(i) ?? 0) + fen);
    }
  }
  if ([...sums.values()].some((s) => s.bad) || sums.size === data.length) return null;
  const classes = [...sums].filter(([code]) => code.length === 3).map(([, s]) => s);
  for (const [i, fen] of sums.get('total')!.fen) {
    if (classes.reduce((sum, c) => sum + (c.fen.get(i) ?? 0), 0) !== fen) return null;
  }
  sink.warn(`${t.where}按单位分列（${units.length} 个单位，如「${units[0].cells.filter(Boolean).slice(0, 2).join(' ')}」），各单位的同一科目已相加为部门的数`, units[0].line, { table: undefined });
  return [...sums.values()].map(({ first, fen }) => {
    const cells = first.row.cells.map((c, i) => (i < first.first ? c : fen.has(i) ? printFen(fen.get(i)!, t.fenPerUnit) : ''));
    return { ...first, row: { ...first.row, cells } };
  });
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
