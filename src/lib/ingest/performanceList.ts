import type { ImportWarning, PerformanceProject } from '../model/document';
import { parseAmountCell } from './amounts';
import type { Row } from './lines';
import { compact } from './normalize';

/**
 * The 项目支出绩效目标表 that lists its projects one a row, each project's 绩效目标 and 绩效指标 as text
 * beside its amounts (广州: 项目名称（资金使用单位） | 总计 | 财政拨款 | 财政专户拨款 | 其他资金 | 绩效目标 |
 * 绩效指标, a page of 140 printing a few projects each). The whole file was refused as no disclosure.
 *
 * A PDF gives such a row's filled cells only, its text wrapped around the amounts over the lines above
 * and below: which line of text is whose cannot be told from the rows. What the rows do tell is read:
 * each project's name (the cells before its amounts, a name wrapped in its cell joined) and its 总计
 * (the first amount); which source the others are is not (a blank source column leaves no cell), and
 * the goals and indicators are said once, not read. The 合计 row and a 资金使用单位's row (amounts and no
 * text beside them: the unit's subtotal) are no projects. A header whose 绩效指标 has levels under it
 * (一级指标 | 二级指标 …) is a grid's, not this.
 */
export function isListHeader(cells: readonly string[], next: readonly string[]): boolean {
  // A grid's header names its indicators' levels, on this row or the next (performanceGrid.ts).
  if ([...cells, ...next].some((c) => c.includes('一级') || c.includes('级指'))) return false;
  let name = false;
  let goals = false;
  let indicators = false;
  for (const c of cells) {
    const t = compact(c);
    if (t.startsWith('项目名称')) name = true;
    else if (t === '绩效目标' || t === '年度绩效目标') goals = true;
    else if (t === '绩效指标') indicators = true;
  }
  return name && goals && indicators;
}

export function readListProjects(title: string, rows: readonly Row[], fenPerUnit: number, warnings: ImportWarning[]): PerformanceProject[] {
  const out: PerformanceProject[] = [];
  for (const row of rows) {
    const at = row.cells.findIndex((c) => amountOf(c, fenPerUnit) !== null);
    if (at < 1) continue;
    const name = row.cells.slice(0, at).map(compact).join('');
    if (/^(?:合计|总计)[:：]?$/.test(name)) continue;
    const text = row.cells.slice(at + 1).some((c) => c.trim() !== '' && amountOf(c, fenPerUnit) === null);
    if (!text) continue;
    out.push({
      code: '', name, amount: amountOf(row.cells[at], fenPerUnit), fiscalAmount: null, otherAmount: null, goals: '', indicators: [],
      source: { line: row.lines[0] ?? row.line },
    });
  }
  const said = `绩效目标表「${title}」按项目逐行列示，其绩效目标和绩效指标的文字在版面上与相邻项目的交错，未导入：只导入了各项目的名称和总计金额`;
  if (out.length && !warnings.some((w) => w.message === said)) warnings.push({ message: said, source: out[0].source, kind: 'unread_cell' });
  return out;
}

function amountOf(cell: string, fenPerUnit: number): number | null {
  const p = parseAmountCell(cell, fenPerUnit);
  return p.kind === 'value' && /\d/.test(cell) ? p.fen : null;
}
