import { parseAmountCell } from '../amounts';
import { compact } from '../normalize';
import { expenseLabel, incomeLabel } from './labels';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * 收支总表 and 财政拨款收支总表: two tables side by side, income on the left (label, amount) and
 * expense on the right (label, then one amount, or 合计 and the three fund kinds for the 财政拨款 one).
 * Rows are labels: 「一、一般公共预算拨款收入」 → income.general, 「一般公共服务支出」 → expense.201.
 */

const FISCAL_EXPENSE_COLUMNS = ['total', 'general', 'fund', 'soe'];

export function readSummary(t: MappedTable, sink: FigureSink): void {
  const expenseColumns = t.table === 'fiscal_summary' ? FISCAL_EXPENSE_COLUMNS : summaryExpenseColumns(t);
  // Under 「年初财政拨款结转和结余」 the fiscal summary repeats 一、二、三 for the carried-over funds.
  let underCarryover = false;
  // 决算 summaries print a 行次 column beside each label; its positions come from the header.
  const lineNoAt = new Set<number>();
  for (const row of t.body) {
    row.cells.forEach((c, i) => {
      if (compact(c) === '行次') lineNoAt.add(i);
    });
    if (lineNoAt.size) break;
  }
  for (const row of t.body) {
    const skip = t.hasSeq ? 1 : 0;
    const keep = (_: unknown, i: number) => i >= skip && !lineNoAt.has(i);
    const cells = row.cells.filter(keep);
    const lines = row.lines.filter(keep);
    if (/^(?:栏次|档次)$/.test(compact(row.cells[0] ?? ''))) continue;
    const amounts = [cells[1], ...cells.slice(3)].filter((c) => c !== undefined);
    const values = amounts.map((c) => parseAmountCell(c, t.fenPerUnit));
    if (!values.some((v) => v.kind === 'value')) {
      trackCarryover(cells[0]);
      continue;
    }

    let inKey = incomeLabel(cells[0] ?? '');
    if (inKey === 'income.carryover') underCarryover = true;
    else if (inKey === 'income.grand_total' || inKey === 'income.current_total') underCarryover = false;
    else if (underCarryover && inKey && /^income\.(general|fund|soe)$/.test(inKey)) inKey = inKey.replace('income.', 'income.carryover.');
    addSide(inKey, cells[0], [cells[1]], [lines[1]], ['amount']);

    const exKey = expenseLabel(cells[2] ?? '');
    addSide(exKey, cells[2], cells.slice(3), lines.slice(3), expenseColumns);
  }

  function trackCarryover(label: string | undefined): void {
    const key = incomeLabel(label ?? '');
    if (key === 'income.carryover') underCarryover = true;
    else if (key === 'income.grand_total' || key === 'income.current_total') underCarryover = false;
  }

  function addSide(key: string | null, label: string | undefined, cells: string[], lines: number[], columns: string[]): void {
    // Called only for rows that hold at least one amount, so a cell that is neither blank nor a
    // number here is a misprinted amount and must be reported, not skipped.
    const kinds = cells.map((c) => (c === undefined ? 'blank' : parseAmountCell(c, t.fenPerUnit).kind));
    if (kinds.every((k) => k === 'blank')) return;
    const name = (label ?? '').replace(/\s+/g, ' ').trim();
    if (!key) {
      sink.warn(`${t.where}的行「${name || '（无名称）'}」不是已知的收支项目，其金额未导入`, lines[0]);
      return;
    }
    cells.forEach((c, i) => {
      if (c === undefined) return;
      const column = columns[i];
      if (!column) {
        if (c !== '') sink.warn(`${t.where}「${name}」行多出一列无法对应表头的数「${c}」`, lines[i]);
        return;
      }
      sink.addCell(t.table, key, name, column, c, lines[i], t.fenPerUnit, t.where);
    });
  }
}

/**
 * Shanghai's 单位 财务收支预算总表 splits each expense into 合计 | 基本支出 (人员经费 | 公用经费) |
 * 项目支出. 合计 stays `amount`; the parts get `personnel`, `public` and `project` (README.md).
 */
function summaryExpenseColumns(t: MappedTable): string[] {
  // Three flags instead of a set of every cell's words: this looks at each cell of the table.
  let personnel = false;
  let pub = false;
  let project = false;
  for (const r of t.body) {
    for (const cell of r.cells) {
      if (cell === '') continue;
      const c = compact(cell);
      if (c === '人员经费') personnel = true;
      else if (c === '公用经费') pub = true;
      else if (c === '项目支出') project = true;
    }
  }
  if (!personnel || !pub) return ['amount'];
  return ['amount', 'personnel', 'public', ...(project ? ['project'] : [])];
}
