import { BASIC_PARTS, ECONOMIC_CLASSES } from '../model/classification';
import { THREE_PUBLIC_ROWS, VEHICLE_PARTS, type ThreePublicRow } from '../model/tables/threePublic';
import type { DocFigures, FigureHit } from './figures';
import type { Cell, Cite } from './types';

/** Where a metric may be read: [table, row_code, column], in FORMAT.md keys. */
type Source = readonly [table: string, row: string, column: string];

export interface MetricDef {
  key: string;
  label: string;
  depth: number;
  parent: string | null;
  /**
   * Where to read it, best first. Tables come before the narrative (`facts`) because a table's
   * figure is what its totals are checked against; the first source a document has is used, and
   * the cell cites it, so the user always sees which one it was.
   */
  sources: readonly Source[];
  /** When no source has it: the sum of these metrics' figures (said so in the cell). */
  sumOf?: readonly string[];
  /**
   * When no source has it and no sumOf part either: the sum of the 基本支出 table's 经济分类 类 rows it
   * is made of (said so in the cell). Many provinces print the 基本支出 table by 经济分类 with one
   * amount column (Jiangsu), and say 人员经费 and 公用经费 only in the narrative, if at all.
   */
  ofEconomic?: readonly string[];
  /** facts key of the narrative's stated change against the prior year (据说明推算). */
  changeFact?: string;
  /** A row only some regions print (单位预留机动经费): shown only when a column has it. */
  onlyWherePrinted?: boolean;
}

const m = (key: string, label: string, depth: number, parent: string | null, sources: Source[], extra: Partial<MetricDef> = {}): MetricDef =>
  ({ key, label, depth, parent, sources, ...extra });

/** A 三公 part: its table row, else the narrative's `three_public_<row>` fact. */
const threePublicRow = (row: ThreePublicRow, depth: number, parent: string, extra: Partial<MetricDef> = {}): MetricDef =>
  m(row, THREE_PUBLIC_ROWS[row], depth, parent, [['three_public', row, 'total'], ['facts', `three_public_${row}`, 'amount']], extra);

/** The rows of both views above the classifications, in order; documented in README.md. */
export const METRICS: readonly MetricDef[] = [
  m('income_total', '收入总计', 0, null, [['summary', 'income.grand_total', 'amount'], ['income', 'total', 'total'], ['facts', 'income_total', 'amount']],
    { changeFact: 'change_vs_prior' }),
  m('expense_total', '支出总计', 0, null, [['summary', 'expense.grand_total', 'amount'], ['expense', 'total', 'total'], ['facts', 'expense_total', 'amount']],
    { changeFact: 'change_vs_prior' }),
  // The 收支总表's expense side by purpose (「一、基本支出」 with 「人员经费」「公用经费」 beneath it, summary.ts)
  // stands in for the 支出总表 and the 基本支出表 where those print no such column.
  m('basic', '基本支出', 1, 'expense_total', [['expense', 'total', 'basic'], ['basic_expense', 'total', 'total'], ['summary', 'expense.basic', 'amount'], ['facts', 'basic', 'amount']],
    { changeFact: 'basic_change' }),
  m('personnel', '人员经费', 2, 'basic', [['basic_expense', 'total', 'personnel'], ['summary', 'expense.basic', 'personnel'], ['facts', 'personnel', 'amount']], { ofEconomic: BASIC_PARTS.personnel }),
  m('public', '公用经费', 2, 'basic', [['basic_expense', 'total', 'public'], ['summary', 'expense.basic', 'public'], ['facts', 'public', 'amount']], { ofEconomic: BASIC_PARTS.public }),
  m('project', '项目支出', 1, 'expense_total', [['expense', 'total', 'project'], ['summary', 'expense.project', 'amount'], ['facts', 'project', 'amount']], { changeFact: 'project_change' }),
  // Jiangsu's third purpose beside 基本支出 and 项目支出; absent elsewhere, so its row shows only where printed.
  m('reserve', '单位预留机动经费', 1, 'expense_total', [['expense', 'total', 'reserve'], ['summary', 'expense.reserve', 'amount'], ['fiscal_summary', 'expense.reserve', 'total']],
    { onlyWherePrinted: true }),
  // three_public `total` is the 三公 alone in every region (Jiangsu's 合计 with 会议费 and 培训费 is
  // total_with_meeting_training, never read here).
  m('three_public', '“三公”经费', 0, null, [['three_public', 'total', 'total'], ['three_public', 'subtotal', 'total'], ['facts', 'three_public_total', 'amount']]),
  // The 三公 rows, read from the table or the narrative's parts (model/tables/threePublic.ts).
  threePublicRow('overseas', 1, 'three_public'),
  threePublicRow('vehicle', 1, 'three_public', { sumOf: VEHICLE_PARTS }),
  ...VEHICLE_PARTS.map((p) => threePublicRow(p, 2, 'vehicle')),
  threePublicRow('reception', 1, 'three_public'),
  m('operating_cost', '机关运行经费', 0, null, [['three_public', 'operating_cost', 'total'], ['facts', 'operating_cost', 'amount']]),
];

export const METRIC_BY_KEY = new Map(METRICS.map((d) => [d.key, d]));

export function cite(f: FigureHit): Cite {
  return { docId: f.docId, table: f.table, rowCode: f.rowCode, rowName: f.rowName, column: f.column, line: f.line };
}

function readSources(figs: DocFigures, def: MetricDef): Cell | null {
  for (const [t, r, c] of def.sources) {
    const f = figs.get(t, r, c);
    if (f) return { amount: f.amount, source: cite(f) };
  }
  return null;
}

/** The 基本支出 table's rows a metric is made of (MetricDef.ofEconomic), in column `total`. */
export const economicSources = (def: MetricDef): Source[] => (def.ofEconomic ?? []).map((code) => ['basic_expense', code, 'total']);

/** A metric of one document: the first source it has, else the sum of its parts where defined. */
export function readMetric(figs: DocFigures, def: MetricDef): Cell | null {
  const read = readSources(figs, def);
  if (read) return read;
  if (def.sumOf) {
    const parts = def.sumOf.map((k) => readSources(figs, METRIC_BY_KEY.get(k)!)).filter((p): p is Cell => p !== null);
    if (!parts.length) return null;
    const names = def.sumOf.map((k) => METRIC_BY_KEY.get(k)!.label);
    return {
      amount: parts.reduce((s, p) => s + p.amount, 0),
      derived: { how: `未单独列示，按 ${names.join(' + ')} 合计（未列示的部分按 0 计）`, inputs: parts.map((p) => p.source!) },
    };
  }
  if (def.ofEconomic) {
    const rows = economicSources(def).map(([t, r, c]) => figs.get(t, r, c)).filter((f): f is FigureHit => f !== undefined);
    if (!rows.length) return null;
    const names = def.ofEconomic.map((code) => `${code} ${ECONOMIC_CLASSES[code]}`);
    return {
      amount: rows.reduce((s, f) => s + f.amount, 0),
      derived: { how: `未单独列示，按基本支出经济分类 ${names.join(' + ')} 合计（未列示的按 0 计）`, inputs: rows.map(cite) },
    };
  }
  return null;
}

/** All metrics of one document, by key. */
export function readMetrics(figs: DocFigures): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const def of METRICS) {
    const c = readMetric(figs, def);
    if (c) out.set(def.key, c);
  }
  return out;
}
