/**
 * Classification codes renamed between editions of 政府收支分类科目. When a comparison spans an
 * edition change, an old code is shown on the row of its new code, and the cell and the view say
 * so: the mapping is always visible, never applied silently. Add entries here, with the year the
 * new code took effect and the reason, when a new edition moves an item.
 */
export interface CodeMapping {
  /** The code before the change (功能分类). */
  from: string;
  /** The code from `since` on. */
  to: string;
  name: string;
  /** The first fiscal year that uses `to`. */
  since: number;
  note: string;
}

export const CODE_MAPPINGS: readonly CodeMapping[] = [
  {
    from: '2010308', to: '20140', name: '信访事务', since: 2024,
    note: '2024 年起「信访事务」由 2010308（政府办公厅（室）及相关机构事务下的项）调整为款级科目 20140，其下再分 行政运行、信访业务 等项',
  },
];

/** The mappings to apply when comparing documents of these years: those whose edition change lies inside the span. */
export function mappingsFor(years: readonly number[]): CodeMapping[] {
  if (!years.length) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return CODE_MAPPINGS.filter((m) => lo < m.since && hi >= m.since);
}

export function mappingLabel(m: CodeMapping): string {
  return `科目对照：${m.from} ${m.name} → ${m.to}（${m.since} 年起）`;
}
