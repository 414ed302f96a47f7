import { parseAmountCell } from '../amounts';
import { compact } from '../normalize';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * 政府采购预算表. Its header has two rows; the second names the money columns from 合计 on, aligned
 * with the data cells in every seed. Rows: 合计 → total, each unit's 「…小计」 → subtotal.N, each
 * purchase → item.N (row_name keeps what is bought), so the audit can add them up.
 */
const MONEY_COLUMNS: [RegExp, string][] = [
  [/^合计$/, 'total'],
  [/一般公共预算/, 'general'],
  [/政府性?基金/, 'fund'],
  [/国有资本/, 'soe'],
  [/财政专户/, 'special_account'],
  [/^(?:单位|部门)资金$/, 'unit_funds'],
  [/非财政拨款结转/, 'other_carryover'],
  [/财政拨款结转/, 'fiscal_carryover'],
];

export function readProcurement(t: MappedTable, sink: FigureSink): void {
  let columns: (string | null)[] | null = null;
  let items = 0;
  let subtotals = 0;
  for (const row of t.body) {
    const cells = row.cells.map(compact);
    if (!columns) {
      const total = cells.indexOf('合计');
      if (total >= 0 && cells.slice(total + 1).some((c) => /一般公共预算/.test(c))) {
        columns = cells.map((c, i) => (i < total ? null : (MONEY_COLUMNS.find(([re]) => re.test(c))?.[1] ?? null)));
      }
      continue;
    }
    const values = row.cells.map((c, i) => (columns![i] ? parseAmountCell(c, t.fenPerUnit) : null));
    if (!values.some((v) => v?.kind === 'value')) {
      const misprint = values.findIndex((v, i) => v?.kind === 'bad' && /\d/.test(row.cells[i]));
      if (misprint >= 0) sink.warn(`${t.where}「${row.cells[0]}」的金额「${row.cells[misprint]}」无法读取`, row.lines[misprint]);
      continue;
    }
    let rowCode: string;
    let rowName = row.cells[0];
    if (cells[0] === '合计' || cells[0] === '总计') {
      rowCode = 'total';
      rowName = '合计';
    } else if (/小计$/.test(cells[0])) rowCode = `subtotal.${++subtotals}`;
    else {
      rowCode = `item.${++items}`;
      rowName = [row.cells[0], row.cells[2]].filter(Boolean).join(' / ');
    }
    row.cells.forEach((c, i) => {
      const column = columns![i];
      if (column) sink.addCell('procurement', rowCode, rowName, column, c, row.lines[i], t.fenPerUnit, t.where);
    });
  }
  if (!columns && t.body.some((r) => r.cells.some((c) => /\d\.\d/.test(c)))) {
    sink.warn(`${t.where}找不到「合计」等金额列的表头，表中金额未导入`, t.line);
  }
}
