import { FEN_PER_WAN, type Fen } from '../model/amount';
import type { ImportWarning, Indicator, PerformanceProject } from '../model/document';
import { parseAmountCell, unitOfMeasure } from './amounts';
import type { Row } from './lines';
import { compact } from './normalize';
import { FormFunds } from './performanceFunds';
import { gridHeader, readGridProjects } from './performanceGrid';
import { formHeader, readFormIndicators, type FormHeader } from './performanceIndicators';
import { isListHeader, readListProjects } from './performanceList';

/**
 * One 绩效目标表 → a PerformanceProject. Three shapes in the seeds: goals and indicators only (000,
 * 004); 项目编码 / 项目名称 / 预算数 / 财政资金 / 其他资金 rows above them (002, 003); and 001's
 * 专项资金名称 variant. Indicator rows print 一级/二级指标 once for a merged block, so blank levels
 * inherit the row above; rows that a page break cut in pieces are joined back to six cells.
 *
 * The national per-project form (财政项目支出绩效目标填报表 and its kin, one project a page) is a
 * key–value grid instead: 项目名称 | … | 项目性质 | …, a 项目资金 grid of label–amount pairs
 * (performanceFunds.ts), 项目总目标 | 年度总体目标 side by side, and four indicator columns
 * (performanceIndicators.ts). Its rows come here too, from every format, and are told apart by those
 * words; the seeds' shapes never print them.
 */

const INDICATOR_CELLS = 6;
const LEVEL1 = /^(?:产出|效益|效果|满意度|成本|社会效益|经济效益)指标$/;

type State = 'start' | 'budget' | 'plan' | 'goals' | 'indicators';

/**
 * The projects of one 绩效目标表: one, or, where its header puts a 项目名称 column beside the
 * indicators, each project of the grid (performanceGrid.ts).
 */
export function readProjects(name: string, titleLine: number, rows: readonly Row[], warnings: ImportWarning[]): PerformanceProject[] {
  // The indicators' header decides: a grid's puts a project column beside the levels. Found by a
  // plain substring first: most rows of most tables are not it, and the test runs on every row of
  // every 绩效目标表 until it (a per-cell unit and amount test made the parse 8–14% slower).
  let above: readonly string[] | null = null;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].cells;
    // A list of projects, one a row, their goals and indicators as text (performanceList.ts).
    if (cells.some((c) => c.includes('绩效指标')) && isListHeader(cells, rows[i + 1]?.cells ?? [])) return readListProjects(name, rows.slice(i + 1), unitAbove(rows, i), warnings);
    if (!cells.some((c) => c.includes('一级') || c.includes('级指'))) {
      if (cells.some((c) => c.trim())) above = cells;
      continue;
    }
    const grid = gridHeader(cells, above);
    if (!grid) break;
    return readGridProjects(grid, rows.slice(i + 1), unitAbove(rows, i), titleLine, warnings);
  }
  return [readProject(name, titleLine, rows, warnings)];
}

/** The money unit stated above a table's header (「单位：万元」), else 万元. */
function unitAbove(rows: readonly Row[], header: number): number {
  let fenPerUnit = FEN_PER_WAN;
  for (let j = 0; j < header; j++) for (const c of rows[j].cells) fenPerUnit = unitOfMeasure(c) ?? fenPerUnit;
  return fenPerUnit;
}

export function readProject(name: string, titleLine: number, rows: readonly Row[], warnings: ImportWarning[]): PerformanceProject {
  const p: PerformanceProject = {
    code: '', name, amount: null, fiscalAmount: null, otherAmount: null, goals: '', indicators: [],
    source: { line: titleLine },
  };
  let fenPerUnit = FEN_PER_WAN;
  let state: State = 'start';
  const goals: string[] = [];
  let pending: { cells: string[]; lines: number[] } | null = null;
  let level1 = '';
  let level2 = '';
  const funds = new FormFunds();
  // The form's goal rows carry the pieces of its vertical 「项目绩效目标」 label; its indicator rows
  // are read together once all are in (their labels may be printed below them).
  let formGoals = false;
  const formColumns = new FormGoals();
  let form: FormHeader | null = null;
  const formRows: Row[] = [];

  const flush = () => {
    if (!pending) return;
    const c = pending.cells;
    while (c.length && c[c.length - 1] === '' && c.length > INDICATOR_CELLS) c.pop();
    if (c.filter(Boolean).length >= 2) {
      level1 = c[0] || level1;
      level2 = c[1] || level2;
      const ind: Indicator = {
        level1, level2, level3: c[2] ?? '', description: c[3] ?? '', value: c[4] ?? '', basis: c[5] ?? '',
        source: { line: pending.lines[0] },
      };
      p.indicators.push(ind);
    }
    pending = null;
  };

  for (const row of rows) {
    const cells = row.cells;
    const cc = cells.map(compact);
    const filled = cc.filter(Boolean);
    if (!filled.length) continue;
    const first = filled[0];
    if (filled.length === 1) {
      const m = unitOfMeasure(first);
      if (m !== null) {
        fenPerUnit = m;
        continue;
      }
    }
    if (/^项目(?:编码|编号|代码)/.test(first) || cc.some((c) => c === '项目名称' || c === '专项资金名称')) {
      readIdentity(cells, p);
      // 「项目名称 | 办公楼维修 | 项目金额 | 120.00」: the funds beside the name.
      if (state === 'start' && funds.take(row)) state = 'budget';
      continue;
    }
    if (/^预算规模/.test(first) || cc.includes('预算数')) {
      readBudget(cells, row, p, fenPerUnit, warnings);
      state = 'budget';
      continue;
    }
    if ((state === 'start' || state === 'budget') && funds.take(row)) {
      state = 'budget';
      continue;
    }
    if (/^资金(?:支出|使用)计划/.test(first)) {
      state = 'plan';
      continue;
    }
    if (state !== 'indicators' && filled.every((c) => GOAL_LABEL.test(c)) && filled.some((c) => FORM_GOAL.test(c))) {
      flush();
      formGoals = true;
      state = 'goals';
      continue;
    }
    if (GOALS.test(first) && state !== 'indicators') {
      flush();
      goals.push(cells.filter((c) => c !== '').slice(1).join(' '));
      state = 'goals';
      continue;
    }
    if (cc.includes('一级指标')) {
      flush();
      form = formHeader(cells);
      state = 'indicators';
      continue;
    }
    if (state === 'goals') {
      if (formGoals) formColumns.take(cells);
      else goals.push(cells.filter((c) => c !== '').join(' '));
      continue;
    }
    if (state !== 'indicators') continue;
    if (form) {
      formRows.push(row);
      continue;
    }
    if (pending && pending.cells.length < INDICATOR_CELLS && !startsIndicator(cells)) {
      pending.cells.push(...cells);
      pending.lines.push(...row.lines);
      continue;
    }
    flush();
    pending = { cells: [...cells], lines: [...row.lines] };
  }
  flush();
  if (form) p.indicators.push(...readFormIndicators(form, formRows));
  if (funds.seen) funds.resolve(p, fenPerUnit, warnings);
  goals.push(...formColumns.texts());
  p.goals = goals.filter(Boolean).join(' ').trim();
  return p;
}

/** A goal's label beside its text: 绩效目标, 年度（绩效）目标, 总体目标, 项目目标, 长期目标 (not 目标值). */
const GOALS = /^(?:(?:年度|项目|长期|中期|实施期)(?:绩效|总体)?|绩效|总体)目标(?!值)/;

/** The form's goal header 「项目总目标 | 年度总体目标」, with the pieces of its 「项目绩效目标」 label. */
const GOAL_LABEL = /^(?:项目|绩效|目标|项目绩效目标|绩效目标|项目总目标|总体目标|年度总体目标|年度目标|中期目标)$/;
const FORM_GOAL = /^(?:项目总目标|年度总体目标|年度目标|中期目标)$/;

/**
 * The form's two goal columns, 项目总目标 and 年度总体目标. A grid keeps each in one cell; a PDF
 * wraps them line by line, a piece of each on a row (two pieces: the left's and the right's), and
 * once the shorter has ended, the other's pieces alone: a lone piece goes on with the column whose
 * text has not ended (。；!). Read row by row they came interleaved.
 */
class FormGoals {
  private readonly left: string[] = [];
  private readonly right: string[] = [];

  take(cells: readonly string[]): void {
    // The row's texts without the label's pieces; the same text in both columns once.
    const all = cells.map((c) => c.trim()).filter((c) => c && !GOAL_LABEL.test(compact(c)));
    const texts = all.filter((c, i) => all.indexOf(c) === i);
    if (texts.length >= 2) {
      this.left.push(texts[0]);
      this.right.push(texts.slice(1).join(' '));
    } else if (texts.length === 1) {
      // The column whose text has not ended goes on; where both have (or neither), the left.
      const ended = (column: string[]) => column.length > 0 && ENDED.test(column[column.length - 1]);
      (ended(this.left) && this.right.length && !ended(this.right) ? this.right : this.left).push(texts[0]);
    }
  }

  texts(): string[] {
    return [this.left.join(''), this.right.join('')];
  }
}

const ENDED = /[。；;！!]$/;

/** A row that begins an indicator: it names a 一级指标, or leaves it blank and names a 二级指标. */
function startsIndicator(cells: readonly string[]): boolean {
  const a = compact(cells[0] ?? '');
  if (LEVEL1.test(a)) return true;
  return a === '' && cells.length >= 2 && /指标$/.test(compact(cells[1]));
}

function readIdentity(cells: readonly string[], p: PerformanceProject): void {
  cells.forEach((c, i) => {
    const label = compact(c);
    const next = cells[i + 1] ?? '';
    if (/^项目(?:编码|编号|代码)$/.test(label)) p.code = compact(next);
    else if (/^(?:项目名称|专项资金名称)$/.test(label) && compact(next)) p.name = next.replace(/\s+/g, ' ').trim();
  });
}

function readBudget(cells: readonly string[], row: Row, p: PerformanceProject, fenPerUnit: number, warnings: ImportWarning[]): void {
  const amountAfter = (re: RegExp): Fen | null => {
    const i = cells.findIndex((c) => re.test(compact(c)));
    if (i < 0 || i + 1 >= cells.length) return null;
    const cell = parseAmountCell(cells[i + 1], fenPerUnit);
    if (cell.kind === 'value') return cell.fen;
    if (cell.kind === 'bad') {
      warnings.push({ message: `绩效目标表「${p.name}」的金额「${cells[i + 1]}」无法读取`, source: { line: row.lines[i + 1] } });
    }
    return null;
  };
  p.amount = amountAfter(/^预算数$|^预算金额$|^资金总额$/);
  p.fiscalAmount = amountAfter(/财政资金$|财政拨款$/);
  p.otherAmount = amountAfter(/其他资金$/);
}
