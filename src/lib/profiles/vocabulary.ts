import { FUNCTION_CLASSES } from '../model/keys';
import type { ProfileKind } from './kinds';
import { ASSET_ROWS, SUMMARY_ROWS, THREE_PUBLIC_ROWS } from '../model/tables';
import { columnName } from '../model/labels';
import { BASIC_COLUMNS, EXPENSE_COLUMNS, INCOME_COLUMNS } from '../ingest/tables/columnSpecs';

/**
 * The keys a profile may map to, with their Chinese names, from the one vocabulary (model/tables and
 * the importer's column lists): each kind's columns and, for the tables whose rows are labels, its row
 * keys. The kinds themselves are in kinds.ts.
 */
const PROCUREMENT_ROWS = { total: '合计', goods: '货物', works: '工程', services: '服务' };

/** Row key → Chinese name for a label table (收支总表's 类 rows are expense.<code>). */
export function rowVocabulary(kind: ProfileKind): Record<string, string> {
  if (kind === 'summary' || kind === 'fiscal_summary') {
    const classes = Object.fromEntries(Object.entries(FUNCTION_CLASSES).map(([code, name]) => [`expense.${code}`, name]));
    return { ...SUMMARY_ROWS, ...classes };
  }
  if (kind === 'three_public') return { ...THREE_PUBLIC_ROWS };
  if (kind === 'assets') return { ...ASSET_ROWS };
  if (kind === 'procurement') return { ...PROCUREMENT_ROWS };
  return {};
}

const keys = (specs: readonly { key: string }[]) => specs.map((s) => s.key);

/** The column keys of a kind, in the order its template prints them (FORMAT.md, Column keys). */
export function columnKeysOf(kind: ProfileKind): string[] {
  switch (kind) {
    case 'summary': return ['amount'];
    case 'fiscal_summary': case 'three_public': return kind === 'fiscal_summary' ? ['amount', 'total', 'general', 'fund', 'soe'] : ['total', 'general', 'fund', 'soe'];
    case 'income': return keys(INCOME_COLUMNS);
    case 'basic_expense': case 'fiscal_basic_expense': case 'operating_cost': return keys(BASIC_COLUMNS);
    case 'assets': case 'procurement': return ['total'];
    default: return keys(EXPENSE_COLUMNS);
  }
}

/** Column key → Chinese name for a kind. */
export function columnVocabulary(kind: ProfileKind): Record<string, string> {
  return Object.fromEntries(columnKeysOf(kind).map((k) => [k, columnName(kind, k)]));
}
