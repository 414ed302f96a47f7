import { TABLE_NAMES, type TableKey } from '../keys';
import { ASSET_COLUMNS, ASSET_ROWS } from './assets';
import { COLUMNS, EXPENSE_COLUMNS, EXPENSE_TABLES } from './columns';
import { FACT_ROWS } from './facts';
import { SUMMARY_COLUMNS, SUMMARY_ROWS } from './summary';
import { THREE_PUBLIC_ROWS } from './threePublic';

/**
 * One place per table kind: its key, Chinese name, named rows (where rows are keys rather than
 * classification codes) and the columns whose names differ there. The coded tables name their rows
 * by code (model/classification.ts) and share COLUMNS.
 */
export interface TableKind {
  key: TableKey;
  name: string;
  rows: Readonly<Record<string, string>>;
  columns: Readonly<Record<string, string>>;
}

const kind = (key: TableKey, rows: Record<string, string> = {}, columns: Record<string, string> = {}): TableKind =>
  ({ key, name: TABLE_NAMES[key] ?? key, rows, columns });

const NAMED: Partial<Record<TableKey, TableKind>> = {
  summary: kind('summary', SUMMARY_ROWS, SUMMARY_COLUMNS),
  fiscal_summary: kind('fiscal_summary', SUMMARY_ROWS),
  three_public: kind('three_public', THREE_PUBLIC_ROWS),
  assets: kind('assets', ASSET_ROWS, ASSET_COLUMNS),
  facts: kind('facts', FACT_ROWS),
  ...Object.fromEntries(EXPENSE_TABLES.map((t) => [t, kind(t, {}, EXPENSE_COLUMNS)])),
};

/** The kind of a table key; an unknown key (a future layout) gets an empty vocabulary. */
export function tableKind(key: string): TableKind {
  return NAMED[key as TableKey] ?? kind(key as TableKey);
}

export { COLUMNS };
export * from './threePublic';
export * from './facts';
export * from './assets';
export * from './summary';
