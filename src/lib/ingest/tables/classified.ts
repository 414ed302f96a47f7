import { LEFT_COLUMN, leftColumn } from './periods';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';
import { cellFen } from '../amounts';
import type { TableKey } from '../../model/keys';
import { readClassifiedRows } from './classifiedRows';
import { planColumns } from './columnPlan';

/**
 * Tables whose rows are classified by a code: 收入总表, 支出总表, the 一般公共预算 / 政府性基金 /
 * 国有资本经营 支出表 (功能分类) and the 基本支出表 (经济分类). Row key = the code's digits joined
 * (「208 05 01」 → 2080501), 合计 → total.
 *
 * Three steps: the rows are read into 科目 (classifiedRows.ts), each column is given its key
 * (columnPlan.ts), and here each cell goes to the sink under its row's code and its column's key, or
 * is said.
 */
export function readClassified(table: MappedTable, sink: FigureSink): void {
  const rows = readClassifiedRows(table, sink);
  const { t, data } = rows;
  const plan = planColumns(rows, sink);
  const { periods, byClass } = plan;
  const basicTable = t.title.table as TableKey;
  let crossCells = 0;
  const left = new Set<number>();
  for (const { row, code, name, first } of data) {
    for (let i = first; i < row.cells.length; i++) {
      const economic = byClass?.get(i);
      if (economic) {
        if (code === 'total') sink.addCell(basicTable, economic.code, economic.name, 'total', row.cells[i], row.lines[i], t.fenPerUnit, t.where);
        else if (row.cells[i] !== '') crossCells++;
        continue;
      }
      if (periods?.key.get(i) === null) {
        if (row.cells[i] !== '' && !left.has(i)) {
          left.add(i);
          sink.warn(periods.said?.get(i) ?? leftColumn(t, periods.words.get(i)!), periods.lines.get(i), LEFT_COLUMN);
        }
        continue;
      }
      if (plan.skipped(i)) continue;
      const key = plan.keyAt(i, first);
      if (!key) {
        if (plan.runTogether) continue;
        // Words in a 备注 column (「含2023年结转10万元」) are a note on the row, not an amount.
        if (row.cells[i] !== '' && !(plan.notes.has(i) && cellFen(row.cells[i], t.fenPerUnit) === 'bad')) {
          // A column under words the reader does not know (Beijing's 「扣除基建项目后预算数」, right of
          // 项目支出总数) is said once, by its words, not on each of its rows.
          if (plan.unknownColumn(i)) continue;
          sink.warn(`${t.where}「${name}」行多出一列无法对应表头的数「${row.cells[i]}」`, row.lines[i], { kind: 'unread_cell', rowCode: code });
        }
        continue;
      }
      sink.addCell(t.table, code, name, plan.basicOnly && key === 'total' ? 'basic' : key, row.cells[i], row.lines[i], t.fenPerUnit, t.where);
      // The matrix's 合计 of 合计 is the 经济分类 table's too.
      if (byClass && code === 'total' && key === 'total') sink.addCell(basicTable, 'total', name, 'total', row.cells[i], row.lines[i], t.fenPerUnit, t.where);
    }
  }
  plan.sayUnknown();
  if (crossCells) sink.warn(`${t.where}各功能科目按经济分类分列的 ${crossCells} 个金额未作为数字导入，只导入了各行合计和合计行的各经济分类`, t.line, { table: undefined });
}
