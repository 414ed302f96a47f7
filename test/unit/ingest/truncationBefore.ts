// truncation.ts's check of the classified tables as it was at 044eed3 (a Map per row for every column):
// the reference truncationFast.test.ts holds the new one to. Only that check changed, and the test's
// documents hold only classified tables, so the other checks of the module are not copied here.
import { formatWan, type Fen } from '../../../src/lib/model/amount';
import type { Figure, ImportWarning, ParsedDocument } from '../../../src/lib/model/document';
import { TABLE_NAMES, type TableKey } from '../../../src/lib/model/keys';

/** Tables of coded rows (类 3 digits, 款 5, 项 7) under a 合计 row `total`. */
const CLASSIFIED: readonly TableKey[] = ['income', 'expense', 'general_expense', 'fund_expense', 'soe_expense', 'basic_expense'];
/** 0.01 万元 per addend: printed figures are rounded, so sums may fall short by that much. */
const ROUNDING: Fen = 10_000;

const CUT = '表中的行可能没有读全（文件可能被截断、缺页或损坏）';

export function truncationWarningsBefore(doc: ParsedDocument): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const byTable = new Map<TableKey, Figure[]>();
  for (const f of doc.figures) {
    const list = byTable.get(f.table);
    if (list) list.push(f);
    else byTable.set(f.table, [f]);
  }
  for (const table of CLASSIFIED) {
    const figures = byTable.get(table);
    if (figures) warnings.push(...classified(table, figures));
  }
  return warnings;
}

type Cells = Map<string, Map<string, Fen>>;

function cellsOf(figures: readonly Figure[]): Cells {
  const cells: Cells = new Map();
  for (const f of figures) {
    let row = cells.get(f.rowCode);
    if (!row) cells.set(f.rowCode, (row = new Map()));
    row.set(f.column, f.amount);
  }
  return cells;
}

const isCode = (code: string) => /^\d{3}(\d{2}){0,2}$/.test(code);

function classified(table: TableKey, figures: readonly Figure[]): ImportWarning[] {
  const cells = cellsOf(figures);
  // Print order: the first line each coded row was read from.
  const coded = [...new Set(figures.filter((f) => isCode(f.rowCode)).map((f) => f.rowCode))];
  if (!coded.length) return [];
  // Each code's children in print order, indexed once (a filter of all codes per code was quadratic).
  const childrenOf = new Map<string, string[]>();
  for (const c of coded) {
    const parent = c.slice(0, -2);
    const list = childrenOf.get(parent);
    if (list) list.push(c);
    else childrenOf.set(parent, [c]);
  }
  const name = TABLE_NAMES[table];
  const line = figures.find((f) => f.rowCode === 'total')?.source.line ?? figures[0].source.line;
  const total = cells.get('total');
  // Without a 合计 row there is nothing to add up to; a table of several coded rows always prints one.
  if (!total) {
    if (coded.length < 2) return [];
    const last = figures[figures.length - 1];
    return [{ message: `「${name}」有分类行但没有读到合计行，${CUT}`, source: { line: last.source.line } }];
  }
  // A blank cell with printed parts counts as the sum of its parts (blank is not zero).
  const value = (code: string, column: string): Fen | null => {
    const own = cells.get(code)?.get(column);
    if (own !== undefined) return own;
    const parts = (childrenOf.get(code) ?? []).map((c) => value(c, column)).filter((v): v is Fen => v !== null);
    return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  };
  // One column is judged, the table's own 合计 column: a misprinted cell in another column is a
  // defect of the publication (the audit's business), while lost rows are missing from all columns.
  const column = total.has('total') ? 'total' : [...total.keys()][0];
  const amount = total.get(column)!;
  const out: ImportWarning[] = [];
  const classes = coded.filter((c) => c.length === 3);
  const sum = sumOf(classes.map((c) => value(c, column)));
  if (sum !== null && sum < amount - ROUNDING * (classes.length + 1)) {
    out.push({ message: `「${name}」各类之和 ${formatWan(sum)} 小于合计 ${formatWan(amount)}，${CUT}`, source: { line } });
    return out;
  }
  // The rows stop inside their last group: its last 类 (or 款) comes to more than the rows under it,
  // or, where every other 类 has 款 under it, the last one has none.
  for (const level of [3, 5]) {
    const atLevel = coded.filter((c) => c.length === level);
    const last = atLevel.at(-1);
    const own = last === undefined ? undefined : cells.get(last)?.get(column);
    if (last === undefined || own === undefined) continue;
    const under = childrenOf.get(last) ?? [];
    if (!under.length) {
      if (level === 3 && atLevel.length > 1 && atLevel.slice(0, -1).every((c) => childrenOf.has(c))) {
        out.push({ message: `「${name}」最后一类 ${last} 下面没有读到任何款，${CUT}`, source: { line: lineOf(figures, last) } });
      }
      continue;
    }
    const below = sumOf(under.map((c) => value(c, column)));
    if (below !== null && below < own - ROUNDING * (under.length + 1)) {
      out.push({ message: `「${name}」最后的 ${last} 下各行之和 ${formatWan(below)} 小于 ${formatWan(own)}，${CUT}`, source: { line: lineOf(figures, last) } });
      return out;
    }
  }
  return out;
}

/** The sum, or null when a part is blank (a blank cell beside printed ones can't be judged). */
function sumOf(parts: readonly (Fen | null)[]): Fen | null {
  if (!parts.length || parts.some((p) => p === null)) return null;
  return (parts as Fen[]).reduce((a, b) => a + b, 0);
}

function lineOf(figures: readonly Figure[], code: string): number {
  return figures.find((f) => f.rowCode === code)?.source.line ?? figures[0].source.line;
}
