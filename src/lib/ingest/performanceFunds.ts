import { MONEY_UNITS, type Fen, type MoneyUnit } from '../model/amount';
import type { ImportWarning, PerformanceProject } from '../model/document';
import { parseAmountCell } from './amounts';
import type { Row } from './lines';
import { compact } from './normalize';

/**
 * The 项目资金 grid of the national per-project form (财政项目支出绩效目标填报表, 项目支出绩效目标申报表):
 * label–amount pairs over several rows, often in two columns, the whole project's on the left and
 * the year's on the right:
 *
 *   项目资金（元） | 项目资金总额 | 4,100,000.00 | 年度资金申请总额 | 4,100,000.00
 *                 | 其中：财政资金 | …            | 其中：当年财政拨款 | …
 *                 |               |              | 上年结转资金     | 0.00
 *                 | 其他资金      | 0.00         | 其他资金         | 0.00
 *
 * A PDF gives the pairs without their columns (a row of gap cells, an amount and the next label in
 * one cell, 「4,100,000.00 年度资金申请总额」), so a pair's column is told by its words (当年, 上年结转
 * are the year's) or, where a row prints the same label twice, by its order in the row. The unit is
 * inside the 项目资金 label (「项目资金（元）」, or 「（元）」 on a cell or line of its own); 万元 else.
 */

type FundKind = 'total' | 'annual' | 'fiscal' | 'carryover' | 'other';

interface Pair {
  kind: FundKind;
  /** The label names the year (「当年财政拨款」). */
  yearly: boolean;
  text: string | null;
  line: number;
  row: number;
  /** Its place among the pairs of its row of the same kind, and how many its row has. */
  nth: number;
  ofKind: number;
}

const LABELS: readonly [RegExp, FundKind][] = [
  [/^(?:项目资金总额|项目总资金|资金总额)$/, 'total'],
  [/^(?:年度资金(?:申请)?总额|年度(?:申请)?资金总额|本年度资金总额)$/, 'annual'],
  [/^(?:其中[:：])?(?:当年)?财政(?:拨款|资金)$/, 'fiscal'],
  [/^(?:其中[:：])?上年结转(?:资金)?$/, 'carryover'],
  [/^(?:其中[:：])?其他资金$/, 'other'],
];
/**
 * Other names of a one-project table's amount (「项目金额 | 120.00」「预算金额（元） | 1,200,000.00」
 * 「年度预算数 | 120.00」): a pair only with an amount after them, since 「项目资金」 also heads the
 * form's grid of pairs, with no amount of its own.
 */
const AMOUNT_LABELS: readonly [RegExp, FundKind][] = [
  [/^(?:项目(?:总)?金额|预算金额|项目预算(?:数|金额)?|预算资金|项目资金|资金合计)$/, 'total'],
  [/^(?:年度|本年度?)(?:预算(?:数|金额)?|金额)$/, 'annual'],
];
const UNIT = /^(?:项目资金|资金情况|资金来源)?[（(]([万千亿]?元)[)）]$/;
/** A money unit after a label: 「预算金额（元）」. */
const UNIT_AFTER = /[（(]([万千亿]?元)[)）]$/;
/** 「年度资金总额：120.00」「其中：财政拨款：100.00万元」: a label and its amount in one cell. */
const LABEL_THEN_AMOUNT = /^(\S.*?)[:：]\s*([-−(（]?\d[\d,，]*(?:[.．]\d+)?[)）]?)\s*(?:[万千亿]?元)?$/;
/** An amount as printed in the grid (or misprinted: 「1..5」, left null with a warning), alone or beside the next label in one cell. */
const AMOUNT = /^[-−(（]?\d[\d,，.．]*[)）]?$/;
const AMOUNT_THEN_LABEL = /^([-−(（]?\d[\d,，]*(?:[.．]\d+)?[)）]?)\s+(\S.*)$/;

/** The funds of a form as its rows give them; `resolve` puts them on the project. */
export class FormFunds {
  private pairs: Pair[] = [];
  private unit: number | null = null;
  private rows = 0;

  /** Takes a row of the grid; false when the row is none (no label of the grid in it). */
  take(row: Row): boolean {
    const tokens: { text: string; line: number }[] = [];
    row.cells.forEach((cell, i) => {
      const text = cell.trim();
      if (!text) return;
      const m = AMOUNT_THEN_LABEL.exec(text) ?? LABEL_THEN_AMOUNT.exec(text);
      if (m) tokens.push({ text: m[1], line: row.lines[i] }, { text: m[2], line: row.lines[i] });
      else tokens.push({ text, line: row.lines[i] });
    });
    const found: Pair[] = [];
    let unit: number | null = null;
    tokens.forEach((t, i) => {
      let label = compact(t.text);
      const u = UNIT.exec(label);
      if (u) unit = MONEY_UNITS[u[1] as MoneyUnit];
      const after = UNIT_AFTER.exec(label);
      const bare = after ? label.slice(0, after.index) : label;
      const next = tokens[i + 1];
      const amount = next && AMOUNT.test(compact(next.text)) ? next : null;
      let kind = LABELS.find(([re]) => re.test(label))?.[1];
      if (!kind && after) kind = LABELS.find(([re]) => re.test(bare))?.[1];
      if (!kind && amount) kind = AMOUNT_LABELS.find(([re]) => re.test(bare))?.[1];
      if (!kind) return;
      if (after && !u) unit = MONEY_UNITS[after[1] as MoneyUnit];
      label = bare;
      found.push({ kind, yearly: /当年|年度|本年/.test(label), text: amount?.text ?? null, line: amount?.line ?? t.line, row: this.rows, nth: 0, ofKind: 0 });
    });
    // 「项目资金」 alone, its unit on the line below: a row of the grid that gives no pair.
    const label = tokens.length === 1 && compact(tokens[0].text) === '项目资金';
    if (!found.length && unit === null && !label) return false;
    if (unit !== null) this.unit = unit;
    for (const p of found) {
      const same = found.filter((q) => q.kind === p.kind);
      p.nth = same.indexOf(p);
      p.ofKind = same.length;
    }
    this.pairs.push(...found);
    this.rows++;
    return true;
  }

  get seen(): boolean {
    return this.pairs.length > 0;
  }

  /**
   * The year's figures when the form prints them (年度资金申请总额 = 当年财政拨款 + 上年结转 + 其他资金:
   * what a 预算 is about), else the project's (项目资金总额 = 财政资金 + 其他资金). A part whose column
   * cannot be told is left null rather than taken from the other column.
   */
  resolve(p: PerformanceProject, fenPerUnit: number, warnings: ImportWarning[]): void {
    const unit = this.unit ?? fenPerUnit;
    const read = (pair: Pair | undefined): Fen | null => {
      if (!pair?.text) return null;
      const cell = parseAmountCell(pair.text, unit);
      if (cell.kind === 'value') return cell.fen;
      if (cell.kind === 'bad') warnings.push({ message: `绩效目标表「${p.name}」的金额「${pair.text}」无法读取`, source: { line: pair.line } });
      return null;
    };
    const of = (kind: FundKind) => this.pairs.filter((x) => x.kind === kind);
    const total = of('total')[0];
    const annual = of('annual')[0];
    // 上年结转 is printed in one column only, the year's (or the only one).
    const carryover = read(of('carryover')[0]);
    if (carryover !== null) p.carryoverAmount = carryover;
    if (!annual) {
      p.amount = read(total);
      p.fiscalAmount = read(of('fiscal').find((x) => !x.yearly) ?? of('fiscal')[0]);
      p.otherAmount = read(of('other')[0]);
      return;
    }
    // Which side the year is on, where one row prints both totals; on the right else, as the forms do.
    const right = !total || total.row !== annual.row || (total.nth === 0 && this.pairs.indexOf(total) < this.pairs.indexOf(annual));
    const yearly = (kind: FundKind): Pair | undefined => {
      const all = of(kind);
      const named = all.find((x) => x.yearly);
      if (named) return named;
      const twice = all.find((x) => x.ofKind >= 2 && x.nth === (right ? x.ofKind - 1 : 0));
      if (twice) return twice;
      // One column only: its parts are the year's.
      return total ? undefined : all[0];
    };
    p.amount = read(annual);
    p.fiscalAmount = read(yearly('fiscal'));
    p.otherAmount = read(yearly('other'));
  }
}
