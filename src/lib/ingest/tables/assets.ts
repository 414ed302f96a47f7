import { unitOfMeasure } from '../amounts';
import { compact } from '../normalize';
import { assetLabel } from './labels';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * 固定资产占用情况表: rows 资产总额, 房屋, 办公用房, 车辆, 大型设备, 其他; columns 数量 and 价值. Only the
 * 价值 (money) goes into figures, as column `total`; the header may declare its own money unit
 * (「价值（金额单位：万元）」).
 */
export function readAssets(t: MappedTable, sink: FigureSink): void {
  let valueAt = -1;
  let fenPerUnit = t.fenPerUnit;
  for (const row of t.body) {
    const header = row.cells.findIndex((c) => /价值|金额/.test(compact(c)));
    if (header >= 0 && row.cells.some((c) => /^项目$/.test(compact(c)))) {
      valueAt = header;
      fenPerUnit = unitOfMeasure(row.cells[header]) ?? fenPerUnit;
      continue;
    }
    const label = row.cells[0] ?? '';
    const key = assetLabel(label);
    const at = valueAt >= 0 && valueAt < row.cells.length ? valueAt : row.cells.length - 1;
    if (at <= 0) continue;
    if (!key) {
      if (/\d\.\d/.test(row.cells[at] ?? '')) sink.warn(`${t.where}的行「${label}」不是已知的资产项目，其金额未导入`, row.lines[at]);
      continue;
    }
    sink.addCell('assets', key, label, 'total', row.cells[at], row.lines[at], fenPerUnit, t.where);
  }
}
