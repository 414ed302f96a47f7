import type { Row } from '../lines';
import { compact } from '../normalize';
import { headerKey } from './columns';
import type { MappedTable } from './prepare';
import type { WarningDetail } from './sink';

/**
 * Columns (or rows) headed by a year or a phase instead of a purpose or a source of funds: 科目 |
 * 2023年预算数 | 2024年预算数 | 增减额 | 增减%; 上年预算数 | 本年预算数 | 比上年增减; a 决算's 预算数 |
 * 决算数. Many counties print their tables so. Read by place as the national template's 合计 |
 * 基本支出 | 项目支出, last year's budget became this year's 合计 and the change its 项目支出, and
 * the audit then blamed the document for sums that never were. Each such column goes where its
 * words say: this document's figure (`total`), a 决算's budgets (our keys), or nowhere (another
 * year, a change, a percentage), reported.
 */

/** Words of a period or a change. */
const PERIOD_WORD = /预算|决算|执行|实际|\d{4}\s*年|本年|上年|去年|增减|增长|变动|差额|幅度/;
/** What was spent, not planned: 决算数, 执行数, 实际支出数. */
const ACTUAL = /决算|执行|实际/;
/** A change from last year (比上年增减 names 上年 too). */
export const CHANGE_WORD = /增减|增长|变动|差额|幅度|[增减]加?[额率%％]/;
/** A change as a ratio: not an amount. */
const RATIO_WORD = /[率%％]|幅度|百分比/;
/** Sources of funds and parts, whose names hold 预算 too (一般公共预算拨款): not periods. */
const NOT_PERIOD = /一般公共|政府性?基金|国有资本|财政拨款|财政专户|单位资金|基本支出|项目支出|人员经费|公用经费|合计|小计|总计|收入|(?<!实际)支出$/;

/**
 * The column a period's words name in a table of `t`'s stage and year: in a 预算, its own year (or
 * 本年, or a bare 预算数) is `total`, another year's or a 决算 is not its figure; in a 决算, 决算数 is
 * `total` and its budgets `initial_budget` / `full_year_budget` (columns.ts). Last year's figure of
 * the same stage is `prior_year` and the change from it `change` (our keys: the audit checks 增减 =
 * 本年 − 上年). Null: not read (a ratio, another year, another stage's last year); undefined: the
 * words name no period.
 */
export function periodColumn(words: string, t: Pick<MappedTable, 'year' | 'title'>): string | null | undefined {
  const w = compact(words);
  if (!PERIOD_WORD.test(w)) return undefined;
  // A ratio is no amount, whatever else its words name (决算数为预算数的%, 预算完成率).
  if (RATIO_WORD.test(w)) return null;
  if (CHANGE_WORD.test(w)) return 'change';
  const year = Number(/(\d{4})\s*年/.exec(w)?.[1] ?? NaN);
  const own = t.year ?? t.title.year;
  const final = t.title.stage === 'final';
  const lastYear = /上年|上期|去年/.test(w) || (Number.isFinite(year) && own !== null && year === own - 1);
  // 上年预算数 beside this year's 预算数 (a 决算: 上年决算数 beside its 决算数) is the same figure a year
  // earlier; a 预算 printing 上年执行数 gives another stage's.
  if (lastYear) return final ? (ACTUAL.test(w) ? 'prior_year' : null) : (ACTUAL.test(w) ? null : 'prior_year');
  if (Number.isFinite(year) && own !== null && year !== own) return null;
  if (t.title.stage === 'final') return ACTUAL.test(w) ? 'total' : /全年|调整/.test(w) ? 'full_year_budget' : /预算/.test(w) ? 'initial_budget' : null;
  return ACTUAL.test(w) ? null : 'total';
}

/** Column index → key (null: left), and the words over each and their line, for the warnings. */
export interface PeriodColumns {
  key: Map<number, string | null>;
  words: Map<number, string>;
  lines: Map<number, number>;
  /** What is said of a column left out (key null), where leftColumn's words do not fit it. */
  said?: Map<number, string>;
}

/**
 * The header's period columns, or null when it names none that reading by place would get wrong:
 * only last year's, another year's or a change column makes a header one of periods (a lone 预算数, or a 决算's
 * 年初预算数 | 全年预算数 | 决算数, are read as before). With `phases`, a 决算's budgets do too: a
 * label table (收支总表) reads its first amount as the figure, which beside 年初预算数 | 决算数 is the budget.
 */
export function periodColumns(header: readonly Row[], t: Pick<MappedTable, 'year' | 'title'>, phases = false): PeriodColumns | null {
  const words = new Map<number, string>();
  const lines = new Map<number, number>();
  for (const row of header) {
    row.cells.forEach((c, i) => {
      const w = compact(c);
      if (w && !words.has(i) && PERIOD_WORD.test(w) && !NOT_PERIOD.test(w.replace(CHANGE_WORD, '')) && periodColumn(w, t) !== undefined) {
        words.set(i, w);
        lines.set(i, row.lines[i] ?? row.line);
      }
    });
  }
  const key = new Map<number, string | null>();
  for (const [i, w] of words) key.set(i, periodColumn(w, t)!);
  // A change read as an amount only beside last year's figure: in a 决算, 增减 beside 预算数 | 决算数 is
  // the 决算's against its budget, no change from last year.
  if (![...key.values()].includes('prior_year')) for (const [i, k] of key) if (k === 'change') key.set(i, null);
  if (![...key.values()].some((k) => k === null || k === 'prior_year' || k === 'change' || (phases && k !== 'total'))) return null;
  return { key, words, lines };
}

/**
 * A header of periods over parts: 上年预算数 | 本年预算数 (合计 | 基本支出 | 项目支出) | 增减, or
 * 2023年预算数 (合计 | 基本 | 项目) | 2024年预算数 (合计 | 基本 | 项目). Each period word heads the
 * columns from its own to the next period word's; the part words beneath name them. This year's
 * columns take their parts' keys; another period's 合计 (or its one column) takes the period's key
 * (`prior_year`, `change`, a 决算's budgets); another period's parts are left. Null when no period
 * word stands on a row above a part word, or a filled column lies before the first period word.
 */
export function periodGroups(header: readonly Row[], t: Pick<MappedTable, 'year' | 'title' | 'table'>, filled: readonly number[]): PeriodColumns | null {
  const periods: { at: number; row: number; words: string; line: number }[] = [];
  const parts = new Map<number, { row: number; key: string; words: string }>();
  const isPeriod = (w: string) => PERIOD_WORD.test(w) && !NOT_PERIOD.test(w.replace(CHANGE_WORD, '')) && periodColumn(w, t) !== undefined;
  header.forEach((row, r) => row.cells.forEach((c, i) => {
    const w = compact(c);
    if (w && isPeriod(w)) periods.push({ at: i, row: r, words: w, line: row.lines[i] ?? row.line });
  }));
  // Most tables print no period word: their part words are not looked up.
  if (!periods.length) return null;
  header.forEach((row, r) => row.cells.forEach((c, i) => {
    const w = compact(c);
    if (!w || isPeriod(w)) return;
    // A group's 小计 is its 合计 (年初预算数 | 决算数, each over 小计 | 基本支出 | 项目支出).
    const key = SUBTOTAL.test(w) ? 'total' : headerKey(t.table, c, t.title.stage);
    if (key && !parts.has(i)) parts.set(i, { row: r, key, words: w });
  }));
  if ( ![...parts].some(([i, p]) => periods.some((q) => q.row < p.row && q.at <= i))) return null;
  periods.sort((a, b) => a.at - b.at);
  const spans = periods.map((p) => groupSpan(p, periods, parts));
  const out: PeriodColumns = { key: new Map(), words: new Map(), lines: new Map() };
  const own = (k: string | null) => k === 'total';
  for (const i of filled) {
    let g = spans.findIndex((s) => s !== null && s.lo <= i && i <= s.hi);
    if (g < 0) for (let k = 0; k < periods.length; k++) if (periods[k].at <= i) g = k;
    if (g < 0) return null;
    const period = periods[g];
    // A group's columns end at its span's end, or at the next period's word or group, whichever
    // comes first.
    let end = spans[g]?.hi !== undefined ? spans[g]!.hi + 1 : (periods[g + 1]?.at ?? Infinity);
    if (!spans[g]) for (const s of spans) if (s && s.lo > period.at) end = Math.min(end, s.lo);
    const part = parts.get(i);
    const grouped = [...parts.keys()].some((j) => j >= period.at && j < end && parts.get(j)!.row > period.row);
    const periodKey = periodColumn(period.words, t)!;
    let key: string | null;
    if (part && part.row > period.row) key = own(periodKey) ? part.key : part.key === 'total' ? periodKey : null;
    else key = grouped ? null : periodKey;
    out.key.set(i, key);
    out.words.set(i, part && part.row > period.row ? `${period.words}${part.words}` : period.words);
    out.lines.set(i, period.line);
  }
  // As in periodColumns: a change only beside last year's figure, and a header of this year's
  // columns alone (决算数 over 合计 | 基本 | 项目) read as before.
  if (![...out.key.values()].includes('prior_year')) for (const [i, k] of out.key) if (k === 'change') out.key.set(i, null);
  if (![...out.key.values()].some((k) => k === null || k === 'prior_year' || k === 'change')) return null;
  return out;
}

const SUBTOTAL = /^(?:合计|小计|总计)$/;

/**
 * The columns a period word heads where part words stand under its own column: a merged cell, whose
 * word a PDF centres over its columns (决算数 over 基本支出, the middle of 小计 | 基本支出 | 项目支出)
 * and a spreadsheet's text puts over the first. The span runs both ways over columns with a part
 * word beneath and no period word of their own, and ends where a part comes again (the next group's
 * 合计). Null for a period with nothing beneath it (年初预算数 over its one column, two rows high).
 */
function groupSpan(p: { at: number; row: number }, periods: readonly { at: number }[], parts: ReadonlyMap<number, { row: number; key: string }>): { lo: number; hi: number } | null {
  const under = (j: number) => {
    const part = parts.get(j);
    return part !== undefined && part.row > p.row ? part.key : null;
  };
  const first = under(p.at);
  if (first === null) return null;
  const keys = new Set([first]);
  const free = (j: number) => {
    const k = under(j);
    return k !== null && !keys.has(k) && !periods.some((q) => q.at === j);
  };
  let lo = p.at;
  let hi = p.at;
  for (let grew = true; grew; ) {
    grew = false;
    if (free(lo - 1)) (keys.add(under(--lo)!), (grew = true));
    if (free(hi + 1)) (keys.add(under(++hi)!), (grew = true));
  }
  return { lo, hi };
}

/**
 * How a left column is reported: at its header's line, not tied to the table or a row, because the
 * cells it leaves are left by design (a ratio, another year), and the audit must still judge the
 * rows' own figures (it takes a row with a warning on its line for one it could not read).
 */
export const LEFT_COLUMN: WarningDetail = { kind: 'unread_cell', table: undefined };

/** The warning for a column left: what its header says it is. */
export function leftColumn(t: Pick<MappedTable, 'where' | 'title'>, words: string): string {
  const w = compact(words);
  const what = CHANGE_WORD.test(w) ? '是增减额或增减幅度' : RATIO_WORD.test(w) ? '是百分比或比率' : `不是本年度${t.title.stage === 'final' ? '决算' : '预算'}的数`;
  return `${t.where}「${words}」一列${what}，未导入`;
}
