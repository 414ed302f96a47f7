import { columnOf, isAmount, mergeExtents, NUMERIC, type Column } from './columns';
import type { Fragment } from './fragments';
import type { TextLine } from './lines';

/** A column of a spaced table that holds amounts only or words only (`splitMixedColumns`). */
export interface KindColumn extends Column {
  kind?: 'amount' | 'word';
}

/**
 * Columns that a converter's narrow Chinese ran together: where one column holds, in one row, a word
 * and an amount (「三、单位预留机动经费 182.92」), and so in other rows amounts of another column
 * beneath those words (Jiangsu's 收支总表 in three groups: the 功能分类 amounts stand under the
 * 支出用途 labels), it is cut into its words' and its amounts' extents, each a column, in order of
 * where they start. Where an amounts' and a words' extent lie mostly over each other, the amounts
 * come first: they close the label-amount pair on their left, and the words open the next.
 */
export function splitMixedColumns(columns: readonly Column[], lines: readonly TextLine[]): KindColumn[] {
  const data = lines.filter((l) => l.fragments.length >= 2 && l.fragments.some(isAmount));
  const out: KindColumn[] = [];
  columns.forEach((c, i) => {
    const inColumn = data.map((l) => l.fragments.filter((f) => columnOf(columns, f) === i));
    // Both in one row, and in another row an amount alone: a label's amount that slid under it
    // (「行政单位医疗 60.99」) is no second column. Or an amount between two words of one row
    // (「一、一般公共预算拨款 6448.92 一、一般公共服务支出」): a label, its amount and the next
    // group's label, which a narrow template's long labels ran into one column over the rows.
    const word = (f: Fragment) => !NUMERIC.test(f.text);
    const between = (fs: readonly Fragment[]) => fs.some((f, k) => isAmount(f) && fs.slice(0, k).some(word) && fs.slice(k + 1).some(word));
    const mixed = inColumn.some((fs) => fs.some(isAmount) && fs.some(word)) && inColumn.some((fs) => (fs.some(isAmount) && !fs.some(word)) || between(fs));
    if (!mixed) {
      out.push(c);
      return;
    }
    const extents = (keep: (f: Fragment) => boolean, kind: KindColumn['kind']) =>
      mergeExtents(inColumn.flat().filter(keep).map((f) => ({ x0: f.x0, x1: f.x1 }))).map((e): KindColumn => ({ ...e, kind }));
    const parts = [...extents(isAmount, 'amount'), ...extents(word, 'word')];
    parts.sort((a, b) => a.x0 - b.x0);
    for (let k = 1; k < parts.length; k++) {
      const [a, b] = [parts[k - 1], parts[k]];
      const shared = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      if (a.kind === 'word' && b.kind === 'amount' && shared > 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0)) [parts[k - 1], parts[k]] = [b, a];
    }
    out.push(...parts);
  });
  return out;
}

/** The column of a data row's fragment: among those of its kind where a column was cut by kind. */
export function columnOfKind(columns: readonly KindColumn[], f: Fragment): number {
  const kind = isAmount(f) ? 'amount' : NUMERIC.test(f.text) ? null : 'word';
  const fits = columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.kind || !kind || c.kind === kind);
  const best = columnOf(fits.map(({ c }) => c), f);
  return best < 0 ? -1 : fits[best].i;
}

/** The two steps the layout takes for a spaced table's columns (pdf/layout.ts `SpacedLayout`). */
export const kindColumns = { split: splitMixedColumns, columnOf: columnOfKind };
