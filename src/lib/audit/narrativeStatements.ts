import type { Fen } from '../model/amount';
import type { Precision, Statement, StatedAmount } from '../model/narrative';
import type { SourceRef } from '../model/document';
import type { TableKey } from '../model/keys';
import { resolveItem } from '../ingest/narrative/resolve';
import { printedAt, type Where } from './context';
import type { DocView } from './docView';
import { inferPrecision } from './precision';
import { cellValue } from './relations';

/**
 * The narrative's statements as the checks use them: items resolved to their 功能分类 code (against
 * the document's own tables when the importer could not: a narrative and its tables read from two
 * files), and where each finding about a statement points.
 */
export function narrativeStatements(view: DocView): Statement[] {
  return view.memoize('narrative|statements', () => {
    const all = view.doc.narrative?.statements ?? [];
    if (!all.some((s) => s.level !== 'total' && !s.key && s.path)) return all;
    const coded = CODED.flatMap((t) => view.rows(t)).filter((r) => /^\d{3,7}$/.test(r.code)).map((r) => ({ code: r.code, name: r.name }));
    return all.map((s) => (s.level !== 'total' && !s.key && s.path ? { ...s, key: resolveItem(s.path, coded) } : s));
  });
}

/** The tables that print 功能分类 rows with a 合计 column, in the order a narrative item is looked up. */
export const ITEM_TABLES: readonly TableKey[] = ['fiscal_expense', 'general_expense', 'expense'];
const CODED: readonly TableKey[] = ['fiscal_expense', 'general_expense', 'expense', 'income', 'fund_expense'];

/**
 * The figure of a 功能分类 code in each table that prints it (合计 column); for a 类 also the 收支总表's
 * (all funds: a narrative's 「收支预算总表情况说明」 states 类 of all funds, its 「财政拨款支出」 section
 * those of 财政拨款).
 */
export function itemFigures(view: DocView, code: string): { table: TableKey; fen: Fen }[] {
  const out: { table: TableKey; fen: Fen }[] = [];
  for (const t of ITEM_TABLES) {
    const row = view.row(t, code);
    const fen = row ? cellValue(view, t, row, 'total') : null;
    if (fen !== null) out.push({ table: t, fen });
  }
  if (code.length === 3) {
    const s = view.amount('summary', `expense.${code}`, 'amount');
    if (s !== null) out.push({ table: 'summary', fen: s });
  }
  return out;
}

/**
 * The narrative's top-level section (「一、」「五、」) a line belongs to: its file and its heading's
 * line (0 before any). Lines of two files joined in one document (a narrative PDF and its tables)
 * count apart: a heading of one file starts no section of the other.
 */
export function sectionOf(view: DocView, at: SourceRef): string {
  const heads = view.memoize('narrative|sections', () =>
    (view.doc.narrative?.paragraphs ?? []).filter((p) => /^[一二三四五六七八九十]+、/.test(p.text)).map((p) => p.source));
  const file = at.file ?? '';
  let head = 0;
  for (const h of heads) if ((h.file ?? '') === file && h.line <= at.line) head = h.line;
  return `${file}|${head}`;
}

export function statementWhere(st: Statement, rowCode = st.key): Where {
  return { table: 'facts', rowCode, rowName: st.subject, column: 'amount', ...printedAt(st.source), quote: st.sentence };
}

/** The precision of a fact the narrative states (table `facts`): as printed when its value cannot tell (亿元), else from its value. */
export function factPrecision(view: DocView, key: string, fen: Fen): Precision {
  return view.doc.narrative?.factPrecision?.[key] ?? inferPrecision(fen);
}

/** The precision of a stated amount: as printed, or inferred from its value. */
export function precisionOf(a: StatedAmount | null, fen: Fen): Precision {
  return a ?? inferPrecision(fen);
}

/** An amount as the text prints it, with its unit (「1,623.18 万元」「3.2 亿元」); `unsigned` drops a minus. */
export function printed(a: StatedAmount, unsigned = false): string {
  return `${unsigned ? a.text.replace(/^-/, '') : a.text} ${a.unit}`;
}

/** 「公共安全/法院/行政运行（2040501）」 */
/** 「住房公积金」（2210201）: an item with its code; a total (key all.both, fiscal.income…) by its words alone. */
export function itemLabel(st: Statement): string {
  return `「${st.subject}」${/^\d{3,7}$/.test(st.key) ? `（${st.key}）` : ''}`;
}
