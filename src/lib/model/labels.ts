import { ECONOMIC_CLASSES } from './classification';
import { FUNCTION_CLASSES, TABLE_NAMES, type TableKey } from './keys';
import { ASSET_ROWS, COLUMNS, IMPORTER_FACTS, SUMMARY_ROWS, tableKind, THREE_PUBLIC_ROWS } from './tables';

/**
 * Chinese names of the FORMAT.md row and column keys, for everything a person reads (the document
 * view, the source panel, the Excel export). Keys are for machines; a reader sees 财政拨款收入, not
 * `income.fiscal`. The names live with each table kind (model/tables/).
 */

/** Any table's row names, for a key met outside its table (a future layout, a share link). */
const ALL_ROWS: Record<string, string> = { ...SUMMARY_ROWS, ...THREE_PUBLIC_ROWS, ...ASSET_ROWS, ...IMPORTER_FACTS };

export function tableName(table: string): string {
  return TABLE_NAMES[table as TableKey] ?? table;
}

/** A column key's Chinese name in its table; an unknown key (a future layout) is shown as it is. */
export function columnName(table: string, column: string): string {
  return tableKind(table).columns[column] ?? (COLUMNS as Record<string, string>)[column] ?? column;
}

/** A row key's Chinese name, for when no printed label is at hand. */
export function rowKeyName(table: string, rowCode: string): string {
  const own = tableKind(table).rows[rowCode];
  if (own) return own;
  const cls = /^expense\.(\d{3})$/.exec(rowCode);
  if (cls) {
    const name = FUNCTION_CLASSES[cls[1]] ?? ECONOMIC_CLASSES[cls[1]];
    if (name) return name;
  }
  return ALL_ROWS[rowCode] ?? rowCode;
}

/** The row as a reader names it: the label as printed, else the key's Chinese name. */
export function rowName(table: string, rowCode: string, printed: string): string {
  const p = printed.trim();
  return p && p !== rowCode ? p : rowKeyName(table, rowCode);
}

/**
 * The classification code of a row (201, 2010301), also of a 收支总表 row keyed by its 类
 * (expense.201 → 201); row keys that are not codes show none.
 */
export function printedCode(rowCode: string): string {
  return /^(?:expense\.)?(\d+)$/.exec(rowCode)?.[1] ?? '';
}
