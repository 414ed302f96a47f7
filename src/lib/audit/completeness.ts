import { STANDARD_TABLES, TABLE_NAMES } from '../model/keys';
import type { CheckContext } from './context';

/**
 * Check 10: each of the nine standard tables is published, with figures or empty with its
 * 「空表列示」 note. A document imported from a FORMAT CSV records no tables (the CSV has no place for
 * an empty one), so there the check cannot run.
 */
export function checkCompleteness(ctx: CheckContext): void {
  const { view } = ctx;
  if (!view.doc.tables.length) {
    ctx.notRun.push('由预算数字 CSV 导入的文档不记录公开了哪些表（空表无法表示）');
    ctx.report('not_run', { table: 'document', rowCode: '' }, '未执行：由预算数字 CSV 导入的文档不记录公开了哪些表', '', '');
    return;
  }
  ctx.comparisons++;
  const missing = STANDARD_TABLES.filter((t) => view.state(t) === 'missing');
  const unreadable = STANDARD_TABLES.filter((t) => view.state(t) === 'unreadable');
  const parts: string[] = [];
  if (missing.length === STANDARD_TABLES.length) parts.push('九张标准公开表一张也没有公开');
  else if (missing.length) parts.push(`缺少 ${missing.map((t) => `「${TABLE_NAMES[t]}」`).join('')}`);
  if (unreadable.length) parts.push(`${unreadable.map((t) => `「${TABLE_NAMES[t]}」`).join('')}的数字未能读取`);
  if (!parts.length) return;
  ctx.report('warning', { table: 'document', rowCode: '' },
    `${parts.join('；')}。部门预算应公开九张表，无数据的表也应以「空表列示」公开。`, `${STANDARD_TABLES.length} 张表`, `${STANDARD_TABLES.length - missing.length - unreadable.length} 张`);
}
