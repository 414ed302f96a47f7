/**
 * A check after reading: did a table's rows stop before they add up? A file cut short, a page lost,
 * tabs turned into spaces or a damaged font can drop rows without any single line looking wrong
 * (issue 14: a PDF without its last page lost 8 figures, a text whose tabs became spaces 277 of 295,
 * all silently). The tables that print a 合计 say what their rows should come to: when the rows read
 * come to less, or the last group of rows stops short of its own figure, the document gets a warning.
 *
 * Only shortfalls count: rows that add up to more than their 合计 are a defect of the publication,
 * which the audit (勾稽) reports. Pure: one ParsedDocument in, warnings out. What a text's own shape
 * shows (a file ending mid-row, short rows, a 目录 entry never reached) is textDamage.ts.
 */
import { formatWan, type Fen } from '../model/amount';
import type { Figure, ImportWarning, ParsedDocument } from '../model/document';
import { expectedStandardTables, TABLE_NAMES, type TableKey } from '../model/keys';
import { ASSET_PARTS } from '../model/tables/assets';
import { THREE_PUBLIC_PARTS, VEHICLE_PARTS } from '../model/tables/threePublic';

/** Tables of coded rows (类 3 digits, 款 5, 项 7) under a 合计 row `total`. */
const CLASSIFIED: readonly TableKey[] = ['income', 'expense', 'general_expense', 'fund_expense', 'soe_expense', 'basic_expense'];
/** 0.01 万元 per addend: printed figures are rounded, so sums may fall short by that much. */
const ROUNDING: Fen = 10_000;

const CUT = '表中的行可能没有读全（文件可能被截断、缺页或损坏）';

export function truncationWarnings(doc: ParsedDocument): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const byTable = new Map<TableKey, Figure[]>();
  for (const f of doc.figures) {
    const list = byTable.get(f.table);
    if (list) list.push(f);
    else byTable.set(f.table, [f]);
  }
  for (const table of CLASSIFIED) {
    const figures = byTable.get(table);
    if (figures) warnings.push(...classified(table, figures));
  }
  const three = byTable.get('three_public');
  if (three) warnings.push(...threePublic(three));
  const assets = byTable.get('assets');
  if (assets) warnings.push(...partsOfTotal('assets', assets, ASSET_PARTS));
  // A table whose title and layout were recognized but whose rows gave no figure at all.
  for (const t of doc.tables) {
    if (t.status === 'present' && t.table !== 'facts' && !byTable.has(t.table)) {
      warnings.push({ message: `「${TABLE_NAMES[t.table]}」没有读到任何数字：${CUT}`, source: { line: t.source.line } });
    }
  }
  // A document that prints several of the nine standard tables prints all of them (empty ones as
  // 「空表列示」): the missing ones were on pages or lines that did not arrive, or were not recognized.
  const seen = new Set(doc.tables.map((t) => t.table));
  const expected = expectedStandardTables(seen);
  const missing = expected.filter((t) => !seen.has(t));
  if (missing.length && expected.length - missing.length >= 3) {
    warnings.push({ message: `没有找到标准表${missing.map((t) => `「${TABLE_NAMES[t]}」`).join('')}：文件可能缺页或被截断，或这些表的标题无法识别` });
  }
  return warnings;
}

/** The document with its truncation warnings added (the importer calls this once per document). */
export function withTruncationWarnings<T extends ParsedDocument>(doc: T): T {
  const found = truncationWarnings(doc);
  if (found.length) doc.warnings.push(...found);
  return doc;
}

type Cells = Map<string, Map<string, Fen>>;

function cellsOf(figures: readonly Figure[]): Cells {
  const cells: Cells = new Map();
  for (const f of figures) {
    let row = cells.get(f.rowCode);
    if (!row) cells.set(f.rowCode, (row = new Map()));
    row.set(f.column, f.amount);
  }
  return cells;
}

/**
 * A 类/款/项 code: 3, 5 or 7 digits (what /^\d{3}(\d{2}){0,2}$/ says, without a regular expression:
 * this runs for every figure of every classified table).
 */
export function isCode(code: string): boolean {
  const n = code.length;
  if (n !== 3 && n !== 5 && n !== 7) return false;
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function classified(table: TableKey, figures: readonly Figure[]): ImportWarning[] {
  // Print order: the first line each coded row was read from; each code's children in print order,
  // indexed in the same walk over the figures (a filter of all codes per code was quadratic).
  const coded: string[] = [];
  const childrenOf = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const f of figures) {
    const c = f.rowCode;
    if (seen.has(c) || !isCode(c)) continue;
    seen.add(c);
    coded.push(c);
    const parent = c.slice(0, -2);
    const list = childrenOf.get(parent);
    if (list) list.push(c);
    else childrenOf.set(parent, [c]);
  }
  if (!coded.length) return [];
  const name = TABLE_NAMES[table];
  const line = figures.find((f) => f.rowCode === 'total')?.source.line ?? figures[0].source.line;
  // One column is judged, the table's own 合计 column (its 'total', else the first it prints): a
  // misprinted cell in another column is a defect of the publication (the audit's business), while
  // lost rows are missing from all columns. Only that column's cells are indexed.
  let column: string | undefined;
  for (const f of figures) if (f.rowCode === 'total' && (column === undefined || f.column === 'total')) column = f.column;
  // Without a 合计 row there is nothing to add up to; a table of several coded rows always prints one.
  if (column === undefined) {
    if (coded.length < 2) return [];
    const last = figures[figures.length - 1];
    return [{ message: `「${name}」有分类行但没有读到合计行，${CUT}`, source: { line: last.source.line } }];
  }
  // The sink keeps one figure per row and column, so each row has at most one cell here.
  const cells = new Map<string, Fen>();
  for (const f of figures) if (f.column === column) cells.set(f.rowCode, f.amount);
  // A blank cell with printed parts counts as the sum of its parts (blank is not zero).
  const value = (code: string): Fen | null => {
    const own = cells.get(code);
    if (own !== undefined) return own;
    const parts = (childrenOf.get(code) ?? []).map(value).filter((v): v is Fen => v !== null);
    return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  };
  const amount = cells.get('total')!;
  const out: ImportWarning[] = [];
  const classes = coded.filter((c) => c.length === 3);
  const sum = sumOf(classes.map(value));
  if (sum !== null && sum < amount - ROUNDING * (classes.length + 1)) {
    out.push({ message: `「${name}」各类之和 ${formatWan(sum)} 小于合计 ${formatWan(amount)}，${CUT}`, source: { line } });
    return out;
  }
  // The rows stop inside their last group: its last 类 (or 款) comes to more than the rows under it,
  // or, where every other 类 has 款 under it, the last one has none.
  for (const level of [3, 5]) {
    const atLevel = coded.filter((c) => c.length === level);
    const last = atLevel.at(-1);
    const own = last === undefined ? undefined : cells.get(last);
    if (last === undefined || own === undefined) continue;
    const under = childrenOf.get(last) ?? [];
    if (!under.length) {
      if (level === 3 && atLevel.length > 1 && atLevel.slice(0, -1).every((c) => childrenOf.has(c))) {
        out.push({ message: `「${name}」最后一类 ${last} 下面没有读到任何款，${CUT}`, source: { line: lineOf(figures, last) } });
      }
      continue;
    }
    const below = sumOf(under.map(value));
    if (below !== null && below < own - ROUNDING * (under.length + 1)) {
      out.push({ message: `「${name}」最后的 ${last} 下各行之和 ${formatWan(below)} 小于 ${formatWan(own)}，${CUT}`, source: { line: lineOf(figures, last) } });
      return out;
    }
  }
  return out;
}

/** The sum, or null when a part is blank (a blank cell beside printed ones can't be judged). */
function sumOf(parts: readonly (Fen | null)[]): Fen | null {
  if (!parts.length || parts.some((p) => p === null)) return null;
  return (parts as Fen[]).reduce((a, b) => a + b, 0);
}

function threePublic(figures: readonly Figure[]): ImportWarning[] {
  const cells = cellsOf(figures);
  // 小计 is the three parts; a 合计 may also carry 会议费 and 培训费 (Jiangsu), so only 小计 is judged.
  const subtotal = cells.get('subtotal');
  const amount = subtotal?.get('total') ?? (subtotal ? [...subtotal.values()][0] : undefined);
  if (!subtotal || amount === undefined) return [];
  const column = subtotal.has('total') ? 'total' : [...subtotal.keys()][0];
  const part = (code: string): Fen | null => {
    const own = cells.get(code)?.get(column);
    if (own !== undefined) return own;
    if (code !== 'vehicle') return null;
    return sumOf(VEHICLE_PARTS.map((c) => cells.get(c)?.get(column) ?? null).filter((v) => v !== null));
  };
  const parts = THREE_PUBLIC_PARTS.map(part).filter((v): v is Fen => v !== null);
  const sum = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  if (sum === null || sum >= amount - ROUNDING * (parts.length + 1)) return [];
  const line = figures.find((f) => f.rowCode === 'subtotal')?.source.line ?? figures[0].source.line;
  return [{ message: `「${TABLE_NAMES.three_public}」各项之和 ${formatWan(sum)} 小于小计 ${formatWan(amount)}，${CUT}`, source: { line } }];
}

/** A table whose `total` row is the sum of some of its other rows: their sum falls short of it. */
function partsOfTotal(table: TableKey, figures: readonly Figure[], parts: readonly string[]): ImportWarning[] {
  const cells = cellsOf(figures);
  const total = cells.get('total')?.get('total');
  const values = parts.map((p) => cells.get(p)?.get('total')).filter((v): v is Fen => v !== undefined);
  if (total === undefined || !values.length) return [];
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum >= total - ROUNDING * (values.length + 1)) return [];
  return [{ message: `「${TABLE_NAMES[table]}」各项之和 ${formatWan(sum)} 小于合计 ${formatWan(total)}，${CUT}`, source: { line: lineOf(figures, 'total') } }];
}

function lineOf(figures: readonly Figure[], code: string): number {
  return figures.find((f) => f.rowCode === code)?.source.line ?? figures[0].source.line;
}
