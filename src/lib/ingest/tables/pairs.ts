import { cellFen } from '../amounts';
import type { Row } from '../lines';
import { compact, stripEnumeration } from '../normalize';

/**
 * Tables of named rows printed as label | amount groups side by side: the 收支总表 (收入 | 支出, or
 * Jiangsu's 收入 | 支出 by function | 支出 by purpose) and the 财政拨款收支总表. The structure is read
 * from the cells, not assumed:
 *  - label columns are those where data rows print words, amount columns those where they print
 *    amounts; each amount column belongs to the label column on its left (its group);
 *  - an amount that touches the next label in one cell (「96,282,213.44 一、公共安全支出」) is split, and
 *    so is a label's own amount in its cell (「四、公共安全支出 16,458.75」);
 *  - a label wrapped inside its cell continues on the next line (「七、文化旅游体育与传媒支」 / 「出」;
 *    「三、单位预留机动经」 / amount / 「费」): a piece that is no label by itself and opens no new
 *    item (no 「一、」) joins the label above it in the same group, and an amount on a line where its
 *    group has no label belongs to the unfinished label above it;
 *  - a label centred across two groups (「当年支出小计」) takes the amount its row prints to its right.
 */
export interface LabelledItem {
  /** The label's column (of its first piece). */
  col: number;
  label: string;
  /** The label's first line, where warnings point. */
  line: number;
  amounts: { col: number; text: string; line: number }[];
}

export interface PairLayout {
  /** Rows above the first data row (a row printing words and amounts). */
  header: Row[];
  items: LabelledItem[];
}

const AMOUNT_THEN_WORDS = /^([(（]?[-－−]?\d[\d,，]*(?:[.．]\d+)?[)）]?)\s+(\S*[\u4e00-\u9fff].*)$/;
const WORDS_THEN_AMOUNT = /^(\S*[\u4e00-\u9fff]\S*)\s+([(（]?[-－−]?\d[\d,，]*(?:[.．]\d+)?[)）]?)$/;

const SEQ_THEN_WORDS = /^\d{1,3}\s+(\S*[\u4e00-\u9fff].*)$/;

/** A 功能分类 类 code: three digits, no point or separator. */
const CLASS_CODE = /^2\d{2}$/;

function isAmount(cell: string, fenPerUnit: number): boolean {
  // cellFen: no object per cell (every cell of every 收支总表 is asked).
  return /\d/.test(cell) && typeof cellFen(cell, fenPerUnit) === 'number';
}

/**
 * An amount cell, or one meant as an amount but misprinted (「1O0.50」): digits and no words. Not an
 * item's number printed in a cell of its own (「1.」「2、」), which opens a label.
 */
function amountLike(cell: string, fenPerUnit: number): boolean {
  if (/^\d{1,2}[.．、]$/.test(cell)) return false;
  return isAmount(cell, fenPerUnit) || (/\d/.test(cell) && cell.length <= 24 && !/[\u4e00-\u9fff]/.test(cell));
}

/**
 * 栏次 / 档次 numbering rows are furniture, not data; the first column's number run into the word
 * (「栏次 1」, a converter's narrow grid) too.
 */
function isNumbering(row: Row): boolean {
  return /^(?:栏次|档次)\d*$/.test(compact(row.cells.find(Boolean) ?? ''));
}

interface Token {
  col: number;
  text: string;
  line: number;
  amount: boolean;
  /** An amount printed against the next label in one cell: it ends the label before it. */
  touching?: boolean;
}

/** A row's cells as tokens in reading order; 「96,282,213.44 一、公共安全支出」 gives two. */
function tokens(row: Row, fenPerUnit: number, skipCols: ReadonlySet<number>, isLabel: (text: string) => boolean): Token[] {
  const out: Token[] = [];
  // A loop, not forEach: no closure made per row.
  for (let col = 0; col < row.cells.length; col++) {
    let cell = row.cells[col];
    if (cell === '') continue;
    if (skipCols.has(col)) {
      // A 序号 run into the label beside it (「1 一、一般公共预算拨款」, a converter's narrow grid):
      // the label is read, the number not.
      const rest = SEQ_THEN_WORDS.exec(cell)?.[1];
      if (!rest) continue;
      cell = rest;
    }
    const line = row.lines[col] ?? row.line;
    const touching = AMOUNT_THEN_WORDS.exec(cell);
    // 「201 一般公共服务支出」 is one label, its 类 code before its name: no amount touching it.
    if (touching && isAmount(touching[1], fenPerUnit) && !(CLASS_CODE.test(touching[1]) && isLabel(cell))) {
      out.push({ col, text: touching[1], line, amount: true, touching: true }, { col, text: touching[2], line, amount: false });
      continue;
    }
    // 「四、公共安全支出 16,458.75」: a group whose amounts are few (three of twenty 类) gets no amount
    // column of its own, and its amounts stay in the label's cell. Split where the words are a label.
    const trailing = cell.includes(' ') ? WORDS_THEN_AMOUNT.exec(cell) : null;
    if (trailing && isAmount(trailing[2], fenPerUnit) && !CLASS_CODE.test(trailing[2]) && isLabel(trailing[1])) {
      out.push({ col, text: trailing[1], line, amount: false }, { col, text: trailing[2], line, amount: true });
    } else {
      out.push({ col, text: cell, line, amount: amountLike(cell, fenPerUnit) });
    }
  }
  return letterSpaced(out, isLabel);
}

/**
 * A label printed letter-spaced across the page's grid, a character a cell (烟台's 财政拨款收支总表,
 * its second page: 「本 | 年 | 收 | 入 | 合 | 计 | 2,123.11 | 本年支出 | 合 | 计」): the words in cells side by
 * side, two of them or more single characters, joined where what they make is a label.
 */
function letterSpaced(tokens: Token[], isLabel: (text: string) => boolean): Token[] {
  let single = 0;
  for (const t of tokens) if (!t.amount && t.text.length === 1) single++;
  if (single < 2) return tokens;
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    let end = k;
    let chars = tokens[k].text.length === 1 ? 1 : 0;
    while (end + 1 < tokens.length && !tokens[k].amount && !tokens[end + 1].amount && tokens[end + 1].col === tokens[end].col + 1) {
      end++;
      if (tokens[end].text.length === 1) chars++;
    }
    const text = tokens.slice(k, end + 1).map((t) => t.text).join('');
    if (end > k && chars >= 2 && tokens[end + 1]?.amount === true && isLabel(text)) {
      out.push({ ...tokens[k], text });
      k = end;
    } else out.push(tokens[k]);
  }
  return out;
}

export function readPairs(body: readonly Row[], fenPerUnit: number, skipCols: ReadonlySet<number>, isLabel: (text: string) => boolean): PairLayout {
  const rows = body.filter((r) => !isNumbering(r));
  const tokenRows = joinLeadingWords(rows.map((r) => tokens(r, fenPerUnit, skipCols, isLabel)));
  // Data start at the first row with a label and an amount, or earlier at a row naming an item (the
  // first line of a label wrapped over the amount's line, 「一、一般公共服务」 / 「支出 880.19」).
  const withAmount = tokenRows.findIndex((ts) => ts.some((t) => t.amount) && ts.some((t) => !t.amount));
  if (withAmount < 0) return { header: [...rows], items: [] };
  const headerWord = (t: Token) => /^(?:项目|项目名称|功能科目名称|金额|合计|小计|预算数|决算数|人员经费|公用经费|行次)$/.test(compact(t.text));
  let first = withAmount;
  while (first > 0 && first >= withAmount - 2) {
    const ts = tokenRows[first - 1];
    // A label's first line, whole or cut where it wraps (「一、一般公共预」 / 「算拨款」): it opens an item.
    if (!ts.some((t) => !t.amount && (isLabel(t.text) || stripEnumeration(t.text) !== t.text)) || ts.some(headerWord)) break;
    first--;
  }
  // A later page's header printed again (佛山's 决算 tables: 「项目 | 行次 | 金额 | 项 | | 目 | 行次 | | 合计 …」,
  // its columns moved) holds no item, and its words are no label column.
  for (let r = tokenRows.length - 1; r > first; r--) {
    const ts = tokenRows[r];
    if (!ts.some((t) => t.amount) && ts.filter(headerWord).length >= 2) tokenRows.splice(r, 1);
  }
  // Which columns hold labels and which amounts (a label centred across two groups, 「当年支出小计」,
  // can stand in an amount column).
  const labels = new Map<number, number>();
  const amounts = new Map<number, number>();
  for (let r = first; r < tokenRows.length; r++) {
    for (const t of tokenRows[r]) {
      const m = t.amount ? amounts : labels;
      m.set(t.col, (m.get(t.col) ?? 0) + 1);
    }
  }
  const majority = [...labels.keys()].filter((c) => labels.get(c)! > (amounts.get(c) ?? 0)).sort((a, b) => a - b);
  // A column whose labels all stand on rows where the label column before it is empty holds labels
  // centred across groups (「当年支出小计」), not a group of its own: unless it holds more labels than
  // that column. A narrow label column wrapped and letter-spaced over several (「1. | 一 般 公 | …」)
  // leaves a column of a label or two before the next group's twenty, on rows of their own.
  const labelAt = (r: number, c: number) => tokenRows[r].some((t) => !t.amount && t.col === c);
  const labelCols = majority.filter((c, k) => {
    if (k === 0) return true;
    const rowsWith: number[] = [];
    for (let r = first; r < tokenRows.length; r++) if (labelAt(r, c)) rowsWith.push(r);
    return rowsWith.some((r) => labelAt(r, majority[k - 1])) || rowsWith.length > labels.get(majority[k - 1])!;
  });
  /**
   * Whether a piece under a whole label opens a label wrapped over the lines below it instead of
   * continuing the one above: 「收入合」 under 「上年结转资金」, then 「计」 (人大 2017), is 收入合计.
   * Only with a tail piece below (no label by itself, no item's number): 「支出」 under 「一、一般公共服
   * 务」 stays its tail although 「二、外交支出」 follows.
   */
  const opensWrapped = (label: string, t: Token, r: number): boolean => {
    if (!isLabel(label)) return false;
    for (let n = r + 1; n <= r + 2 && n < tokenRows.length; n++) {
      const below = tokenRows[n].find((b) => !b.amount && b.col === t.col);
      if (!below) continue;
      return stripEnumeration(below.text) === below.text && !isLabel(below.text) && isLabel(t.text + below.text);
    }
    return false;
  };
  const items: LabelledItem[] = [];
  // The last item in each label column, and the row it was last extended on.
  const last = new Map<number, { item: LabelledItem; row: number }>();
  for (let r = first; r < tokenRows.length; r++) {
    let current: LabelledItem | null = null;
    const orphans: { token: Token; before: LabelledItem | null }[] = [];
    const row = tokenRows[r];
    for (let k = 0; k < row.length; k++) {
      const t = row[k];
      if (t.amount) {
        // An amount belongs to the label before it on its row, unless another label column lies
        // between them (then it is the unfinished label's above); a centred label takes its first.
        const spanning = current !== null && !labelCols.includes(current.col) && !current.amounts.length;
        if (current && (spanning || t.touching || !labelCols.some((c) => c > current!.col && c <= t.col))) current.amounts.push(t);
        else orphans.push({ token: t, before: current });
        continue;
      }
      const prior = last.get(t.col);
      // A piece printing its own amount in its group is an item of its own once the label above has
      // its amount (「一、基本支出 1,400」 / 「人员经费 1,200」): a wrapped label's amount stands on one
      // of its lines, not on each.
      const next = row[k + 1];
      const ownAmount = next?.amount === true && !labelCols.some((c) => c > t.col && c <= next.col);
      if (prior && prior.row >= r - 2 && !(ownAmount && prior.item.amounts.length) && continues(prior.item.label, t.text, isLabel) && !opensWrapped(prior.item.label, t, r)) {
        prior.item.label += t.text;
        prior.row = r;
        current = prior.item;
        continue;
      }
      current = { col: t.col, label: t.text, line: t.line, amounts: [] };
      items.push(current);
      last.set(t.col, { item: current, row: r });
    }
    // Items given this row's amounts here: a wrapped label's row of amounts in a group of several
    // amount columns (财政拨款收支总表: 合计 | 一般公共预算 | …) gives it each of them.
    const fed = new Set<LabelledItem>();
    for (const { token: o, before } of orphans) {
      // Numbers left of every label are a 序号 column.
      if (labelCols.length && o.col < labelCols[0]) continue;
      // The unfinished label above in the amount's own column (a label wrapped around its amount),
      // else the label before it on the row, spanning the empty group (「当年支出小计」).
      const col = labelCols.filter((c) => c <= o.col).pop();
      const prior = col === undefined ? undefined : last.get(col);
      if (prior && prior.row >= r - 1 && prior.row < r && (!prior.item.amounts.length || (fed.has(prior.item) && !prior.item.amounts.some((a) => a.col === o.col)))) {
        prior.item.amounts.push(o);
        fed.add(prior.item);
      }
      else if (before && !before.amounts.length && !labelAt(r, col ?? -1)) before.amounts.push(o);
      else items.push({ col: o.col, label: '', line: o.line, amounts: [o] });
    }
  }
  return { header: rows.slice(0, first), items };
}

/**
 * A narrow label column printed letter-spaced and wrapped, which the layout cut into several
 * (人大 2017's 收入: 「1. | 一 般 公」 over 「共预算」, 「当 | 年 | 收 | 入」 over 「小计」): the columns
 * left of every amount, where a row prints pieces in two of them or more, are one label column,
 * the first of them. Each row's pieces there are joined, left to right; the same text printed twice
 * (a merged cell written in each of its columns) once.
 */
function joinLeadingWords(tokenRows: Token[][]): Token[][] {
  let firstAmount = Infinity;
  for (const ts of tokenRows) for (const t of ts) if (t.amount && t.col < firstAmount) firstAmount = t.col;
  const leading = (ts: readonly Token[]) => ts.filter((t) => !t.amount && t.col < firstAmount);
  if (!tokenRows.some((ts) => new Set(leading(ts).map((t) => t.col)).size >= 2)) return tokenRows;
  let col = Infinity;
  for (const ts of tokenRows) for (const t of leading(ts)) col = Math.min(col, t.col);
  return tokenRows.map((ts) => {
    const pieces = leading(ts);
    if (!pieces.length) return ts;
    const texts = pieces.map((t) => t.text);
    const text = texts.every((x) => x === texts[0]) ? texts[0] : texts.join('');
    return [{ ...pieces[0], col, text }, ...ts.filter((t) => !pieces.includes(t))];
  });
}

/** Whether `piece` is the rest of a label wrapped inside its cell. */
function continues(label: string, piece: string, isLabel: (text: string) => boolean): boolean {
  // Three pure tests, any of which says no; cheapest first, the joined label (a new string to look
  // up) last: a new item opens with its number (「八、」「2.」「（一）」), or is a label itself.
  if (stripEnumeration(piece) !== piece) return false;
  if (isLabel(piece)) return false;
  return !(isLabel(label) && !isLabel(label + piece));
}
