import { FUNCTION_CLASSES } from '../model/keys';
import { CODE_MAPPINGS } from './codeMapping';
import { economicSources, METRICS } from './metrics';
import type { CompareSource, FigureNeeds } from './source';
import type { Cite } from './types';

/** Old codes are read at any depth: a mapped 项 can land on a 款 row (codeMapping.ts). */
export const MAPPED_CODES = CODE_MAPPINGS.map((m) => m.from);

/**
 * Every single figure the comparisons read by key, [table, row, column]: the metric sources
 * (metrics.ts), the narrative's stated changes (yoy.ts, 据说明推算) and the 收支总表's 类 rows
 * (classes.ts, when a document prints no 支出 table). Only these and the classification columns
 * are fetched: the figure query reads every row of every compared document, so each row it does
 * not return (the other columns of 三公, 收入总表 and the 支出表, the 收支总表's income side, other
 * facts) is work saved at thousands of documents. A figure of a fetched key is never left out, so
 * "the first figure of a key wins" (DocFigures.add) picks the same figure as before.
 */
export const KEYED_FIGURES: readonly (readonly [string, string, string])[] = [...new Set([
  ...METRICS.flatMap((d) => [...d.sources, ...economicSources(d)].map(([t, r, c]) => `${t}|${r}|${c}`)),
  ...METRICS.flatMap((d) => (d.changeFact ? [`facts|${d.changeFact}|amount`] : [])),
  ...Object.keys(FUNCTION_CLASSES).map((code) => `summary|expense.${code}|amount`),
])].map((k) => k.split('|') as [string, string, string]);

/** The classification tables read by code, and only in column `total` (classes.ts). */
export const CLASS_TABLES = ['expense', 'general_expense', 'basic_expense'];

export interface FigureHit extends Cite {
  amount: number;
}

/** The figures of one document that the comparisons read, by table, row and column. */
export class DocFigures {
  // table → row → its figures (one per column; rarely more than three). No key string is built per
  // figure or per lookup: a year's views add ~30,000 figures and look metrics up ~20,000 times.
  private readonly byTable = new Map<string, { rows: Map<string, FigureHit[]>; list: FigureHit[] }>();

  add(f: FigureHit): void {
    let t = this.byTable.get(f.table);
    if (!t) this.byTable.set(f.table, (t = { rows: new Map(), list: [] }));
    const row = t.rows.get(f.rowCode);
    if (!row) t.rows.set(f.rowCode, [f]);
    // The first figure of a key wins: the importer writes a table's rows in print order.
    else if (row.some((x) => x.column === f.column)) return;
    else row.push(f);
    t.list.push(f);
  }

  get(table: string, rowCode: string, column: string): FigureHit | undefined {
    return this.byTable.get(table)?.rows.get(rowCode)?.find((f) => f.column === column);
  }

  /** The figures of a table in one column, in print order. */
  column(table: string, column: string): FigureHit[] {
    return (this.byTable.get(table)?.list ?? []).filter((f) => f.column === column);
  }
}

/**
 * Reads what the comparisons need of the given documents: the figures named in KEYED_FIGURES, and
 * the 功能分类/经济分类 rows (column `total`) down to `maxCodeLength` digits (7 = 项, 5 = 款).
 */
export function loadFigures(src: Pick<CompareSource, 'figures'>, docIds: readonly string[], maxCodeLength = 7): Map<string, DocFigures> {
  return loadClassFigures(src, docIds, { keyed: KEYED_FIGURES, classTables: CLASS_TABLES, maxCodeLength, mappedCodes: MAPPED_CODES });
}

const CODED = /^\d{3}/;

/**
 * loadFiguresFor for views that read the 功能分类 through functionClasses (classes.ts), which reads
 * the 一般公共预算 table's rows only when the 支出总表 has none: those rows are fetched only for such
 * documents. Most documents print both, and the second table is a third of what a year's 横比 or
 * ranking would read. (Execution chooses between the two tables itself and reads both.)
 */
export function loadClassFigures(src: Pick<CompareSource, 'figures'>, docIds: readonly string[], needs: FigureNeeds): Map<string, DocFigures> {
  if (!needs.classTables.includes('expense') || !needs.classTables.includes('general_expense')) return loadFiguresFor(src, docIds, needs);
  const out = loadFiguresFor(src, docIds, { ...needs, classTables: needs.classTables.filter((t) => t !== 'general_expense') });
  const without = docIds.filter((id) => !out.get(id)!.column('expense', 'total').some((f) => CODED.test(f.rowCode)));
  for (const [id, f] of loadFiguresFor(src, without, { ...needs, keyed: [], classTables: ['general_expense'] })) {
    for (const hit of f.column('general_expense', 'total')) out.get(id)!.add(hit);
  }
  return out;
}

/** The same for a view that names its own needs (execution.ts, ranking.ts read other columns or fewer keys). */
export function loadFiguresFor(src: Pick<CompareSource, 'figures'>, docIds: readonly string[], needs: FigureNeeds): Map<string, DocFigures> {
  const out = new Map<string, DocFigures>(docIds.map((id) => [id, new DocFigures()]));
  if (!docIds.length) return out;
  for (const [docId, table, rowCode, rowName, column, amount, line] of src.figures(docIds, needs)) {
    out.get(docId)?.add({ docId, table, rowCode, rowName, column, amount, line });
  }
  return out;
}
