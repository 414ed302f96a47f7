import type { Row } from '../lines';
import { compact, stripEnumeration } from '../normalize';
import { FUND_HEADS, isTotalRunTogether, placedByOrder, runTogetherWarning } from './fundHeads';
import { expenseLabel, incomeLabel, isSummaryLabel } from './labels';
import { printsAmount } from './byUnit';
import { readPairs, type LabelledItem } from './pairs';
import { keyByColumnList, purposeParts } from './summaryClassifications';
import { LEFT_COLUMN, leftColumn, periodColumns } from './periods';
import type { MappedTable } from './prepare';
import type { FigureSink } from './sink';

/**
 * 收支总表 and 财政拨款收支总表: label | amount groups side by side (pairs.ts), income on the left and
 * expense on the right, in one group (national, Shanghai) or two (Jiangsu: by function, by purpose).
 * Rows are labels: 「一、一般公共预算拨款收入」 → income.general, 「一般公共服务支出」 → expense.201,
 * 「一、基本支出」 → expense.basic. Where the expense side prints several amounts per row (the fiscal
 * summary's 合计 | 一般公共预算 | 政府性基金 | 国有资本经营; Shanghai's 合计 | 人员经费 | 公用经费 |
 * 项目支出), each takes the key of the header word above it, or of its place after the label.
 */

const FISCAL_EXPENSE_COLUMNS = ['total', 'general', 'fund', 'soe'];
const FISCAL_HEADER: [RegExp, string][] = [[/^(?:合计|小计|金额|总计)$/, 'total'], ...FUND_HEADS];
const SUMMARY_HEADER: [RegExp, string][] = [[/^(?:合计|小计|金额|预算数|决算数)$/, 'amount'], [/^人员经费$/, 'personnel'], [/^(?:日常)?公用经费$/, 'public'], [/^基本支出$/, 'basic'], [/^项目支出$/, 'project']];

export function readSummary(t: MappedTable, sink: FigureSink): void {
  const fiscal = t.table === 'fiscal_summary';
  // 决算 summaries print a 行次 column beside each label; a 序号 column comes first.
  const skip = new Set<number>();
  for (const row of t.body.slice(0, 6)) row.cells.forEach((c, i) => compact(c) === '行次' && skip.add(i));
  if (t.hasSeq) skip.add(0);
  const { header, items } = readPairs(t.body, t.fenPerUnit, skip, isSummaryLabel);
  const headerWords = fiscal ? FISCAL_HEADER : SUMMARY_HEADER;
  const firstKeys = besideAmounts(columnHeaderKeys(header, headerWords), items);
  const pages = pageHeaders(header, t.body.slice(header.length), headerWords);
  for (const p of pages) besideAmounts(p.keys, items);
  const runTogether = fiscal && totalRunTogether(header, firstKeys);
  const defaultKeys = fiscal ? FISCAL_EXPENSE_COLUMNS : summaryExpenseColumns(header);
  // Amount columns headed by years or phases (2023年预算数 | 2024年预算数; a 决算's 年初预算数 | 决算数)
  // instead of one 预算数.
  const periods = periodColumns(header, t, true);
  const left = new Set<number>();
  // Each label's income and expense reading, looked up once (the side and the key both need them).
  const incomes = items.map((i) => incomeLabel(i.label));
  const expenses = items.map((i) => expenseLabel(i.label));
  const expenseOnly: number[] = [];
  items.forEach((item, k) => expenses[k] !== null && incomes[k] === null && expenseOnly.push(item.col));
  const expenseFrom = Math.min(...expenseOnly, ...sideWord(header));

  // A plain 「收入合计」 is the table's total of everything (Jiangsu: 当年收入小计 + 上年结转资金 =
  // 收入合计), unless a 「收入总计」 follows it: then it is the current year's.
  const keyed = items.map((item, k) => ({ item, ...keyOf(item, incomes[k], expenses[k], expenseFrom) }));
  for (const side of ['income', 'expense'] as const) {
    const grand = keyed.some((k) => k.key === `${side}.grand_total` && !k.plainTotal);
    for (const k of keyed) if (k.plainTotal && !grand) k.key = k.key === `${side}.current_total` ? `${side}.grand_total` : k.key;
  }

  keyByColumnList(keyed);
  const purposes = purposeParts(keyed);
  // An expense side by 经济分类: its 「其他支出」 is the economic 399 (599), not the 功能分类's 229.
  const economic = keyed.filter((k) => k.expense && /^expense\.[35]\d\d$/.test(k.key ?? ''));
  if (economic.length && !keyed.some((k) => k.expense && /^expense\.2\d\d$/.test(k.key ?? '') && k.key !== 'expense.229')) {
    const other = economic.some((k) => k.key!.startsWith('expense.5')) ? 'expense.599' : 'expense.399';
    for (const k of keyed) if (k.expense && k.key === 'expense.229') k.key = other;
  }

  // 「上年财政拨款结转」 and 「上年非财政拨款结转」 as two rows (with or without a 「上年结转」 above them)
  // are the carryover's parts: each keeps its own key, where a second income.carryover would be
  // taken for a repeat of the first and dropped. A lone one is the carryover itself.
  const carried = keyed.filter((k) => k.key === 'income.carryover');
  if (carried.length > 1) for (const k of carried) k.key = carryoverPart(k.item.label) ?? k.key;

  // Under 「年初财政拨款结转和结余」 the fiscal summary repeats 一、二、三 for the carried-over funds.
  let underCarryover = false;
  // The expense item last keyed in each label column: 「人员经费」「公用经费」 printed beneath
  // 「一、基本支出」 are its parts, the cells Shanghai's 合计 | 人员经费 | 公用经费 columns give.
  const aboveIn = new Map<number, string | null>();
  // The 类 each label column is under: the 款 and 项 some print beneath it (Shenzhen, Zhejiang: 「信访
  // 事务」「行政运行」) are the 功能分类 tables' rows, said once for the table, not row by row.
  const classIn = new Set<number>();
  const details: string[] = [];
  let detailLine = t.line;
  for (const entry of keyed) {
    const { item, key: k, expense } = entry;
    let key = k;
    let part: string | undefined;
    if (key === null && aboveIn.get(item.col) === 'expense.basic' && item.amounts.length === 1) {
      part = basicPart(item.label);
      if (part) key = 'expense.basic';
    } else {
      aboveIn.set(item.col, key);
      if (item.amounts.length === 1) part = purposes.get(entry);
    }
    if (key === 'income.carryover') underCarryover = true;
    else if (key === 'income.grand_total' || key === 'income.current_total') underCarryover = false;
    else if (underCarryover && key && /^income\.(general|fund|soe)$/.test(key)) key = key.replace('income.', 'income.carryover.');
    if (key) {
      if (/^expense\.2\d\d$/.test(key)) classIn.add(item.col);
      else classIn.delete(item.col);
    }
    if (!item.amounts.length) continue;
    const name = item.label.replace(/\s+/g, ' ').trim();
    if (!key && expense && classIn.has(item.col) && FUNCTION_ITEM.test(compact(name))) {
      if (!details.length) detailLine = item.amounts[0].line;
      details.push(name);
      continue;
    }
    if (!key) {
      sink.warn(`${t.where}的行「${name || '（无名称）'}」不是已知的收支项目，其金额未导入`, item.amounts[0].line, { kind: 'unread_row' });
      continue;
    }
    const amounts = item.amounts;
    const headerKeys = keysAt(pages, firstKeys, amounts[0].line);
    amounts.forEach((a, i) => {
      let column: string | undefined;
      const period = periods?.key.get(a.col);
      if (period === null) {
        if (!left.has(a.col)) sink.warn(leftColumn(t, periods!.words.get(a.col)!), periods!.lines.get(a.col), LEFT_COLUMN);
        left.add(a.col);
        return;
      }
      if (period) column = period !== 'total' ? period : fiscal && expense ? 'total' : 'amount';
      else if (part) column = part;
      else if (!expense) column = i === 0 ? 'amount' : undefined;
      else if (runTogether) column = placedByOrder(amounts.length, defaultKeys)[i];
      else if (amounts.length === 1 && headerKeys.get(a.col) === undefined) column = defaultKeys[0];
      else column = headerKeys.get(a.col) ?? defaultKeys[a.col - item.col - 1] ?? (i === 0 ? defaultKeys[0] : undefined);
      if (!column && runTogether) {
        sink.warn(runTogetherWarning(t.where, name, a.text), a.line, { kind: 'unread_cell', rowCode: key });
        return;
      }
      if (!column) {
        sink.warn(`${t.where}「${name}」行多出一列无法对应表头的数「${a.text}」`, a.line, { kind: 'unread_cell', rowCode: key });
        return;
      }
      sink.addCell(t.table, key, name, column, a.text, a.line, t.fenPerUnit, t.where);
    });
  }
  if (details.length) {
    sink.warn(`${t.where}支出按功能分类列到款、项，其下 ${details.length} 行（「${details[0]}」等）未作为数字导入，只导入了各类；款、项的数见按功能分类的支出表`, detailLine, { kind: 'unread_row' });
  }
}

/**
 * The header each later page prints again, where its grid puts the columns elsewhere (烟台's
 * 财政拨款收支总表: 总计 | 一般公共预算 four columns further right on its second page, whose 支出总计 went in
 * under 政府性基金 and 国有资本经营 by the first page's heads): each run of rows opening on one that prints a
 * first-page header row's words again, in order, that names two heads or more, and the line after which
 * its keys hold. Only such rows are asked for heads (most rows without an amount are labels).
 */
function pageHeaders(first: readonly Row[], rows: readonly Row[], words: [RegExp, string][]): { line: number; keys: Map<number, string> }[] {
  const printed = new Set(first.map(words_));
  // Asked of every row: its first filled cell first, a header row's words only where it could be one.
  const opening = new Set(first.map((r) => r.cells.find(Boolean)));
  const pages: { line: number; keys: Map<number, string> }[] = [];
  let run: Row[] = [];
  const close = () => {
    if (run.length) {
      const keys = columnHeaderKeys(run, words);
      if (keys.size >= 2) pages.push({ line: run[run.length - 1].line, keys });
    }
    run = [];
  };
  for (const row of rows) {
    // A run opens on a row of the first page's header and goes on over the rows without an amount
    // after it (the heads the first page prints in its body's first row: 「总计 | 一般公共预算」).
    if ((opening.has(row.cells.find(Boolean)) && printed.has(words_(row))) || (run.length && !row.cells.some(printsAmount))) run.push(row);
    else close();
  }
  close();
  return pages;
}

/** A row's filled cells, in order: the same header on another page's grid prints the same. */
function words_(row: Row): string {
  return row.cells.filter(Boolean).join('\t');
}

/** The keys of the last header printed above `line`: the first page's, or a later page's own. */
function keysAt(pages: readonly { line: number; keys: Map<number, string> }[], first: Map<number, string>, line: number): Map<number, string> {
  let keys = first;
  for (const p of pages) if (p.line < line) keys = p.keys;
  return keys;
}

/** A 款 or 项 name: words alone, no digit nor a note's punctuation. */
const FUNCTION_ITEM = /^[\u4e00-\u9fff（）()、]{2,30}$/;

/** 「上年非财政拨款结转」 → income.carryover.other, 「其中：财政拨款结转和结余」 → income.carryover.fiscal. */
function carryoverPart(label: string): string | undefined {
  const t = compact(label);
  return /非财政拨款/.test(t) ? 'income.carryover.other' : /财政拨款/.test(t) ? 'income.carryover.fiscal' : undefined;
}

/** 「人员经费」「（一）人员经费」「其中：日常公用经费」 → the 基本支出 column they are. */
function basicPart(label: string): 'personnel' | 'public' | undefined {
  const t = stripEnumeration(compact(label).replace(/^其中[：:]?/, ''));
  return t === '人员经费' ? 'personnel' : /^(?:日常)?公用经费$/.test(t) ? 'public' : undefined;
}

/** The item's key and side: words decide where they can, else the column (left of the expense side: income). */
function keyOf(item: LabelledItem, income: string | null, expense: string | null, expenseFrom: number): { key: string | null; expense: boolean; plainTotal: boolean } {
  const onExpenseSide = expense !== null && (income === null || item.col >= expenseFrom);
  const plainTotal = /^(?:收入|支出)合计$/.test(compact(item.label));
  if (onExpenseSide) return { key: expense, expense: true, plainTotal };
  if (income !== null) return { key: income, expense: false, plainTotal };
  return { key: null, expense: item.col >= expenseFrom, plainTotal };
}

/** Whether the expense side's 合计 is run together with the head after it (fundHeads.ts): its column is 合计's. */
function totalRunTogether(header: readonly { cells: string[] }[], keys: Map<number, string>): boolean {
  let found = false;
  for (const r of header) {
    r.cells.forEach((c, i) => {
      if (!isTotalRunTogether(c)) return;
      keys.set(i, 'total');
      found = true;
    });
  }
  return found;
}

/** Columns of the header's side words (「支出」「本年支出」) mark where the expense side starts. */
function sideWord(header: readonly { cells: string[] }[]): number[] {
  const out: number[] = [];
  for (const r of header) r.cells.forEach((c, i) => /^(?:本年)?支出$/.test(compact(c)) && out.push(i));
  return out;
}

/** Column → key, from the lowest header row that names the column. */
function columnHeaderKeys(header: readonly { cells: string[] }[], words: [RegExp, string][]): Map<number, string> {
  const keys = new Map<number, string>();
  for (let r = header.length - 1; r >= 0; r--) {
    header[r].cells.forEach((c, i) => {
      if (keys.has(i) || !c) return;
      const key = words.find(([re]) => re.test(compact(c)))?.[1];
      if (key) keys.set(i, key);
    });
  }
  return keys;
}

/**
 * Shanghai's 单位 财务收支预算总表 splits each expense into 合计 | 基本支出 (人员经费 | 公用经费) |
 * 项目支出; other layouts into 合计 | 基本支出 | 项目支出. 合计 stays `amount`; the parts get
 * `personnel`, `public`, `basic` and `project` (README.md).
 */
function summaryExpenseColumns(header: readonly { cells: string[] }[]): string[] {
  const words = new Set(header.flatMap((r) => r.cells.map(compact)));
  if (words.has('人员经费') && words.has('公用经费')) return ['amount', 'personnel', 'public', ...(words.has('项目支出') ? ['project'] : [])];
  if (words.has('基本支出') && words.has('项目支出')) return ['amount', 'basic', 'project'];
  return ['amount'];
}

/**
 * A head printed a column beside its amounts (佛山's 决算 财政拨款收支总表: 「合计」 over the column left of its
 * amounts, the 行次 between), where no amount column is under it and its key heads no other column
 * of amounts: the amounts' head. Only a column away, only over rows of several amounts (a lone
 * amount takes the side's first key as before), and only where every other amount column has its
 * head over it.
 */
function besideAmounts(keys: Map<number, string>, items: readonly LabelledItem[]): Map<number, string> {
  const amountCols = new Set(items.flatMap((i) => (i.amounts.length > 1 ? i.amounts.map((a) => a.col) : [])));
  const used = new Set([...amountCols].flatMap((c) => (keys.has(c) ? [keys.get(c)!] : [])));
  // A header standing over its amounts but for one: one whose words stand elsewhere (a layout text's
  // spaced columns) keeps the amounts' order.
  if (used.size < amountCols.size - 1) return keys;
  for (const col of amountCols) {
    if (keys.has(col)) continue;
    const near = [col - 1, col + 1].filter((c) => keys.has(c) && !amountCols.has(c) && !used.has(keys.get(c)!));
    if (near.length !== 1) continue;
    keys.set(col, keys.get(near[0])!);
    used.add(keys.get(near[0])!);
  }
  return keys;
}
