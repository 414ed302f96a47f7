import { FUNCTION_CLASSES } from '../model/keys';
import { mappingLabel, type CodeMapping } from './codeMapping';
import type { DocFigures } from './figures';
import { cite } from './metrics';
import type { Cell } from './types';

export interface ClassCells {
  /** Which table the rows were read from; null when the document has none of them. */
  table: string | null;
  cells: Map<string, Cell>;
  names: Map<string, string>;
}

const CODED = /^\d{3}(\d{2}){0,2}$/;

/**
 * 支出 by 功能分类 (类 → 款 → 项) of one document. Read from the 支出总表 (all funds) when the document
 * prints it, else from the 一般公共预算财政拨款支出表, else only the 类 from the 收支总表's expense rows.
 * Old codes are moved to their new code where a mapping applies to this document's year; codes
 * longer than `maxCodeLength` (after mapping) are left out.
 */
export function functionClasses(figs: DocFigures, year: number, mappings: readonly CodeMapping[], maxCodeLength = 7): ClassCells {
  const out: ClassCells = { table: null, cells: new Map(), names: new Map() };
  for (const table of ['expense', 'general_expense']) {
    const rows = figs.column(table, 'total').filter((f) => CODED.test(f.rowCode));
    if (!rows.length) continue;
    out.table = table;
    for (const f of rows) {
      const m = mappings.find((x) => x.from === f.rowCode && year < x.since);
      const code = m ? m.to : f.rowCode;
      if (out.cells.has(code) || code.length > maxCodeLength) continue;
      const cell: Cell = { amount: f.amount, source: cite(f) };
      if (m) cell.mapped = mappingLabel(m);
      out.cells.set(code, cell);
      out.names.set(code, m ? m.name : f.rowName);
    }
    return out;
  }
  for (const code of Object.keys(FUNCTION_CLASSES)) {
    const f = figs.get('summary', `expense.${code}`, 'amount');
    if (!f) continue;
    out.table = 'summary';
    out.cells.set(code, { amount: f.amount, source: cite(f) });
    out.names.set(code, FUNCTION_CLASSES[code]);
  }
  return out;
}

/** 基本支出 by 经济分类 (类 → 款) of one document, from the 一般公共预算财政拨款基本支出表. */
export function economicClasses(figs: DocFigures): ClassCells {
  const out: ClassCells = { table: null, cells: new Map(), names: new Map() };
  for (const f of figs.column('basic_expense', 'total')) {
    if (!/^\d{3}(\d{2})?$/.test(f.rowCode) || out.cells.has(f.rowCode)) continue;
    out.table = 'basic_expense';
    out.cells.set(f.rowCode, { amount: f.amount, source: cite(f) });
    out.names.set(f.rowCode, f.rowName);
  }
  return out;
}
