import type { Indicator } from '../model/document';
import type { Row } from './lines';
import { compact } from './normalize';

/**
 * The indicators of the national per-project form: four columns, 一级指标 | 二级指标 | 三级指标 |
 * (年度)指标值, where the seeds' 绩效目标表 has six (performance.ts).
 *
 * A grid (text, Word, a sheet) keeps every cell in its column, blank ones too, and prints a merged
 * 一级/二级指标 on the first row of its block: such rows are read by position, and a blank level
 * takes the row above's. A PDF gives gap cells without the blanks and prints a merged label in the
 * middle of its block, on a row of its own or beside a row of the block; a label too long for its
 * cell wraps (「服务对象满意」 / 「度指标」), and two touching labels come as one cell
 * (「效益指标社会效益指标」). Such rows are read by their words: a leading cell ending in 指标 is a
 * level, the last cell the value and the cells before it the 三级指标. Where the first indicator has
 * no label of its own, the labels are printed centred, and a row without one takes the nearest label
 * above or below it; a 二级指标 of the national framework names its 一级指标 (数量指标 → 产出指标).
 */

export interface FormHeader {
  level1: number;
  level2: number;
  level3: number;
  value: number;
  width: number;
}

/**
 * 一级指标 | 二级指标 | 三级指标 | 指标值 with nothing else after 三级指标 (no 指标描述, no 确定依据)
 * but a 备注; the 三级指标 may be headed 指标内容 or 指标名称 where no column is headed 三级指标
 * (「一级指标 | 二级指标 | 指标内容 | 指标值 | 备注」).
 */
export function formHeader(cells: readonly string[]): FormHeader | null {
  const cc = cells.map(compact);
  const level1 = cc.indexOf('一级指标');
  const level2 = cc.indexOf('二级指标');
  const third = cc.indexOf('三级指标');
  const level3 = third >= 0 ? third : cc.findIndex((c, i) => i > level2 && /^(?:指标内容|指标名称)$/.test(c));
  if (level1 < 0 || level2 < 0 || level3 < 0) return null;
  const rest = cc.slice(level3 + 1).filter((c) => c && c !== '备注');
  if (rest.length !== 1 || !/指标值$/.test(rest[0])) return null;
  return { level1, level2, level3, value: cc.indexOf(rest[0], level3 + 1), width: cells.length };
}

export const LEVEL1 = /^(?:产出|效益|效果|满意度|成本|影响)指标$/;
/** The national framework's 二级指标 and the 一级指标 each belongs to. */
export const PARENT: Readonly<Record<string, string>> = {
  数量指标: '产出指标', 质量指标: '产出指标', 时效指标: '产出指标', 成本指标: '产出指标',
  经济效益指标: '效益指标', 社会效益指标: '效益指标', 生态效益指标: '效益指标', 可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
  经济成本指标: '成本指标', 社会成本指标: '成本指标', 生态环境成本指标: '成本指标',
};
/** A level's label: a 一级指标, or a 二级指标 of the national framework. */
export const isLevel = (s: string) => LEVEL1.test(s) || Object.hasOwn(PARENT, s);

/** The form's left column, printed down the whole indicator block. */
const PANEL = /^(?:年度|项目)?绩效指标$/;
export const isLabel = (s: string) => s.length <= 12 && s.endsWith('指标') && !PANEL.test(s);

/** An indicator row as read, its level labels its own (blank where a merged label is printed elsewhere). */
export interface IndicatorEntry {
  own1: string;
  own2: string;
  level3: string;
  value: string;
  line: number;
  /** A row of labels only (a merged label printed on a line of its own): no indicator. */
  labelOnly: boolean;
}

export function readFormIndicators(header: FormHeader, rows: readonly Row[]): Indicator[] {
  const entries: IndicatorEntry[] = [];
  for (const row of rows) {
    const e = byPosition(header, row) ?? byWords(row);
    if (e && e !== 'continued') entries.push(e);
  }
  return placeLevels(entries);

  /** A row of a grid: as many cells as the header, its level cells blank or labels; 'continued': a blank row. */
  function byPosition(h: FormHeader, row: Row): IndicatorEntry | null | 'continued' {
    const c = row.cells.map((x) => x.trim());
    if (c.length !== h.width) return null;
    const a = compact(c[h.level1]);
    const b = compact(c[h.level2]);
    if ((a && !isLabel(a)) || (b && !isLabel(b))) return null;
    const level3 = c[h.level3];
    const value = c[h.value];
    if (!a && !b && !level3 && !value) return 'continued';
    return { own1: a, own2: b, level3, value, line: row.lines[h.level3] ?? row.line, labelOnly: !level3 && !value };
  }

  /** A row of gap cells (a PDF): levels by their words, then 三级指标 and value; 'continued': joined to the row above. */
  function byWords(row: Row): IndicatorEntry | null | 'continued' {
    let t: { text: string; line: number }[] = [];
    row.cells.forEach((text, i) => {
      if (text.trim()) t.push({ text: text.trim(), line: row.lines[i] });
    });
    while (t.length && PANEL.test(compact(t[0].text))) t.shift();
    t = splitLabels(joinWrapped(t));
    const { own1, own2, at } = leadingLabels(t);
    const rest = t.slice(at);
    const line = rest[0]?.line ?? row.line;
    if (!rest.length) return own1 || own2 ? { own1, own2, level3: '', value: '', line, labelOnly: true } : null;
    if (rest.length === 1 && !own1 && !own2) {
      // A piece of the row above that wrapped onto a line of its own: its value goes on.
      const prev = entries.findLast((e) => !e.labelOnly);
      if (prev) {
        prev.value += rest[0].text;
        return 'continued';
      }
    }
    const value = rest.length > 1 ? rest[rest.length - 1].text : '';
    const level3 = (rest.length > 1 ? rest.slice(0, -1) : rest).map((x) => x.text).join(' ');
    return { own1, own2, level3, value, line, labelOnly: false };
  }
}

/** The indicators of `entries`, each with the labels of its block, wherever the block prints them. */
export function placeLevels(entries: readonly IndicatorEntry[]): Indicator[] {
  const inds = entries.filter((e) => !e.labelOnly);
  if (!inds.length) return [];
  // Labels printed centred: the first indicator has none of its own, nor a label-only row above it.
  const first = entries.indexOf(inds[0]);
  const centred = (own: (e: IndicatorEntry) => string) => !entries.slice(0, first + 1).some(own);
  const level2 = levels(entries, (e) => e.own2, centred((e) => e.own2));
  const centred1 = centred((e) => e.own1);
  const level1 = levels(entries, (e) => e.own1, centred1);
  const out: Indicator[] = [];
  entries.forEach((e, i) => {
    if (e.labelOnly) return;
    const parent = PARENT[level2[i]];
    const l1 = e.own1 || (centred1 && parent ? parent : level1[i]);
    out.push({ level1: l1, level2: level2[i], level3: e.level3, description: '', value: e.value, basis: '', source: { line: e.line } });
  });
  return out;
}

/** The level labels a row of gap cells begins with (`at`: how many cells they take). */
export function leadingLabels(t: readonly { text: string }[]): { own1: string; own2: string; at: number } {
  const a = t[0] && compact(t[0].text);
  if (!a || !isLabel(a)) return { own1: '', own2: '', at: 0 };
  const b = t[1] && compact(t[1].text);
  if (b && isLabel(b) && (LEVEL1.test(a) || b in PARENT)) return { own1: a, own2: b, at: 2 };
  return LEVEL1.test(a) && !(a in PARENT) ? { own1: a, own2: '', at: 1 } : { own1: '', own2: a, at: 1 };
}

/**
 * Each entry's level: its own label; else, labels printed at the top of their block, the last label
 * above; labels printed centred, the nearest label above or below (the one above on a tie).
 */
function levels<T>(entries: readonly T[], own: (e: T) => string, centred: boolean): string[] {
  const at = entries.flatMap((e, i) => (own(e) ? [i] : []));
  return entries.map((e, i) => {
    if (own(e)) return own(e);
    let above = -1;
    let below = -1;
    for (const j of at) {
      if (j < i) above = j;
      else if (below < 0) below = j;
    }
    if (!centred || below < 0) return above >= 0 ? own(entries[above]) : '';
    if (above < 0 || below - i < i - above) return own(entries[below]);
    return own(entries[above]);
  });
}

/** 「服务对象满意」 / 「度指标」: a label that wrapped in its cell, back in one piece. */
export function joinWrapped<T extends { text: string }>(t: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < t.length; i++) {
    const a = compact(t[i].text);
    const b = t[i + 1] && compact(t[i + 1].text);
    if (b && !a.endsWith('指标') && a.length <= 10 && b.length <= 4 && (a + b).endsWith('指标')) {
      out.push({ ...t[i], text: a + b });
      i++;
    } else {
      out.push(t[i]);
    }
  }
  return out;
}

/** 「效益指标社会效益指标」: a 一级指标 and its 二级指标 printed touching, as two labels. */
export function splitLabels<T extends { text: string }>(t: T[]): T[] {
  return t.flatMap((x) => {
    const m = /^((?:产出|效益|效果|满意度|成本)指标)(.{2,10}指标)$/.exec(compact(x.text));
    return m ? [{ ...x, text: m[1] }, { ...x, text: m[2] }] : [x];
  });
}
