import type { TableKey } from '../model/keys';

/**
 * A layout profile: how the cells of one table layout map to FORMAT keys, taught once by a person
 * and applied to every later table with the same signature. It is data, never code: it can only say
 * which kind a table is, what each column holds and which row key each label is (validate.ts checks
 * every field of a file from outside).
 */
export const PROFILE_VERSION = 1;
/** The `schema` field of a profiles file: what tells our file from any other JSON. */
export const PROFILE_SCHEMA = 'budget-lens/layout-profiles';

/** What identifies a layout: the title's words, the header cells and the column count (signature.ts). */
export interface TableSignature {
  /** The title's name without number, year, unit or scope (「经费甲类明细表」). */
  title: string;
  /** The header rows, each its cells compacted and joined by 「|」, years written YYYY. */
  header: string[];
  columns: number;
}

/** What a column holds: skipped (序号, 栏次), the row's code, its name (or label), or amounts under a column key. */
export type ColumnRole = 'skip' | 'code' | 'name' | string;
export const SPECIAL_ROLES = ['skip', 'code', 'name'] as const;

/**
 * A label of a label table (收支总表, 三公) read as a row key: the label column it stands in, its words
 * and, for a label printed more than once in that column (「一般公共预算拨款」 under 本年收入 and
 * again under 上年结转), which time (0 the first; absent: 0).
 */
export interface LabelRow {
  column: number;
  label: string;
  row: string;
  occurrence?: number;
}

export interface LayoutProfile {
  version: typeof PROFILE_VERSION;
  name: string;
  signature: TableSignature;
  kind: Exclude<TableKey, 'facts'>;
  /** One role per column, signature.columns of them. */
  columns: ColumnRole[];
  /** Label tables only: each label's row key. Coded tables take the row key from their codes. */
  rows: LabelRow[];
}

/** A profiles file: what export writes and import, the CLI and a catalog read. */
export interface ProfilesFile {
  schema: typeof PROFILE_SCHEMA;
  version: typeof PROFILE_VERSION;
  profiles: LayoutProfile[];
}

/** Caps on a file from outside: nothing a person teaches comes near them. */
export const PROFILE_LIMITS = {
  bytes: 256 * 1024,
  profiles: 200,
  columns: 64,
  headerRows: 12,
  rows: 500,
  text: 200,
} as const;
