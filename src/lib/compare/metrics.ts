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
  /** facts key of the narrative's stated change against the prior year (据说明推算). */
  changeFact?: string;
  /** A row only some regions print (单位预留机动经费): shown only when a column has it. */
  onlyWherePrinted?: boolean;
}

const m = (key: string, label: string, depth: number, parent: string | null, sources: Source[], extra: Partial<MetricDef> = {}): MetricDef =>
  ({ key, label, depth, parent, sources, ...extra });

/** The rows of both views above the classifications, in order; documented in README.md. */
export const METRICS: readonly MetricDef[] = [
  m('income_total', '收入总计', 0, null, [['summary', 'income.grand_total', 'amount'], ['income', 'total', 'total'], ['facts', 'income_total', 'amount']],
    { changeFact: 'change_vs_prior' }),
  m('expense_total', '支出总计', 0, null, [['summary', 'expense.grand_total', 'amount'], ['expense', 'total', 'total'], ['facts', 'expense_total', 'amount']],
    { changeFact: 'change_vs_prior' }),
  m('basic', '基本支出', 1, 'expense_total', [['expense', 'total', 'basic'], ['basic_expense', 'total', 'total'], ['facts', 'basic', 'amount']],
    { changeFact: 'basic_change' }),
  m('personnel', '人员经费', 2, 'basic', [['basic_expense', 'total', 'personnel'], ['facts', 'personnel', 'amount']]),
  m('public', '公用经费', 2, 'basic', [['basic_expense', 'total', 'public'], ['facts', 'public', 'amount']]),
  m('project', '项目支出', 1, 'expense_total', [['expense', 'total', 'project'], ['facts', 'project', 'amount']], { changeFact: 'project_change' }),
  // Jiangsu's third purpose beside 基本支出 and 项目支出; absent elsewhere, so its row shows only where printed.
  m('reserve', '单位预留机动经费', 1, 'expense_total', [['expense', 'total', 'reserve'], ['summary', 'expense.reserve', 'amount'], ['fiscal_summary', 'expense.reserve', 'total']],
    { onlyWherePrinted: true }),
  // three_public `total` is the 三公 alone in every region (Jiangsu's 合计 with 会议费 and 培训费 is
  // total_with_meeting_training, never read here).
  m('three_public', '“三公”经费', 0, null, [['three_public', 'total', 'total'], ['three_public', 'subtotal', 'total'], ['facts', 'three_public_total', 'amount']]),
  m('overseas', '因公出国（境）费', 1, 'three_public', [['three_public', 'overseas', 'total'], ['facts', 'three_public_overseas', 'amount']]),
  m('vehicle', '公务用车购置及运行维护费', 1, 'three_public', [['three_public', 'vehicle', 'total'], ['facts', 'three_public_vehicle', 'amount']],
    { sumOf: ['vehicle_purchase', 'vehicle_operation'] }),
  m('vehicle_purchase', '公务用车购置费', 2, 'vehicle', [['three_public', 'vehicle_purchase', 'total'], ['facts', 'three_public_vehicle_purchase', 'amount']]),
  m('vehicle_operation', '公务用车运行维护费', 2, 'vehicle', [['three_public', 'vehicle_operation', 'total'], ['facts', 'three_public_vehicle_operation', 'amount']]),
  m('reception', '公务接待费', 1, 'three_public', [['three_public', 'reception', 'total'], ['facts', 'three_public_reception', 'amount']]),
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

/** A metric of one document: the first source it has, else the sum of its parts where defined. */
export function readMetric(figs: DocFigures, def: MetricDef): Cell | null {
  const read = readSources(figs, def);
  if (read || !def.sumOf) return read;
  const parts = def.sumOf.map((k) => readSources(figs, METRIC_BY_KEY.get(k)!)).filter((p): p is Cell => p !== null);
  if (!parts.length) return null;
  const names = def.sumOf.map((k) => METRIC_BY_KEY.get(k)!.label);
  return {
    amount: parts.reduce((s, p) => s + p.amount, 0),
    derived: { how: `未单独列示，按 ${names.join(' + ')} 合计（未列示的部分按 0 计）`, inputs: parts.map((p) => p.source!) },
  };
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
