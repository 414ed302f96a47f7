import type { TableKey } from './keys';

/**
 * Tables whose coded rows are 经济分类 (3xx, 5xx); every other table's are 功能分类 (2xx). A module of its
 * own, not keys.ts: the page and the worker both load keys.ts on a first visit, and only the readers and
 * the audit ask this.
 */
export const ECONOMIC_TABLES: readonly TableKey[] = ['basic_expense', 'fiscal_basic_expense', 'operating_cost', 'general_economic'];
export const isEconomicTable = (table: TableKey | null | undefined): boolean => table != null && ECONOMIC_TABLES.includes(table);
