import type { Fragment } from './fragments';
import type { TextLine } from './lines';

/** A column of a table grid: its extent on the x axis. */
export interface Column {
  x0: number;
  x1: number;
}

/** A printed amount or code: digits with separators, a decimal point, a sign or accounting brackets. */
export const NUMERIC = /^[(（]?[-－−]?\d[\d,，]*(?:[.．]\d+)?[)）]?$/;

function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** Sorted, non-overlapping extents: overlapping ones are merged. */
function mergeExtents(extents: Column[]): Column[] {
  const sorted = [...extents].sort((a, b) => a.x0 - b.x0);
  const out: Column[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.x0 < last.x1 - 0.5) last.x1 = Math.max(last.x1, e.x1);
    else out.push({ ...e });
  }
  return out;
}

/**
 * The columns of one table (all its pages). Data rows define them: a row with an amount or a code
 * and at least two pieces; everything in a column overlaps, since cells are aligned left, right or
 * centred within it. Header rows cannot define them (「功能分类科目编码」 spans 类, 款 and 项), but a
 * header word over a column that no row fills (an all-blank 事业收入 column) adds that column, so
 * the cells after it keep their places.
 */
export function tableColumns(lines: readonly TextLine[]): Column[] {
  const data: Column[] = [];
  const other: Fragment[] = [];
  lines.forEach((line, i) => {
    if (isDataLine(line)) {
      for (const f of line.fragments) data.push({ x0: f.x0, x1: f.x1 });
      // Only the header line right above the data names leaf columns; the lines above it group
      // them (「本年收入」 over 项目 and 预算数) and would add columns that do not exist.
      const before = lines[i - 1];
      if (before && !isDataLine(before)) other.push(...before.fragments);
    }
  });
  // A table printed empty (header, 合计 and a note) has no data rows: its words are its columns.
  if (!data.length) return mergeExtents(lines.flatMap((l) => l.fragments.map((f) => ({ x0: f.x0, x1: f.x1 }))));
  let columns = mergeExtents(data);
  const extra = other.filter((f) => !columns.some((c) => overlap(c, f) > 0)).map((f) => ({ x0: f.x0, x1: f.x1 }));
  if (extra.length) columns = [...columns, ...mergeExtents(extra)].sort((a, b) => a.x0 - b.x0);
  return columns;
}

function isDataLine(line: TextLine): boolean {
  return line.fragments.length >= 2 && line.fragments.some((f) => NUMERIC.test(f.text));
}

/** The column a fragment belongs to: the one it overlaps most, else the nearest. */
export function columnOf(columns: readonly Column[], f: Fragment): number {
  let best = -1;
  let bestScore = -Infinity;
  columns.forEach((c, i) => {
    // A negative overlap is minus the distance, so the largest value is the best fit either way.
    const score = overlap(c, f);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}
