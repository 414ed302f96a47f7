import { MONEY_UNITS, type MoneyUnit, type Fen } from '../model/amount';
import type { ImportWarning, PerformanceProject } from '../model/document';
import { parseAmountCell } from './amounts';
import type { Row } from './lines';
import { isNoteCell } from './meta';
import { compact } from './normalize';
import { isLabel, joinWrapped, leadingLabels, placeLevels, splitLabels, type IndicatorEntry } from './performanceIndicators';

/**
 * The 项目支出绩效目标表 that lists many projects in one grid, as county and city disclosures print
 * it: one row per indicator, the project's own columns (项目名称, its funds, its 年度目标) merged down
 * its block, then 一级指标 | 二级指标 | 三级指标 | 指标值 (sometimes 指标性质 and 度量单位 around the
 * value). Read as one project it gave a project named after the next header cell, no indicators, and
 * an audit finding that the narrative's count of projects disagreed with the forms printed.
 *
 * The header may take two rows (「项目名称 | 资金 | 年度目标 | 绩效指标」 over 「一级指标 | …」).
 * A grid (text, Word, a sheet, a web page) keeps every cell in its column and a merged cell's text on
 * its block's first row: a name starts a project, blank project cells go on with it. A PDF gives the
 * filled cells only, and a merged cell's text in the middle of its block: its rows are read by their
 * words (an amount, level labels ending in 指标, text), and where the first indicator comes before any
 * name, the names are centred and each row belongs to the nearest name.
 */

export interface GridHeader {
  name: number;
  code: number;
  amount: number;
  fiscal: number;
  other: number;
  goals: number;
  level1: number;
  level2: number;
  level3: number;
  /** The value and what prints beside it (指标性质 「≥」, 度量单位 「平方米」), joined as one value. */
  value: number[];
  width: number;
  /** The money unit a funds column names (「金额（万元）」), or null. */
  fenPerUnit: number | null;
  /** The project columns in their order, for rows that drop blank cells. */
  projectColumns: ProjectColumn[];
}

type ProjectColumn = 'name' | 'code' | 'amount' | 'fiscal' | 'other' | 'goals' | 'unit' | 'serial';

const UNIT_IN = /[（(]([万千亿]?元)[)）]/;

function projectColumn(label: string): ProjectColumn | null {
  const s = label.replace(UNIT_IN, '');
  if (/^项目(?:编码|代码|编号)$/.test(s)) return 'code';
  if (s === '序号') return 'serial';
  if (/项目名称$/.test(s) || s === '项目') return 'name';
  if (/^(?:单位|部门)(?:名称)?$/.test(s)) return 'unit';
  if (/其他资金$/.test(s)) return 'other';
  if (/财政(?:拨款|资金)|一般公共预算/.test(s)) return 'fiscal';
  if (/(?:资金|金额|预算数?|总额|合计)$/.test(s)) return 'amount';
  if (/目标$/.test(s) && !/指标/.test(s)) return 'goals';
  return null;
}

/** Header labels of a grid's upper row besides the project's columns. */
const OTHER_HEADER = /^(?:序号|备注|(?:年度|项目)?绩效指标|指标)$/;

const VALUE_PART = /^(?:指标性质|指标方向|运算符号?|符号|度量单位|计量单位)$|指标值|目标值/;

/**
 * A grid's header: 一级指标 | 二级指标 | 三级指标 with a 项目名称 column to their left, in this row or
 * in the header row above it (`above`, a two-row header). Null for a one-project table.
 */
export function gridHeader(cells: readonly string[], above: readonly string[] | null): GridHeader | null {
  const cc = cells.map(compact);
  const level1 = cc.indexOf('一级指标');
  const level2 = cc.indexOf('二级指标');
  const level3 = cc.indexOf('三级指标');
  if (level1 < 0 || level2 < level1 || level3 < level2) return null;
  const labels = cc.slice(0, level1);
  // A two-row header: the upper row's labels fill the columns the lower leaves blank.
  const up = above?.map(compact) ?? [];
  // A header row: column labels only, a project's at least (序号, 备注 and 「绩效指标」 over the
  // indicators are others). Not a one-project table's 「项目名称 | 乡村道路养护」 above its indicators.
  const labelled = up.filter(Boolean);
  const upper = labelled.length >= 2 && labelled.every((c) => c.length <= 12) && labelled.some((c) => projectColumn(c) !== null) && labelled.every((c) => projectColumn(c) !== null || OTHER_HEADER.test(c)) ? up : [];
  const h: GridHeader = { name: -1, code: -1, amount: -1, fiscal: -1, other: -1, goals: -1, level1, level2, level3, value: [], width: cells.length, fenPerUnit: null, projectColumns: [] };
  const fill = (label: string, i: number) => {
    const kind = projectColumn(label);
    if (!kind) return;
    if (kind !== 'unit' && kind !== 'serial' && h[kind] < 0) h[kind] = i;
    h.projectColumns.push(kind);
    const unit = UNIT_IN.exec(label)?.[1] as MoneyUnit | undefined;
    if (unit && h.fenPerUnit === null) h.fenPerUnit = MONEY_UNITS[unit];
  };
  // The upper row lines up where both keep every column (the project's columns left of 一级指标).
  const aligned = upper.length === cells.length && level1 > 0;
  for (let i = 0; i < level1; i++) fill(labels[i] || (aligned ? upper[i] : ''), i);
  // An upper row that does not line up (a PDF's, its blanks dropped): its labels give the order only.
  if (upper.length && !aligned && !labels.some(Boolean)) {
    for (const label of upper) if (label) fill(label, -1);
    // Nor do the rows below: none is read by position.
    h.width = -1;
  }
  if (h.name < 0 && !h.projectColumns.includes('name')) return null;
  for (let i = level3 + 1; i < cc.length; i++) if (VALUE_PART.test(cc[i])) h.value.push(i);
  if (!h.value.length && level3 + 1 < cc.length) h.value.push(level3 + 1);
  return h;
}

const SENTENCE = /[。；;，,！]/;

/** A row: the project's own cells it prints (blank where it prints none), and its indicator. */
interface Entry extends IndicatorEntry {
  name: string;
  code: string;
  amounts: Partial<Record<'amount' | 'fiscal' | 'other', string>>;
  goals: string;
}

/** The projects of a grid: one per name, each with its funds, goals and indicators. */
export function readGridProjects(h: GridHeader, rows: readonly Row[], fenPerUnit: number, titleLine: number, warnings: ImportWarning[]): PerformanceProject[] {
  const entries: Entry[] = [];
  for (const row of rows) {
    // 「注：…」 under the grid is no project's goal nor an indicator's value.
    const first = row.cells.find((c) => c.trim());
    if (first !== undefined && isNoteCell(first)) continue;
    const e = byPosition(h, row) ?? byWords(h, row, entries);
    if (e) entries.push(e);
  }
  // Names printed centred in their block (a PDF): the first indicator comes before any name.
  const firstName = entries.findIndex((e) => e.name);
  if (firstName < 0) return [];
  const firstIndicator = entries.findIndex((e) => e.level3 || e.value);
  const centred = firstIndicator >= 0 && firstIndicator < firstName;
  // A sheet that repeats the project's cells on every row of its block (no merged cells): the same
  // name again goes on with the project.
  let last = '';
  for (const e of entries) {
    if (e.name && e.name === last) e.name = '';
    else if (e.name) last = e.name;
  }
  const owner = owners(entries, centred);
  const unit = h.fenPerUnit ?? fenPerUnit;
  const projects: PerformanceProject[] = [];
  for (let i = 0; i < entries.length; ) {
    let end = i;
    while (end < entries.length && owner[end] === owner[i]) end++;
    projects.push(project(entries[owner[i]], entries.slice(i, end), unit, titleLine, warnings));
    i = end;
  }
  return projects;
}

/** One project of the grid: its rows' own cells, and their indicators with their labels placed. */
function project(named: Entry, rows: readonly Entry[], fenPerUnit: number, titleLine: number, warnings: ImportWarning[]): PerformanceProject {
  const p: PerformanceProject = { code: named.code, name: named.name, amount: null, fiscalAmount: null, otherAmount: null, goals: '', indicators: [], source: { line: named.line || titleLine } };
  const field = { amount: 'amount', fiscal: 'fiscalAmount', other: 'otherAmount' } as const;
  for (const e of rows) {
    if (e.code && !p.code) p.code = e.code;
    if (e.goals && !p.goals.includes(e.goals)) p.goals += e.goals;
    for (const [k, cell] of Object.entries(e.amounts) as ['amount' | 'fiscal' | 'other', string][]) {
      if (p[field[k]] === null) p[field[k]] = amountOf(cell, fenPerUnit, p.name, e.line, warnings);
    }
  }
  p.goals = p.goals.trim();
  p.indicators = placeLevels(rows);
  return p;
}

/** Each entry's project: the entry that names it (the last name above; centred, the nearest name). */
function owners(entries: readonly Entry[], centred: boolean): number[] {
  const named = entries.flatMap((e, i) => (e.name ? [i] : []));
  return entries.map((_, i) => {
    let above = -1;
    let below = -1;
    for (const j of named) {
      if (j <= i) above = j;
      else if (below < 0) below = j;
    }
    if (above < 0) return below;
    if (!centred || below < 0 || above === i) return above;
    return below - i < i - above ? below : above;
  });
}

function amountOf(cell: string, fenPerUnit: number, name: string, line: number, warnings: ImportWarning[]): Fen | null {
  const a = parseAmountCell(cell, fenPerUnit);
  if (a.kind === 'value') return a.fen;
  if (a.kind === 'bad') warnings.push({ message: `绩效目标表「${name}」的金额「${cell}」无法读取`, source: { line } });
  return null;
}

const empty = (line: number): Entry => ({ line, name: '', code: '', amounts: {}, goals: '', own1: '', own2: '', level3: '', value: '', labelOnly: false });

/** A row of a grid, every cell in its column; null for one that is not (a PDF's, its blanks dropped). */
function byPosition(h: GridHeader, row: Row): Entry | null {
  if (row.cells.length !== h.width) return null;
  const c = row.cells.map((x) => x.trim());
  const a = compact(c[h.level1]);
  const b = compact(c[h.level2]);
  if ((a && !isLabel(a)) || (b && !isLabel(b))) return null;
  const e = empty(row.lines[h.level3] ?? row.line);
  const at = (i: number) => (i >= 0 ? c[i] : '');
  e.name = at(h.name).replace(/\s+/g, ' ');
  e.code = compact(at(h.code));
  for (const k of ['amount', 'fiscal', 'other'] as const) if (at(h[k])) e.amounts[k] = at(h[k]);
  e.goals = at(h.goals);
  e.own1 = a;
  e.own2 = b;
  e.level3 = c[h.level3];
  e.value = h.value.map((i) => c[i] ?? '').join('');
  e.labelOnly = !e.level3 && !e.value;
  if (!e.name && !e.code && !e.goals && !Object.keys(e.amounts).length && !a && !b && e.labelOnly) return null;
  return e;
}

/**
 * A PDF's row: the cells before the first level label are the project's (a number its funds, a short
 * text without a sentence's punctuation its name, other text its goals), the labels its levels, the
 * rest 三级指标 and value. A row without labels is an indicator's (三级指标 and value), unless it
 * prints an amount: then what comes before the amount is the project's.
 */
function byWords(h: GridHeader, row: Row, before: readonly Entry[]): Entry | null {
  const t: { text: string; line: number }[] = [];
  row.cells.forEach((text, i) => {
    if (text.trim()) t.push({ text: text.trim(), line: row.lines[i] ?? row.line });
  });
  if (!t.length) return null;
  const e = empty(t[0].line);
  if (t.length === 1 && !isLabel(compact(t[0].text))) {
    // A piece wrapped onto a line of its own: a goal's sentence, or the end of the value above.
    const prev = before[before.length - 1];
    if (prev && !prev.labelOnly && !SENTENCE.test(t[0].text) && t[0].text.length <= 20) {
      prev.value += t[0].text;
      return null;
    }
    e.goals = t[0].text;
    e.labelOnly = true;
    return e;
  }
  let k = t.findIndex((x) => isLabel(compact(x.text)));
  if (k < 0) {
    // Without labels, an amount (two decimals) with at least a 三级指标 and a value after it ends
    // the project's cells, with the goal's text after it if any.
    const money = t.findIndex((x, i) => i <= t.length - 3 && /\d\.\d\d$/.test(x.text) && parseAmountCell(x.text).kind === 'value');
    if (money >= 0) k = money + 1 + (money + 3 < t.length && SENTENCE.test(t[money + 1].text) ? 1 : 0);
    // Neither: an indicator's row prints its 三级指标 and its value's cells. More cells than that
    // begin with the project's (a name and goal centred on its block, in a grid without funds),
    // when a goal's sentence is among them: a value printed in two cells gives one more too.
    else {
      const extra = t.length - 1 - Math.max(1, h.value.length);
      k = extra > 0 && t.slice(0, extra).some((x) => SENTENCE.test(x.text)) ? extra : 0;
    }
  }
  const own = t.slice(0, k);
  const amountKinds = h.projectColumns.filter((c): c is 'amount' | 'fiscal' | 'other' => c === 'amount' || c === 'fiscal' || c === 'other');
  let nthAmount = 0;
  let serial = h.projectColumns.includes('serial');
  for (const x of own) {
    const s = compact(x.text);
    if (serial && /^\d{1,4}$/.test(s)) serial = false;
    else if (parseAmountCell(x.text).kind === 'value' && nthAmount < amountKinds.length) e.amounts[amountKinds[nthAmount++]] = x.text;
    else if (/^\d{6,}$/.test(s) && h.projectColumns.includes('code') && !e.code) e.code = s;
    else if (!e.name && !e.goals && h.projectColumns.includes('name') && s.length <= 40 && !SENTENCE.test(s)) e.name = x.text.replace(/\s+/g, ' ');
    else e.goals += x.text;
  }
  const labels = splitLabels(joinWrapped(t.slice(k)));
  const { own1, own2, at } = leadingLabels(labels);
  const rest = labels.slice(at).map((x) => x.text);
  e.own1 = own1;
  e.own2 = own2;
  e.level3 = rest[0] ?? '';
  e.value = rest.slice(1).join('');
  e.labelOnly = !rest.length;
  return e;
}
